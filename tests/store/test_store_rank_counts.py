"""The claim list's kept rank counts (``store/rank_counts.py``) stay what the stored claims add
up to through a resolve, a partial rerun, a resolve of the whole database and deleted
documents, on both backends, and the migration builds them for a database written before
them; a page of claims placed by them is the page the full sort gives, at every offset."""

from __future__ import annotations

from collections import Counter

import pytest

from claimgraph import query
from claimgraph.bench.corpus import corpus_records
from claimgraph.query import claims
from claimgraph.resolve.resolver import resolve_records
from claimgraph.store import Store, open_store, rank_counts
from tests.store.test_store_forget import RECORDS, WIRE

DOCS = [f"doc-{i:03d}" for i in range(60)]
DAY = {d: f"2024-03-{1 + i % 28:02d}" for i, d in enumerate(DOCS)}


def recounted(store: Store) -> Counter:
    """The counts as the stored claims give them, counted here in Python."""
    return Counter((r["independent_sources"], r["outlets"], rank_counts.bucket_of(r["seq"]))
                   for r in store.query(
                       "SELECT independent_sources, outlets, seq FROM corpus_claims"))


def kept(store: Store) -> Counter:
    """The counts as ``claim_rank_counts`` holds them (a bucket of zeros is no bucket)."""
    return Counter({(r["independent_sources"], r["outlets"], r["seq_bucket"]): r["claims"]
                    for r in store.query("SELECT * FROM claim_rank_counts WHERE claims > 0")})


@pytest.fixture
def crowded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight buckets instead of 1,024, so a few hundred claims share each bucket as a
    million claims do with the real size."""
    monkeypatch.setattr(rank_counts, "BUCKET_BITS", 57)


def test_rank_counts_are_exact_after_resolve_and_a_partial_rerun(store: Store, crowded) -> None:
    store.add_corpus(corpus_records(DOCS, DAY, seed=1), replace=True)
    assert kept(store) == recounted(store)
    assert sum(kept(store).values()) == 8 * len(DOCS)
    # a rerun over some documents: their claims are replaced by claims of other rank
    store.add_corpus(corpus_records(DOCS[:20], DAY, seed=2))
    assert kept(store) == recounted(store)
    store.add_corpus(corpus_records(DOCS[10:], DAY, seed=3), replace=True)
    assert kept(store) == recounted(store)
    assert sum(kept(store).values()) == 8 * 50


def test_rank_counts_are_exact_after_documents_are_deleted(store: Store) -> None:
    store.add_records(RECORDS)
    store.add_corpus(list(resolve_records(RECORDS)), replace=True)
    before = sum(kept(store).values())
    assert before == store.count("corpus_claims") > 0
    store.delete_documents([WIRE.id])
    assert kept(store) == recounted(store)
    store.delete_documents([r.id for r in RECORDS])
    assert kept(store) == recounted(store) == Counter()


def test_the_migration_builds_the_rank_counts_of_stored_claims(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add_corpus(corpus_records(DOCS, DAY, seed=1), replace=True)
        store._execute("DROP TABLE claim_rank_counts")  # as a database written before it
        store._execute("DELETE FROM schema_migrations WHERE name = '0020_claim_rank_counts'")
    with open_store(db_url) as store:
        assert kept(store) == recounted(store)
        assert sum(kept(store).values()) == 8 * len(DOCS)


@pytest.mark.parametrize("filters", [{}, {"min_sources": 2}, {"min_sources": 9}])
@pytest.mark.parametrize("limit", [1, 7, 50])
def test_every_page_by_the_rank_counts_is_the_page_of_the_full_sort(
    store: Store, crowded, monkeypatch: pytest.MonkeyPatch, filters, limit
) -> None:
    store.add_corpus(corpus_records(DOCS[:40], DAY, seed=4), replace=True)
    total = query.list_claims(store, limit=None, **filters)["total"]
    offsets = range(0, total + limit + 1, max(1, limit // 3))
    windowed = [query.list_claims(store, limit=limit, offset=o, **filters) for o in offsets]
    with monkeypatch.context() as m:
        m.setattr(claims, "rank_window", lambda *a, **k: None)
        full = [query.list_claims(store, limit=limit, offset=o, **filters) for o in offsets]
    assert windowed == full
    assert windowed[-1]["items"] == [] and windowed[-1]["total"] == total
    assert total == 0 if filters.get("min_sources") == 9 else total > 50
