"""Events for a timeline: what happened, when, where, between whom, and who says so."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from claimgraph.query import filters as spec
from claimgraph.query.filters import page, paging
from claimgraph.query.pages import Window, bucket_window
from claimgraph.store.base import Store
from claimgraph.store.list_counts import BUCKET, CODED, FACTUAL

# An event's date (stored, see migration 0002_event_date): its time expression when that
# names a day, else the publication date.
_DATE = "e.date"

_FROM = """
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN times t ON t.document_id = e.document_id AND t.idx = e.time_idx
LEFT JOIN places p ON p.document_id = e.document_id AND p.idx = e.place_idx
LEFT JOIN event_actors ea
  ON ea.document_id = e.document_id AND ea.event_idx = e.idx AND ea.role = 'actor'
LEFT JOIN event_actors et
  ON et.document_id = e.document_id AND et.event_idx = e.idx AND et.role = 'target'
LEFT JOIN attributions ca ON ca.document_id = e.document_id AND ca.id = e.attribution
LEFT JOIN attribution_sources cm
  ON cm.document_id = ca.document_id AND cm.attribution_idx = ca.idx AND cm.role = 'source'
LEFT JOIN sources cs ON cs.id = cm.source_id"""

# A day's events by the slice of the day they are counted in (``list_counts.BUCKET``: the end
# of the document id) first, so a page placed inside a crowded day sorts its slices only.
_ORDER = f"e.date NULLS LAST, {BUCKET}, e.document_id, e.idx"

_ACTOR_COLS = ("start_char", "end_char", "text", "canonical", "country", "sector")

#: an event's own columns: what a page reads of the events table before describing them
_EVENT = ("SELECT e.document_id, e.idx, e.id, e.type, e.trigger_start, e.trigger_end,"
          f" e.trigger_text, e.place_idx, e.time_idx, e.attribution, {_DATE} AS date,"
          " e.polarity, e.certainty, e.tense, e.fatalities")

# ``FACTUAL``: what an analyst counts by default (issue 13), events that happened by the text's
# account. "No one was killed", "may attack" and "will deploy" are kept in the store and shown
# with ``factual=False``. It and ``CODED`` are declared with the day counts that count by them.


def _factual(w: spec.Where, value: bool) -> None:
    if value:
        w.add(FACTUAL)


def _coded(w: spec.Where, value: bool) -> None:
    if value:
        w.add(CODED)


EVENT_FILTERS = spec.FilterSet("events", (
    spec.text("type", "PLOVER event type, e.g. ASSAULT.", spec.equals("e.type = upper(?)"),
              max_length=50),
    spec.since(_DATE, "event date"),
    spec.until(_DATE, "event date"),
    spec.text("country", "Country of the place (ISO alpha-2) or of the actor or target (alpha-3).",
              spec.equals("(p.country = upper(?) OR ea.country = upper(?)"
                          " OR et.country = upper(?))"),
              pattern=r"^[A-Za-z]{2,3}$"),
    spec.text("place", "Words in the place name.", spec.words("p.name", "p.text")),
    spec.text("actor", "Words in the actor or target.",
              spec.words("ea.text", "ea.canonical", "et.text", "et.canonical")),
    spec.outlet("d.outlet"),
    spec.text("claimed_by", "A source id: events in its claims.", spec.equals("cs.id = ?")),
    spec.text("document", "One document's events (its id).", spec.equals("e.document_id = ?")),
    spec.text("q", "Words in the trigger or the title.", spec.words("e.trigger_text", "d.title")),
    replace(spec.flag("factual", "Only events that happened by the text's account: positive,"
                      " certain or probable, not future (the default); --any-factuality shows"
                      " negated, possible and future ones too.", _factual,
                      negative="any-factuality"), default=True),
    # What speaks PLOVER (the timeline, the ACLED/GDELT-like export) counts coded events; an
    # earthquake or a merger is an event of the record with ``type`` null (issue 13).
    replace(spec.flag("coded", "Only PLOVER-coded events (the default); --any-type shows events"
                      " PLOVER has no category for (an earthquake, a merger) too.", _coded,
                      negative="any-type"), default=True),
))


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if row[f"{role}_start_char"] is None:
        return None
    return {
        "start": row[f"{role}_start_char"], "end": row[f"{role}_end_char"],
        "text": row[f"{role}_text"], "canonical": row[f"{role}_canonical"],
        "country": row[f"{role}_country"], "sector": row[f"{role}_sector"],
    }


def _event(row: dict[str, Any]) -> dict[str, Any]:
    place = None
    if row["place_idx"] is not None and row["place_name"] is not None:
        place = {
            "name": row["place_name"], "country": row["place_country"],
            "admin1": row["place_admin1"], "geonames_id": row["place_geonames_id"],
            "lat": row["place_lat"], "lon": row["place_lon"],
        }
    return {
        "id": row["id"],
        "type": row["type"],
        "trigger": {"start": row["trigger_start"], "end": row["trigger_end"],
                    "text": row["trigger_text"]},
        "actor": _actor(row, "actor"),
        "target": _actor(row, "target"),
        "place": row["place_idx"],
        "time": row["time_idx"],
        "attribution": row["attribution"],
        "polarity": row["polarity"],
        "certainty": row["certainty"],
        "tense": row["tense"],
        "fatalities": row["fatalities"],
        "date": row["date"],
        "time_text": row["time_text"],
        "time_value": row["time_value"],
        "place_name": row["place_name"],
        "place_detail": place,
        "claimed_by": row["claimed_by"],
        "claimed_by_id": row["claimed_by_id"],
        "document": {
            "id": row["document_id"], "title": row["title"], "outlet": row["outlet"],
            "published": row["published"], "url": row["url"], "source": row["source"],
        },
    }


def list_events(
    store: Store, *, limit: int | None = 50, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """Events in date order (undated last), as ``{items, total, limit, offset}``.

    Filters: ``type`` (PLOVER, e.g. ASSAULT), ``since``/``until`` (on the event's ``date``: its
    time expression when that names a day, else the publication date), ``country`` (ISO
    alpha-2 of the place, or alpha-3 of the actor or target), ``place`` (words in the place
    name), ``actor`` (words in the actor or target), ``outlet``, ``claimed_by`` (a source id),
    ``document``, ``q`` (words in the trigger or title), ``factual`` (default True: only
    positive, certain-or-probable, non-future events; False: every event), ``coded`` (default
    True: only events with a PLOVER type; False: uncoded ones, ``type`` null, too).

    Each item: the contract EVENT (``place``/``time``/``quantities`` stay indexes into the
    record) plus
    ``date``, ``time_text``, ``time_value``, ``place_name``, ``place_detail`` ({name, country,
    admin1, geonames_id, lat, lon} or None), ``claimed_by`` (the name of the source of the
    attribution reporting it), ``claimed_by_id`` and ``document``.
    """
    values = EVENT_FILTERS.values(filters)
    w = EVENT_FILTERS.where(values)
    # The page's events are chosen from the events table alone when the filters name only
    # its columns (only the page's days when the kept day counts place it), else from the
    # join the filters read; either way the page's events alone are then described
    # (``described``): joining every event first took 269 ms at 10,000 documents. Every
    # event has its document and at most one row in each LEFT JOIN, so the count is the same.
    alone = w.aliases() <= {"e"}
    window = _window(store, values, limit, offset) if alone else None
    if window is None:
        source = "FROM events e" if alone else _FROM
        total = store.query(f"SELECT count(*) AS n {source}{w.sql()}", w.params)[0]["n"]
    else:
        source = "FROM events e"
        w.add(window.clause, *window.params)
        total = window.total
    tail, tail_params = paging(limit, offset if window is None else window.offset)
    rows = described(store, store.query(f"{_EVENT} {source}{w.sql()} ORDER BY {_ORDER}{tail}",
                                        [*w.params, *tail_params]))
    items = [_event(r) for r in rows]
    _attach_parts(store, rows, items)
    return page(items, int(total), limit, offset)


def described(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``events`` (rows of ``_EVENT``) with what ``_FROM`` joins to them: their document, time,
    place, actor, target and the source of the claim reporting them. Each table is read by one
    plain select of the page's documents (by its ``document_id`` index) and joined here: the
    same join in SQL, each table narrowed to the page's documents in a CTE, cost DuckDB 108-173
    ms of CPU a page at 10,000 documents (planning a nine-table query, ``event_actors`` read
    twice), the plain selects a third of that."""
    if not events:
        return []
    documents = sorted({e["document_id"] for e in events})
    marks = ", ".join("?" for _ in documents)

    def keyed(sql: str, *key: str) -> dict[Any, dict[str, Any]]:
        found = store.query(sql.format(marks=marks), documents)
        return {tuple(r[k] for k in key): r for r in found}

    docs = keyed("SELECT id, title, outlet, published, url, source FROM documents"
                 " WHERE id IN ({marks})", "id")
    times = keyed("SELECT document_id, idx, text, value FROM times"
                  " WHERE document_id IN ({marks})", "document_id", "idx")
    places = keyed("SELECT document_id, idx, name, country, admin1, geonames_id, lat, lon"
                   " FROM places WHERE document_id IN ({marks})", "document_id", "idx")
    actors = keyed(f"SELECT document_id, event_idx, role, {', '.join(_ACTOR_COLS)}"
                   " FROM event_actors WHERE document_id IN ({marks})",
                   "document_id", "event_idx", "role")
    claimed = _claimed_by(store, events, documents)
    rows = []
    for e in events:
        doc = e["document_id"]
        d = docs.get((doc,))
        if d is None:  # deleted since the page was chosen (each select reads its own snapshot)
            continue
        time = times.get((doc, e["time_idx"]), {})
        place = places.get((doc, e["place_idx"]), {})
        claim = claimed.get((doc, e["attribution"]), {})
        row = {**e, "time_text": time.get("text"), "time_value": time.get("value"),
               **{f"place_{c}": place.get(c) for c in
                  ("name", "country", "admin1", "geonames_id", "lat", "lon")},
               "claimed_by_id": claim.get("claimed_by_id"), "claimed_by": claim.get("claimed_by"),
               **{c: d[c] for c in ("title", "outlet", "published", "url", "source")}}
        for role in ("actor", "target"):
            actor = actors.get((doc, e["idx"], role), {})
            row.update({f"{role}_{c}": actor.get(c) for c in _ACTOR_COLS})
        rows.append(row)
    return rows


