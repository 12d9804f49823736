"""The JSON API under ``/api``: thin handlers over ``claimgraph.query``, every answer in the envelope.

Handlers only parse parameters, call one query function through ``Database.run`` (or the
analyser) and wrap the result: the SQL lives in ``claimgraph.query``, the analysis in
``claimgraph.analyze``, analyse-then-store in ``claimgraph.pipeline``. Query-string filters are
pydantic models made from the filters that ``claimgraph.query`` declares (``query_model``), so
they are documented in the OpenAPI schema, unknown parameters are refused, and the values pass
through as the query functions' keywords.
"""

from __future__ import annotations

import hmac
import inspect
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model
from pydantic_core import PydanticCustomError

from claimgraph import query
from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document
from claimgraph.pipeline import store_document
from claimgraph.query.filters import MAX_COUNT, FilterSet
from claimgraph.record import Record, publication_day
from claimgraph.serve.analyses import Analyses
from claimgraph.serve.database import Database
from claimgraph.serve.envelope import INVALID_DATE, ApiError, ok


@dataclass(slots=True)
class Settings:
    """Limits of one server; defaults suit a newsroom desk, not a public endpoint."""

    default_limit: int = 50
    max_limit: int = 500
    max_body_bytes: int = 1_000_000
    #: analyses at once (one per core: more would only share the cores); more get 503 busy
    max_analyses: int = field(default_factory=lambda: os.cpu_count() or 1)
    #: an analysis running longer is stopped (422 timeout)
    analysis_seconds: float = 60.0
    #: largest text analysed for a client without the token (about 40 s of analysis on 2
    #: cores); with the token, up to ``max_body_bytes``
    max_anonymous_bytes: int = 100_000

    def __post_init__(self) -> None:
        self.default_limit = min(self.default_limit, self.max_limit)


class Envelope(BaseModel):
    """Every response: ``data`` on success, ``error`` (code, message) on failure."""

    ok: bool
    data: Any = None
    meta: dict[str, Any] = Field(default_factory=dict)


class ErrorEnvelope(BaseModel):
    ok: Literal[False]
    error: dict[str, str]


def calendar_day(value: object) -> str | None:
    """``published`` through the one date check (``claimgraph.record.publication_day``); a bad
    one is the ``invalid_date`` error, answered 422 (see ``envelope.install``)."""
    try:
        return publication_day(value)
    except ValueError as exc:
        reason = str(exc).removeprefix("published ")
        raise PydanticCustomError(INVALID_DATE, "[E112] {reason}", {"reason": reason}) from None


class TextIn(BaseModel):
    """A text to analyse, verbatim; ``published`` anchors relative dates ("last Tuesday")."""

    text: str = Field(min_length=1, description="the article text, analysed verbatim")
    published: Annotated[str | None, BeforeValidator(calendar_day)] = Field(
        None, description="YYYY-MM-DD, a calendar day (else 422 invalid_date)",
        json_schema_extra={"format": "date"},
    )


class DocumentIn(TextIn):
    id: str | None = Field(None, max_length=200, description="default: hash of the text")
    source: str = Field("api", max_length=2000, description="where the text came from")
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)


class Filters(BaseModel):
    """Query-string filters; an unknown parameter is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")

    limit: int | None = Field(None, ge=1, le=MAX_COUNT,
                              description="page size (at most the server's maximum)")
    offset: int = Field(0, ge=0, le=MAX_COUNT, description="items to skip")


def query_model(name: str, filters: FilterSet) -> type[Filters]:
    """The query-string model of a list: paging plus one parameter per declared filter, with
    the filter's help as its description and its bounds as the schema's constraints."""
    fields: dict[str, Any] = {}
    for f in filters:
        kind: Any = Literal[f.choices] if f.choices else f.type
        fields[f.name] = (kind if f.default is not None else kind | None, Field(
            f.default, description=f.help, pattern=f.pattern, max_length=f.max_length,
            ge=f.ge, le=f.le))
    return create_model(name, __base__=Filters, **fields)


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "bad parameter"},
}


@dataclass(slots=True)
class Paging:
    limit: int
    offset: int


def _state(request: Request) -> Any:
    return request.app.state


def paging(request: Request, f: Filters) -> Paging:
    settings: Settings = _state(request).settings
    limit = settings.default_limit if f.limit is None else f.limit
    if limit > settings.max_limit:
        raise ApiError(400, "bad_request", f"limit must be at most {settings.max_limit}")
    return Paging(limit, f.offset)


def database(request: Request) -> Database:
    return _state(request).database  # type: ignore[no-any-return]


def found(item: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    if item is None:
        raise ApiError(404, "not_found", f"no {what} with id {key!r}")
    return item


def token_given(request: Request) -> bool:
    """The request carries the server's token as ``Authorization: Bearer <token>``."""
    token: str | None = _state(request).token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), str(token).encode())


