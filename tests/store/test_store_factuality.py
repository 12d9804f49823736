"""Event factuality (polarity, certainty, tense) in the store: both backends, old databases."""

from __future__ import annotations

import dataclasses

import pytest

from claimgraph.store import Store, open_store
from claimgraph.store.schema import MIGRATIONS
from tests.store.store_samples import kursk, old_event_store

BEFORE = [m.name for m in MIGRATIONS].index("0009_event_factuality")


def test_a_negative_possible_future_event_comes_back_as_it_was_stored(store: Store) -> None:
    record = kursk()
    record.events = [dataclasses.replace(e, polarity="negative", certainty="possible", tense="future")
                     for e in record.events]
    store.add_record(record)
    assert store.get_record(record.id) == record


def test_events_stored_before_factuality_read_back_positive_and_certain(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_event_store(db_url, MIGRATIONS[:BEFORE], monkeypatch)  # an event row without them
    with open_store(db_url) as store:
        assert [m["name"] for m in store.migrations()][BEFORE] == "0009_event_factuality"
        (event,) = store.get_record("old").events  # type: ignore[union-attr]
        assert (event.polarity, event.certainty, event.tense) == ("positive", "certain", "present")
