"""Storage: one ``Store`` interface over DuckDB (default, embedded) and PostgreSQL.

``open_store(db)`` picks the backend from the ``--db`` value: a ``postgresql://`` (or
``postgres://``) URL opens PostgreSQL, anything else is a DuckDB file path. The store knows
rows, schema and SQL only: reading and analysing inputs before they are stored is
``claimgraph.pipeline``'s job. The schema is documented in ``docs/storage.md``.
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.extras import require
from claimgraph.store.base import Store

__all__ = ["Store", "open_store", "DEFAULT_DB"]

#: the ``--db`` of every command that takes one, and what ``make run`` writes (Makefile ``DB``),
#: so the README's commands find the database ``make run`` made
DEFAULT_DB = "var/claimgraph.duckdb"


def open_store(db: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (and migrate) the store named by ``db``: a PostgreSQL URL or a DuckDB path."""
    name = str(db)
    if name.startswith(("postgresql://", "postgres://")):
        require("postgres", "a postgresql:// database")
        from claimgraph.store.postgres_store import PostgresStore

        return PostgresStore(name)
    from claimgraph.store.duckdb_store import DuckDBStore

    return DuckDBStore(name, read_only=read_only)
