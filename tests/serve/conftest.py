"""Fixtures of the serve tests: an app over hand-written records in an in-memory DuckDB store
(no NLP, no database server)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from claimgraph.ids import text_hash
from claimgraph.record import Record
from claimgraph.serve.api import Settings
from claimgraph.serve.app import create_app
from claimgraph.serve.database import memory_database
from tests.serve.samples import sample_records

TOKEN = "test-token-123"


class CountingAnalyzer:
    """Stands in for the pipeline where a test is about the HTTP layer, not the NLP: returns
    the bare record of the text (no findings) and counts calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str, *, published: str | None = None, source: str = "api") -> Record:
        self.calls += 1
        return Record(id=text_hash(text), source=source, published=published, text=text)


@pytest.fixture()
def records() -> list[Record]:
    return sample_records()


@pytest.fixture()
def analyzer() -> CountingAnalyzer:
    return CountingAnalyzer()


@pytest.fixture()
def client(records: list[Record], analyzer: CountingAnalyzer) -> TestClient:
    """A read-only server (no token) with small limits, so limits are cheap to test."""
    app = create_app(None, database=memory_database(records), analyzer=analyzer,
                     settings=Settings(default_limit=2, max_limit=10, max_body_bytes=2_000))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def writer(records: list[Record], analyzer: CountingAnalyzer) -> TestClient:
    """A server that accepts writes with ``Authorization: Bearer TOKEN``."""
    app = create_app(None, token=TOKEN, database=memory_database(records), analyzer=analyzer,
                     settings=Settings(max_body_bytes=2_000))
    return TestClient(app, raise_server_exceptions=False)
