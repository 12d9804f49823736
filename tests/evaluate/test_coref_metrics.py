"""MUC, B³ and CEAF-e as the CoNLL reference scorer computes them (Pradhan et al. 2014's
worked example: key {a b c} {d e f g}, response {a b} {c d} {f g h i})."""

from __future__ import annotations

import pytest

from claimgraph.evaluate import coref_metrics
from claimgraph.evaluate.scoring import Report

KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc_counts_links_kept_over_links_needed() -> None:
    assert coref_metrics.muc(KEY, RESPONSE) == ((2, 5), (2, 5))


def test_bcubed_gives_a_mention_missing_from_the_other_side_nothing() -> None:
    (r_num, r_den), (p_num, p_den) = coref_metrics.bcubed(KEY, RESPONSE)
    assert r_num / r_den == pytest.approx(0.4167, abs=1e-4)  # e is in no response cluster
    assert p_num / p_den == pytest.approx(0.5)  # h and i are in no key cluster


def test_ceafe_aligns_clusters_one_to_one() -> None:
    (r_num, r_den), (p_num, p_den) = coref_metrics.ceafe(KEY, RESPONSE)
    assert r_num / r_den == pytest.approx(0.65)
    assert p_num / p_den == pytest.approx(0.4333, abs=1e-4)


def test_ceafe_picks_the_best_alignment_not_the_first() -> None:
    key = [frozenset("ab"), frozenset("cdef")]
    response = [frozenset("abcd"), frozenset("ef")]
    # greedy would give key{cdef} to response{abcd}; the best total pairs ab-abcd, cdef-ef
    (num, _), _ = coref_metrics.ceafe(key, response)
    assert num == pytest.approx(2 * 2 / 6 + 2 * 2 / 6)


def test_scores_of_two_documents_add_up_to_the_score_of_both() -> None:
    apart, together = Report("t", "d"), Report("t", "d")
    coref_metrics.score(apart, "", KEY[:1], RESPONSE[:1])
    coref_metrics.score(apart, "", KEY[1:], RESPONSE[1:])
    coref_metrics.score(together, "", KEY, RESPONSE)
    assert apart.values["muc.recall"] == together.values["muc.recall"]


def test_conll_f1_is_the_mean_of_the_three() -> None:
    report = Report("t", "d")
    coref_metrics.score(report, "x.", KEY, RESPONSE)
    coref_metrics.add_f1(report, "x.")
    f1s = [report.values[f"x.{m}.f1"][0] for m in coref_metrics.METRICS]
    assert report.values["x.conll.f1"][0] == pytest.approx(sum(f1s) / 3)


def test_pairwise_counts_coreferent_pairs() -> None:
    counts = coref_metrics.pairwise(KEY, RESPONSE)
    assert (counts.tp, counts.fp, counts.fn) == (2, 6, 7)
