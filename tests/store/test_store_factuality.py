"""Event factuality (polarity, certainty, tense) in the store: both backends, old databases."""

from __future__ import annotations

import dataclasses

import pytest

from claimgraph.store import Store, open_store
from claimgraph.store import base as store_base
from claimgraph.store.schema import MIGRATIONS
from tests.store.store_samples import kursk

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
    with monkeypatch.context() as m:
        m.setattr(store_base, "MIGRATIONS", MIGRATIONS[:BEFORE])
        with open_store(db_url) as old:  # what that version wrote: an event row without them
            old._execute(
                "INSERT INTO documents (id, source, published, title, outlet, url, text,"
                " ingested_at) VALUES ('old', 'old.txt', '2024-08-13', NULL, NULL, NULL,"
                " 'Troops attacked.', '2024-08-14 10:00:00')"
            )
            old._execute(
                "INSERT INTO events (document_id, idx, id, type, trigger_start, trigger_end,"
                " trigger_text, place_idx, time_idx, attribution, date)"
                " VALUES ('old', 0, 'e', 'ASSAULT', 7, 15, 'attacked', NULL, NULL, NULL, NULL)"
            )
    with open_store(db_url) as store:
        assert [m["name"] for m in store.migrations()][BEFORE] == "0009_event_factuality"
        (event,) = store.get_record("old").events  # type: ignore[union-attr]
        assert (event.polarity, event.certainty, event.tense) == ("positive", "certain", "present")
