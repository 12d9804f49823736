"""The events list's own table: one row per event with the columns the list filters and
sorts on and the item it shows, written with the event, so a page of the timeline is one
indexed select of one table.

Before it (migration 0025), a page of events read the events table to choose the page (DuckDB
scans all 3.2 M of them at 100,000 documents: rows lie in insertion order, so no zone map
prunes a day) and then nine lookups of the page's documents (documents, times, places, actors,
claims, their sources, mentions, quantities): 230-280 ms p95 over HTTP on a loaded machine.

``event_list`` holds per event:

- its ``slot``: the event's day, its slice of the day (``list_counts.BUCKET``) and its kind
  (factual, coded) as one key, ``day/bucket/kind``; ``event_day_buckets`` counts day and bucket. A page placed by those counts is the
  rows of the slots it spans (``query/pages.py`` ``slot_window``), read by an index on
  ``slot`` (DuckDB looks an ``IN`` list up in its index; a range it scans);
- the columns the list's filters read (date, type, factuality, the place's, actor's and
  target's words and countries, outlet, title, the claim's source), copied from the tables
  the list joined before;
- ``item``: the list's item, as JSON (ints, strings and floats come back exactly). One column,
  not forty: DuckDB stores by column, and fetching the ~300 rows of a few slots cost 153 ms of
  CPU with every column of a row its own, 6 ms with five. The source's *name* is not in it: a
  source row is shared by every document citing it, so the list reads it by id.

One function (``item``) makes the item from the joined columns, whether the write path took
them from the record (``event_list_rows``) or the migration from the stored tables
(``backfill``); a test checks that both give the same rows through ingest, delete and
re-ingest. The rows are deleted with their document (``schema.DOCUMENT_TABLES``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from claimgraph.record import Record
from claimgraph.resolve.sources import source_id
from claimgraph.store.rows import Row, event_date

_ACTOR = ("start_char", "end_char", "text", "canonical", "country", "sector")
_PLACE = ("name", "country", "admin1", "geonames_id", "lat", "lon")
_DOCUMENT = ("title", "outlet", "published", "url", "source")

#: the events table's columns the item shows, as ``events`` names them
EVENT = ("id", "type", "trigger_start", "trigger_end", "trigger_text", "place_idx", "time_idx",
         "attribution", "date", "polarity", "certainty", "tense", "fatalities")

#: what the item is made of: an event's row of the join of its tables (``JOINED``), by name
JOINED_COLUMNS = ("document_id", "idx", *EVENT, "time_text", "time_value",
                  *(f"place_{c}" for c in _PLACE), "place_text",
                  *(f"{role}_{c}" for role in ("actor", "target") for c in _ACTOR),
                  "claimed_by_id", *_DOCUMENT)

#: the columns the list filters and sorts on, as ``JOINED_COLUMNS`` names them
FILTERED = ("date", "type", "polarity", "certainty", "tense", "trigger_text", "place_name",
            "place_text", "place_country", "actor_text", "actor_canonical", "actor_country",
            "target_text", "target_canonical", "target_country", "claimed_by_id", "outlet",
            "title")

#: insert column order
COLUMNS = ("document_id", "idx", "slot", *FILTERED, "item")

TABLE = (
    "CREATE TABLE event_list (document_id TEXT NOT NULL, idx INTEGER NOT NULL,"
    " slot TEXT NOT NULL, " + ", ".join(f"{c} TEXT" for c in FILTERED)
    + ", item TEXT NOT NULL, PRIMARY KEY (document_id, idx))"
)

#: the page's slots looked up; on DuckDB also a document's rows (deleted with it, and the
#: ``document`` filter), which PostgreSQL finds by the primary key
INDEXES = ("CREATE INDEX event_list_slot ON event_list (slot)",)
DUCKDB_INDEXES = ("CREATE INDEX event_list_document ON event_list (document_id)",)


def kind(factual: bool, coded: bool) -> str:
    """The part of a slot that says whether its events are factual and coded."""
    return f"{int(factual)}{int(coded)}"


def slot(day: str | None, document_id: str, factual: bool, coded: bool) -> str:
    """An event's day (``''``: none), slice of it (``list_counts.BUCKET``) and kind as one key,
    ``day/bucket/kind``: a page of factual coded events (the default) looks up the slots of
    its kind only, not every event of its buckets (20 times as many on the crowded day, more
    than DuckDB looks up in an index before it scans)."""
    return f"{day or ''}/{document_id[-2:]}/{kind(factual, coded)}"


def is_factual(polarity: str | None, certainty: str | None, tense: str | None) -> bool:
    """``list_counts.FACTUAL`` in Python (a NULL compares as neither true nor false)."""
    return (polarity == "positive" and certainty is not None and certainty != "possible"
            and tense is not None and tense != "future")


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if row[f"{role}_start_char"] is None:
        return None
    return {
        "start": row[f"{role}_start_char"], "end": row[f"{role}_end_char"],
        "text": row[f"{role}_text"], "canonical": row[f"{role}_canonical"],
        "country": row[f"{role}_country"], "sector": row[f"{role}_sector"],
    }


def _float(value: Any) -> float | None:
    """A coordinate as the record has it (a DOUBLE column gives back 5.0 for 5)."""
    return None if value is None else float(value)


def item(row: dict[str, Any], mentions: list[list[Any]], quantities: list[int]) -> dict[str, Any]:
    """The events list's item of one event, from its row of the join (``JOINED_COLUMNS``)
    and its mentions (``[start, end, text]``) and quantities in the record's order: the
    contract EVENT (``place``/``time``/``quantities`` stay indexes into the record) plus
    where, when, who says so and the document. ``claimed_by`` (the source's name) is None
    here: the list reads it by ``claimed_by_id``."""
    place = None
    if row["place_idx"] is not None and row["place_name"] is not None:
        place = {
            "name": row["place_name"], "country": row["place_country"],
            "admin1": row["place_admin1"], "geonames_id": row["place_geonames_id"],
            "lat": _float(row["place_lat"]), "lon": _float(row["place_lon"]),
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
        "fatalities": None if row["fatalities"] is None else int(row["fatalities"]),
        "date": row["date"],
        "time_text": row["time_text"],
        "time_value": row["time_value"],
        "place_name": row["place_name"],
        "place_detail": place,
        "claimed_by": None,
        "claimed_by_id": row["claimed_by_id"],
        "document": {
            "id": row["document_id"], "title": row["title"], "outlet": row["outlet"],
            "published": row["published"], "url": row["url"], "source": row["source"],
        },
        "mentions": [{"start": s, "end": e, "text": t} for s, e, t in mentions],
        "quantities": list(quantities),
    }


def _row(joined: dict[str, Any], mentions: list[list[Any]], quantities: list[int]) -> Row:
    """The ``event_list`` row (``COLUMNS`` order) of an event's row of the join."""
    made = item(joined, mentions, quantities)
    factual = is_factual(joined["polarity"], joined["certainty"], joined["tense"])
    key = slot(joined["date"], joined["document_id"], factual, joined["type"] is not None)
    return (joined["document_id"], joined["idx"], key,
            *(joined[c] for c in FILTERED),
            json.dumps(made, ensure_ascii=False, separators=(",", ":")))


def _at(items: Sequence[Any], index: int | None) -> Any:
    """``items[index]`` as the join finds it (by ``idx = index``): None when absent."""
    return items[index] if index is not None and 0 <= index < len(items) else None


def _copied(obj: Any, names: Sequence[str], prefix: str) -> dict[str, Any]:
    return {f"{prefix}{n}": None if obj is None else getattr(obj, n) for n in names}


def event_list_rows(record: Record) -> list[Row]:
    """The ``event_list`` rows of a record's events, in ``COLUMNS`` order: each event's row
    of the join (``JOINED_COLUMNS``) taken from the record itself."""
    doc = record.id
    claims = {a.id: a for a in reversed(record.attributions)}  # the first of an id, as SQL
    rows = []
    for i, ev in enumerate(record.events):
        time = _at(record.times, ev.time)
        place = _at(record.places, ev.place)
        claim = claims.get(ev.attribution) if ev.attribution is not None else None
        joined = {
            "document_id": doc, "idx": i, "id": ev.id, "type": ev.type,
            "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "trigger_text": ev.trigger.text, "place_idx": ev.place, "time_idx": ev.time,
            "attribution": ev.attribution, "date": event_date(record, ev.time),
            "polarity": ev.polarity, "certainty": ev.certainty, "tense": ev.tense,
            "fatalities": ev.fatalities,
            "time_text": None if time is None else time.text,
            "time_value": None if time is None else time.value,
            **_copied(place, _PLACE, "place_"), "place_text": None if place is None else place.text,
            **{f"{role}_{c}": v for role, actor in (("actor", ev.actor), ("target", ev.target))
               for c, v in zip(_ACTOR, (None,) * 6 if actor is None else (
                   actor.start, actor.end, actor.text, actor.canonical, actor.country,
                   actor.sector), strict=True)},
            "claimed_by_id": None if claim is None or claim.source is None
            else source_id(claim.source),
            **{c: getattr(record, c) for c in _DOCUMENT},
        }
        rows.append(_row(joined, [[m.start, m.end, m.text] for m in ev.mentions],
                         ev.quantities))
    return rows


def parsed(text: str) -> dict[str, Any]:
    """The ``item`` column as the list's item (``claimed_by`` still None)."""
    return json.loads(text)  # type: ignore[no-any-return]


# -- the migration: the rows of stored events, from the normalised tables --------------------

_ROLE_COLUMNS = ", ".join(f"{alias}.{c} AS {role}_{c}" for role, alias in
                          (("actor", "ea"), ("target", "et")) for c in _ACTOR)

#: the tables an event's list row copies, joined as the list joined them before 0025; an
#: attribution id written twice in one document (stores from before ids were made unique)
#: counts once, its first, as ``event_list_rows`` reads it
JOINED = """FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN times t ON t.document_id = e.document_id AND t.idx = e.time_idx
LEFT JOIN places p ON p.document_id = e.document_id AND p.idx = e.place_idx
LEFT JOIN event_actors ea
  ON ea.document_id = e.document_id AND ea.event_idx = e.idx AND ea.role = 'actor'
LEFT JOIN event_actors et
  ON et.document_id = e.document_id AND et.event_idx = e.idx AND et.role = 'target'
LEFT JOIN (SELECT document_id, id, min(idx) AS idx FROM attributions GROUP BY document_id, id) ca
  ON ca.document_id = e.document_id AND ca.id = e.attribution
LEFT JOIN attribution_sources cm
  ON cm.document_id = ca.document_id AND cm.attribution_idx = ca.idx AND cm.role = 'source'"""

#: each event's row of ``JOINED`` (``JOINED_COLUMNS``)
JOINED_SELECT = (
    "SELECT e.document_id, e.idx, " + ", ".join(f"e.{c}" for c in EVENT)
    + ", t.text AS time_text, t.value AS time_value, "
    + ", ".join(f"p.{c} AS place_{c}" for c in _PLACE) + ", p.text AS place_text, "
    + f"{_ROLE_COLUMNS}, cm.source_id AS claimed_by_id, "
    + ", ".join(f"d.{c}" for c in _DOCUMENT)
)


def _lists(store: Any, sql: str, ids: list[str]) -> dict[tuple[str, int], list[Any]]:
    """Per event (document, idx), the rows of ``sql`` (in its order) as lists of values."""
    found: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for r in store._fetch(sql.format(marks=", ".join("?" for _ in ids)), ids):
        values = list(r.values())
        found[(values[0], values[1])].append(values[2:] if len(values) > 3 else values[2])
    return found


def rows_of(store: Any, ids: list[str]) -> list[Row]:
    """The ``event_list`` rows of stored documents ``ids``, from the tables the list joined
    before (the migration's way; the write path takes the same columns from the record)."""
    marks = ", ".join("?" for _ in ids)
    said = _lists(store, "SELECT document_id, event_idx, start_char, end_char, text"
                         " FROM event_mentions WHERE document_id IN ({marks})"
                         " ORDER BY document_id, event_idx, position", ids)
    counted = _lists(store, "SELECT document_id, event_idx, quantity_idx FROM event_quantities"
                            " WHERE document_id IN ({marks})"
                            " ORDER BY document_id, event_idx, position", ids)
    return [_row(r, said.get((r["document_id"], r["idx"]), []),
                 counted.get((r["document_id"], r["idx"]), []))
            for r in store._fetch(f"{JOINED_SELECT} {JOINED} WHERE e.document_id IN ({marks})",
                                  ids)]


def backfill(store: Any) -> None:
    """Migration 0025: the list's row of every stored event, 5,000 documents at a time."""
    ids = [r["id"] for r in store._fetch("SELECT id FROM documents ORDER BY id", [])]
    for i in range(0, len(ids), 5000):
        rows = rows_of(store, ids[i : i + 5000])
        if rows:
            store._insert("event_list", rows)
