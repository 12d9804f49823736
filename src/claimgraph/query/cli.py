"""``claimgraph query ...``: a Typer sub-app, each command = options -> one query function.

Mount it in ``claimgraph/cli.py`` with ``app.add_typer(query_app, name="query")``.
Every list command takes ``--db``, ``--format table|jsonl|csv|parquet``, ``--output FILE``,
``--limit``/``--offset`` (or ``--all``) and its filters; tables show the main columns, the
other formats every field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console

from claimgraph.errors import ClaimgraphError

query_app = typer.Typer(
    help="Read the database: documents, claims, sources, events, places, outlets, rejected.",
    no_args_is_help=True,
    add_completion=False,
)
_err = Console(stderr=True)

Db = Annotated[str, typer.Option("--db", help="DuckDB file or postgresql:// URL.")]
Fmt = Annotated[str, typer.Option("--format", "-f", help="table, jsonl, csv or parquet.")]
Out = Annotated[str | None, typer.Option("--output", "-o", help="Write to FILE (Parquet needs it).")]
Limit = Annotated[int, typer.Option(help="Rows per page (at most 1000).")]
Offset = Annotated[int, typer.Option(help="Rows to skip.")]
All = Annotated[bool, typer.Option("--all", help="Every matching row (ignores --limit).")]
Since = Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM, YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Up to this date, inclusive.")]
Outlet = Annotated[str | None, typer.Option(help="Only this outlet.")]
Text = Annotated[str | None, typer.Option("--q", help="Words to search for.")]
Anonymous = Annotated[
    bool | None, typer.Option("--anonymous/--named", help="Only anonymous (or named) sources.")
]

DEFAULT_DB = "claimgraph.duckdb"

_COLUMNS: dict[str, list[str]] = {
    "documents": ["id", "published", "outlet", "title", "counts.attributions", "counts.events"],
    "attributions": [
        "document.published", "document.outlet", "source_name", "source.kind",
        "source.anonymous", "cue.text", "content.text",
    ],
    "sources": ["id", "name", "kind", "anonymous", "claims", "relayed", "documents"],
    "places": ["name", "country", "lat", "lon", "mentions", "documents", "events"],
}


_EVENT_TABLE = ["date", "event_type", "actor1", "actor2", "place", "country", "source",
                "claimed_by"]


def _run(
    fetch: Callable[[Any], dict[str, Any] | list[dict[str, Any]]],
    db: str,
    fmt: str,
    output: str | None,
    *,
    kind: str,
    shape: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None,
    columns: list[str] | None = None,
) -> None:
    """Open the store read-only where possible, fetch, write; coded errors exit with 2."""
    from claimgraph.render.export import write
    from claimgraph.store import open_store

    try:
        with open_store(db, read_only=not db.startswith("postgres")) as store:
            result = fetch(store)
        items = result["items"] if isinstance(result, dict) else result
        total = result.get("total", len(items)) if isinstance(result, dict) else len(items)
        if shape is not None:
            items = shape(items)
        table_cols = columns if columns is not None else _COLUMNS.get(kind)
        write(items, fmt, output, columns=table_cols if fmt == "table" else None,
              title=f"{kind}: {len(items)} of {total}" if fmt == "table" else None)
    except ClaimgraphError as exc:
        _err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None


def _limit(limit: int, all_rows: bool) -> int | None:
    return None if all_rows else limit


@query_app.command("documents")
def documents_command(
    db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None, limit: Limit = 50,
    offset: Offset = 0, all_rows: All = False, outlet: Outlet = None, since: Since = None,
    until: Until = None, q: Text = None,
) -> None:
    """Stored documents, newest first, with counts of what was found in each."""
    from claimgraph.query import list_documents

    _run(lambda s: list_documents(s, limit=_limit(limit, all_rows), offset=offset,
                                  outlet=outlet, since=since, until=until, q=q),
         db, fmt, output, kind="documents")


@query_app.command("document")
def document_command(
    document_id: Annotated[str, typer.Argument(help="The document's id.")],
    db: Db = DEFAULT_DB, output: Out = None,
) -> None:
    """One document's full record, as JSON."""
    from claimgraph.query import get_document

    def fetch(store: Any) -> list[dict[str, Any]]:
        record = get_document(store, document_id)
        if record is None:
            raise ClaimgraphError("E101", f"no document {document_id!r} in {db}")
        return [record]

    _run(fetch, db, "jsonl", output, kind="document")


