"""The default, embedded backend: one DuckDB file (``--db claimgraph.duckdb``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from claimgraph.errors import ClaimgraphError
from claimgraph.store.base import Store
from claimgraph.store.rows import Row

_ROWS_PER_INSERT = 500


class DuckDBStore(Store):
    """A store in a DuckDB file (``":memory:"`` for a throwaway one).

    DuckDB allows one writing process per file: run one ingest at a time against a file.
    """

    dialect = "duckdb"

    def __init__(self, path: str | Path = "claimgraph.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise ClaimgraphError("E201", f"cannot open DuckDB database {self.path}: {exc}") from exc
        self._depth = 0
        if not read_only:
            self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Row]) -> None:
        # One multi-row INSERT per chunk: DuckDB's executemany runs a statement per row, and
        # its per-statement cost dominates writing a record.
        head, _, tail = sql.partition(" VALUES ")
        if not tail:
            self._con.executemany(sql, [list(r) for r in rows])
            return
        group, close, conflict = tail.partition(")")
        group += close
        for i in range(0, len(rows), _ROWS_PER_INSERT):
            chunk = rows[i : i + _ROWS_PER_INSERT]
            self._con.execute(
                f"{head} VALUES {', '.join([group] * len(chunk))}{conflict}",
                [value for row in chunk for value in row],
            )

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

    def close(self) -> None:
        self._con.close()
