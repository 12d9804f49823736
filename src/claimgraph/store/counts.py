"""Counts kept up to date by the write path, so a list page does not aggregate the corpus.

``document_counts`` holds, per document, how many attributions, events, quantities, times and
places it has: one of the rows ``rows.record_rows`` makes, written and deleted with the
document's other rows (which never change in between). ``source_counts`` holds, per source, its claims (as the source), the
claims it relayed (as an intermediary) and its documents: every write adds what its documents
contribute and every delete subtracts it, in the same transaction, through an upsert that adds
(``ON CONFLICT ... DO UPDATE SET n = n + excluded.n``), so concurrent PostgreSQL writers add up
instead of overwriting each other; rows are written in key order so their row locks are taken
in one order. A source whose documents are all deleted keeps a row of zeros (the readers skip
``documents = 0``), as its ``sources`` row stays too.

The migration ``0010_summary_counts`` builds both tables from the stored rows for an existing
database, with the very SQL that ``source_contributions`` uses on delete.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

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

#: How a delta row is added to a source's stored counts (the tail of the upserts).
ADDED = " ON CONFLICT (source_id) DO UPDATE SET " + ", ".join(
    f"{c} = source_counts.{c} + excluded.{c}" for c in SOURCE_COUNTED)

ADD_SOURCE_COUNTS = (
    "INSERT INTO source_counts (source_id, claims, relayed, documents) VALUES (?, ?, ?, ?)"
    + ADDED
)


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
