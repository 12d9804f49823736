"""The stance scorer: FNC-1's weighted score, per-class counts and their macro F1, and the
"discuss when related" baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.stance import baseline, evaluate, score
from claimgraph.resolve.stance_data import LabelledPair


def pairs(*labels: str) -> list[LabelledPair]:
    return [LabelledPair("claim", "text", label, "1") for label in labels]


def test_fnc_score_weighs_related_classes() -> None:
    gold = pairs("agree", "disagree", "unrelated", "unrelated")
    report = score(gold, ["agree", "discuss", "unrelated", "agree"])
    # best: 1 + 1 + 0.25 + 0.25 = 2.5; got: 1 (agree) + 0.25 (related) + 0.25 + 0 = 1.5
    assert report.metrics()["fnc_score"] == pytest.approx(1.5 / 2.5)


def test_macro_f1_is_the_mean_of_the_four_classes() -> None:
    gold = pairs("agree", "disagree", "discuss", "unrelated")
    report = score(gold, ["agree", "discuss", "discuss", "unrelated"])
    # agree 1, disagree 0, discuss P 0.5 R 1 -> 2/3, unrelated 1
    assert report.metrics()["macro_f1"] == pytest.approx((1 + 0 + 2 / 3 + 1) / 4, abs=1e-4)
    assert report.counts["disagree"].fn == 1 and report.counts["discuss"].fp == 1


def test_baseline_discusses_a_text_sharing_half_the_claims_words() -> None:
    claim = "Spider burrowed into tourist's stomach"
    assert baseline(claim, "A tourist says a spider burrowed under his skin.") == "discuss"
    assert baseline(claim, "Storms close schools in the south.") == "unrelated"


def test_an_unknown_fold_is_refused_before_any_training(tmp_path: Path) -> None:
    with pytest.raises(ClaimgraphError, match=r"\[E003\] unknown fold 'c'"):
        evaluate(tmp_path, fold="c")
