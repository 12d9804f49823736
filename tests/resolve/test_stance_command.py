"""``claimgraph stance --json PAIRS.jsonl`` as a user runs it: one output line per good input
line, in order, as the contract says; a bad line is a one-line coded error, the others still
judged, and the exit code says a line was rejected."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.resolve.stance import LABELS

runner = CliRunner()

GOOD = [
    {"id": "p1", "claim": "The mayor resigned on Friday",
     "text": "The mayor denied on Friday that she had resigned, calling the reports false."},
    {"id": 2, "claim": "The mayor resigned on Friday",
     "text": "The harvest was late this year because of a cold spring."},
]


def write(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_each_line_gets_id_stance_and_score(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stance", "--json", write(tmp_path, [json.dumps(r) for r in GOOD])])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["p1", 2]
    for row in rows:
        assert set(row) == {"id", "stance", "score"}
        assert row["stance"] in LABELS
        assert isinstance(row["score"], float) and 0.0 <= row["score"] <= 1.0


def test_a_bad_line_is_a_coded_error_and_the_others_are_judged(tmp_path: Path) -> None:
    lines = [json.dumps(GOOD[0]), "{not json", json.dumps({"id": "x", "claim": "no text"}),
             "[1, 2]", json.dumps(GOOD[1])]
    result = runner.invoke(app, ["stance", "--json", write(tmp_path, lines)])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["p1", 2]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 3
    assert all("[E113]" in line and "pairs.jsonl:" in line for line in errors)
    assert "pairs.jsonl:3: 'text' must be a string" in errors[1]


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stance", "--json", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "E101" in result.output
