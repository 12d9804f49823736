"""The default, embedded backend: one DuckDB file (``--db var/claimgraph.duckdb``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from claimgraph.errors import ClaimgraphError
from claimgraph.store.base import TABLE_COLUMNS, Store
from claimgraph.store.counts import COUNTED_TABLES, added
from claimgraph.store.rows import Row
from claimgraph.store.schema import MIGRATIONS


class DuckDBStore(Store):
    """A store in a DuckDB file (``":memory:"`` for a throwaway one).

    DuckDB allows one writing process per file: run one ingest at a time against a file.
    """

    dialect = "duckdb"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if not read_only and self.path != ":memory:":  # the default lives in var/
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise ClaimgraphError("E201", f"cannot open DuckDB database {self.path}: {exc}") from exc
        self._depth = 0
        self._types: dict[str, dict[str, Any]] = {}
        self._cursors: list[duckdb.DuckDBPyConnection] = []  # readers' (see ``reader``)
        self._cursors_lock = threading.Lock()
        self._readers = threading.local()
        if not read_only:
            self.migrate()
        else:
            self._check_current()

    def _check_current(self) -> None:
        """A read-only store cannot migrate: refuse one made by an older claimgraph."""
        try:
            version = self.schema_version()
        except duckdb.Error:
            version = 0
        if version < len(MIGRATIONS):
            self.close()
            raise ClaimgraphError(
                "E201",
                f"{self.path} has schema version {version}, this claimgraph needs "
                f"{len(MIGRATIONS)}: open it once for writing (e.g. `claimgraph ingest`) to "
                "apply the migrations",
            )

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Row]) -> None:
        self._con.executemany(sql, [list(r) for r in rows])

    def _insert(self, table: str, rows: Sequence[Row], *, upsert: bool = False) -> None:
        # Bulk path: the rows as an Arrow table, inserted by one INSERT ... SELECT. DuckDB runs
        # executemany as one statement per row, which costs more than analysing the document.
        columns = TABLE_COLUMNS[table]
        names = ", ".join(columns)
        conflict = " ON CONFLICT DO NOTHING" if upsert else ""
        with self._registered(table, columns, rows, self._arrow_types(table)):
            self._con.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM _claimgraph_rows{conflict}"
            )

    def _add_counts(self, table: str, deltas: Sequence[Row]) -> None:
        # Bulk path, as _insert: one upsert from the rows (a batch touches thousands of sources).
        if not deltas:
            return
        columns = tuple(c for part in COUNTED_TABLES[table] for c in part)
        names = ", ".join(columns)
        with self._registered(table, columns, deltas, self._arrow_types(table)):
            self._con.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM _claimgraph_rows{added(table)}")

    def _update(
        self, table: str, keys: tuple[str, ...], columns: tuple[str, ...], rows: Sequence[Row]
    ) -> None:
        # Bulk path, as _insert: one UPDATE ... FROM the rows (a migration's backfill of 20,000
        # quantities took 116 s as one statement per row). Types read afresh: a migration has
        # just changed the table.
        sets = ", ".join(f"{c} = r.{c}" for c in columns)
        where = " AND ".join(f"{table}.{k} = r.{k}" for k in keys)
        with self._registered(table, (*columns, *keys), rows, self._describe(table)):
            self._con.execute(f"UPDATE {table} SET {sets} FROM _claimgraph_rows r WHERE {where}")

    @contextmanager
    def _registered(
        self, table: str, columns: Sequence[str], rows: Sequence[Row], types: dict[str, Any]
    ) -> Iterator[None]:
        """``rows`` (values in ``columns`` order) as the Arrow view ``_claimgraph_rows``."""
        import pyarrow as pa

        arrow = pa.table(
            {c: pa.array([row[i] for row in rows], type=types[c]) for i, c in enumerate(columns)}
        )
        self._con.register("_claimgraph_rows", arrow)
        try:
            yield
        finally:
            self._con.unregister("_claimgraph_rows")

    def _arrow_types(self, table: str) -> dict[str, Any]:
        """Each column's Arrow type, from the table's declared SQL types (read once)."""
        if table not in self._types:
            self._types[table] = self._describe(table)
        return self._types[table]

    def _describe(self, table: str) -> dict[str, Any]:
        import pyarrow as pa

        sql_to_arrow = {
            "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
            "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us"),
        }
        described = self._con.execute(f"DESCRIBE {table}").fetchall()
        return {row[0]: sql_to_arrow[row[1]] for row in described}

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # Nested use joins the outer transaction (DuckDB has no savepoints).
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._con.begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._con.rollback()
            raise
        else:
            self._con.commit()
        finally:
            self._depth = 0

    # One DuckDB database serves many connections: a cursor is a new connection to the same
    # database, running its queries alongside the others (DuckDB's own thread-safe way). Each
    # thread keeps its cursor: making one costs ~1-3 ms, as much as a small query.
    concurrent_reads = True

    @contextmanager
    def reader(self) -> Iterator[Store]:
        store = getattr(self._readers, "store", None)
        if store is None:
            store = object.__new__(DuckDBStore)
            store.path, store._con, store._depth = self.path, self._con.cursor(), 0
            store._types = self._types
            self._readers.store = store
            with self._cursors_lock:
                self._cursors.append(store._con)
        yield store

    def close(self) -> None:
        with self._cursors_lock:
            for cursor in self._cursors:
                cursor.close()
            self._cursors.clear()
        self._con.close()
