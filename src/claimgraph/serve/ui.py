"""The web UI: server-rendered Jinja2 pages over the same ``claimgraph.query`` functions as the API.

Article text is untrusted input, so the environment autoescapes everything it renders, data for
scripts goes through ``|tojson`` (which escapes ``<``, ``>`` and ``&``), and the bundled scripts
write only with ``textContent``. Nothing is fetched from outside the server: the map's world
outline and its TopoJSON decoder are bundled under ``static/vendor``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader
from pydantic import ValidationError

from claimgraph import query
from claimgraph.ingest.document import parse_published
from claimgraph.query.filters import MAX_COUNT
from claimgraph.record import ATTRIBUTION_TYPES, Source
from claimgraph.render.annotate import KINDS, annotations_of, segments
from claimgraph.resolve.sources import source_id
from claimgraph.serve.api import Settings, TextIn, analyze_in_turn, found
from claimgraph.serve.database import Database

HERE = Path(__file__).parent
templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
PAGE = 50
FORM_PERIOD = r"^(\d{4}(-\d{2}){0,2})?$"  # a form sends its empty fields as ""
SOURCE_CLAIMS_SHOWN = 200  # a source page lists this many claims; the explorer pages the rest

router = APIRouter(include_in_schema=False)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status)


def _db(request: Request) -> Database:
    return request.app.state.database  # type: ignore[no-any-return]


def _pager(request: Request, total: int, offset: int, limit: int) -> dict[str, str | None]:
    """Links to the previous and next page, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v != ""}

    def link(at: int) -> str:
        return "?" + urlencode({**params, "offset": at})

    return {"prev": link(max(0, offset - limit)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None}


Offset = Annotated[int, Query(ge=0, le=MAX_COUNT)]


@router.get("/", response_class=HTMLResponse)
def index(request: Request, offset: Offset = 0) -> HTMLResponse:
    page = _db(request).run(query.list_documents, limit=PAGE, offset=offset)
    return render("index.html", title="Articles", docs=page["items"], total=page["total"],
                  pager=_pager(request, page["total"], offset, PAGE))


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def article(request: Request, doc_id: str) -> HTMLResponse:
    return article_page(found(_db(request).run(query.get_document, doc_id), "document", doc_id),
                        stored=True)


def article_page(record: dict[str, Any], *, stored: bool) -> HTMLResponse:
    """The annotated article of a record (stored, or just analysed from the form)."""
    anns = annotations_of(record)
    return render("article.html", title=record.get("title") or record["id"], doc=record,
                  stored=stored, segments=segments(record["text"], anns), kinds=KINDS,
                  claims=linked_claims(record) if stored else record["attributions"],
                  annotations=[{"kind": a.kind, "label": a.label, "text": record["text"][a.start:a.end],
                                "details": a.details} for a in anns])


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form() -> HTMLResponse:
    return render("analyze.html", title="Analyse a text", text="", published="")


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_text(request: Request) -> HTMLResponse:
    """Analyse pasted text (an HTML form post, URL-encoded) and show it annotated; nothing is
    stored. The body-size limit of the API applies."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
    text = form.get("text", [""])[0].replace("\r\n", "\n")
    published = form.get("published", [""])[0].strip() or None
    try:
        body = TextIn(text=text, published=published)
    except ValidationError:
        return render("analyze.html", status=400, title="Analyse a text", text=text,
                      published=published or "",
                      error="Paste a text, and give the date as YYYY-MM-DD (or leave it empty).")
    record = await run_in_threadpool(analyze_in_turn, request, body, source="web form")
    return article_page(record.to_dict(), stored=False)


def linked_claims(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's attributions with the store's source ids, for links to source pages
    (computed from the record: no second query for the article page)."""
    claims = []
    for a in record["attributions"]:
        claim = {**a, "via": [{**v, "source_id": source_id(Source(**v))} for v in a["via"]]}
        claim["source_id"] = source_id(Source(**a["source"])) if a.get("source") else None
        claims.append(claim)
    return claims


def _flag(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


@router.get("/claims", response_class=HTMLResponse)
def claims(
    request: Request,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200)] = None,
    type: str | None = None,
    anonymous: str | None = None,
    hedged: str | None = None,
    source: str | None = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(pattern=FORM_PERIOD)] = None,
    until: Annotated[str | None, Query(pattern=FORM_PERIOD)] = None,
) -> HTMLResponse:
    chosen = {"q": q or None, "type": type if type in ATTRIBUTION_TYPES else None,
              "anonymous": _flag(anonymous), "hedged": _flag(hedged), "source_id": source or None,
              "outlet": outlet or None, "since": since or None, "until": until or None}
    given = {k: v for k, v in chosen.items() if v is not None}
    page = _db(request).run(query.list_attributions, limit=PAGE, offset=offset, **given)
    form = {"q": q or "", "type": chosen["type"] or "", "anonymous": anonymous or "",
            "hedged": hedged or "", "source": source or "", "outlet": outlet or "",
            "since": since or "", "until": until or ""}
    return render("claims.html", title="Claims", claims=page["items"], total=page["total"],
                  form=form, types=ATTRIBUTION_TYPES,
                  pager=_pager(request, page["total"], offset, PAGE))


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request, offset: Offset = 0,
            q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    page = _db(request).run(query.list_sources, limit=PAGE, offset=offset,
                            **({"q": q} if q else {}))
    return render("sources.html", title="Sources", sources=page["items"], total=page["total"],
                  summary=page["summary"], q=q or "",
                  pager=_pager(request, page["total"], offset, PAGE))


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source(request: Request, source_id: str) -> HTMLResponse:
    detail = found(_db(request).run(query.get_source, source_id), "source", source_id)
    return render("source.html", title=detail["name"], src=detail, shown=SOURCE_CLAIMS_SHOWN)


