"""Claims: attributions with their source, cue, content, via chain and hedges, filterable."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from claimgraph.query import filters as spec
from claimgraph.query.filters import Where, page, paging
from claimgraph.query.pages import Window, day_window, narrowed, rows_of
from claimgraph.record import ATTRIBUTION_TYPES, SOURCE_KINDS
from claimgraph.store.base import Store

_FROM = """
FROM attributions a
JOIN documents d ON d.id = a.document_id
LEFT JOIN attribution_sources m
  ON m.document_id = a.document_id AND m.attribution_idx = a.idx AND m.role = 'source'
LEFT JOIN sources s ON s.id = m.source_id"""

# The same aliases over ``claim_index`` alone (one row per claim, kept at write time), so the
# filters declared once below run unchanged on it: ``d.published``, ``s.kind``, ``a.type``...
_INDEX_FROM = """
FROM claim_index a
CROSS JOIN LATERAL (SELECT a.published AS published, a.outlet AS outlet) d
CROSS JOIN LATERAL (SELECT a.source_id AS id, a.kind AS kind, a.anonymous AS anonymous) s"""

#: filters ``claim_index`` answers (the others read the mentions', claims' or articles' words)
_INDEXED = {"source_id", "via_id", "outlet", "kind", "anonymous", "since", "until", "place",
            "country", "event_type", "type", "hedged", "document"}

_ORDER = " ORDER BY d.published DESC NULLS LAST, a.document_id, a.idx"

_COLUMNS = """
SELECT a.document_id, a.idx, a.id, a.type,
  a.cue_start, a.cue_end, a.cue_text, a.content_start, a.content_end, a.content_text,
  m.start_char AS s_start, m.end_char AS s_end, m.text AS s_text, m.descriptor AS s_descriptor,
  m.affiliation AS s_affiliation,
  s.id AS s_id, s.name AS s_name, s.canonical AS s_canonical, s.kind AS s_kind,
  s.anonymous AS s_anonymous,
  d.title, d.outlet, d.published, d.url"""


def _span(start: Any, end: Any, text: Any) -> dict[str, Any] | None:
    return None if start is None else {"start": start, "end": end, "text": text}


def _claim(row: dict[str, Any]) -> dict[str, Any]:
    source = None
    if row["s_id"] is not None:
        source = {
            **_span(row["s_start"], row["s_end"], row["s_text"]),  # type: ignore[dict-item]
            "canonical": row["s_canonical"], "kind": row["s_kind"],
            "anonymous": bool(row["s_anonymous"]), "descriptor": row["s_descriptor"],
            "affiliation": row["s_affiliation"],
        }
    return {
        "id": row["id"],
        "type": row["type"],
        "source": source,
        "cue": _span(row["cue_start"], row["cue_end"], row["cue_text"]),
        "content": _span(row["content_start"], row["content_end"], row["content_text"]),
        "via": [],
        "hedges": [],
        "source_id": row["s_id"],
        "source_name": row["s_name"],
        "document": {
            "id": row["document_id"], "title": row["title"], "outlet": row["outlet"],
            "published": row["published"], "url": row["url"],
        },
        "_key": (row["document_id"], row["idx"]),
    }


def _attach_via_and_hedges(store: Store, claims: list[dict[str, Any]]) -> None:
    """Fill ``via`` (nearest first, each with its ``source_id``) and ``hedges`` of a page."""
    if not claims:
        return
    by_key = {c["_key"]: c for c in claims}
    doc_ids = sorted({k[0] for k in by_key})
    marks = ", ".join("?" for _ in doc_ids)
    via_sql, via_params = narrowed(
        "SELECT m.document_id, m.attribution_idx, m.position, m.start_char, m.end_char,"
        " m.text, m.descriptor, m.affiliation, s.id, s.name, s.canonical, s.kind, s.anonymous",
        "FROM attribution_sources m JOIN sources s ON s.id = m.source_id", doc_ids)
    vias = store.query(f"{via_sql} WHERE m.role = 'via'"
                       " ORDER BY m.document_id, m.attribution_idx, m.position", via_params)
    for v in vias:
        claim = by_key.get((v["document_id"], v["attribution_idx"]))
        if claim is not None:
            claim["via"].append({
                **_span(v["start_char"], v["end_char"], v["text"]),  # type: ignore[dict-item]
                "canonical": v["canonical"], "kind": v["kind"],
                "anonymous": bool(v["anonymous"]), "descriptor": v["descriptor"],
                "affiliation": v["affiliation"], "source_id": v["id"], "name": v["name"],
            })
    hedges = store.query(
        f"""SELECT document_id, attribution_idx, start_char, end_char, text FROM hedges
            WHERE document_id IN ({marks}) ORDER BY document_id, attribution_idx, position""",
        doc_ids,
    )
    for h in hedges:
        claim = by_key.get((h["document_id"], h["attribution_idx"]))
        if claim is not None:
            claim["hedges"].append(_span(h["start_char"], h["end_char"], h["text"]))


def _hedged(w: Where, hedged: bool) -> None:
    w.add(("" if hedged else "NOT ") + "EXISTS (SELECT 1 FROM hedges h"
          " WHERE h.document_id = a.document_id AND h.attribution_idx = a.idx)")


def _in_article(table: str, condition: str) -> str:
    """The claim's article has a row of ``table`` (alias x) meeting ``condition``."""
    return f"EXISTS (SELECT 1 FROM {table} x WHERE x.document_id = a.document_id AND {condition})"


