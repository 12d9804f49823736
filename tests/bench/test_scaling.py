"""The scaling benchmark: processes against one, and one text at growing lengths."""

from __future__ import annotations

from claimgraph.bench.scaling import joined_text, run_length_bench, run_processes_bench

ARTICLE = ("Officials said on Monday that 40 people were killed in Kharkiv. "
           "\"We will respond,\" the ministry said.")


def test_a_joined_text_has_the_length_asked_and_ends_at_a_word():
    text = joined_text([ARTICLE, "Another short report from Kyiv."], 1000)
    assert 900 < len(text) <= 1000
    assert not text.endswith(" ")
    assert "\n\n" in text  # articles stay paragraphs


def test_processes_are_timed_against_one_with_a_workers_peak_memory():
    result = run_processes_bench([ARTICLE] * 6, workers=2, rounds=1)
    assert result.documents == 6 and result.one_seconds > 0 and result.many_seconds > 0
    assert result.worker_peak_mb > 100  # a worker holds a spaCy model
    assert "speed-up" in result.lines()[-1]


def test_each_length_gets_its_own_ratio():
    results = run_length_bench([ARTICLE], [500, 2000], rounds=1)
    assert [r.chars <= n for r, n in zip(results, [500, 2000], strict=True)] == [True, True]
    assert all(r.ratio > 0 for r in results)
