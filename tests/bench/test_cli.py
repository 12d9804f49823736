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