ATTRIBUTION_FILTERS = spec.FilterSet("attributions", (
    spec.text("source", "Words in the source as written, its name or canonical name.",
              spec.words("m.text", "s.name", "s.canonical")),
    spec.text("source_id", "Exactly this source (an id from the sources list).",
              spec.equals("s.id = ?")),
    spec.text("via_id", "Claims relayed through this source (an id).", spec.equals(
        "EXISTS (SELECT 1 FROM attribution_sources v WHERE v.document_id = a.document_id"
        " AND v.attribution_idx = a.idx AND v.role = 'via' AND v.source_id = ?)")),
    spec.outlet("d.outlet"),
    spec.text("kind", "Source kind: " + ", ".join(SOURCE_KINDS) + ".", spec.equals("s.kind = ?"),
              choices=SOURCE_KINDS),
    spec.flag("anonymous", "Only claims of anonymous (or named) sources.",
              spec.equals("coalesce(s.anonymous, FALSE) = ?"), negative="named"),
    spec.since("d.published"),
    spec.until("d.published"),
    spec.text("place", "The article mentions this place (its name as written or resolved).",
              spec.equals(_in_article(
                  "places", "(lower(x.name) = lower(?) OR lower(x.text) = lower(?))"))),
    spec.text("country", "The article mentions this country (ISO 3166-1 alpha-2).",
              spec.equals(_in_article("places", "x.country = upper(?)")), pattern=r"^[A-Za-z]{2}$"),
    spec.text("event_type", "The article reports this PLOVER event type, e.g. ASSAULT.",
              spec.equals(_in_article("events", "x.type = upper(?)")), max_length=50),
    spec.text("type", "Claim type: " + ", ".join(ATTRIBUTION_TYPES) + ".",
              spec.equals("a.type = ?"), choices=ATTRIBUTION_TYPES),
    spec.flag("hedged", "Only hedged (or unhedged) claims.", _hedged, negative="unhedged"),
    spec.text("document", "One document's claims (its id).", spec.equals("a.document_id = ?")),
    spec.text("q", "Words in the content, cue or source.",
              spec.words("a.content_text", "a.cue_text", "m.text", "s.name")),
    spec.text("text", "Words anywhere in the article (its text or title).",
              spec.words("d.text", "d.title")),
))