@query_app.command("attributions")
def attributions_command(
    db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None, limit: Limit = 50,
    offset: Offset = 0, all_rows: All = False,
    source: Annotated[str | None, typer.Option(help="Words in the source or its name.")] = None,
    source_id: Annotated[str | None, typer.Option(help="Exactly this source id.")] = None,
    outlet: Outlet = None,
    kind: Annotated[str | None, typer.Option(help="Source kind: person, government, ...")] = None,
    anonymous: Anonymous = None, since: Since = None, until: Until = None,
    place: Annotated[str | None, typer.Option(help="The article mentions this place.")] = None,
    country: Annotated[str | None, typer.Option(help="The article mentions this country (ISO alpha-2).")] = None,
    event_type: Annotated[str | None, typer.Option(help="The article reports this event type.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="direct, indirect, mixed, ...")] = None,
    hedged: Annotated[bool | None, typer.Option("--hedged/--unhedged", help="Only (un)hedged claims.")] = None,
    document: Annotated[str | None, typer.Option(help="One document's claims.")] = None,
    q: Text = None,
    text: Annotated[str | None, typer.Option(help="Words anywhere in the article.")] = None,
) -> None:
    """Claims: who says what, through whom, how surely."""
    from claimgraph.query import list_attributions

    _run(lambda s: list_attributions(
        s, limit=_limit(limit, all_rows), offset=offset, source=source, source_id=source_id,
        outlet=outlet, kind=kind, anonymous=anonymous, since=since, until=until, place=place,
        country=country, event_type=event_type, type=type_, hedged=hedged, document=document,
        q=q, text=text), db, fmt, output, kind="attributions")


@query_app.command("sources")
def sources_command(
    db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None, limit: Limit = 50,
    offset: Offset = 0, all_rows: All = False, q: Text = None,
    kind: Annotated[str | None, typer.Option(help="Source kind.")] = None,
    anonymous: Anonymous = None, outlet: Outlet = None, since: Since = None, until: Until = None,
    min_claims: Annotated[int, typer.Option(help="At least this many claims.")] = 0,
) -> None:
    """Sources, most cited first, with the outlets citing them."""
    from claimgraph.query import list_sources

    _run(lambda s: list_sources(
        s, limit=_limit(limit, all_rows), offset=offset, q=q, kind=kind, anonymous=anonymous,
        outlet=outlet, since=since, until=until, min_claims=min_claims),
        db, fmt, output, kind="sources")


@query_app.command("source")
def source_command(
    source_id: Annotated[str, typer.Argument(help="A source id (from `query sources`).")],
    db: Db = DEFAULT_DB, output: Out = None,
) -> None:
    """One source: every claim it made, with via chains, as JSON."""
    from claimgraph.query import get_source

    def fetch(store: Any) -> list[dict[str, Any]]:
        found = get_source(store, source_id)
        if found is None:
            raise ClaimgraphError("E101", f"no source {source_id!r} in {db}")
        return [found]

    _run(fetch, db, "jsonl", output, kind="source")


@query_app.command("events")
def events_command(
    db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None, limit: Limit = 50,
    offset: Offset = 0, all_rows: All = False,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Since = None, until: Until = None,
    country: Annotated[str | None, typer.Option(help="Place (alpha-2) or actor (alpha-3) country.")] = None,
    place: Annotated[str | None, typer.Option(help="Words in the place name.")] = None,
    actor: Annotated[str | None, typer.Option(help="Words in the actor or target.")] = None,
    outlet: Outlet = None,
    claimed_by: Annotated[str | None, typer.Option(help="A source id.")] = None,
    q: Text = None,
    full: Annotated[bool, typer.Option("--full", help="Every field, not the ACLED-like columns.")] = False,
) -> None:
    """Events by date; table/CSV/Parquet use ACLED/GDELT-like columns unless --full."""
    from claimgraph.query import list_events
    from claimgraph.render.export import EVENT_COLUMNS, event_rows

    acled = not full and fmt != "jsonl"
    _run(lambda s: list_events(
        s, limit=_limit(limit, all_rows), offset=offset, type=type_, since=since, until=until,
        country=country, place=place, actor=actor, outlet=outlet, claimed_by=claimed_by, q=q),
        db, fmt, output, kind="events", shape=event_rows if acled else None,
        columns=(_EVENT_TABLE if fmt == "table" else list(EVENT_COLUMNS)) if acled else None)


@query_app.command("places")
def places_command(
    db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None, limit: Limit = 100,
    offset: Offset = 0, all_rows: All = False,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2.")] = None,
    kind: Annotated[str | None, typer.Option(help="place, demonym or metonym.")] = None,
    outlet: Outlet = None, since: Since = None, until: Until = None,
    located: Annotated[bool | None, typer.Option("--located/--unlocated", help="With (or without) coordinates.")] = None,
    q: Text = None,
) -> None:
    """Places with mention, document and event counts (for a map)."""
    from claimgraph.query import list_places

    _run(lambda s: list_places(
        s, limit=_limit(limit, all_rows), offset=offset, country=country, kind=kind,
        outlet=outlet, since=since, until=until, located=located, q=q),
        db, fmt, output, kind="places")


@query_app.command("outlets")
def outlets_command(db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None) -> None:
    """Outlets with documents, claims and the share of claims from anonymous sources."""
    from claimgraph.query import list_outlets

    _run(list_outlets, db, fmt, output, kind="outlets")


@query_app.command("rejected")
def rejected_command(db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None) -> None:
    """Inputs that were not stored, with the error code and reason."""
    from claimgraph.query import list_rejected

    _run(list_rejected, db, fmt, output, kind="rejected")
