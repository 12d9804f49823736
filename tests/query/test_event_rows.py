"""The events list reads ``event_list`` (one row per event, written with it): every filter
lists, on both backends, exactly what the join of the normalised tables it copies lists, each
item with the values that join gives (the list before migration 0025 read that join)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimgraph import query
from claimgraph.query import events
from claimgraph.store import Store, event_list
from tests.store.test_store_list_counts import dated_records as dated


def dated_records():
    """The dated records, with targets and mentions: in every other record, an event's actor
    is its target too, and each event is mentioned again by its trigger's words and counted
    by the record's first two quantities."""
    records = dated()
    for record in records[::2]:
        for event in record.events:
            event.target = None if event.actor is None else replace(event.actor)
            event.mentions = [replace(event.trigger), replace(event.trigger)]
            event.quantities = list(range(min(2, len(record.quantities))))
    return records

# The normalised tables an event's list row copies, joined (what the list read before), and
# the names of its claims' sources.
_FROM = f"{event_list.JOINED}\nLEFT JOIN sources cs ON cs.id = cm.source_id"

# The filters of ``events.EVENT_FILTERS`` as the join names their columns.
_JOIN_COLUMNS = {
    "e.place_country": "p.country", "e.actor_country": "ea.country",
    "e.target_country": "et.country", "e.place_name": "p.name", "e.place_text": "p.text",
    "e.actor_text": "ea.text", "e.actor_canonical": "ea.canonical", "e.target_text": "et.text",
    "e.target_canonical": "et.canonical", "e.outlet": "d.outlet", "e.claimed_by_id": "cs.id",
    "e.title": "d.title",
}

# Each event's row of ``_FROM``, with its source's name.
_JOINED = f"{event_list.JOINED_SELECT}, cs.name AS claimed_by"


def _listed_by_the_join(store: Store, filters: dict) -> list[dict]:
    """The list's items as the whole join, filtered and sorted in SQL, gives them."""
    w = events.EVENT_FILTERS.where(events.EVENT_FILTERS.values(filters))
    clauses = " AND ".join(w.clauses)
    for listed, joined in _JOIN_COLUMNS.items():
        clauses = clauses.replace(listed, joined)
    where = f" WHERE {clauses}" if clauses else ""
    rows = store.query(f"{_JOINED} {_FROM}{where} ORDER BY {events._ORDER}", w.params)
    return [{**event_list.item(row, *_parts(store, row["document_id"], row["idx"])),
             "claimed_by": row["claimed_by"]} for row in rows]


def _parts(store: Store, document_id: str, idx: int) -> tuple[list, list]:
    """An event's mentions and quantities, from their own tables."""
    key = [document_id, idx]
    return ([[m["start_char"], m["end_char"], m["text"]] for m in store.query(
                "SELECT start_char, end_char, text FROM event_mentions"
                " WHERE document_id = ? AND event_idx = ? ORDER BY position", key)],
            [q["quantity_idx"] for q in store.query(
                "SELECT quantity_idx FROM event_quantities WHERE document_id = ? AND event_idx = ?"
                " ORDER BY position", key)])


@pytest.mark.parametrize("filters", [
    {}, {"factual": False, "coded": False}, {"since": "2024-01-03"}, {"country": "UA"},
    {"actor": "russian", "factual": False}, {"country": "RUS"}, {"type": "ASSAULT", "coded": False},
    {"claimed_by": "a source"}, {"q": "struck", "factual": False, "coded": False},
])
def test_every_filter_lists_what_the_sql_join_lists(store: Store, filters: dict) -> None:
    """Filters on the date and the flags place the page by the day and bucket counts, the
    others (country, actor, claimed_by ...) filter ``event_list``'s copied columns; either
    way every page lists what the whole join lists, with the same values."""
    store.add_records(dated_records())
    if "claimed_by" in filters:
        filters = {"factual": False, "coded": False, "claimed_by": store.query(
            "SELECT m.source_id FROM events e JOIN attributions a ON a.document_id ="
            " e.document_id AND a.id = e.attribution JOIN attribution_sources m ON"
            " m.document_id = a.document_id AND m.attribution_idx = a.idx AND m.role = 'source'"
            " LIMIT 1")[0]["source_id"]}
    expected = _listed_by_the_join(store, filters)
    assert expected, filters
    assert query.list_events(store, limit=None, **filters)["items"] == expected
    pages = [query.list_events(store, limit=3, offset=o, **filters)["items"]
             for o in range(0, len(expected) + 3, 3)]
    assert [item for p in pages for item in p] == expected
