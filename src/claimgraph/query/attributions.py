"""Claims: attributions with their source, cue, content, via chain and hedges, filterable."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from claimgraph.query import filters as spec
from claimgraph.query.filters import Where, page, paging
from claimgraph.query.pages import Window, day_window
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


_MENTION = ("document_id, attribution_idx, role, position, source_id, start_char, end_char,"
            " text, descriptor, affiliation")


def _by_documents(store: Store, sql: str, documents: list[str]) -> list[dict[str, Any]]:
    """``sql`` (``... IN ({marks})``) for the page's documents: a plain select of one table
    by its ``document_id`` index."""
    return store.query(sql.format(marks=", ".join("?" for _ in documents)), documents)


def _sources(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted(ids)
    if not wanted:
        return {}
    return {r["id"]: r for r in store.query(
        "SELECT id, name, canonical, kind, anonymous FROM sources"
        f" WHERE id IN ({', '.join('?' for _ in wanted)})", wanted)}


def described(store: Store, keys: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The rows of ``_COLUMNS`` ``_FROM`` of the page's claims (``keys``, in their order), and
    in each ``_via``, its via mentions (nearest first) with their sources: each table read by
    one plain select of the page's documents, joined here. The join in SQL, each table narrowed
    to the page's documents in a CTE, then the via mentions joined again, cost DuckDB 25-45 ms
    of CPU a page at 100,000 documents. A claim deleted since the page was chosen is left out
    (each select reads its own snapshot)."""
    if not keys:
        return []
    documents = sorted({d for d, _ in keys})
    wanted = set(keys)
    claims = {(r["document_id"], r["idx"]): r for r in _by_documents(
        store, "SELECT document_id, idx, id, type, cue_start, cue_end, cue_text, content_start,"
        " content_end, content_text FROM attributions WHERE document_id IN ({marks})", documents)
        if (r["document_id"], r["idx"]) in wanted}
    mentions: dict[tuple[str, int], dict[str, list[dict[str, Any]]]] = defaultdict(
        lambda: {"source": [], "via": []})
    for m in _by_documents(store, f"SELECT {_MENTION} FROM attribution_sources"
                           " WHERE document_id IN ({marks})", documents):
        if (m["document_id"], m["attribution_idx"]) in wanted:
            mentions[(m["document_id"], m["attribution_idx"])][m["role"]].append(m)
    sources = _sources(store, {m["source_id"] for said in mentions.values()
                               for ms in said.values() for m in ms})
    docs = {r["id"]: r for r in _by_documents(
        store, "SELECT id, title, outlet, published, url FROM documents WHERE id IN ({marks})",
        documents)}
    rows = []
    for key in keys:
        claim, doc = claims.get(key), docs.get(key[0])
        if claim is None or doc is None:
            continue
        said = mentions[key]
        m = said["source"][0] if said["source"] else {}
        s = sources.get(m["source_id"], {}) if m else {}
        rows.append({
            **claim, "s_start": m.get("start_char"), "s_end": m.get("end_char"),
            "s_text": m.get("text"), "s_descriptor": m.get("descriptor"),
            "s_affiliation": m.get("affiliation"),
            **{f"s_{c}": s.get(c) for c in ("id", "name", "canonical", "kind", "anonymous")},
            **{c: doc[c] for c in ("title", "outlet", "published", "url")},
            "_via": [{**v, "source": sources[v["source_id"]]}
                     for v in sorted(said["via"], key=lambda v: v["position"])
                     if v["source_id"] in sources],
        })
    return rows


def _via_of(store: Store, rows: list[dict[str, Any]]) -> None:
    """Each row's via mentions with their sources (``_via``), for rows of the SQL join."""
    documents = sorted({r["document_id"] for r in rows})
    wanted = {(r["document_id"], r["idx"]): r for r in rows}
    for r in rows:
        r["_via"] = []
    vias = [m for m in _by_documents(store, f"SELECT {_MENTION} FROM attribution_sources"
                                     " WHERE document_id IN ({marks})", documents)
            if m["role"] == "via" and (m["document_id"], m["attribution_idx"]) in wanted]
    sources = _sources(store, {m["source_id"] for m in vias})
    for v in sorted(vias, key=lambda v: v["position"]):
        if v["source_id"] in sources:
            wanted[(v["document_id"], v["attribution_idx"])]["_via"].append(
                {**v, "source": sources[v["source_id"]]})


def _attach_via_and_hedges(store: Store, claims: list[dict[str, Any]],
                           rows: list[dict[str, Any]]) -> None:
    """Fill ``via`` (nearest first, each with its ``source_id``) and ``hedges`` of a page."""
    if not claims:
        return
    by_key = {c["_key"]: c for c in claims}
    for listed, row in zip(claims, rows, strict=True):
        for v in row["_via"]:
            s = v["source"]
            listed["via"].append({
                **_span(v["start_char"], v["end_char"], v["text"]),  # type: ignore[dict-item]
                "canonical": s["canonical"], "kind": s["kind"],
                "anonymous": bool(s["anonymous"]), "descriptor": v["descriptor"],
                "affiliation": v["affiliation"], "source_id": s["id"], "name": s["name"],
            })
    hedges = _by_documents(
        store, "SELECT document_id, attribution_idx, start_char, end_char, text FROM hedges"
        " WHERE document_id IN ({marks}) ORDER BY document_id, attribution_idx, position",
        sorted({k[0] for k in by_key}))
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
        # only the page's claims read, each table alone (a planner that joins first and
        # filters after reads every mention of the corpus: 0.5 s at 100,000 documents)
        rows = described(store, keys)
    else:
        total = store.query(f"SELECT count(*) AS n {_FROM}{w.sql()}", w.params)[0]["n"]
        rows = store.query(f"{_COLUMNS} {_FROM}{w.sql()}{_ORDER}{tail}",
                           [*w.params, *tail_params])
        if rows:
            _via_of(store, rows)
    claims = [_claim(r) for r in rows]
    _attach_via_and_hedges(store, claims, rows)
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
