"""The ``store`` fixture: every store test runs against DuckDB and PostgreSQL (as ibis does).

PostgreSQL tests are marked ``postgres``; the server is started once per session (fixture
``pg_dsn`` in ``tests/conftest.py``, code in ``tests/store/pg.py``) and each test gets its own fresh schema in it. Without PostgreSQL's
binaries (Debian package ``postgresql``) the postgres half is skipped, saying why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.store import Store, open_store
from tests.store.pg import fresh_pg_url  # the server itself: pg_dsn in tests/conftest.py


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
