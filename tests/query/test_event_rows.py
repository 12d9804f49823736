"""A page of events is described by plain selects joined in Python (``events.described``):
each event gets exactly the columns the SQL join of ``events._FROM`` gives it, on both
backends, whichever filter chose the page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimgraph import query
from claimgraph.query import events
from claimgraph.store import Store
from tests.store.test_store_list_counts import dated_records as dated


def dated_records():
    """The dated records, with targets: in every other record, an event's actor is its
    target too."""
    records = dated()
    for record in records[::2]:
        for event in record.events:
            event.target = None if event.actor is None else replace(event.actor)
    return records

# The join as one SQL statement: what the list read before (each event's row of ``_FROM``).
_JOINED = (
    "SELECT e.document_id, e.idx, e.id, e.type, e.trigger_start, e.trigger_end,"
    " e.trigger_text, e.place_idx, e.time_idx, e.attribution, e.date AS date,"
    " e.polarity, e.certainty, e.tense, e.fatalities,"
    " t.text AS time_text, t.value AS time_value,"
    " p.name AS place_name, p.country AS place_country, p.admin1 AS place_admin1,"
    " p.geonames_id AS place_geonames_id, p.lat AS place_lat, p.lon AS place_lon, "
    + ", ".join(f"ea.{c} AS actor_{c}, et.{c} AS target_{c}" for c in events._ACTOR_COLS)
    + ", cs.id AS claimed_by_id, cs.name AS claimed_by,"
    " d.title, d.outlet, d.published, d.url, d.source"
)


def test_every_event_described_has_the_columns_of_the_sql_join(store: Store) -> None:
    store.add_records(dated_records())
    joined = store.query(f"{_JOINED} {events._FROM} ORDER BY {events._ORDER}")
    chosen = store.query(f"{events._EVENT} FROM events e ORDER BY {events._ORDER}")
    assert events.described(store, chosen) == joined
    # the comparison covers every joined table: each gives some event a value
    for column in ("time_value", "place_name", "actor_text", "target_text", "claimed_by_id",
                   "title"):
        assert any(row[column] is not None for row in joined), column


def test_events_of_a_document_deleted_after_the_page_was_chosen_are_left_out(store: Store) -> None:
    """The page's events and their descriptions are separate selects (on PostgreSQL each
    reads its own snapshot): a document deleted in between takes its events off the page
    instead of failing the request."""
    records = dated_records()
    store.add_records(records)
    chosen = store.query(f"{events._EVENT} FROM events e ORDER BY {events._ORDER}")
    gone = records[0].id
    store.delete_documents([gone])
    described = events.described(store, chosen)
    assert [row["id"] for row in described] == [e["id"] for e in chosen if e["document_id"] != gone]
    assert len(described) < len(chosen)


def _listed_by_the_join(store: Store, filters: dict) -> list[dict]:
    """The list's items as the whole join, filtered and sorted in SQL, gives them."""
    w = events.EVENT_FILTERS.where(events.EVENT_FILTERS.values(filters))
    rows = store.query(f"{_JOINED} {events._FROM}{w.sql()} ORDER BY {events._ORDER}", w.params)
    items = [events._event(r) for r in rows]
    events._attach_parts(store, rows, items)
    return items


@pytest.mark.parametrize("filters", [
    {}, {"factual": False, "coded": False}, {"since": "2024-01-03"}, {"country": "UA"},
    {"actor": "russian", "factual": False}, {"country": "RUS"}, {"type": "ASSAULT", "coded": False},
    {"claimed_by": "a source"}, {"q": "struck", "factual": False, "coded": False},
])
def test_every_filter_lists_what_the_sql_join_lists(store: Store, filters: dict) -> None:
    """Filters on the events alone choose the page from the events table (placed by the day
    counts), filters on joined tables (country, actor, claimed_by ...) through the join; both
    pages are described the same way and list what the whole join lists."""
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
