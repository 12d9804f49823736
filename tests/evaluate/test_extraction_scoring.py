"""The extraction scorer: the benchmark's 4-token shingles, per page, averaged over pages."""

from __future__ import annotations

import pytest

from claimgraph.evaluate.extraction import ShingleReport, page_scores, shingles


def test_tokens_are_word_character_runs_and_punctuation_is_dropped() -> None:
    assert shingles("Hello, world! It's 2019.") == shingles("Hello world It s 2019")


def test_case_is_kept() -> None:
    assert shingles("One two three four") != shingles("one two three four")


def test_repeated_shingles_are_counted() -> None:
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2


def test_a_text_shorter_than_a_shingle_is_one_shorter_shingle() -> None:
    assert list(shingles("just two")) == [("just", "two")]
    assert not shingles("")


def test_extra_clutter_costs_precision_not_recall() -> None:
    gold = "The minister said on Monday that the budget would be cut by half."
    scores = page_scores(gold, gold + " Share this story with a friend today please.")
    assert scores["recall"] == 1.0
    assert scores["precision"] == pytest.approx(10 / 18)


def test_nothing_extracted_leaves_the_page_out_of_precision() -> None:
    scores = page_scores("Some gold body text here.", "")
    assert scores["precision"] is None
    assert scores["recall"] == 0.0
    assert scores["page_f1"] == 0.0


def test_f1_is_the_harmonic_mean_of_the_mean_precision_and_recall() -> None:
    report = ShingleReport("extraction", "-", documents=2)
    report.values = {"precision": (1.5, 2), "recall": (1.0, 2)}
    assert report.metrics()["f1"] == round(2 * 0.75 * 0.5 / 1.25, 4)
