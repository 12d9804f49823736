"""The three benchmarks are commands of the main CLI, each failing with a coded error."""

from __future__ import annotations

from typer.testing import CliRunner

from claimgraph.cli import app


def test_every_benchmark_is_a_command():
    listing = CliRunner().invoke(app, ["--help"]).output
    for command in ("bench ", "bench-api", "bench-store"):
        assert command in listing


def test_bench_store_without_gold_articles_is_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_EVALDATA", str(tmp_path))
    result = CliRunner().invoke(app, ["bench-store", "--limit", "2"])
    assert result.exit_code == 2
    assert "E004" in result.output


def test_the_speed_bench_times_the_bare_parse_and_analyze_of_the_same_texts():
    from claimgraph.bench.analysis import run_bench

    texts = ["Officials said on Monday that 12 people were hurt in Kharkiv.",
             "The minister told reporters the talks would resume. " * 40]
    result = run_bench(texts, rounds=1)
    assert (result.documents, result.words) == (2, sum(len(t.split()) for t in texts))
    assert result.parse_seconds > 0 and result.analyze_seconds > 0
    assert any(line.startswith("ratio analyze / parse:") for line in result.lines())
