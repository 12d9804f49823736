"""The ``claimgraph`` command as a user types it: ``ingest`` (the pipeline's command), help that
reads as prose (no sentence broken mid-line) and the evaluation listing."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
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


def groups() -> list[tuple[list[str], Any]]:
    """The main command group and every sub-group (``query``), with the words that reach it."""
    root: Any = typer.main.get_command(app)
    found = [([], root)]
    found += [([name], cmd) for name, cmd in root.commands.items() if hasattr(cmd, "commands")]
    return found


def summary(command: Any) -> str:
    """A command's first help paragraph on one line: what the listing must show unbroken."""
    text = inspect.cleandoc(command.short_help or command.help or "").split("\n\n")[0]
    return " ".join(text.replace("`", "").split())


@pytest.mark.parametrize("words, group", groups(), ids=lambda x: " ".join(x) if isinstance(x, list) else "")
def test_command_listing_keeps_each_summary_on_one_line(words, group):
    result = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "400"}, terminal_width=400)
    assert result.exit_code == 0
    lines = [" ".join(line.strip("│ ").split()) for line in result.output.splitlines()]
    for name, command in group.commands.items():
        row = next(line for line in lines if line.startswith(name + " "))
        assert summary(command) in row, name


def commands(words: list[str] | None = None, group: Any = None) -> list[tuple[list[str], Any]]:
    """Every leaf command with the words that reach it (``["query", "events"]``)."""
    words, group = words or [], group or typer.main.get_command(app)
    found = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found += commands([*words, name], command)
        else:
            found.append(([*words, name], command))
    return found


@pytest.mark.parametrize("words, command", commands(), ids=lambda x: " ".join(x) if isinstance(x, list) else "")
def test_each_command_help_page_keeps_its_summary_on_one_line(words, command):
    result = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "400"}, terminal_width=400)
    assert result.exit_code == 0
    lines = [" ".join(line.strip("│ ").split()) for line in result.output.splitlines()]
    assert any(summary(command) in line for line in lines)


def test_eval_list_has_a_header_and_a_description_per_task():
    result = runner.invoke(app, ["eval", "list"], env={"COLUMNS": "200"}, terminal_width=200)
    assert result.exit_code == 0
    assert "task" in result.output and "what it scores" in result.output
    assert "PolNeAR" in result.output and "TempEval-3" in result.output


def test_eval_list_json_names_task_description_and_data():
    tasks = json.loads(runner.invoke(app, ["eval", "list", "--json"]).output)
    attribution = next(t for t in tasks if t["task"] == "attribution")
    assert attribution["data"] == "polnear/data/dev"
    assert attribution["description"].startswith("Attribution scored against PolNeAR")


def test_ingest_says_how_many_were_rejected_before_and_retries_them_when_asked(
    tmp_path: Path, monkeypatch
) -> None:
    import claimgraph.analyze
    from claimgraph.errors import DocumentError

    def fail_all(items, *args, **kwargs):  # type: ignore[no-untyped-def]
        for d in items:
            yield DocumentError("E110", d.source, "analysis failed: boom")

    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen on Friday.")
    args = ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"),
            "--no-progress"]
    monkeypatch.setattr(claimgraph.analyze, "analyze_documents", fail_all)
    assert runner.invoke(app, args).exit_code == 1
    again = runner.invoke(app, args)
    assert again.exit_code == 1  # still not stored
    assert again.stderr.strip().splitlines()[-1].startswith(
        "0 stored, 0 skipped (already stored), 0 rejected, 1 rejected before (skipped; "
        "--retry-rejected tries them again)")
    monkeypatch.undo()
    retried = runner.invoke(app, [*args, "--retry-rejected"])
    assert retried.exit_code == 0, retried.output
    assert retried.stderr.strip().splitlines()[-1].startswith("1 stored, ")


# -- dates the user gives, and deleting a document (issue 11 item 6) -------------------------

@pytest.mark.parametrize("bad", ["not a date", 99999, "2024-13-45", "0000-01-01"])
def test_ingest_refuses_a_jsonl_row_with_a_bad_date_in_one_line(tmp_path: Path, bad: Any) -> None:
    """Refused, not stored dateless: the same answer the API gives (422 invalid_date)."""
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "Kyiv said.", "published": bad}) + "\n")
    db = str(tmp_path / "x.duckdb")
    result = runner.invoke(app, ["ingest", str(tmp_path / "c.jsonl"), "--db", db, "--no-progress"])
    assert result.exit_code == 1
    [line] = [x for x in result.stderr.splitlines() if x.startswith("error")]
    assert line == (f"error [E112] {tmp_path / 'c.jsonl'}:1: published must be a calendar day "
                    f"YYYY-MM-DD, got {bad!r}")
    rejected = runner.invoke(app, ["query", "rejected", "--db", db, "--format", "jsonl"])
    assert json.loads(rejected.stdout)["code"] == "E112"


def _stored(tmp_path: Path, ids: list[str]) -> str:
    from claimgraph.record import Record
    from claimgraph.store import open_store

    db = str(tmp_path / "x.duckdb")
    with open_store(db) as store:
        for doc_id in ids:
            store.add_record(Record(id=doc_id, source="t", published=None, text="Kyiv said."))
    return db


