"""The JSON API under ``/api``: thin handlers over a ``Backend``, every answer in the envelope.

Handlers only parse parameters, call one backend method (or the analyser) and wrap the result;
the querying lives in ``claimgraph.query`` (through ``serve/query_backend.py``) and the analysis
in ``claimgraph.analyze``.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from claimgraph.errors import DocumentError
from claimgraph.record import ATTRIBUTION_TYPES, Record
from claimgraph.serve.backend import AttributionFilter, Backend, EventFilter, Page
from claimgraph.serve.envelope import ApiError, ok

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

Analyzer = Callable[..., Record]


@dataclass(slots=True)
class Settings:
    """Limits of one server; defaults suit a newsroom desk, not a public endpoint."""

    default_limit: int = 50
    max_limit: int = 500
    max_body_bytes: int = 1_000_000


class Envelope(BaseModel):
    """Every response: ``data`` on success, ``error`` (code, message) on failure."""

    ok: bool
    data: Any = None
    meta: dict[str, Any] = Field(default_factory=dict)


class ErrorEnvelope(BaseModel):
    ok: Literal[False]
    error: dict[str, str]


class TextIn(BaseModel):
    """A text to analyse, verbatim; ``published`` anchors relative dates ("last Tuesday")."""

    text: str = Field(min_length=1, description="the article text, analysed verbatim")
    published: str | None = Field(None, pattern=DATE_PATTERN, description="YYYY-MM-DD")


class DocumentIn(TextIn):
    id: str | None = Field(None, max_length=200, description="default: hash of the text")
    source: str = Field("api", max_length=2000, description="where the text came from")
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "bad parameter"},
}


@dataclass(slots=True)
class Paging:
    limit: int
    offset: int


def _state(request: Request) -> Any:
    return request.app.state


def paging(
    request: Request,
    limit: Annotated[int | None, Query(ge=1, description="page size (≤ the server's max)")] = None,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
) -> Paging:
    settings: Settings = _state(request).settings
    if limit is None:
        limit = settings.default_limit
    if limit > settings.max_limit:
        raise ApiError(400, "bad_request", f"limit must be at most {settings.max_limit}")
    return Paging(limit, offset)


def backend(request: Request) -> Backend:
    return _state(request).backend  # type: ignore[no-any-return]


def require_token(request: Request) -> None:
    """Writes need ``Authorization: Bearer <token>``; a server without a token is read-only."""
    token: str | None = _state(request).token
    if not token:
        raise ApiError(403, "forbidden", "this server is read-only: start it with --token to allow writes")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "unauthorized", "send the write token as 'Authorization: Bearer <token>'")


def paged(page: Page, p: Paging, **meta: Any) -> dict[str, Any]:
    nxt = p.offset + p.limit
    return ok(page.items, total=page.total, limit=p.limit, offset=p.offset,
              next_offset=nxt if nxt < page.total else None, **meta)


router = APIRouter(prefix="/api", responses=ERRORS)
Db = Annotated[Backend, Depends(backend)]
Pg = Annotated[Paging, Depends(paging)]


@router.get("/documents", response_model=Envelope, summary="List documents, newest first")
def list_documents(db: Db, p: Pg) -> dict[str, Any]:
    return paged(db.documents(limit=p.limit, offset=p.offset), p)


@router.get("/documents/{doc_id}", response_model=Envelope,
            responses={404: {"model": ErrorEnvelope}}, summary="One document's full record")
def get_document(doc_id: str, db: Db) -> dict[str, Any]:
    record = db.document(doc_id)
    if record is None:
        raise ApiError(404, "not_found", f"no document with id {doc_id!r}")
    return ok(record)


@router.get("/attributions", response_model=Envelope, summary="Claims, filtered")
def list_attributions(
    db: Db,
    p: Pg,
    source: Annotated[str | None, Query(description="a source id")] = None,
    document: Annotated[str | None, Query(description="a document id")] = None,
    type: Annotated[str | None, Query(description=" | ".join(ATTRIBUTION_TYPES))] = None,
    anonymous: Annotated[bool | None, Query(description="only (un)named sources")] = None,
    hedged: Annotated[bool | None, Query(description="only claims with(out) hedges")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in content/cue/source")] = None,
) -> dict[str, Any]:
    if type is not None and type not in ATTRIBUTION_TYPES:
        raise ApiError(400, "bad_request", f"type must be one of {', '.join(ATTRIBUTION_TYPES)}")
    flt = AttributionFilter(source=source, document=document, type=type, anonymous=anonymous,
                            hedged=hedged, q=q or None)
    return paged(db.attributions(flt, limit=p.limit, offset=p.offset), p)


@router.get("/sources", response_model=Envelope, summary="Sources with claim counts")
def list_sources(
    db: Db, p: Pg, q: Annotated[str | None, Query(max_length=200)] = None
) -> dict[str, Any]:
    return paged(db.sources(q=q or None, limit=p.limit, offset=p.offset), p)


@router.get("/sources/{source_id}", response_model=Envelope,
            responses={404: {"model": ErrorEnvelope}}, summary="One source and its claims")
def get_source(source_id: str, db: Db) -> dict[str, Any]:
    detail = db.source(source_id)
    if detail is None:
        raise ApiError(404, "not_found", f"no source with id {source_id!r}")
    return ok(detail)


@router.get("/events", response_model=Envelope, summary="Events in date order")
def list_events(
    db: Db,
    p: Pg,
    type: Annotated[str | None, Query(max_length=100, description="PLOVER type")] = None,
    document: str | None = None,
    since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
) -> dict[str, Any]:
    flt = EventFilter(type=type, document=document, since=since, until=until)
    return paged(db.events(flt, limit=p.limit, offset=p.offset), p)


@router.get("/places", response_model=Envelope, summary="Places with mention counts")
def list_places(db: Db, p: Pg) -> dict[str, Any]:
    return paged(db.places(limit=p.limit, offset=p.offset), p)


_analysis_lock = threading.Lock()


def _analyze(request: Request, body: TextIn, **extra: Any) -> Record:
    analyzer: Analyzer = _state(request).analyzer
    with _analysis_lock:  # one pipeline, one text at a time: the machine has few cores
        try:
            return analyzer(body.text, published=body.published, **extra)
        except DocumentError as exc:
            raise ApiError(422, "unprocessable", exc.reason) from exc


@router.post("/analyze", response_model=Envelope,
             responses={413: {"model": ErrorEnvelope}, 422: {"model": ErrorEnvelope}},
             summary="Analyse a text (not stored)")
async def analyze(request: Request, body: TextIn) -> dict[str, Any]:
    record = await run_in_threadpool(_analyze, request, body, source="api")
    return ok(record.to_dict())


@router.post("/documents", response_model=Envelope, status_code=201,
             responses={401: {"model": ErrorEnvelope}, 403: {"model": ErrorEnvelope},
                        413: {"model": ErrorEnvelope}},
             dependencies=[Depends(require_token)], summary="Analyse and store a text")
async def add_document(request: Request, body: DocumentIn, db: Db) -> dict[str, Any]:
    record = await run_in_threadpool(_analyze, request, body, source=body.source)
    record.title, record.outlet, record.url = body.title, body.outlet, body.url
    if body.id:
        record.id = body.id
    doc_id = await run_in_threadpool(db.add, record)
    return ok({"id": doc_id})
