"""The synthetic documents of the API benchmark: one analysed record varied into the n-th copy.

Its own module so that the benchmark (``bench/api.py``) and the shard writers
(``bench/shards.py``, run in worker processes) read the same copies without importing each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from claimgraph.ids import item_id, text_hash
from claimgraph.record import Record

OUTLETS = ("Continental Wire", "Daily Ledger", "Harbour Post", "Evening Courier", "Metro Times",
           "Northern Herald", "Capital Report", "Global Desk")
SOURCE_VARIANTS = 300


def _vary_sources(record: Record, variant: int) -> None:
    for a in record.attributions:
        for s in ([a.source] if a.source else []) + a.via:
            if variant:  # the first of every SOURCE_VARIANTS copies keeps the real name
                s.canonical = f"{s.canonical or s.text} ({variant})"


def publication_day(n: int) -> str:
    """The n-th synthetic document's publication date: the days of 2024 in turn."""
    return (dt.date(2024, 1, 1) + dt.timedelta(days=n % 366)).isoformat()


def bench_id(n: int) -> str:
    """The id of the n-th synthetic document: a hash, as ingest's content-hash ids are, so the
    ids do not grow with the insertion order (a store that happened to prune by that order
    would look faster here than on a real corpus)."""
    return "bench-" + text_hash(f"bench document {n}")[:16]


def vary(base: Record, n: int) -> Record:
    """The n-th synthetic copy of an analysed record (deep copy, same text and offsets)."""
    r = Record.from_dict(base.to_dict())
    r.id = bench_id(n)
    r.source = f"bench/{n}"
    r.published = publication_day(n)
    r.outlet = OUTLETS[n % len(OUTLETS)]
    r.title = f"{base.title or base.text[:60]} (#{n})"
    for a in r.attributions:
        old = a.id
        a.id = item_id(r.id, "attr", a.content.start, a.content.end)
        for q in r.quantities:
            q.attribution = a.id if q.attribution == old else q.attribution
        for e in r.events:
            e.attribution = a.id if e.attribution == old else e.attribution
    for e in r.events:
        e.id = item_id(r.id, "event", e.trigger.start, e.trigger.end)
    _vary_sources(r, n % SOURCE_VARIANTS)
    return r


def synthetic_records(bases: list[Record], count: int) -> Iterator[Record]:
    for n in range(count):
        yield vary(bases[n % len(bases)], n)
