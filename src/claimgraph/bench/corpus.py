"""Speed of the reads across documents: ``python -m claimgraph.bench.corpus DB [DOCUMENTS]``.

Writes a synthetic resolved corpus of DOCUMENTS documents (default 100,000) into DB (a DuckDB
path or a ``postgresql://`` URL) through the store's own ``add_corpus``, in the shape resolve
gives a news corpus: stories of 1 to 10 reports, half of the larger ones with a copy, 1 to 3
events a story, 8 claims a document (most in one report, 1 to 3 independent sources), a
relation for every second document. Then times each list and page of ``claimgraph.query``'s
stories, claims and relations (20 calls each: wall p50/p95 and CPU per call, which a shared
machine's load distorts less). Documents are bare rows (no analysis): the routes read only
their title, outlet and date.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from claimgraph import query
from claimgraph.resolve.corpus import (
    Claim,
    ClaimMention,
    Copies,
    CorpusEvent,
    CorpusRecord,
    EventMention,
    FirstReport,
    Relation,
    RelationEnd,
    Story,
    corpus_id,
)
from claimgraph.store import Store, open_store

DAYS = [f"2024-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)]


def synthetic(n: int, seed: int = 7) -> tuple[list[tuple[Any, ...]], list[CorpusRecord]]:
    """Document rows and the corpus records resolve would give them."""
    docs = [f"doc{i:07d}" for i in range(n)]
    day = {d: DAYS[i * len(DAYS) // n] for i, d in enumerate(docs)}
    now = dt.datetime(2024, 1, 1)
    rows = [(d, "bench", day[d], f"Report {i}", f"Outlet {i % 40}", None, "text", now, False)
            for i, d in enumerate(docs)]
    return rows, corpus_records(docs, day, seed)


def corpus_records(docs: list[str], day: dict[str, str], seed: int = 7) -> list[CorpusRecord]:
    """The corpus records of stored documents ``docs`` (published on ``day[doc]``), in the
    shape resolve gives a news corpus (see the module's docstring)."""
    rng = random.Random(seed)
    n = len(docs)
    records: list[CorpusRecord] = []
    story_of: dict[str, str] = {}
    i = 0
    while i < n:
        members = docs[i : i + rng.choice([1, 1, 2, 3, 4, 6, 10])]
        i += len(members)
        story = Story(corpus_id("story", members), members, f"Story of {members[0]}",
                      day[members[0]], day[members[-1]])
        records.append(story)
        story_of.update((d, story.id) for d in members)
        if len(members) > 1 and rng.random() < 0.5:
            records.append(Copies(corpus_id("copies", members[:2]), members[:2], members[0]))
        for e in range(rng.randint(1, 3)):
            mentions = [EventMention(d, f"event-{e}", 10, 15, "struck") for d in members]
            records.append(CorpusEvent(corpus_id("event", [f"{d}:{e}" for d in members]),
                                       story.id, rng.choice(["ASSAULT", None, "AGREE"]),
                                       mentions))
    for d in docs:
        for k in range(8):
            records.append(Claim(
                corpus_id("claim", [f"{d}\x1f{k}"]), story_of[d],
                rng.choice(["(anonymous)", "the ministry", "police"]),
                f"claim {k} of {d} about troops", [ClaimMention(d, f"attr-{k}")],
                FirstReport(d, day[d]), rng.choice([1, 1, 1, 2, 3]), rng.choice([1, 1, 2, 5])))
    for r in range(n // 2):
        a, b = rng.sample(docs, 2)
        records.append(Relation(rng.choice(["contradicts", "supports"]),
                                RelationEnd(a, "attr-0", 0), RelationEnd(b, "attr-1"), f"{r}"))
    return records


def timed(store: Store, fn: Callable[[Store], Any], calls: int = 20) -> tuple[float, float, float]:
    """p50 and p95 wall milliseconds, and CPU milliseconds per call."""
    times = []
    cpu = time.process_time()
    for _ in range(calls):
        started = time.perf_counter()
        fn(store)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return (statistics.median(times), times[int(0.95 * (calls - 1))],
            (time.process_time() - cpu) / calls * 1000)


def main(db: str, n: int) -> list[str]:
    rows, records = synthetic(n)
    lines = []
    with open_store(db) as store:
        with store.transaction():
            store._insert("documents", rows, upsert=True)
        started, cpu = time.perf_counter(), time.process_time()
        written = store.add_corpus(records, replace=True)
        lines.append(f"add_corpus {written}: {time.perf_counter() - started:.1f} s wall, "
                     f"{time.process_time() - cpu:.1f} CPU-s")
        story = store.query("SELECT id FROM stories ORDER BY documents DESC, id LIMIT 1")[0]["id"]
        claim = store.query("SELECT claim_id FROM corpus_claim_mentions"
                            " WHERE document_id = ? LIMIT 1", [rows[5][0]])[0]["claim_id"]
        cases: list[tuple[str, Callable[[Store], Any]]] = [
            ("stories", query.list_stories),
            ("stories offset=10000", lambda s: query.list_stories(s, offset=10000)),
            ("stories document=", lambda s: query.list_stories(s, document=rows[n // 2][0])),
            ("claims", query.list_claims),
            ("claims offset=100000", lambda s: query.list_claims(s, offset=100000)),
            ("claims story=", lambda s: query.list_claims(s, story=story)),
            ("claims min_sources=3", lambda s: query.list_claims(s, min_sources=3)),
            ("claims document=", lambda s: query.list_claims(s, document=rows[7][0])),
            ("relations", query.list_relations),
            ("relations story=", lambda s: query.list_relations(s, story=story)),
            ("get_story", lambda s: query.get_story(s, story)),
            ("get_claim", lambda s: query.get_claim(s, claim)),
        ]
        for name, fn in cases:
            p50, p95, cpu_ms = timed(store, fn)
            lines.append(f"{name:24s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  CPU {cpu_ms:6.1f} ms")
    return lines


if __name__ == "__main__":  # pragma: no cover - a measurement, run by hand
    for line in main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000):
        sys.stdout.write(line + "\n")