def _claimed_by(store: Store, events: list[dict[str, Any]],
                documents: list[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """Per (document, claim id) of the events' claims, the id and name of the claim's source,
    each table read alone by its keys (joined in SQL, DuckDB scanned every source mention).
    A claim is found by its id (indexed; ids are unique per document, so the document is
    checked here)."""
    claims = sorted({e["attribution"] for e in events if e["attribution"] is not None})
    if not claims:
        return {}
    marks = ", ".join("?" for _ in documents)
    pages = set(documents)
    at = {(r["document_id"], r["idx"]): r["id"] for r in store.query(
        "SELECT document_id, idx, id FROM attributions"
        f" WHERE id IN ({', '.join('?' for _ in claims)})", claims)
        if r["document_id"] in pages}
    # the role is checked here: ``AND role = 'source'`` made DuckDB scan the table instead of
    # looking the documents up (24 against 5 ms of CPU at 100,000 documents)
    said = {(m["document_id"], m["attribution_idx"]): m["source_id"] for m in store.query(
        "SELECT document_id, attribution_idx, role, source_id FROM attribution_sources"
        f" WHERE document_id IN ({marks})", documents)
        if m["role"] == "source" and (m["document_id"], m["attribution_idx"]) in at}
    names = {}
    if said:
        ids = sorted(set(said.values()))
        names = {r["id"]: r["name"] for r in store.query(
            f"SELECT id, name FROM sources WHERE id IN ({', '.join('?' for _ in ids)})", ids)}
    return {(doc, at[(doc, idx)]): {"claimed_by_id": source, "claimed_by": names.get(source)}
            for (doc, idx), source in said.items()}


def _window(
    store: Store, values: dict[str, Any], limit: int | None, offset: int
) -> Window | None:
    """Where the page lies by the kept day (and bucket) counts, when the filters are only the event's date
    and the flags the day counts count apart (factual, coded); None otherwise."""
    if {name for name, value in values.items() if value is not None} - {
            "since", "until", "factual", "coded"}:
        return None
    count = "events" + "_factual" * bool(values["factual"]) + "_coded" * bool(values["coded"])
    return bucket_window(store, _DATE, BUCKET, count, limit=limit, offset=offset,
                         since=values["since"], until=values["until"])


def _attach_parts(store: Store, rows: list[dict[str, Any]], items: list[dict[str, Any]]) -> None:
    """The page's events get their ``mentions`` and ``quantities`` (contract EVENT), read for
    the page's documents only, in the record's order."""
    for item in items:
        item["mentions"], item["quantities"] = [], []
    if not rows:
        return
    at = {(r["document_id"], r["idx"]): item for r, item in zip(rows, items, strict=True)}
    documents = sorted({r["document_id"] for r in rows})
    marks = ", ".join("?" for _ in documents)
    for m in store.query(
        "SELECT document_id, event_idx, start_char, end_char, text FROM event_mentions"
        f" WHERE document_id IN ({marks}) ORDER BY document_id, event_idx, position", documents
    ):
        if (event := at.get((m["document_id"], m["event_idx"]))) is not None:
            event["mentions"].append(
                {"start": m["start_char"], "end": m["end_char"], "text": m["text"]})
    for q in store.query(
        "SELECT document_id, event_idx, quantity_idx FROM event_quantities"
        f" WHERE document_id IN ({marks}) ORDER BY document_id, event_idx, position", documents
    ):
        if (event := at.get((q["document_id"], q["event_idx"]))) is not None:
            event["quantities"].append(q["quantity_idx"])
