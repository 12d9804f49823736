"""Counts kept per day and per source and outlet, so a deep page or a source's outlets read a
few rows instead of sorting or grouping the corpus.

``day_counts`` holds, per day (a publication date for documents and claims, an event's date
for events; ``''`` for none), how many documents, claims and events fall on it, with the
claims of anonymous sources and the events by factuality and coding counted apart (the lists'
default filters). A page at offset 300,000 of a list in date order then reads these few
hundred rows, finds the days it spans and sorts only their rows (``query/pages.py``): sorting
every event to skip 300,000 cost 380 ms of CPU at 100,000 documents. ``source_outlet_counts``
holds, per source and outlet, the claims it made there (the sources list shows each source's
outlets; grouping every mention of a page's sources cost 73 ms).

Both are kept by one SQL aggregate per table over the documents written or deleted (added
after a write, subtracted before a delete, in the same transaction), the very SQL the
migration ``0018_list_counts`` runs over every stored document, so a count and a recount
cannot disagree by construction. As ``store/counts.py``, a key whose documents are all
deleted keeps a row of zeros, which readers skip.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimgraph.store.rows import Row

#: the counts of a day, in ``day_counts`` column order after ``day_key``
DAY_COUNTED = ("documents", "claims", "claims_anonymous", "events", "events_factual",
               "events_coded", "events_factual_coded")

#: what an analyst counts by default (issue 13): events that happened by the text's account —
#: positive, certain or probable, not future (``query/events.py`` filters by the same SQL)
FACTUAL = "e.polarity = 'positive' AND e.certainty <> 'possible' AND e.tense <> 'future'"
#: events PLOVER has a category for
CODED = "e.type IS NOT NULL"

#: an event's slice of its day: the last two characters of its document's id (hex for
#: content-hash ids: 256 slices). The events list orders a day's events by it first
#: (``query/events.py``), so ``event_day_buckets`` can place a page inside a crowded day.
BUCKET = "right(e.document_id, 2)"
#: the events of a day or a slice of it, in ``day_counts``/``event_day_buckets`` columns
EVENT_COUNTED = ("events", "events_factual", "events_coded", "events_factual_coded")

TABLES = (
    "CREATE TABLE day_counts (day_key TEXT PRIMARY KEY, "
    + ", ".join(f"{c} BIGINT NOT NULL" for c in DAY_COUNTED) + ")",
    """CREATE TABLE source_outlet_counts (
        source_id TEXT NOT NULL, outlet TEXT NOT NULL, claims BIGINT NOT NULL,
        PRIMARY KEY (source_id, outlet))""",
)

#: per day and slice of it (``BUCKET``), its events as ``day_counts`` counts them (migration
#: 0023): one day can hold 80,000 events at 100,000 documents, and a page deep in it sorted
#: them all (PostgreSQL: 460 ms); with the slices it sorts those of the slices it spans.
BUCKET_TABLE = (
    "CREATE TABLE event_day_buckets (day_key TEXT NOT NULL, bucket TEXT NOT NULL, "
    + ", ".join(f"{c} BIGINT NOT NULL" for c in EVENT_COUNTED) + ", PRIMARY KEY (day_key, bucket))"
)


def _n(condition: str) -> str:
    return f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"


_EVENTS = (f"count(*) AS events, {_n(FACTUAL)} AS events_factual, {_n(CODED)} AS events_coded,"
           f" {_n(f'{FACTUAL} AND {CODED}')} AS events_factual_coded FROM events e"
           " WHERE e.document_id IN ({marks})")


#: per kept table: its key columns, its counted columns, and the aggregates (over the
#: documents ``{marks}`` names) that give each key's counts; a count an aggregate leaves out
#: is 0 for it
AGGREGATES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "day_counts": (("day_key",), DAY_COUNTED, (
        "SELECT coalesce(d.published, '') AS day_key, count(*) AS documents"
        " FROM documents d WHERE d.id IN ({marks}) GROUP BY coalesce(d.published, '')",
        "SELECT coalesce(a.published, '') AS day_key, count(*) AS claims,"
        f" {_n('a.anonymous')} AS claims_anonymous FROM claim_index a"
        " WHERE a.document_id IN ({marks}) GROUP BY coalesce(a.published, '')",
        f"SELECT coalesce(e.date, '') AS day_key, {_EVENTS} GROUP BY coalesce(e.date, '')",
    )),
    "event_day_buckets": (("day_key", "bucket"), EVENT_COUNTED, (
        f"SELECT coalesce(e.date, '') AS day_key, {BUCKET} AS bucket, {_EVENTS}"
        f" GROUP BY coalesce(e.date, ''), {BUCKET}",
    )),
    "source_outlet_counts": (("source_id", "outlet"), ("claims",), (
        "SELECT m.source_id, d.outlet,"
        " count(DISTINCT m.document_id || ':' || CAST(m.attribution_idx AS TEXT)) AS claims"
        " FROM attribution_sources m JOIN documents d ON d.id = m.document_id"
        " WHERE m.role = 'source' AND d.outlet IS NOT NULL AND m.document_id IN ({marks})"
        " GROUP BY m.source_id, d.outlet",
    )),
}

_CHUNK = 500


def list_deltas(store: Any, table: str, ids: Sequence[str], sign: int = 1) -> list[Row]:
    """What the stored rows of documents ``ids`` add to ``table`` (``sign=-1``: subtract, for
    documents about to be deleted), as delta rows in key order (row locks in one order)."""
    keys, counted, aggregates = AGGREGATES[table]
    totals: dict[tuple[Any, ...], list[int]] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = list(ids[i : i + _CHUNK])
        marks = ", ".join("?" for _ in chunk)
        for sql in aggregates:
            for r in store._fetch(sql.format(marks=marks), chunk):
                acc = totals.setdefault(tuple(r[k] for k in keys), [0] * len(counted))
                for j, c in enumerate(counted):
                    acc[j] += sign * int(r.get(c) or 0)
    return [(*key, *counts) for key, counts in sorted(totals.items()) if any(counts)]


def keep(store: Any, ids: Sequence[str], sign: int = 1,
         tables: Sequence[str] = tuple(AGGREGATES)) -> None:
    """Add (or subtract) what documents ``ids`` contribute to every kept list count (or to
    ``tables`` only: a migration builds the tables it creates)."""
    for table in tables:
        store._add_counts(table, list_deltas(store, table, ids, sign))


def _backfill(store: Any, tables: Sequence[str]) -> None:
    """The counts of every stored document in ``tables``, 2,000 documents at a time."""
    ids = [r["id"] for r in store._fetch("SELECT id FROM documents ORDER BY id", [])]
    for i in range(0, len(ids), 2000):
        keep(store, ids[i : i + 2000], tables=tables)


def backfill_list_counts(store: Any) -> None:
    """Migration 0018: the day and outlet counts of every stored document."""
    _backfill(store, ("day_counts", "source_outlet_counts"))


def backfill_event_day_buckets(store: Any) -> None:
    """Migration 0023: the events of every stored document per day and slice."""
    _backfill(store, ("event_day_buckets",))
