"""Uncoded events, event mentions and event quantities in the store: both backends, old databases."""

from __future__ import annotations

import pytest

from claimgraph.record import Event, span_of
from claimgraph.store import Store, open_store
from claimgraph.store.schema import MIGRATIONS
from tests.store.store_samples import kursk, old_event_store

BEFORE = [m.name for m in MIGRATIONS].index("0012_event_mentions")


def test_an_uncoded_event_with_mentions_and_quantities_comes_back_as_stored(store: Store) -> None:
    record = kursk()
    text = record.text
    start = text.index("attack")
    record.events.append(
        Event(id="event-uncoded", type=None, trigger=span_of(text, start, start + 6),
              mentions=[span_of(text, 0, 4), span_of(text, 5, 9)], quantities=[0])
    )
    store.add_record(record)
    assert store.get_record(record.id) == record


def test_events_stored_before_mentions_read_back_with_none_and_accept_uncoded_ones(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_event_store(db_url, MIGRATIONS[:BEFORE], monkeypatch)  # a coded event, no mentions
    with open_store(db_url) as store:
        assert [m["name"] for m in store.migrations()][BEFORE] == "0012_event_mentions"
        (event,) = store.get_record("old").events  # type: ignore[union-attr]
        assert (event.type, event.mentions, event.quantities) == ("ASSAULT", [], [])
        record = kursk()
        record.events[0].type = None
        store.add_record(record)
        assert store.get_record(record.id) == record
