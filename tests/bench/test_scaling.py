"""The scaling benchmark: processes against one, and one text at growing lengths."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import processes
from claimgraph.bench.scaling import joined_text, run_length_bench, run_processes_bench

ARTICLE = ("Officials said on Monday that 40 people were killed in Kharkiv. "
           "\"We will respond,\" the ministry said.")


def test_a_joined_text_has_the_length_asked_and_ends_at_a_word():
    text = joined_text([ARTICLE, "Another short report from Kyiv."], 1000)
    assert 900 < len(text) <= 1000
    assert not text.endswith(" ")
    assert "\n\n" in text  # articles stay paragraphs


def test_each_length_gets_its_own_ratio():
    results = run_length_bench([ARTICLE], [500, 2000], rounds=1)
    assert [r.chars <= n for r, n in zip(results, [500, 2000], strict=True)] == [True, True]
    assert all(r.ratio > 0 for r in results)


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    return next(int(line.split()[1]) / 1024 for line in status.splitlines()
                if line.startswith("VmRSS:"))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_a_workers_peak_memory_is_its_own_not_the_size_of_the_process_that_started_it():
    """Processes timed against one, with the CPU each used and a worker's peak memory: its own
    (a child's getrusage peak counted this process's size at the fork that started it)."""
    processes.shutdown()  # the pool starts below, while this process is large
    ballast = b"x" * (600 * 2**20)
    result = run_processes_bench([ARTICLE] * 6, workers=2, rounds=1)
    assert result.documents == 6 and result.one_seconds > 0 and result.many_seconds > 0
    assert 100 < result.worker_peak_mb < _rss_mb() - 300  # a worker holds a spaCy model
    assert len(ballast) and result.worker_cpu and result.one_cpu > 0
    assert "speed-up" in result.lines()[-2] and "CPU per round" in result.lines()[-1]