def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <token>``; a server without a token is read-only."""
    if not _state(request).token:
        raise ApiError(403, "forbidden", "this server is read-only: start it with --token to allow writes")
    if not token_given(request):
        raise ApiError(401, "unauthorized", "send the write token as 'Authorization: Bearer <token>'")


def paged(page: dict[str, Any], p: Paging) -> dict[str, Any]:
    """A query page ``{items, total, limit, offset, ...}`` as the envelope: items in ``data``,
    the rest (and where the next page starts) in ``meta``."""
    nxt = p.offset + p.limit
    meta = {k: v for k, v in page.items() if k != "items"}
    return ok(page["items"], **meta, next_offset=nxt if nxt < page["total"] else None)


def listing(request: Request, db: Database, list_fn: Callable[..., dict[str, Any]],
            f: Filters) -> dict[str, Any]:
    """One page of a ``claimgraph.query`` list function, with the filters the client gave
    (unset ones are left to the query function's defaults)."""
    p = paging(request, f)
    given = f.model_dump(exclude_none=True, exclude={"limit", "offset"})
    return paged(db.run(list_fn, limit=p.limit, offset=p.offset, **given), p)


router = APIRouter(prefix="/api", responses=ERRORS)
Db = Annotated[Database, Depends(database)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorEnvelope}}


def list_route(kind: str, filters: FilterSet, summary: str) -> None:
    """Mount ``GET /api/KIND``: a page of ``claimgraph.query.list_KIND`` whose query string is
    the model made from the list's declared filters (``DocumentQuery`` for documents, ...), so
    the lists share one handler and differ only in what ``claimgraph.query`` declares."""
    model = query_model(f"{kind.removesuffix('s').title()}Query", filters)
    list_fn = getattr(query, f"list_{kind}")

    def route(request: Request, db: Database, f: Filters) -> dict[str, Any]:
        return listing(request, db, list_fn, f)

    # FastAPI reads parameters off the signature: give it the real types (a closure's local
    # model cannot be named in a string annotation)
    route.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
         inspect.Parameter("db", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Db),
         inspect.Parameter("f", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                           annotation=Annotated[model, Query()])],
        return_annotation=dict[str, Any])
    route.__name__ = route.__qualname__ = f"list_{kind}"
    router.add_api_route(f"/{kind}", route, methods=["GET"], response_model=Envelope,
                         summary=summary)


def item_route(kind: str, key: str, summary: str, *, path: bool = False,
               plural: str | None = None) -> None:
    """Mount ``GET /api/KINDs/{key}`` (``plural`` when not KIND + s): ``claimgraph.query.get_KIND``
    of one id, 404 when there is none (``path``: the id may hold slashes, as a document's
    source path does)."""
    get_fn = getattr(query, f"get_{kind}")

    def route(db: Database, **given: str) -> dict[str, Any]:
        return ok(found(db.run(get_fn, given[key]), kind, given[key]))

    route.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, annotation=str),
         inspect.Parameter("db", inspect.Parameter.KEYWORD_ONLY, annotation=Db)],
        return_annotation=dict[str, Any])
    route.__name__ = route.__qualname__ = f"get_{kind}"
    router.add_api_route(f"/{plural or kind + 's'}/{{{key}{':path' if path else ''}}}", route,
                         methods=["GET"],
                         response_model=Envelope, responses=NOT_FOUND, summary=summary)


