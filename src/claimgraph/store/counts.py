"""Counts kept up to date by the write path, so a list page does not aggregate the corpus.

``document_counts`` holds, per document, how many attributions, events, quantities, times and
places it has: one of the rows ``rows.record_rows`` makes, written and deleted with the
document's other rows (which never change in between). ``source_counts`` holds, per source, its claims (as the source), the
claims it relayed (as an intermediary) and its documents: every write adds what its documents
contribute and every delete subtracts it, in the same transaction, through an upsert that adds
(``ON CONFLICT ... DO UPDATE SET n = n + excluded.n``), so concurrent PostgreSQL writers add up
instead of overwriting each other; rows are written in key order so their row locks are taken
in one order. A source whose documents are all deleted keeps a row of zeros (the readers skip
``documents = 0``), as its ``sources`` row stays too. ``place_counts`` does the same per
distinct place (name, country, admin1, GeoNames id and coordinates, as the places list groups
them): its mentions, documents and the events located there; aggregating those per request took
16 s at 100,000 documents.

The migration ``0010_summary_counts`` builds both tables from the stored rows for an existing
database, with the very SQL that ``source_contributions`` uses on delete.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from claimgraph.ids import text_hash
from claimgraph.store import rank_counts
from claimgraph.store.list_counts import AGGREGATES
from claimgraph.store.rows import COLUMNS, DOCUMENT_COUNTED, Row

#: The counts of a source, in ``source_counts`` column order after ``source_id``.
SOURCE_COUNTED = ("claims", "relayed", "documents")

_CLAIM = "document_id || ':' || CAST(attribution_idx AS TEXT)"

# Per source, what the mentions in ``attribution_sources`` (narrowed by a WHERE) add up to.
SOURCE_AGGREGATE = (
    "SELECT source_id,"
    f" count(DISTINCT CASE WHEN role = 'source' THEN {_CLAIM} END) AS claims,"
    f" count(DISTINCT CASE WHEN role = 'via' THEN {_CLAIM} END) AS relayed,"
    " count(DISTINCT document_id) AS documents"
    " FROM attribution_sources{where} GROUP BY source_id"
)

TABLES = (
    """CREATE TABLE document_counts (
        document_id TEXT PRIMARY KEY, attributions INTEGER NOT NULL, events INTEGER NOT NULL,
        quantities INTEGER NOT NULL, times INTEGER NOT NULL, places INTEGER NOT NULL)""",
    """CREATE TABLE source_counts (
        source_id TEXT PRIMARY KEY, claims BIGINT NOT NULL, relayed BIGINT NOT NULL,
        documents BIGINT NOT NULL)""",
    "INSERT INTO document_counts (document_id, " + ", ".join(DOCUMENT_COUNTED) + ") SELECT d.id, "
    + ", ".join(f"(SELECT count(*) FROM {t} x WHERE x.document_id = d.id)"
                for t in DOCUMENT_COUNTED)
    + " FROM documents d",
    "INSERT INTO source_counts (source_id, claims, relayed, documents) "
    + SOURCE_AGGREGATE.format(where=""),
)

#: What the places list groups by, in ``place_counts`` column order after ``place_id``.
PLACE_KEY = ("name", "country", "admin1", "geonames_id", "lat", "lon")
#: The counts of a place, after its key.
PLACE_COUNTED = ("mentions", "documents", "events")

PLACE_TABLE = """CREATE TABLE place_counts (
        place_id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, admin1 TEXT,
        geonames_id BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, mentions BIGINT NOT NULL,
        documents BIGINT NOT NULL, events BIGINT NOT NULL)"""

#: Per kept-counts table: its columns, the first being its key (each delta row in this order)
#: and the counted ones last; the lists' counts of ``store/list_counts.py`` and the claim
#: list's of ``store/rank_counts.py`` too.
COUNTED_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "source_counts": (("source_id",), SOURCE_COUNTED),
    "place_counts": (("place_id", *PLACE_KEY), PLACE_COUNTED),
    **{table: (keys, counted) for table, (keys, counted, _) in AGGREGATES.items()},
    "claim_rank_counts": (rank_counts.KEYS, rank_counts.COUNTED),
}
#: the key of a table whose columns before the counts are not all key (a place's id is its key)
_KEYED = {"place_counts": ("place_id",), "source_counts": ("source_id",)}


def added(table: str) -> str:
    """The tail of an upsert that adds a delta row to ``table``'s stored counts."""
    keys, counted = COUNTED_TABLES[table]
    return f" ON CONFLICT ({', '.join(_KEYED.get(table, keys))}) DO UPDATE SET " + ", ".join(
        f"{c} = {table}.{c} + excluded.{c}" for c in counted)


