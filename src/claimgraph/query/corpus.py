"""What the corpus records point at, looked up for a page: documents, attributions, figures.

A corpus record names documents, attributions and quantities by id (``document``,
``attribution``, ``quantity`` in the contract); a story, claim or relation page shows what they
say: the outlet and date of a report, the words and speaker of an attribution, the figure of a
quantity. These lookups read only the rows a page names (by primary key or the indexes on
``attributions(id)`` and the member tables' ``document_id``), never the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claimgraph.store.base import Store

_CHUNK = 500


def _in(store: Store, sql: str, values: Iterable[Any], params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """``sql`` with ``{marks}`` filled for each chunk of ``values`` (after ``params``)."""
    wanted = sorted(set(values))
    rows: list[dict[str, Any]] = []
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        rows.extend(store.query(sql.format(marks=", ".join("?" for _ in chunk)),
                                [*params, *chunk]))
    return rows


def documents(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, title, outlet, published, url} of the stored documents among ``ids`` (a
    document deleted since resolve ran is absent: pages show its id alone)."""
    return {r["id"]: r for r in _in(
        store, "SELECT id, title, outlet, published, url FROM documents WHERE id IN ({marks})",
        ids)}


def report(docs: dict[str, dict[str, Any]], document_id: str, *, key: str = "id") -> dict[str, Any]:
    """A document as a page shows it: its stored fields (its id under ``key``), or its id
    alone when it is no longer stored."""
    found = docs.get(document_id, {})
    return {key: document_id, **{f: found.get(f) for f in ("title", "outlet", "published", "url")}}


def copies_of(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """document -> the original it copies, for the documents among ``ids`` that are a copy
    (an original, or a document in no copies group, is absent)."""
    rows = _in(store, "SELECT m.document_id, c.original FROM copies_documents m"
               " JOIN copies c ON c.id = m.copies_id WHERE m.document_id IN ({marks})", ids)
    return {r["document_id"]: r["original"] for r in rows if r["original"] != r["document_id"]}


def attributions(
    store: Store, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, Any]]:
    """(document, attribution id) -> {content, cue, source, source_id, via} of each stored
    attribution: the words said, the cue, who said it (as the sources table names them) and the
    chain it came through, nearest intermediary first."""
    wanted = set(keys)
    if not wanted:
        return {}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    by_idx: dict[tuple[str, int], dict[str, Any]] = {}
    rows = _in(store, "SELECT a.document_id, a.idx, a.id, a.content_text, a.cue_text,"
               " s.id AS source_id, s.name AS source FROM attributions a"
               " LEFT JOIN attribution_sources m ON m.document_id = a.document_id"
               " AND m.attribution_idx = a.idx AND m.role = 'source'"
               " LEFT JOIN sources s ON s.id = m.source_id WHERE a.id IN ({marks})",
               (k[1] for k in wanted))
    for r in rows:
        if (r["document_id"], r["id"]) in wanted:
            item = {"content": r["content_text"], "cue": r["cue_text"], "source": r["source"],
                    "source_id": r["source_id"], "via": []}
            found[(r["document_id"], r["id"])] = item
            by_idx[(r["document_id"], r["idx"])] = item
    vias = _in(store, "SELECT m.document_id, m.attribution_idx, s.name FROM attribution_sources m"
               " JOIN sources s ON s.id = m.source_id WHERE m.role = 'via'"
               " AND m.document_id IN ({marks}) ORDER BY m.document_id, m.attribution_idx,"
               " m.position", (k[0] for k in found))
    for v in vias:
        holder = by_idx.get((v["document_id"], v["attribution_idx"]))
        if holder is not None:
            holder["via"].append(v["name"])
    return found


def quantities(store: Store, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], dict[str, Any]]:
    """(document, index into its quantities) -> {text, unit} of each stored figure."""
    wanted = set(keys)
    rows = _in(store, "SELECT document_id, idx, text, unit FROM quantities"
               " WHERE document_id IN ({marks})", (k[0] for k in wanted))
    return {(r["document_id"], r["idx"]): {"text": r["text"], "unit": r["unit"]}
            for r in rows if (r["document_id"], r["idx"]) in wanted}
