"""``event_list`` (one row per event with what the events list shows, ``store/event_list.py``)
holds, through ingest, delete, re-ingest and replacement, exactly the rows the migration builds
from the normalised tables, on both backends; and the list gives back each event as the
analysed record has it."""

from __future__ import annotations

import json
from dataclasses import replace

from claimgraph import query
from claimgraph.store import Store, event_list, open_store
from tests.query.test_event_rows import dated_records

_ORDER = "ORDER BY document_id, idx"


def written(store: Store) -> list[dict]:
    return store.query(f"SELECT * FROM event_list {_ORDER}")


def rebuilt(store: Store) -> list[dict]:
    """The rows as migration 0025 builds them from the events' own tables."""
    ids = [r["id"] for r in store.query("SELECT id FROM documents")]
    return sorted((dict(zip(event_list.COLUMNS, row, strict=True))
                   for row in event_list.rows_of(store, ids)),
                  key=lambda r: (r["document_id"], r["idx"]))


def test_the_rows_written_with_the_events_are_the_rows_the_migration_builds(store: Store) -> None:
    records = dated_records()
    store.add_records(records)
    rows = written(store)
    assert rows == rebuilt(store)
    assert len(rows) == sum(len(r.events) for r in records)
    # the comparison covers every copied table: each gives some event a value
    items = [json.loads(row["item"]) for row in rows]
    for got in (lambda i: i["time_value"], lambda i: i["place_detail"], lambda i: i["actor"],
                lambda i: i["target"], lambda i: i["claimed_by_id"], lambda i: i["mentions"],
                lambda i: i["quantities"], lambda i: i["document"]["title"]):
        assert any(got(i) for i in items)


def test_the_rows_follow_a_delete_a_re_ingest_and_a_replacement(store: Store) -> None:
    records = dated_records()
    store.add_records(records)
    store.delete_documents([records[0].id, records[3].id])
    assert not store.query("SELECT 1 FROM event_list WHERE document_id IN (?, ?)",
                           [records[0].id, records[3].id])
    assert written(store) == rebuilt(store)
    store.add_records(records)  # the deleted two come back, the others are skipped
    records[4].title = "A corrected title"
    records[4].events[0].polarity = "negative"
    store.add_records(records[2:], replace=True)
    rows = written(store)
    assert rows == rebuilt(store)
    assert len(rows) == sum(len(r.events) for r in records)
    assert {r["title"] for r in rows if r["document_id"] == records[4].id} == {"A corrected title"}


def test_the_migration_builds_the_rows_of_stored_events(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add_records(dated_records())
        before = written(store)
        store._execute("DROP TABLE event_list")  # a database written before 0025
        store._execute("DELETE FROM schema_migrations WHERE name = '0025_event_list'")
    with open_store(db_url) as store:
        assert written(store) == before


def test_every_listed_event_is_the_analysed_records_event(store: Store) -> None:
    """What ``analyze --json`` prints of an event is what the list gives back."""
    records = dated_records()
    store.add_records(records)
    for record in records:
        listed = query.list_events(store, limit=None, document=record.id, factual=False,
                                   coded=False)["items"]
        analysed = {e.id: e.to_dict() for e in record.events}
        assert {e["id"]: {k: e[k] for k in analysed[e["id"]]} for e in listed} == analysed
    assert any(e.mentions for r in records for e in r.events)


def test_an_attribution_id_written_twice_counts_once_its_first(db_url: str) -> None:
    """Stores written before attribution ids were unique can hold two attributions of one id
    in a document (two cues over one content: "Claim: …"); the migration still builds one row
    per event, and the event is claimed by the first, as the write path reads it."""
    records = dated_records()
    record = next(r for r in records if any(e.attribution for e in r.events)
                  and any(a.source for a in r.attributions))
    first = next(a for a in record.attributions
                 if a.source and any(e.attribution == a.id for e in record.events))
    second = replace(first, source=replace(first.source, text="the other speaker",
                                           canonical="Another Speaker"))
    record.attributions.append(second)
    with open_store(db_url) as store:
        store.add_records(records)
        before = written(store)
        assert len(before) == sum(len(r.events) for r in records)
        store._execute("DROP TABLE event_list")
        store._execute("DELETE FROM schema_migrations WHERE name = '0025_event_list'")
    with open_store(db_url) as store:
        assert written(store) == before
