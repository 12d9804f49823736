"""The store behind the server, shared by its worker threads.

FastAPI runs plain handlers in a thread pool. ``Database.run`` calls a ``claimgraph.query``
read function (they hold all the SQL; the handlers never write SQL) on the store's ``reader()``:
a DuckDB cursor of the calling thread, or a pooled PostgreSQL connection, so requests are
answered in parallel and a slow list does not hold up a fast document fetch. Writes (and
reads on a store that cannot read concurrently) go one at a time through one lock, as a
DuckDB connection, like a psycopg one, must not run two statements at once.

``--db`` takes what ``claimgraph.store.open_store`` takes (a DuckDB path or a PostgreSQL URL)
and also a ``.jsonl`` file of records (``claimgraph analyze --json`` output), loaded into an
in-memory DuckDB store so the same queries serve it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from claimgraph.errors import ClaimgraphError
from claimgraph.record import Record
from claimgraph.store import Store, open_store

T = TypeVar("T")


class Database:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()

    def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Call ``fn(store, *args, **kwargs)`` (a ``claimgraph.query`` function) on a reader of
        this thread's own, alongside other threads' calls where the store allows it."""
        if not self.store.concurrent_reads:
            with self._lock:
                return fn(self.store, *args, **kwargs)
        with self.store.reader() as reader:
            return fn(reader, *args, **kwargs)

    def add(self, record: Record) -> bool:
        """Store one analysed record; False when a document with its id is already stored."""
        with self._lock:
            return self.store.add_record(record)

    def delete(self, document_id: str) -> bool:
        """Remove one document with all its rows; False when no such document is stored."""
        with self._lock:
            return self.store.delete_documents([document_id]) == 1

    def close(self) -> None:
        with self._lock:
            self.store.close()


def records_from_jsonl(path: Path) -> list[Record]:
    """Records written by ``claimgraph analyze --json``; a malformed line is a coded error."""
    if not path.is_file():
        raise ClaimgraphError("E101", f"{path}: no such records file")
    records = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(Record.from_dict(json.loads(line)))
            except (ValueError, KeyError, TypeError) as exc:
                raise ClaimgraphError(
                    "E107", f"{path}:{n}: not a claimgraph record ({type(exc).__name__}: {exc})"
                ) from exc
    return records


def memory_database(records: list[Record]) -> Database:
    """An in-memory DuckDB store holding ``records`` (JSON Lines input, tests)."""
    store = open_store(":memory:")
    for record in records:
        store.add_record(record)
    return Database(store)


def open_database(db_url: str, *, writable: bool = False) -> Database:
    """Open ``--db``. A DuckDB file is opened read-only unless the server accepts writes, so
    several read-only servers can share one file."""
    if Path(db_url).suffix == ".jsonl":
        return memory_database(records_from_jsonl(Path(db_url)))
    is_url = db_url.startswith(("postgresql://", "postgres://"))
    if not is_url and not writable and not Path(db_url).exists():
        raise ClaimgraphError("E201", f"{db_url}: no such database (run `claimgraph ingest` first)")
    return Database(open_store(db_url, read_only=not writable and not is_url))