def add_counts_sql(table: str) -> str:
    """``INSERT ... VALUES (?, ...)`` adding one delta row to ``table``."""
    columns = [c for part in COUNTED_TABLES[table] for c in part]
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})" + added(table)


def place_key(values: Iterable[Any]) -> tuple[Any, ...]:
    """A place's key as the store reads it back: coordinates as floats (a record may hold an
    int), the GeoNames id as an int, so a write and a later delete name the same place."""
    name, country, admin1, geonames_id, lat, lon = values
    return (name, country, admin1, None if geonames_id is None else int(geonames_id),
            None if lat is None else float(lat), None if lon is None else float(lon))


def place_id(key: Iterable[Any]) -> str:
    """The id of a distinct place: its key, as JSON (floats by their exact repr), hashed."""
    return text_hash(json.dumps(list(key)))


_P = {c: COLUMNS["places"].index(c) for c in ("document_id", "idx", *PLACE_KEY)}
_E_DOCUMENT = COLUMNS["events"].index("document_id")
_E_PLACE = COLUMNS["events"].index("place_idx")


def place_deltas(places: Iterable[Row], events: Iterable[Row], sign: int = 1) -> list[Row]:
    """What ``places`` rows (and the ``events`` rows of the same documents) add to
    ``place_counts``, in key order: per distinct place, its mentions, its documents and the
    events located at one of its mentions; ``sign=-1`` for documents being deleted."""
    located = Counter((e[_E_DOCUMENT], e[_E_PLACE]) for e in events if e[_E_PLACE] is not None)
    keys: dict[str, tuple[Any, ...]] = {}
    mentions: Counter[str] = Counter()
    documents: dict[str, set[Any]] = defaultdict(set)
    at: Counter[str] = Counter()
    for p in places:
        key = place_key(p[_P[c]] for c in PLACE_KEY)
        pid = place_id(key)
        keys[pid] = key
        mentions[pid] += 1
        documents[pid].add(p[_P["document_id"]])
        at[pid] += located[(p[_P["document_id"]], p[_P["idx"]])]
    return [(pid, *keys[pid], sign * mentions[pid], sign * len(documents[pid]), sign * at[pid])
            for pid in sorted(keys)]


def backfill_place_counts(store: Any) -> None:
    """Migration step: ``place_counts`` from the stored places and events, a document range at
    a time so a large database is never all in memory."""
    ids = [r["id"] for r in store._fetch("SELECT id FROM documents ORDER BY id", [])]
    for i in range(0, len(ids), 2000):
        chunk = ids[i : i + 2000]
        store._add_counts("place_counts", place_deltas(*document_rows(store, chunk)))


def document_rows(store: Any, ids: list[str]) -> tuple[list[Row], list[Row]]:
    """The ``places`` and ``events`` rows (as ``COLUMNS`` tuples) of some documents."""
    marks = ", ".join("?" for _ in ids)
    out = []
    for table in ("places", "events"):
        names = COLUMNS[table]
        rows = store._fetch(f"SELECT {', '.join(names)} FROM {table} WHERE document_id IN ({marks})",
                            ids)
        out.append([tuple(r[c] for c in names) for r in rows])
    return out[0], out[1]


_ROLE = COLUMNS["attribution_sources"].index("role")
_IDX = COLUMNS["attribution_sources"].index("attribution_idx")
_SOURCE = COLUMNS["attribution_sources"].index("source_id")
_DOCUMENT = COLUMNS["attribution_sources"].index("document_id")


def source_deltas(mentions: Iterable[Row]) -> list[Row]:
    """What ``attribution_sources`` rows add to ``source_counts``, in key order: per source,
    its distinct claims as the source, as an intermediary, and its distinct documents."""
    claims: dict[str, set[tuple[Any, Any]]] = defaultdict(set)
    relayed: dict[str, set[tuple[Any, Any]]] = defaultdict(set)
    documents: dict[str, set[Any]] = defaultdict(set)
    for m in mentions:
        key = (m[_DOCUMENT], m[_IDX])
        (claims if m[_ROLE] == "source" else relayed)[m[_SOURCE]].add(key)
        documents[m[_SOURCE]].add(m[_DOCUMENT])
    return [(sid, len(claims[sid]), len(relayed[sid]), len(documents[sid]))
            for sid in sorted(documents)]


def negated(rows: Iterable[dict[str, Any]]) -> list[Row]:
    """``SOURCE_AGGREGATE`` rows of documents about to be deleted, as deltas to subtract."""
    return sorted((r["source_id"], *(-int(r[c]) for c in SOURCE_COUNTED)) for r in rows)
