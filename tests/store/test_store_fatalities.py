"""An event's fatalities in the store: both backends, old databases."""

from __future__ import annotations

import dataclasses

import pytest

from claimgraph.store import Store, open_store
from claimgraph.store.schema import MIGRATIONS
from tests.store.store_samples import kursk, old_event_store

BEFORE = [m.name for m in MIGRATIONS].index("0013_event_fatalities")


def test_an_events_fatalities_come_back_as_stored(store: Store) -> None:
    record = kursk()
    record.events = [dataclasses.replace(e, fatalities=2**63 - 1) for e in record.events]
    store.add_record(record)
    assert store.get_record(record.id) == record


def test_events_stored_before_fatalities_read_back_with_none(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_event_store(db_url, MIGRATIONS[:BEFORE], monkeypatch)
    with open_store(db_url) as store:
        assert [m["name"] for m in store.migrations()][BEFORE] == "0013_event_fatalities"
        (event,) = store.get_record("old").events  # type: ignore[union-attr]
        assert event.fatalities is None
