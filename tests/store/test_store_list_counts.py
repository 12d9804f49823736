"""The counts kept per day and per source and outlet (``store/list_counts.py``) stay what the
rows add up to through ingest, delete, re-ingest and replacement, on both backends, and the
migration builds them for a database written before them."""

from __future__ import annotations

from collections import Counter

from claimgraph.bench.synthetic import vary
from claimgraph.record import Record
from claimgraph.store import Store, open_store
from claimgraph.store.list_counts import DAY_COUNTED, EVENT_COUNTED
from tests.serve.samples import sample_records


def dated_records() -> list[Record]:
    """Copies of the samples on a few days, several on one day, two undated; in every other
    one the events have no time of their own (dated by the publication, or undated), some
    negated and some uncoded."""
    bases = sample_records()
    records = [vary(bases[n % len(bases)], n) for n in (0, 1, 2, 366, 367, 3, 732, 4)]
    records[3].published = records[6].published = None
    for i, record in enumerate(records[1::2]):
        for event in record.events:
            event.time = None
            event.polarity = "negative" if i % 2 else event.polarity
            event.type = None if i == 2 else event.type
    return records


def _factual(e: dict) -> bool:
    return e["polarity"] == "positive" and e["certainty"] not in (None, "possible") and (
        e["tense"] not in (None, "future"))


def recounted(store: Store) -> tuple[dict, dict, dict]:
    """The counts as the rows give them, counted here in Python."""
    days: dict[str, Counter] = {}

    def add(day: str | None, **n: int) -> None:
        days.setdefault(day or "", Counter()).update(n)

    published = {}
    for d in store.query("SELECT id, published, outlet FROM documents"):
        published[d["id"]] = d
        add(d["published"], documents=1)
    for a in store.query("SELECT document_id, anonymous FROM claim_index"):
        add(published[a["document_id"]]["published"], claims=1,
            claims_anonymous=int(bool(a["anonymous"])))
    buckets: dict[tuple[str, str], Counter] = {}
    for e in store.query("SELECT document_id, date, type, polarity, certainty, tense FROM events"):
        factual, coded = _factual(e), e["type"] is not None
        n = {"events": 1, "events_factual": int(factual), "events_coded": int(coded),
             "events_factual_coded": int(factual and coded)}
        add(e["date"], **n)
        buckets.setdefault((e["date"] or "", e["document_id"][-2:]), Counter()).update(n)
    outlets: dict[tuple[str, str], set] = {}
    for m in store.query("SELECT document_id, attribution_idx, source_id FROM attribution_sources"
                         " WHERE role = 'source'"):
        outlet = published[m["document_id"]]["outlet"]
        if outlet is not None:
            outlets.setdefault((m["source_id"], outlet), set()).add(
                (m["document_id"], m["attribution_idx"]))
    return ({day: tuple(n[c] for c in DAY_COUNTED) for day, n in days.items()},
            {key: len(claims) for key, claims in outlets.items()},
            {key: tuple(n[c] for c in EVENT_COUNTED) for key, n in buckets.items()})


def kept(store: Store) -> tuple[dict, dict, dict]:
    """The counts as the kept tables hold them (a key of zeros is no key)."""
    days = {r["day_key"]: tuple(r[c] for c in DAY_COUNTED)
            for r in store.query("SELECT * FROM day_counts")}
    outlets = {(r["source_id"], r["outlet"]): r["claims"]
               for r in store.query("SELECT * FROM source_outlet_counts WHERE claims > 0")}
    buckets = {(r["day_key"], r["bucket"]): tuple(r[c] for c in EVENT_COUNTED)
               for r in store.query("SELECT * FROM event_day_buckets")}
    return ({d: n for d, n in days.items() if any(n)}, outlets,
            {k: n for k, n in buckets.items() if any(n)})


def test_list_counts_are_exact_after_ingest(store: Store) -> None:
    store.add_records(dated_records())
    days, outlets, buckets = kept(store)
    assert (days, outlets, buckets) == recounted(store)
    assert "" in days and len(days) > 5 and len(outlets) > 5
    assert any(len({b for d, b in buckets if d == day}) > 1 for day in days)  # a crowded day


def test_list_counts_are_exact_after_a_delete(store: Store) -> None:
    records = dated_records()
    store.add_records(records)
    assert store.delete_documents([records[0].id, records[3].id]) == 2
    assert kept(store) == recounted(store)
    assert records[0].published not in kept(store)[0]


def test_list_counts_are_exact_after_re_ingest_and_replacement(store: Store) -> None:
    records = dated_records()
    store.add_records(records)
    store.delete_documents([r.id for r in records[:4]])
    store.add_records(records)  # the deleted four come back, the others are skipped
    store.add_records(records[2:], replace=True)
    assert kept(store) == recounted(store)
    assert sum(n[0] for n in kept(store)[0].values()) == len(records)


def test_the_migration_builds_the_list_counts_of_stored_documents(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add_records(dated_records())
        store._execute("DROP TABLE day_counts")  # as a database written before the migration
        store._execute("DROP TABLE source_outlet_counts")
        store._execute("DELETE FROM schema_migrations WHERE name = '0018_list_counts'")
    with open_store(db_url) as store:
        assert kept(store) == recounted(store)
        assert len(kept(store)[0]) > 5


def test_the_migration_builds_the_event_buckets_of_stored_documents(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add_records(dated_records())
        store._execute("DROP TABLE event_day_buckets")  # a database written before 0023
        store._execute("DELETE FROM schema_migrations WHERE name = '0023_event_day_buckets'")
    with open_store(db_url) as store:
        assert kept(store) == recounted(store)
        assert len(kept(store)[2]) > 5


def test_records_round_trip_unchanged(store: Store) -> None:
    records = dated_records()
    store.add_records(records)
    store.delete_documents([records[1].id])
    assert [store.get_record(r.id) for r in records[2:]] == records[2:]
