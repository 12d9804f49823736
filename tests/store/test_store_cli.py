"""The query command sub-app, mounted as the lead mounts it in cli.py."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from claimgraph.query.cli import query_app
from claimgraph.render.export import EVENT_COLUMNS
from claimgraph.store import open_store
from tests.store.store_samples import corpus

app = typer.Typer()
app.add_typer(query_app, name="query")
runner = CliRunner()


def _db(tmp_path: Path) -> str:
    db = str(tmp_path / "news.duckdb")
    with open_store(db) as store:
        for record in corpus():
            store.add_record(record)
    return db


def test_query_attributions_as_jsonl_with_filters(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = runner.invoke(app, ["query", "attributions", "--db", db, "-f", "jsonl",
                                 "--anonymous", "--outlet", "Harbor Times"])
    assert result.exit_code == 0, result.output
    (item,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert item["source"]["text"] == "officials"


def test_query_events_csv_uses_acled_columns(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = runner.invoke(app, ["query", "events", "--db", db, "-f", "csv", "--all"])
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == list(EVENT_COLUMNS)
    assert [r["event_type"] for r in reader] == ["AID", "ASSAULT", "CONSULT"]


def test_query_table_and_parquet_output(tmp_path: Path) -> None:
    db = _db(tmp_path)
    table = runner.invoke(app, ["query", "sources", "--db", db, "--limit", "3"])
    assert table.exit_code == 0 and "sources: 3 of 7" in table.stdout
    out = tmp_path / "places.parquet"
    result = runner.invoke(app, ["query", "places", "--db", db, "-f", "parquet", "-o", str(out)])
    assert result.exit_code == 0 and out.stat().st_size > 0


def test_query_a_missing_database_is_a_coded_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "documents", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "E201" in result.output


def test_query_document_and_source_as_json(tmp_path: Path) -> None:
    db = _db(tmp_path)
    doc = runner.invoke(app, ["query", "document", "doc-gaza", "--db", db])
    assert json.loads(doc.stdout)["title"] == "Aid reaches Rafah"
    missing = runner.invoke(app, ["query", "document", "nope", "--db", db])
    assert missing.exit_code == 2


def test_the_event_export_counts_only_what_happened_unless_asked(tmp_path: Path) -> None:
    """The ACLED/GDELT-like export counts positive, certain-or-probable, non-future events;
    ``--any-factuality`` shows the rest too (issue 13)."""
    db = str(tmp_path / "news.duckdb")
    with open_store(db) as store:
        for record in corpus():
            record.events = [dataclasses.replace(e, tense="future") if e.type == "CONSULT"
                             else dataclasses.replace(e, certainty="probable")
                             for e in record.events]
            store.add_record(record)
    counted = runner.invoke(app, ["query", "events", "--db", db, "-f", "csv", "--all"])
    shown = runner.invoke(app, ["query", "events", "--db", db, "-f", "csv", "--all",
                                "--any-factuality"])
    assert counted.exit_code == shown.exit_code == 0, counted.output + shown.output
    assert [r["event_type"] for r in csv.DictReader(io.StringIO(counted.stdout))] == \
        ["AID", "ASSAULT"]
    assert [r["event_type"] for r in csv.DictReader(io.StringIO(shown.stdout))] == \
        ["AID", "ASSAULT", "CONSULT"]
