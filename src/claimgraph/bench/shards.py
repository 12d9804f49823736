"""The latency benchmark's database written in shards, in parallel, then merged.

One writer fills 100,000 synthetic documents at ~340 a minute on a loaded 2-core machine
(varying a record and flattening it into rows is Python work): hours. The documents are
independent, so disjoint ranges of them (``vary(base, n)`` for ``n`` in ``start..stop``) are
written each into its own DuckDB file by its own process, through the store's write path (kept
counts included), and the shards are merged into the target:

- the tables of a document's rows (and ``documents``) are appended: no document is in two
  shards;
- ``sources`` is deduplicated (the same source is cited in every shard);
- the kept counts (``day_counts``, ``source_counts`` ...) are added per key, as the write path
  adds a batch's counts to the stored ones (``Store._add_counts``).

So the merged database holds what one writer would have written (``tests/bench/test_shards``
compares every table). A DuckDB target attaches each shard and copies with SQL; a PostgreSQL
target reads the shard's rows and writes them by COPY. Shards are kept next to the target
(``<target>.shards/`` or ``var/bench-shards/``) and reused, so the PostgreSQL database of the
same size costs a copy, not a rebuild; a shard cut short is completed from where it stopped
(each batch of 1,000 is one transaction, written in order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from claimgraph.record import Record
from claimgraph.store.base import TABLE_COLUMNS, Store
from claimgraph.store.counts import COUNTED_TABLES
from claimgraph.store.schema import DOCUMENT_TABLES

#: the tables appended as they are (no document is in two shards)
APPENDED = ("documents", *DOCUMENT_TABLES)


def ranges(count: int, shards: int) -> list[tuple[int, int]]:
    """``shards`` disjoint ranges covering ``0 .. count - 1``, in order."""
    cuts = [count * i // shards for i in range(shards + 1)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def shard_path(folder: Path, count: int, start: int, stop: int) -> Path:
    return folder / f"bench-{count}-{start}-{stop}.duckdb"


def write_shard(path: str, bases: list[dict[str, Any]], start: int, stop: int,
                batch: int = 1000) -> str:
    """Write documents ``start .. stop - 1`` into the DuckDB file ``path`` (run in a worker
    process; ``bases`` as ``Record.to_dict()``), continuing after those already there."""
    from claimgraph.bench.synthetic import vary
    from claimgraph.store import open_store

    originals = [Record.from_dict(b) for b in bases]
    with open_store(path) as store:
        first = start + store.count("documents")  # the batches before it were committed whole
        for lo in range(first, stop, batch):
            store.add_records([vary(originals[n % len(originals)], n)
                               for n in range(lo, min(lo + batch, stop))])
    return path


def write_shards(folder: Path, count: int, shards: int, bases: Callable[[], list[Record]],
                 log: Callable[[str], Any] = print) -> list[Path]:
    """The shard files of ``count`` documents, written ``shards`` at a time (those complete
    already are reused; no NLP runs when all are)."""
    from claimgraph.store import open_store

    folder.mkdir(parents=True, exist_ok=True)
    paths = [shard_path(folder, count, a, b) for a, b in ranges(count, shards)]
    todo = []
    for path, (a, b) in zip(paths, ranges(count, shards), strict=True):
        if path.exists():
            with open_store(str(path)) as store:
                if store.count("documents") == b - a:
                    continue
        todo.append((str(path), a, b))
    if todo:
        dicts = [r.to_dict() for r in bases()]
        log(f"writing {len(todo)} shard(s) of {count:,} documents in {folder}")
        with ProcessPoolExecutor(len(todo)) as pool:
            for done in pool.map(write_shard, *zip(*[(p, dicts, a, b) for p, a, b in todo],
                                                   strict=True)):
                log(f"shard {done} written")
    return paths


def _chunks(con: Any, sql: str, size: int = 50_000) -> Iterator[list[tuple[Any, ...]]]:
    cur = con.execute(sql)
    while rows := cur.fetchmany(size):
        yield rows


def merge_shard(store: Store, shard: Path) -> None:
    """Add one shard's documents (written by ``write_shard``) to ``store``, in one
    transaction: the rows appended, the sources deduplicated, the kept counts added."""
    import duckdb

    if store.dialect == "duckdb":
        con = store._con  # type: ignore[attr-defined]
        con.execute(f"ATTACH '{shard}' AS shard (READ_ONLY)")
        try:
            with store.transaction():
                for table in (*APPENDED, "sources"):
                    names = ", ".join(TABLE_COLUMNS[table])
                    conflict = " ON CONFLICT DO NOTHING" if table == "sources" else ""
                    con.execute(f"INSERT INTO {table} ({names}) SELECT {names}"
                                f" FROM shard.{table}{conflict}")
                for table, (keys, counted) in COUNTED_TABLES.items():
                    store._add_counts(table, con.execute(
                        f"SELECT {', '.join((*keys, *counted))} FROM shard.{table}").fetchall())
        finally:
            con.execute("DETACH shard")
        return
    with duckdb.connect(str(shard), read_only=True) as con, store.transaction():
        for table in (*APPENDED, "sources"):
            sql = f"SELECT {', '.join(TABLE_COLUMNS[table])} FROM {table}"
            for rows in _chunks(con, sql):
                store._insert(table, rows, upsert=table == "sources")
        for table, (keys, counted) in COUNTED_TABLES.items():
            store._add_counts(table, con.execute(
                f"SELECT {', '.join((*keys, *counted))} FROM {table}").fetchall())
