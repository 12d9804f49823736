"""The counts kept at write time (``store/counts.py``) stay exactly what the rows add up to,
through ingest, delete, re-ingest and replacement, on both backends, and the migration builds
them for a database written before them."""

from __future__ import annotations

from collections import defaultdict

from claimgraph.store import Store, open_store
from claimgraph.store.rows import DOCUMENT_COUNTED
from tests.serve.samples import sample_records


def recounted(store: Store) -> tuple[dict, dict]:
    """The counts as the rows themselves give them, counted here in Python."""
    claims, relayed, documents = defaultdict(set), defaultdict(set), defaultdict(set)
    for m in store.query("SELECT document_id, attribution_idx, role, source_id"
                         " FROM attribution_sources"):
        key = (m["document_id"], m["attribution_idx"])
        (claims if m["role"] == "source" else relayed)[m["source_id"]].add(key)
        documents[m["source_id"]].add(m["document_id"])
    sources = {s: (len(claims[s]), len(relayed[s]), len(documents[s])) for s in documents}
    per_document = {
        d["id"]: tuple(store.query(f"SELECT count(*) AS n FROM {t} WHERE document_id = ?",
                                   [d["id"]])[0]["n"] for t in DOCUMENT_COUNTED)
        for d in store.query("SELECT id FROM documents")
    }
    return sources, per_document


def kept(store: Store) -> tuple[dict, dict]:
    """The counts as the summary tables hold them (a source of zeros is no source)."""
    sources = {r["source_id"]: (r["claims"], r["relayed"], r["documents"])
               for r in store.query("SELECT * FROM source_counts WHERE documents > 0")}
    per_document = {r["document_id"]: tuple(r[t] for t in DOCUMENT_COUNTED)
                    for r in store.query("SELECT * FROM document_counts")}
    return sources, per_document


def test_counts_are_exact_after_ingest(store: Store) -> None:
    store.add_records(sample_records())
    sources, per_document = kept(store)
    assert (sources, per_document) == recounted(store)
    assert len(per_document) == 3 and any(relayed for _, relayed, _ in sources.values())


def test_counts_are_exact_after_a_delete(store: Store) -> None:
    records = sample_records()
    store.add_records(records)
    assert store.delete_documents([records[0].id]) == 1
    assert kept(store) == recounted(store)
    assert records[0].id not in kept(store)[1]


def test_counts_are_exact_after_re_ingest_and_replacement(store: Store) -> None:
    records = sample_records()
    store.add_records(records)
    store.delete_documents([r.id for r in records[:2]])
    store.add_records(records)  # the deleted two come back, the third is skipped
    store.add_records(records[1:], replace=True)
    assert kept(store) == recounted(store)
    assert len(kept(store)[1]) == 3


def test_the_migration_builds_the_counts_of_stored_documents(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add_records(sample_records())
        store._execute("DROP TABLE source_counts")  # as a database written before the migration
        store._execute("DROP TABLE document_counts")
        store._execute("DELETE FROM schema_migrations WHERE name = '0010_summary_counts'")
    with open_store(db_url) as store:
        assert kept(store) == recounted(store)
        assert len(kept(store)[1]) == 3


def test_sources_read_from_the_kept_counts_equal_the_aggregate(store: Store) -> None:
    """Without a filter on mentions the page comes from ``source_counts``; a filter on the
    documents that keeps them all aggregates the mentions instead: the same answer."""
    from claimgraph.query import list_sources

    records = sample_records()
    store.add_records(records)
    store.delete_documents([records[2].id])
    store.add_records(records)
    assert list_sources(store, limit=None) == list_sources(store, limit=None, since="2000")
    assert (list_sources(store, limit=1, offset=1, min_claims=1)
            == list_sources(store, limit=1, offset=1, min_claims=1, since="2000"))


PLACE_AGGREGATE = (
    "SELECT p.name, p.country, p.admin1, p.geonames_id, p.lat, p.lon, count(DISTINCT"
    " p.document_id || ':' || CAST(p.idx AS TEXT)) AS mentions, count(DISTINCT p.document_id)"
    " AS documents, count(e.idx) AS events FROM places p LEFT JOIN events e"
    " ON e.document_id = p.document_id AND e.place_idx = p.idx"
    " GROUP BY p.name, p.country, p.admin1, p.geonames_id, p.lat, p.lon"
)


def places_recounted(store: Store) -> dict:
    """Per distinct place, (mentions, documents, events) as the rows add them up."""
    return {(r["name"], r["country"], r["admin1"], r["geonames_id"], r["lat"], r["lon"]):
            (r["mentions"], r["documents"], r["events"]) for r in store.query(PLACE_AGGREGATE)}


def places_kept(store: Store) -> dict:
    return {(r["name"], r["country"], r["admin1"], r["geonames_id"], r["lat"], r["lon"]):
            (r["mentions"], r["documents"], r["events"])
            for r in store.query("SELECT * FROM place_counts WHERE documents > 0")}


def test_place_counts_stay_exact_through_delete_re_ingest_and_replacement(store: Store) -> None:
    records = sample_records()
    store.add_records(records)
    assert places_kept(store) == places_recounted(store)
    assert any(events for _, _, events in places_kept(store).values())  # events located
    store.delete_documents([records[0].id])
    assert places_kept(store) == places_recounted(store)
    store.add_records(records)
    store.add_records(records[1:], replace=True)
    assert places_kept(store) == places_recounted(store)


def test_the_migration_builds_the_place_counts_of_stored_documents(db_url: str) -> None:
    with open_store(db_url) as store:
        store.add_records(sample_records())
        store._execute("DROP TABLE place_counts")  # as a database written before the migration
        store._execute("DELETE FROM schema_migrations WHERE name = '0014_place_counts'")
    with open_store(db_url) as store:
        assert places_kept(store) == places_recounted(store) != {}


def test_places_read_from_the_kept_counts_equal_the_aggregate(store: Store) -> None:
    """Unfiltered (or by country) the map's list comes from ``place_counts``; a filter on the
    documents that keeps them all groups the mentions instead: the same answer."""
    from claimgraph.query.places import list_places

    records = sample_records()
    store.add_records(records)
    store.delete_documents([records[1].id])
    store.add_records(records)
    assert list_places(store, limit=None) == list_places(store, limit=None, since="2000")
    country = list_places(store, limit=1)["items"][0]["country"]
    assert (list_places(store, limit=5, country=country, located=True)
            == list_places(store, limit=5, country=country, located=True, since="2000"))