def test_delete_removes_a_stored_document(tmp_path: Path) -> None:
    from claimgraph.store import open_store

    db = _stored(tmp_path, ["a", "b"])
    result = runner.invoke(app, ["delete", "a", "--db", db])
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as store:
        assert store.stored_ids(["a", "b"]) == {"b"}


def test_delete_of_an_unknown_id_says_so_and_exits_1(tmp_path: Path) -> None:
    db = _stored(tmp_path, ["a"])
    result = runner.invoke(app, ["delete", "nope", "a", "--db", db])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error [E101] nope: no such document in {db}",
                                          "1 deleted, 1 not found"]


def test_delete_does_not_create_a_missing_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["delete", "a", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and not (tmp_path / "none.duckdb").exists()


def db_defaults() -> dict[str, object]:
    """The ``--db`` default of every command and sub-command that reads or writes the user's
    database (``bench-api`` builds a synthetic one of its own, elsewhere)."""
    root: Any = typer.main.get_command(app)
    found: dict[str, object] = {}
    stack = [("", root)]
    while stack:
        prefix, command = stack.pop()
        for name, sub in getattr(command, "commands", {}).items():
            stack.append((f"{prefix}{name} ", sub))
        for param in getattr(command, "params", []):
            if "--db" in getattr(param, "opts", []) and not prefix.startswith("bench"):
                found[prefix.strip()] = param.default
    return found


def test_every_db_option_defaults_to_what_make_run_writes() -> None:
    from claimgraph.store import DEFAULT_DB

    makefile = (Path(__file__).resolve().parents[1] / "Makefile").read_text(encoding="utf-8")
    (make_db,) = re.findall(r"^DB\s*\?=\s*(\S+)", makefile, flags=re.M)
    defaults = db_defaults()
    assert {"ingest", "show", "serve", "query attributions"} <= set(defaults)
    assert set(defaults.values()) == {DEFAULT_DB} == {make_db}


def test_ingest_creates_the_folder_of_the_default_database(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "empty.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ingest", "empty.txt", "--no-progress"])
    assert result.exit_code == 1  # the input was rejected, but the database exists
    assert (tmp_path / "var" / "claimgraph.duckdb").is_file()


def test_resolve_json_writes_one_corpus_record_a_line_as_the_contract_says(tmp_path: Path) -> None:
    from tests.resolve.reports import QUAKE_A, QUAKE_A_COPY, QUAKE_B

    for name, text in [("a.txt", QUAKE_A), ("copy.txt", QUAKE_A_COPY), ("b.txt", QUAKE_B)]:
        (tmp_path / name).write_text(text)
    result = runner.invoke(app, ["resolve", "--json", "--published", "2018-02-06", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    keys = {"copies": {"kind", "id", "documents", "original"},
            "story": {"kind", "id", "documents", "title", "first_published", "last_published"},
            "event": {"kind", "id", "story", "type", "mentions"},
            "claim": {"kind", "id", "story", "source", "content", "mentions", "first",
                      "independent_sources", "outlets"},
            "relation": {"kind", "type", "a", "b", "reason"}}
    assert [line["kind"] for line in lines[:3]] == ["copies", "story", "story"]
    assert all(set(line) == keys[line["kind"]] for line in lines)


def test_resolve_without_inputs_reads_the_database_and_says_when_there_is_none(
        tmp_path: Path) -> None:
    result = runner.invoke(app, ["resolve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "[E201]" in result.output


def test_resolve_store_keeps_what_it_found_and_a_rerun_replaces_it(tmp_path: Path) -> None:
    from claimgraph.store import open_store
    from claimgraph.store.corpus_rows import TABLE
    from tests.resolve.reports import QUAKE_A, QUAKE_A_COPY, QUAKE_B

    inputs, db = tmp_path / "in", str(tmp_path / "resolved.duckdb")
    inputs.mkdir()
    for name, text in [("a.txt", QUAKE_A), ("copy.txt", QUAKE_A_COPY), ("b.txt", QUAKE_B)]:
        (inputs / name).write_text(text)
    first = runner.invoke(app, ["resolve", "--store", "--db", db, "--json",
                                "--published", "2018-02-06", str(inputs)])
    assert first.exit_code == 0, first.output

    def kept() -> list:
        with open_store(db, read_only=True) as store:
            assert store.count("documents") == 3  # the inputs were stored with their results
            return [r for kind in TABLE for r in store.corpus_records(kind)]

    def stored() -> list[str]:
        return sorted(json.dumps(r.to_dict(), ensure_ascii=False) for r in kept())

    assert stored() == sorted(first.stdout.splitlines())
    again = runner.invoke(app, ["resolve", "--store", "--db", db, "--json"])  # the whole database
    assert again.exit_code == 0, again.output
    assert stored() == sorted(again.stdout.splitlines())  # what the first run found is replaced
    packed = runner.invoke(app, ["resolve", "--db", db, "--json", "--packed"])
    assert packed.exit_code == 0, packed.output
    assert packed.stdout == again.stdout  # the documents streamed from the store, held packed
