"""The bench database written in shards and merged holds what one writer writes."""

from __future__ import annotations

from claimgraph.bench.api import build_database
from claimgraph.bench.shards import ranges, write_shard
from claimgraph.store import open_store
from claimgraph.store.base import TABLE_COLUMNS
from claimgraph.store.counts import COUNTED_TABLES
from claimgraph.store.schema import DOCUMENT_TABLES

_COMPARED = ("documents", "sources", *DOCUMENT_TABLES, *COUNTED_TABLES)


def _tables(db: str) -> dict[str, list[tuple]]:
    """Every compared table's rows, sorted (the time of writing left out)."""
    with open_store(db) as store:
        tables = {}
        for table in _COMPARED:
            columns = [c for c in TABLE_COLUMNS.get(table) or
                       [c for part in COUNTED_TABLES[table] for c in part] if c != "ingested_at"]
            rows = store.query(f"SELECT {', '.join(columns)} FROM {table}")
            tables[table] = sorted((tuple(r.values()) for r in rows), key=repr)
    return tables


def test_ranges_cover_every_document_once():
    assert ranges(10, 3) == [(0, 3), (3, 6), (6, 10)]
    assert ranges(2, 4) == [(0, 1), (1, 2)]


def test_shards_merged_hold_every_table_one_writer_writes(db_url, records, tmp_path):
    one = str(tmp_path / "one.duckdb")
    build_database(one, 30, lambda: records, log=lambda _: None)
    build_database(db_url, 30, lambda: records, log=lambda _: None, shards=3,
                   shard_folder=tmp_path / "shards")
    assert len(list((tmp_path / "shards").iterdir())) == 3  # kept for the next database
    merged, single = _tables(db_url), _tables(one)
    assert merged["documents"] and merged["day_counts"] and merged["claim_rank_counts"]
    assert merged == single


def test_a_shard_cut_short_is_completed_from_where_it_stopped(records, tmp_path):
    from claimgraph.bench.synthetic import vary

    path = str(tmp_path / "shard.duckdb")
    bases = [r.to_dict() for r in records]
    write_shard(path, bases, 10, 14, batch=2)
    write_shard(path, bases, 10, 20, batch=2)
    with open_store(path) as store:
        assert store.count("documents") == 10
        assert store.get_record(vary(records[19 % len(records)], 19).id) == vary(
            records[19 % len(records)], 19)
