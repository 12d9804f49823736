"""The ``claimgraph`` command as a user types it: ``ingest`` (the pipeline's command)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app

runner = CliRunner()


def test_ingest_command_reports_counts(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen on Friday.")
    (tmp_path / "b.txt").write_text("")
    db = str(tmp_path / "out.duckdb")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "--db", db, "--no-progress", "--json"])
    assert result.exit_code == 1, result.output  # b.txt was rejected
    stats = json.loads(result.stdout.splitlines()[0])
    assert (stats["stored"], stats["rejected"]) == (1, 1)
    rejected = runner.invoke(app, ["query", "rejected", "--db", db, "--format", "jsonl"])
    assert json.loads(rejected.stdout)["code"] == "E103"


def test_ingest_command_refuses_a_bad_date(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"),
                                 "--published", "yesterday"])
    assert result.exit_code == 2
    assert "E002" in result.output


def test_ingest_exits_non_zero_when_an_input_is_rejected_even_if_none_was_stored(
    tmp_path: Path,
) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.txt"),
                                 "--db", str(tmp_path / "x.duckdb"), "--no-progress"])
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("0 stored, 0 skipped (already stored), 1 rejected")


def test_ingest_exits_zero_and_counts_when_everything_was_stored_or_skipped(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen on Friday.")
    args = ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"),
            "--no-progress"]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0
    assert again.stderr.strip().splitlines()[-1].startswith(
        "0 stored, 1 skipped (already stored), 0 rejected in ")
