"""The server backend: PostgreSQL through psycopg 3 (``--db postgresql://user@host/db``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from claimgraph.errors import ClaimgraphError
from claimgraph.store.base import TABLE_COLUMNS, Store
from claimgraph.store.pool import ConnectionPool
from claimgraph.store.rows import Row

# An arbitrary, fixed key for pg_advisory_lock: "claimgraph schema migration".
_MIGRATION_LOCK = 0x636C61696D67


def _pg(sql: str) -> str:
    """The shared SQL's ``?`` placeholders as psycopg's ``%s`` (literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(Store):
    """A store in a PostgreSQL database; several ingests may write to it at once."""

    dialect = "postgresql"

    def __init__(self, dsn: str, *, pool_size: int = 8) -> None:
        self.dsn = dsn
        try:
            self._con = self._connect()
        except psycopg.Error as exc:
            raise ClaimgraphError("E201", f"cannot connect to PostgreSQL: {exc}") from exc
        self._pool = ConnectionPool(self._connect, pool_size)
        self.migrate()

    def _connect(self) -> psycopg.Connection[dict[str, Any]]:
        return psycopg.connect(self.dsn, autocommit=True, row_factory=dict_row)

    def migrate(self) -> list[str]:
        """Migrate under an advisory lock, so servers and ingests starting together on a new
        database do not race to create the schema."""
        self._execute("SELECT pg_advisory_lock(?)", (_MIGRATION_LOCK,))
        try:
            return super().migrate()
        finally:
            self._execute("SELECT pg_advisory_unlock(?)", (_MIGRATION_LOCK,))

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(_pg(sql), list(params))

    def _executemany(self, sql: str, rows: Sequence[Row]) -> None:
        with self._con.cursor() as cur:
            cur.executemany(_pg(sql), rows)

    def _insert(self, table: str, rows: Sequence[Row], *, upsert: bool = False) -> None:
        # Bulk path: COPY, one stream per table and batch. One INSERT per row, even pipelined,
        # wrote 1,000 synthetic documents in minutes on a loaded machine. COPY cannot skip a
        # stored key, so an upsert (the distinct sources) stays an INSERT per row.
        if upsert:
            super()._insert(table, rows, upsert=True)
            return
        columns = ", ".join(TABLE_COLUMNS[table])
        with self._con.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return list(self._con.execute(_pg(sql), list(params)).fetchall())

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._con.transaction():
            yield

    # Reads run on a small pool of connections of their own (a psycopg connection runs one
    # statement at a time), so a server answers requests in parallel; writes keep ``_con``.
    concurrent_reads = True

    @contextmanager
    def reader(self) -> Iterator[Store]:
        con = self._pool.get()
        store = object.__new__(PostgresStore)
        store.dsn, store._con, store._pool = self.dsn, con, self._pool
        try:
            yield store
        finally:
            self._pool.put(con)

    def close(self) -> None:
        self._pool.close()
        self._con.close()
