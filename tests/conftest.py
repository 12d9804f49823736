"""Shared fixtures: the full pipeline (built once per test session) and the bundled samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

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
