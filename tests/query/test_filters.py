"""Filters are declared once, in ``claimgraph.query``: the query functions check keywords against
them, ``claimgraph query`` makes its options from them and the API its query parameters."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from claimgraph import query
from claimgraph.errors import ClaimgraphError
from claimgraph.query.cli import filter_options, query_app
from claimgraph.query.filters import FilterSet, equals, text
from claimgraph.serve.api import query_model
from claimgraph.serve.app import create_app
from claimgraph.serve.database import memory_database
from claimgraph.store import open_store

LISTS = {  # command / route -> its declared filters
    "documents": query.DOCUMENT_FILTERS,
    "attributions": query.ATTRIBUTION_FILTERS,
    "sources": query.SOURCE_FILTERS,
    "events": query.EVENT_FILTERS,
    "places": query.PLACE_FILTERS,
    "stories": query.STORY_FILTERS,
    "claims": query.CLAIM_FILTERS,
    "relations": query.RELATION_FILTERS,
}
PAGING_OPTIONS = {"db", "fmt", "output", "limit", "offset", "all_rows"}


def cli_options(command: str) -> set[str]:
    commands = get_command(query_app).commands  # type: ignore[attr-defined]
    return {p.name for p in commands[command].params if p.name}


def api_parameters(path: str) -> set[str]:
    schema = create_app(None, database=memory_database([])).openapi()
    return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}


@pytest.mark.parametrize("name", LISTS)
def test_cli_options_are_the_declared_filters(name: str) -> None:
    extra = {"full"} if name == "events" else set()
    assert cli_options(name) == PAGING_OPTIONS | extra | set(LISTS[name].names())


@pytest.mark.parametrize("name", LISTS)
def test_api_parameters_are_the_declared_filters(name: str) -> None:
    assert api_parameters(f"/api/{name}") == {"limit", "offset", *LISTS[name].names()}


def test_a_declared_filter_reaches_the_query_the_cli_and_the_api() -> None:
    extended = FilterSet("documents", (
        *query.DOCUMENT_FILTERS,
        text("language", "Written in this language.", equals("d.language = ?"), max_length=8),
    ))
    # the query function's WHERE clause
    where = extended.where(extended.values({"language": "en"}))
    assert (where.sql(), where.params) == (" WHERE d.language = ?", ["en"])
    # a CLI option, passed on when given
    seen: list[dict[str, Any]] = []
    app = typer.Typer()
    app.command()(filter_options(extended)(lambda **filters: seen.append(filters)))
    assert CliRunner().invoke(app, ["--language", "en"]).exit_code == 0
    assert seen == [{"language": "en"}]
    # an API parameter with the declared bound
    field = query_model("LanguageQuery", extended).model_fields["language"]
    assert field.description == "Written in this language."
    assert any(getattr(m, "max_length", None) == 8 for m in field.metadata)


def test_an_unknown_filter_keyword_is_a_coded_error() -> None:
    with pytest.raises(ClaimgraphError) as info:
        query.ATTRIBUTION_FILTERS.values({"speaker": "Reuters"})
    assert info.value.code == "E002"
    assert "'speaker'" in info.value.message


@pytest.mark.parametrize("given", [
    {"country": "Russia"},          # not ISO alpha-2
    {"type": "rumour"},             # not a claim type
    {"since": "last week"},         # not a date
    {"anonymous": "yes"},           # not a bool
    {"q": "x" * 201},               # longer than any search
])
def test_a_value_outside_the_declared_bounds_is_a_coded_error(given: dict[str, Any]) -> None:
    with pytest.raises(ClaimgraphError) as info:
        query.ATTRIBUTION_FILTERS.values(given)
    assert info.value.code == "E002"


def test_the_cli_refuses_a_value_outside_the_declared_bounds(tmp_path: Any) -> None:
    db = str(tmp_path / "empty.duckdb")
    with open_store(db):
        pass
    result = CliRunner().invoke(query_app, ["places", "--db", db, "--country", "Russia"])
    assert result.exit_code == 2
    assert "E002" in result.output and "country" in result.output