list_route("documents", query.DOCUMENT_FILTERS, "List documents, newest first")


item_route("document", "doc_id", "One document's full record (the output contract)", path=True)


list_route("attributions", query.ATTRIBUTION_FILTERS, "Claims, filtered, newest first")
list_route("sources", query.SOURCE_FILTERS, "Sources, most cited first")


item_route("source", "source_id", "One source: its claims, relayed claims and via chains")


list_route("events", query.EVENT_FILTERS, "Events in date order")
list_route("places", query.PLACE_FILTERS, "Places, most mentioned first")

# Across documents, as `claimgraph resolve` stored them: a claim here is one claim however many
# outlets carry it (one report's wording of it is an attribution, above).
list_route("stories", query.STORY_FILTERS, "Stories (reports of one happening), latest first")
item_route("story", "story_id", "One story: its reports, events timeline, claims and "
           "contradictions", plural="stories")
list_route("claims", query.CLAIM_FILTERS,
           "Claims across outlets, most independent sources first")
item_route("claim", "claim_id", "One claim across outlets: first report, who echoed it, "
           "through which chain, its spread and relations")
list_route("relations", query.RELATION_FILTERS, "Claims that support or contradict each other")


def analyze_in_turn(request: Request, body: TextIn, **extra: Any) -> Record:
    """Analyse one text through the app's ``Analyses`` (API and web form alike); blocks, so
    call it off the event loop. A client without the token may send at most
    ``max_anonymous_bytes``."""
    settings: Settings = _state(request).settings
    size = len(body.text.encode("utf-8"))
    if size > settings.max_anonymous_bytes and not token_given(request):
        raise ApiError(413, "too_large", f"the text has {size} bytes; without the token this "
                       f"server analyses at most {settings.max_anonymous_bytes} (send "
                       "'Authorization: Bearer <token>' for up to "
                       f"{settings.max_body_bytes})")
    analyses: Analyses = _state(request).analyses
    try:
        return analyses.run(body.text, published=body.published, **extra)
    except DocumentError as exc:
        raise ApiError(422, "unprocessable", exc.reason) from exc


@router.post("/analyze", response_model=Envelope,
             responses={413: {"model": ErrorEnvelope}, 422: {"model": ErrorEnvelope},
                        503: {"model": ErrorEnvelope}},
             summary="Analyse a text (not stored; large texts need the token)")
async def analyze(request: Request, body: TextIn) -> dict[str, Any]:
    record = await run_in_threadpool(analyze_in_turn, request, body, source="api")
    return ok(record.to_dict())


@router.post("/documents", response_model=Envelope, status_code=201,
             responses={401: {"model": ErrorEnvelope}, 403: {"model": ErrorEnvelope},
                        413: {"model": ErrorEnvelope}},
             dependencies=[Depends(require_token)], summary="Analyse and store a text")
async def add_document(request: Request, response: Response, body: DocumentIn,
                       db: Db) -> dict[str, Any]:
    """201 when stored; 200 with ``created: false`` when that id was already stored."""
    document = Document(text=body.text, source=body.source, id=body.id or "",
                        published=body.published, title=body.title, outlet=body.outlet,
                        url=body.url)
    record, created = await run_in_threadpool(
        store_document, document,
        analyse=lambda d: analyze_in_turn(request, body, source=d.source), add=db.add)
    if not created:
        response.status_code = 200
    return ok({"id": record.id, "created": created})


@router.delete("/documents/{doc_id:path}", response_model=Envelope,
               responses={401: {"model": ErrorEnvelope}, 403: {"model": ErrorEnvelope},
                          404: {"model": ErrorEnvelope}},
               dependencies=[Depends(require_token)],
               summary="Delete a document and everything extracted from it")
def delete_document(doc_id: str, db: Db) -> dict[str, Any]:
    """The way out for a document that should not have been stored (same token as writes)."""
    if not db.delete(doc_id):
        raise ApiError(404, "not_found", f"no document with id {doc_id!r}")
    return ok({"id": doc_id, "deleted": True})
