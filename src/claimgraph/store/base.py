"""One ``Store`` interface; the backends differ only in how they connect and run SQL.

Everything a store does — migrate, add a record, reject an input, rebuild a record, run a
read query — is written once here in the SQL DuckDB and PostgreSQL share, with ``?``
placeholders. A backend implements four primitives (``_execute``, ``_executemany``,
``_fetch``, ``transaction``) and nothing else, as ibis' backends share one compiler.

Idempotency: a document's id is its content hash (or the input's own id), so adding a record
whose id is stored already changes nothing; each record is written in one transaction, so an
interrupted ingest leaves whole documents or none, and a rerun resumes where it stopped.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from claimgraph.errors import ClaimgraphError, DocumentError
from claimgraph.record import Record
from claimgraph.resolve.corpus import CorpusRecord
from claimgraph.store import corpus, event_list, list_counts
from claimgraph.store.counts import (
    SOURCE_AGGREGATE,
    add_counts_sql,
    document_rows,
    negated,
    place_deltas,
    source_deltas,
)
from claimgraph.store.rows import (
    COLUMNS,
    ORDER_BY,
    Row,
    record_from_rows,
    record_rows,
    unstorable,
)
from claimgraph.store.schema import DOCUMENT_TABLES, MIGRATIONS, MIGRATIONS_TABLE

_CHILD_TABLES = tuple(ORDER_BY)
#: The tables a record's rows go in, with their insert column order.
RECORD_COLUMNS = {**COLUMNS, "event_list": event_list.COLUMNS}
#: Every table's insert column order: the document record's and the corpus records'.
TABLE_COLUMNS = {**RECORD_COLUMNS, **corpus.CORPUS_COLUMNS}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _insert_sql(table: str, upsert: bool = False) -> str:
    cols = TABLE_COLUMNS[table]
    marks = ", ".join("?" for _ in cols)
    conflict = " ON CONFLICT DO NOTHING" if upsert else ""
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}){conflict}"


class Store(ABC):
    """A claimgraph database: documents and everything extracted from them.

    Use as a context manager (``with open_store("var/claimgraph.duckdb") as store: ...``); opening
    a store applies any pending migrations.
    """

    #: "duckdb" or "postgresql": the only thing query code may branch on (it should not need to).
    dialect: str = ""

    # -- the four backend primitives -------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement (``?`` placeholders)."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Row]) -> None:
        """Run one statement for each parameter row."""

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts (column name -> value)."""

    def _insert(self, table: str, rows: Sequence[Row], *, upsert: bool = False) -> None:
        """Insert rows (in ``TABLE_COLUMNS[table]`` order); ``upsert`` skips rows whose key exists.

        A backend may override this with a bulk path; the default is ``_executemany``.
        """
        self._executemany(_insert_sql(table, upsert), rows)

    def _update(
        self, table: str, keys: tuple[str, ...], columns: tuple[str, ...], rows: Sequence[Row]
    ) -> None:
        """Set ``columns`` in the rows matched by ``keys`` (each row: the columns' new values,
        then the keys). A backend may override this with a bulk path (migration backfills)."""
        sets = ", ".join(f"{c} = ?" for c in columns)
        where = " AND ".join(f"{k} = ?" for k in keys)
        self._executemany(f"UPDATE {table} SET {sets} WHERE {where}", rows)

    def _add_counts(self, table: str, deltas: Sequence[Row]) -> None:
        """Add delta rows to a kept-counts table (``source_counts``: ``(source_id, claims,
        relayed, documents)``; ``place_counts``: key then counts; see ``store/counts.py``). A
        backend may override this with a bulk path."""
        if deltas:
            self._executemany(add_counts_sql(table), deltas)

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A context in which statements commit together, or roll back on an exception."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    #: whether ``reader()`` gives each caller its own connection, so reads in several threads
    #: run at once; False: a caller must serialise its use of the store.
    concurrent_reads: bool = False

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store to run read queries on from one thread, for one request.

        A backend that can (``concurrent_reads``) gives each caller its own connection or
        cursor, so a server answers requests in parallel instead of one at a time behind a
        lock; this default hands out the store itself.
        """
        yield self

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ------------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply pending migrations in order, each in its own transaction; return their names."""
        self._execute(MIGRATIONS_TABLE)
        done = {r["version"] for r in self._fetch("SELECT version FROM schema_migrations")}
        applied = []
        for version, migration in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            with self.transaction():
                for statement in migration.statements:
                    self._execute(statement)
                if migration.backfill is not None:
                    migration.backfill(self)
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, migration.name, _now()),
                )
            applied.append(migration.name)
        return applied

    def schema_version(self) -> int:
        """How many migrations this database has applied (0 for an empty database)."""
        rows = self._fetch("SELECT max(version) AS v FROM schema_migrations")
        return int(rows[0]["v"] or 0)

    def migrations(self) -> list[dict[str, Any]]:
        """The applied migrations: version, name, applied_at."""
        return self._fetch(
            "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"
        )

    # -- writing -----------------------------------------------------------------------------

    def _present(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Which of ``values`` occur in ``table.column`` (looked up 500 at a time)."""
        wanted = list(dict.fromkeys(values))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self._fetch(f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk)
            found.update(r[column] for r in rows)
        return found

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored documents (ingest skips them before analysis)."""
        return self._present("documents", "id", ids)

    def add_record(self, record: Record) -> bool:
        """Store one record in one transaction; False (and no change) if its id is stored.

        A successful store clears any earlier rejection of the same input. A database error
        raises ``DocumentError`` ``E201`` naming the input, and leaves nothing of it behind.
        """
        result = self.add_records([record])[0]
        if isinstance(result, DocumentError):
            raise result
        return result

    def add_records(
        self, records: Sequence[Record], *, replace: bool = False
    ) -> list[bool | DocumentError]:
        """Store a batch of records in one transaction (far cheaper than one each).

        Returns, per record: True (stored), False (its id was stored already, or earlier in
        the batch) or the ``DocumentError`` E201 that stopped it. If the batch's transaction
        fails, nothing of it is kept and the records are retried one transaction each, so one
        unstorable record never costs the others. ``replace`` swaps stored documents of the
        same ids for these records (re-analysis after the pipeline changed).
        """
        if not records:
            return []
        refused = {i: why for i, r in enumerate(records) if (why := unstorable(r)) is not None}
        if refused:  # refused the same way by both backends, before any SQL
            storable = [r for i, r in enumerate(records) if i not in refused]
            written = iter(self.add_records(storable, replace=replace))
            return [
                DocumentError(refused[i][0], r.source, refused[i][1])
                if i in refused else next(written)
                for i, r in enumerate(records)
            ]
        try:
            with self.transaction():
                return self._write(records, replace=replace)
        except ClaimgraphError:
            if len(records) == 1:
                raise
        except Exception as exc:  # the driver's own error: name the document and the cause
            if len(records) == 1:
                if self.stored_ids([records[0].id]):  # another writer stored it meanwhile
                    return [False]
                return [DocumentError("E201", records[0].source, f"could not store: {exc}")]
        return [self.add_records([record], replace=replace)[0] for record in records]

    def _write(
        self, records: Sequence[Record], *, replace: bool = False
    ) -> list[bool | DocumentError]:
        """Insert the rows of every record not stored yet (inside the caller's transaction)."""
        if replace:
            self._delete([r.id for r in records])
        stored = self.stored_ids(r.id for r in records)
        status: list[bool | DocumentError] = []
        tables: dict[str, list[Row]] = {table: [] for table in RECORD_COLUMNS}
        sources: dict[str, Row] = {}
        now = _now()
        for record in records:
            if record.id in stored:
                status.append(False)
                continue
            stored.add(record.id)
            status.append(True)
            for table, rows in record_rows(record, now).items():
                if table == "sources":
                    sources.update((row[0], row) for row in rows)
                else:
                    tables[table].extend(rows)
            tables["event_list"].extend(event_list.event_list_rows(record))
        tables["sources"] = list(sources.values())
        for table, rows in tables.items():
            if rows:
                self._insert(table, rows, upsert=table == "sources")
        self._add_counts("source_counts", source_deltas(tables["attribution_sources"]))
        self._add_counts("place_counts", place_deltas(tables["places"], tables["events"]))
        list_counts.keep(self, [r.id for r, ok in zip(records, status, strict=True) if ok is True])
        written = sorted({r.source for r, ok in zip(records, status, strict=True) if ok is True})
        for i in range(0, len(written), 500):
            chunk = written[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            self._execute(f"DELETE FROM rejected WHERE input IN ({marks})", chunk)
        return status

    def delete_documents(self, ids: Iterable[str]) -> int:
        """Remove documents and everything extracted from them (one transaction); returns how
        many were stored. Distinct ``sources`` rows stay (other documents may cite them). The
        corpus records that held them are updated or removed (``resolve/forget.py``)."""
        wanted = list(dict.fromkeys(ids))
        with self.transaction():
            found = len(self.stored_ids(wanted))
            corpus.forget_documents(self, wanted, self.get_record)
            self._delete(wanted)
        return found

    def _delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            where = f" WHERE document_id IN ({marks})"
            self._add_counts("source_counts", negated(
                self._fetch(SOURCE_AGGREGATE.format(where=where), chunk)))
            self._add_counts("place_counts", place_deltas(*document_rows(self, chunk), sign=-1))
            list_counts.keep(self, chunk, sign=-1)
            for table in DOCUMENT_TABLES:
                self._execute(f"DELETE FROM {table} WHERE document_id IN ({marks})", chunk)
            self._execute(f"DELETE FROM documents WHERE id IN ({marks})", chunk)

    def reject(self, input_name: str, code: str, reason: str) -> None:
        """Record that an input did not become a record (replaces an earlier rejection)."""
        self.reject_errors([DocumentError(code, input_name, reason)])

    def reject_error(self, error: DocumentError) -> None:
        """Store a ``DocumentError`` in ``rejected``."""
        self.reject_errors([error])

    def reject_errors(
        self, errors: Sequence[DocumentError], content_hashes: Mapping[str, str] | None = None
    ) -> None:
        """Store several rejections in one transaction (the last one per input wins).

        ``content_hashes`` maps an input's name to the content hash of the document it was
        (for a failed analysis or write), so a later ingest can skip the same content
        (``rejected_hashes``); inputs that never became a document have none.
        """
        latest = {e.source: e for e in errors}
        if not latest:
            return
        hashes = content_hashes or {}
        now = _now()
        inputs = list(latest)
        with self.transaction():
            for i in range(0, len(inputs), 500):
                chunk = inputs[i : i + 500]
                marks = ", ".join("?" for _ in chunk)
                self._execute(f"DELETE FROM rejected WHERE input IN ({marks})", chunk)
            self._executemany(
                "INSERT INTO rejected (input, code, reason, time, content_hash) "
                "VALUES (?, ?, ?, ?, ?)",
                [(e.source, e.code, e.reason, now, hashes.get(e.source))
                 for e in latest.values()],
            )

    def rejected_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes belong to documents rejected before (ingest skips
        them before analysis unless asked to retry)."""
        return self._present("rejected", "content_hash", hashes)

    # -- reading -----------------------------------------------------------------------------

    def get_record(self, document_id: str) -> Record | None:
        """The full contract record of a stored document, or None."""
        docs = self._fetch(
            "SELECT id, source, published, title, outlet, url, text, published_guessed"
            " FROM documents WHERE id = ?",
            (document_id,),
        )
        if not docs:
            return None
        tables = {
            table: self._fetch(
                f"SELECT * FROM {table} WHERE document_id = ? ORDER BY {ORDER_BY[table]}",
                (document_id,),
            )
            for table in _CHILD_TABLES
        }
        source_ids = sorted({m["source_id"] for m in tables["attribution_sources"]})
        sources: dict[str, dict[str, Any]] = {}
        if source_ids:
            marks = ", ".join("?" for _ in source_ids)
            for row in self._fetch(f"SELECT * FROM sources WHERE id IN ({marks})", source_ids):
                sources[row["id"]] = row
        return record_from_rows(docs[0], tables, sources)

    def iter_records(self, batch: int = 100) -> Iterator[Record]:
        """Every stored record, in id order."""
        last = ""
        while True:
            ids = [
                r["id"]
                for r in self._fetch(
                    "SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
                )
            ]
            if not ids:
                return
            for document_id in ids:
                record = self.get_record(document_id)
                if record is not None:
                    yield record
            last = ids[-1]

    # -- corpus records (``claimgraph resolve``; ``store/corpus.py``) -------------------------

    def add_corpus(
        self, records: Sequence[CorpusRecord], *, replace: bool = False
    ) -> dict[str, int]:
        """Store what ``claimgraph resolve`` found, in one transaction; how many of each kind.

        A record replaces the stored one of its id and every stored group of its kind that
        shares a member with it (a story that gained an article); ``replace`` clears every
        corpus table first (a resolve of the whole database). A database error is ``E201``
        and leaves the stored corpus records as they were.
        """
        try:
            with self.transaction():
                return corpus.write(self, records, replace=replace)
        except ClaimgraphError:
            raise
        except Exception as exc:  # the driver's own error, with what it said
            raise ClaimgraphError("E201", f"could not store the corpus records: {exc}") from exc

    def corpus_records(self, kind: str, ids: Iterable[str] | None = None) -> list[CorpusRecord]:
        """Stored corpus records of one ``kind`` (copies, story, event, claim, relation), in id
        order: every one, or those of ``ids`` (a relation's id is ``relation_id``)."""
        if kind not in corpus.TABLE:
            raise ClaimgraphError("E002", f"unknown corpus record kind {kind!r} (kinds: "
                                  + ", ".join(corpus.TABLE) + ")")
        return corpus.read(self, kind, ids)

    def rejected(self) -> list[dict[str, Any]]:
        """Every rejected input: input, code, reason, time (ISO string)."""
        rows = self._fetch("SELECT input, code, reason, time FROM rejected ORDER BY input")
        for row in rows:
            row["time"] = row["time"].isoformat() if row["time"] is not None else None
        return rows

    def count(self, table: str) -> int:
        """Rows in one table of the schema."""
        if table not in TABLE_COLUMNS and table not in {"rejected", "schema_migrations"}:
            raise ClaimgraphError("E002", f"unknown table {table!r}")
        return int(self._fetch(f"SELECT count(*) AS n FROM {table}")[0]["n"])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query in the shared SQL (``?`` placeholders); rows as dicts.

        This is what ``claimgraph.query`` builds on: keep the SQL to what both DuckDB and
        PostgreSQL accept (``ILIKE``, ``count(DISTINCT ...)``, ``LIMIT ? OFFSET ?``).
        """
        return self._fetch(sql, params)