def list_attributions(
    store: Store, *, limit: int | None = 50, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """Claims, newest publication first, as ``{items, total, limit, offset}``.

    Filters (all optional, combined with AND):

    - ``source``: words in the source as written, its name or canonical name (case-insensitive);
      ``source_id``: exactly this source (an id from ``list_sources``); ``via_id``: claims relayed
      through this source;
    - ``outlet`` (the publishing outlet, case-insensitive), ``kind`` (person, government, ...),
      ``anonymous`` (True/False), ``type`` (direct, indirect, ...), ``hedged`` (True/False);
    - ``since``/``until``: publication date range, inclusive (``YYYY``, ``YYYY-MM`` or
      ``YYYY-MM-DD``);
    - ``place`` (a place name), ``country`` (ISO alpha-2): the article mentions it;
      ``event_type`` (PLOVER, e.g. ASSAULT): the article reports such an event;
    - ``document``: one document's claims; ``q``: words in the content, cue or source;
      ``text``: words anywhere in the article (its text or title).

    Filtered by nothing that needs the words (``source``, ``q``, ``text``), the page is found in
    ``claim_index`` (one row per claim, written with it) and only its claims are joined; else
    the claims are joined to their documents, mentions and sources and filtered there.

    Each item is the contract ATTRIBUTION plus ``source_id``, ``source_name`` and ``document``
    ({id, title, outlet, published, url}); each ``via`` entry also has ``source_id`` and ``name``.
    """
    values = ATTRIBUTION_FILTERS.values(filters)
    w = ATTRIBUTION_FILTERS.where(values)
    tail, tail_params = paging(limit, offset)
    if _indexed(values):
        # the page's keys from the index alone (of its days only, when the kept day counts
        # place it), then only their claims joined and read
        window = _window(store, values, limit, offset)
        if window is None:
            total = store.query(f"SELECT count(*) AS n {_INDEX_FROM}{w.sql()}",
                                w.params)[0]["n"]
        else:
            w.add(window.clause, *window.params)
            total = window.total
            tail, tail_params = paging(limit, window.offset)
        keys = [(r["document_id"], r["idx"]) for r in store.query(
            f"SELECT a.document_id, a.idx {_INDEX_FROM}{w.sql()}{_ORDER}{tail}",
            [*w.params, *tail_params])]
        # each table narrowed to the page's documents before the join (a planner that joins
        # first and filters after reads every mention of the corpus: 0.5 s at 100,000 documents)
        rows = rows_of(store, _COLUMNS, _FROM, keys)
    else:
        total = store.query(f"SELECT count(*) AS n {_FROM}{w.sql()}", w.params)[0]["n"]
        rows = store.query(f"{_COLUMNS} {_FROM}{w.sql()}{_ORDER}{tail}",
                           [*w.params, *tail_params])
    claims = [_claim(r) for r in rows]
    _attach_via_and_hedges(store, claims)
    for c in claims:
        del c["_key"]
    return page(claims, int(total), limit, offset)


def _indexed(values: dict[str, Any]) -> bool:
    """Whether ``claim_index`` answers these filters."""
    return {name for name, value in values.items() if value is not None} <= _INDEXED


def _window(
    store: Store, values: dict[str, Any], limit: int | None, offset: int
) -> Window | None:
    """Where the page lies by the kept day counts, when the filters are only dates and
    anonymity (which the day counts count apart); None otherwise."""
    if {name for name, value in values.items() if value is not None} - {
            "since", "until", "anonymous"}:
        return None
    count = {None: "claims", True: "claims_anonymous", False: "claims - claims_anonymous"}
    return day_window(store, "d.published", count[values["anonymous"]], descending=True,
                      limit=limit, offset=offset, since=values["since"], until=values["until"])


def via_chains(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How often each chain of intermediaries ("Reuters → Interfax") carried the claims."""
    counts: dict[str, int] = defaultdict(int)
    for c in claims:
        if c["via"]:
            counts[" → ".join(v["name"] for v in c["via"])] += 1
    return [
        {"chain": chain, "claims": n}
        for chain, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
