"""docs/storage.md documents every table, query command and option (as datasette's test_docs)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from typer.main import get_command

from claimgraph.cli import ingest as ingest_command
from claimgraph.query.cli import query_app
from claimgraph.store.corpus_rows import CORPUS_COLUMNS
from claimgraph.store.rows import COLUMNS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "storage.md").read_text(encoding="utf-8")
COMMANDS = get_command(query_app).commands  # type: ignore[attr-defined]


@pytest.mark.parametrize("table", [*COLUMNS, *CORPUS_COLUMNS, "rejected", "schema_migrations"])
def test_every_table_is_documented(table: str) -> None:
    assert f"| `{table}`" in DOC


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_query_command_is_documented(name: str) -> None:
    assert f"| `{name}" in DOC


@pytest.mark.parametrize(
    "option",
    sorted({
        opt
        for command in COMMANDS.values()
        for param in command.params
        if getattr(param, "param_type_name", "") == "option"
        for opt in [*param.opts, *param.secondary_opts]
        if opt.startswith("--")
    }),
)
def test_every_query_option_is_documented(option: str) -> None:
    assert f"`{option}`" in DOC


@pytest.mark.parametrize("name", [p for p in inspect.signature(ingest_command).parameters
                                  if p not in ("paths", "as_json")])
def test_every_ingest_option_is_documented(name: str) -> None:
    assert f"--{name.replace('_', '-')}" in DOC
