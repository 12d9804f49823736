"""The ``store`` fixture: every store test runs against DuckDB and PostgreSQL (as ibis does).

PostgreSQL tests are marked ``postgres``; the server is started once per session by
``tests/store/pg.py`` and each test gets its own fresh schema in it. Without PostgreSQL's
binaries (Debian package ``postgresql``) the postgres half is skipped, saying why.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg import PostgresServer, find_bindir  # tests/store/pg.py (conftest dir is on sys.path)

from claimgraph.store import Store, open_store

_schemas = itertools.count(1)


@pytest.fixture(scope="session")
def pg_dsn() -> Iterator[str]:
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not installed (apt-get install postgresql)")
    server = PostgresServer(bindir)
    try:
        yield server.start()
    finally:
        server.stop()


def fresh_pg_url(pg_dsn: str) -> str:
    """A DSN whose search_path is a new, empty schema: an isolated database for one test."""
    name = f"t{next(_schemas)}"
    with psycopg.connect(pg_dsn, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
    return f"{pg_dsn}?options=-csearch_path%3D{name}"


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ``--db`` value naming an empty database of each backend."""
    if request.param == "duckdb":
        return str(tmp_path / "claimgraph.duckdb")
    return fresh_pg_url(request.getfixturevalue("pg_dsn"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s
