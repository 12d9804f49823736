"""Shared fixtures: the full pipeline (built once per test session), the bundled samples, and
an empty store of each backend.

``db_url``/``store``: every test that takes them runs against DuckDB and PostgreSQL (as ibis
does). PostgreSQL tests are marked ``postgres``; the server is started once per session
(``pg_dsn``, code in ``tests/store/pg.py``) and each test gets its own fresh schema in it.
Without PostgreSQL's binaries (Debian package ``postgresql``) the postgres half is skipped,
saying why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from claimgraph.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The claimgraph pipeline as `claimgraph analyze` builds it."""
    from claimgraph.nlp.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def pg_dsn() -> Iterator[str]:
    """A throwaway PostgreSQL server (Debian's binaries) on a loopback port, for the session."""
    from tests.store.pg import PostgresServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not installed (apt-get install postgresql)")
    server = PostgresServer(bindir)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ``--db`` value naming an empty database of each backend."""
    if request.param == "duckdb":
        return str(tmp_path / "claimgraph.duckdb")
    from tests.store.pg import fresh_pg_url

    return fresh_pg_url(request.getfixturevalue("pg_dsn"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s