def day_bars(per_day: dict[str, int], width: int = 960, height: int = 60) -> list[dict[str, Any]]:
    """Bars of a strip of how many a day (events on the timeline, reports of a claim) over the
    dated days given (SVG coordinates).

    Only real days get a bar: the store holds no other (``record.publication_day`` guards
    every way in), and a row written around it must not take the whole page down."""
    dated = {d: n for d, n in per_day.items() if parse_published(d) == d}
    if not dated:
        return []
    first = dt.date.fromisoformat(min(dated))
    span = max(1, (dt.date.fromisoformat(max(dated)) - first).days + 1)
    step, top = width / span, max(dated.values())
    bar = min(max(step - 1, 2), 24)  # a few days give slim bars centred in their day
    return [{"x": round((dt.date.fromisoformat(d) - first).days * step + (step - bar) / 2, 1),
             "w": round(bar, 1), "h": round(height * n / top, 1),
             "y": round(height - height * n / top, 1), "day": d, "n": n}
            for d, n in sorted(dated.items())]


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    offset: Offset = 0,
    type: Annotated[str | None, Query(max_length=50)] = None,
    since: Annotated[str | None, Query(pattern=FORM_PERIOD)] = None,
    until: Annotated[str | None, Query(pattern=FORM_PERIOD)] = None,
    any_factuality: bool = False,
) -> HTMLResponse:
    """Events that happened by their texts' account; ``any_factuality`` shows the rest too."""
    settings: Settings = request.app.state.settings
    given = {k: v for k, v in {"type": type, "since": since, "until": until}.items() if v}
    page = _db(request).run(query.list_events, limit=settings.max_limit, offset=offset,
                            factual=not any_factuality, **given)
    days: dict[str, list[dict[str, Any]]] = {}
    for event in page["items"]:
        days.setdefault(event.get("date") or "undated", []).append(event)
    return render("timeline.html", title="Timeline", days=days,
                  bars=day_bars({d: len(evs) for d, evs in days.items()}),
                  total=page["total"], shown=len(page["items"]),
                  form={"type": type or "", "since": since or "", "until": until or "",
                        "any_factuality": any_factuality},
                  pager=_pager(request, page["total"], offset, settings.max_limit))


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, offset: Offset = 0,
            q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    page = _db(request).run(query.list_stories, limit=PAGE, offset=offset,
                            **({"q": q} if q else {}))
    return render("stories.html", title="Stories", stories=page["items"], total=page["total"],
                  q=q or "", pager=_pager(request, page["total"], offset, PAGE))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    """One story: its reports (copies marked), events in date order, claims by independent
    sources and its contradictions side by side."""
    detail = found(_db(request).run(query.get_story, story_id), "story", story_id)
    outlets = {r["id"]: r["outlet"] for r in detail["reports"]}
    return render("story.html", title=detail["title"], story=detail, outlets=outlets,
                  copies=sum(1 for r in detail["reports"] if r["copy_of"]))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def corpus_claim(request: Request, claim_id: str) -> HTMLResponse:
    """One claim across outlets (``/claims`` lists each report's wording, the attributions):
    its first report, who carried it through which chain, its spread over days and outlets."""
    detail = found(_db(request).run(query.get_claim, claim_id), "claim", claim_id)
    outlets = {m["document"]: m["report"]["outlet"] for m in detail["mentions"]}
    per_day = {d["day"]: d["reports"] for d in detail["spread"]["days"]}
    return render("claim.html", title=detail["content"][:80], claim=detail, outlets=outlets,
                  bars=day_bars(per_day))


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request) -> HTMLResponse:
    return render("map.html", title="Map")
