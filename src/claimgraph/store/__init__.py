"""Storage: one ``Store`` interface over DuckDB (default, embedded) and PostgreSQL.

``open_store(db)`` picks the backend from the ``--db`` value: a ``postgresql://`` (or
``postgres://``) URL opens PostgreSQL, anything else is a DuckDB file path. ``ingest(paths,
db=...)`` reads, analyses and stores inputs, skipping documents already stored. The schema is
documented in ``docs/storage.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.store.base import Store

if TYPE_CHECKING:
    from claimgraph.store.load import IngestStats

__all__ = ["Store", "open_store", "ingest", "IngestStats", "DEFAULT_DB"]

DEFAULT_DB = "claimgraph.duckdb"


def open_store(db: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (and migrate) the store named by ``db``: a PostgreSQL URL or a DuckDB path."""
    name = str(db)
    if name.startswith(("postgresql://", "postgres://")):
        from claimgraph.store.postgres_store import PostgresStore

        return PostgresStore(name)
    from claimgraph.store.duckdb_store import DuckDBStore

    return DuckDBStore(name, read_only=read_only)


def ingest(*args: Any, **kwargs: Any) -> IngestStats:
    """Read, analyse and store inputs: see ``claimgraph.store.load.ingest``."""
    from claimgraph.store.load import ingest as _ingest

    return _ingest(*args, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "IngestStats":
        from claimgraph.store.load import IngestStats

        return IngestStats
    raise AttributeError(name)
