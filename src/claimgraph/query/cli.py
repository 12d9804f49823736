"""``claimgraph query ...``: a Typer sub-app, each command = options -> one query function.

Mount it in ``claimgraph/cli.py`` with ``app.add_typer(query_app, name="query")``.
Every list command takes ``--db``, ``--format table|jsonl|csv|parquet``, ``--output FILE``,
``--limit``/``--offset`` (or ``--all``) and its filters; tables show the main columns, the
other formats every field. The filter options are not written here: ``filter_options`` makes
one per filter that ``claimgraph.query`` declares for the list.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from claimgraph.errors import ClaimgraphError
from claimgraph.query.attributions import ATTRIBUTION_FILTERS
from claimgraph.query.claims import CLAIM_FILTERS
from claimgraph.query.documents import DOCUMENT_FILTERS
from claimgraph.query.events import EVENT_FILTERS
from claimgraph.query.filters import MAX_COUNT, MAX_LIMIT, Filter, FilterSet
from claimgraph.query.places import PLACE_FILTERS
from claimgraph.query.relations import RELATION_FILTERS
from claimgraph.query.sources import SOURCE_FILTERS
from claimgraph.query.stories import STORY_FILTERS
from claimgraph.store import DEFAULT_DB

query_app = typer.Typer(
    help="Read the database: documents, claims, sources, events, places, outlets, rejected; "
    "stories, claims across outlets and their relations.",
    no_args_is_help=True,
    add_completion=False,
)
_err = Console(stderr=True)

Db = Annotated[str, typer.Option("--db", help="DuckDB file or postgresql:// URL.")]
Fmt = Annotated[str, typer.Option("--format", "-f", help="table, jsonl, csv or parquet.")]
Out = Annotated[str | None, typer.Option("--output", "-o", help="Write to FILE (Parquet needs it).")]
Limit = Annotated[int, typer.Option(help=f"Rows per page (at most {MAX_LIMIT}).",
                                     min=0, max=MAX_LIMIT)]
Offset = Annotated[int, typer.Option(help="Rows to skip.", min=0, max=MAX_COUNT)]
All = Annotated[bool, typer.Option("--all", help="Every matching row (ignores --limit).")]


_COLUMNS: dict[str, list[str]] = {
    "documents": ["id", "published", "outlet", "title", "counts.attributions", "counts.events"],
    "attributions": [
        "document.published", "document.outlet", "source_name", "source.kind",
        "source.anonymous", "cue.text", "content.text",
    ],
    "sources": ["id", "name", "kind", "anonymous", "claims", "relayed", "documents"],
    "places": ["name", "country", "lat", "lon", "mentions", "documents", "events"],
    "stories": ["id", "first_published", "last_published", "title", "counts.documents",
                "counts.claims", "counts.contradictions"],
    "claims": ["first.published", "first.outlet", "source", "content", "independent_sources",
               "outlets", "reports"],
    "relations": ["type", "a.report.outlet", "b.report.outlet", "reason"],
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
        _err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _limit(limit: int, all_rows: bool) -> int | None:
    return None if all_rows else limit


Command = TypeVar("Command", bound=Callable[..., None])


def _option(f: Filter) -> inspect.Parameter:
    """The Typer option of one declared filter (its type optional: unset means no filter)."""
    kind = f.type if f.default is not None else f.type | None
    names = [f.flag] if f.flag else []
    bounds = {"min": f.ge, "max": f.le} if f.type is int else {}
    option = typer.Option(*names, help=f.help, **bounds)
    return inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default,
                             annotation=Annotated[kind, option])


def filter_options(filters: FilterSet) -> Callable[[Command], Command]:
    """Give a command one option per filter in ``filters``; the command receives them in its
    ``**filters`` (only those the user set), so a filter declared in ``claimgraph.query``
    is an option here without a line in this file."""

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        own = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
        params = [*own, *(_option(f) for f in filters)]
        names = {p.name for p in own}

        @functools.wraps(command)
        def run(**kwargs: Any) -> None:
            given = {k: v for k, v in kwargs.items() if k not in names and v is not None}
            command(**{k: v for k, v in kwargs.items() if k in names}, **given)

        run.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run  # type: ignore[return-value]

    return decorate


def _list_command(kind: str, filters: FilterSet, summary: str, *, per_page: int = 50) -> None:
    """Mount ``claimgraph query KIND``: a page of ``claimgraph.query.list_KIND`` with the paging
    and output options every list shares, plus one option per declared filter."""

    def command(
        db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None, limit: Limit = per_page,
        offset: Offset = 0, all_rows: All = False, **filters: Any,
    ) -> None:
        from claimgraph import query

        list_fn = getattr(query, f"list_{kind}")
        _run(lambda s: list_fn(s, limit=_limit(limit, all_rows), offset=offset, **filters),
             db, fmt, output, kind=kind)

    command.__doc__ = summary
    command.__name__ = command.__qualname__ = f"{kind}_command"
    query_app.command(kind)(filter_options(filters)(command))


_list_command("documents", DOCUMENT_FILTERS,
              "Stored documents, newest first, with counts of what was found in each.")


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


_list_command("attributions", ATTRIBUTION_FILTERS, "Claims: who says what, through whom, how surely.")
_list_command("sources", SOURCE_FILTERS, "Sources, most cited first, with the outlets citing them.")


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
@filter_options(EVENT_FILTERS)
def events_command(
    db: Db = DEFAULT_DB, fmt: Fmt = "table", output: Out = None, limit: Limit = 50,
    offset: Offset = 0, all_rows: All = False,
    full: Annotated[bool, typer.Option("--full", help="Every field, not the ACLED-like columns.")] = False,
    **filters: Any,
) -> None:
    """Events by date; table/CSV/Parquet use ACLED/GDELT-like columns unless --full."""
    from claimgraph.query import list_events
    from claimgraph.render.export import EVENT_COLUMNS, event_rows

    acled = not full and fmt != "jsonl"
    _run(lambda s: list_events(s, limit=_limit(limit, all_rows), offset=offset, **filters),
         db, fmt, output, kind="events", shape=event_rows if acled else None,
         columns=(_EVENT_TABLE if fmt == "table" else list(EVENT_COLUMNS)) if acled else None)


_list_command("places", PLACE_FILTERS, "Places with mention, document and event counts (for a map).",
              per_page=100)


_list_command("stories", STORY_FILTERS,
              "Stories (reports of one happening, from `claimgraph resolve`), latest first.")
_list_command("claims", CLAIM_FILTERS,
              "Claims across outlets (from `claimgraph resolve`), most independent sources first.")
_list_command("relations", RELATION_FILTERS,
              "Claims that support or contradict each other (from `claimgraph resolve`).")


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
