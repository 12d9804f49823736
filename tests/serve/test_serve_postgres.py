"""The same API over a PostgreSQL store (the server's queries are the shared SQL)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from claimgraph.record import Record
from claimgraph.serve.app import create_app
from claimgraph.store import open_store
from tests.store.pg import fresh_pg_url

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(pg_dsn: str) -> str:
    return fresh_pg_url(pg_dsn)


def test_the_api_and_ui_serve_a_postgresql_store(pg_url, records):
    with open_store(pg_url) as store:
        for record in records:
            store.add_record(record)
    client = TestClient(create_app(pg_url))
    body = client.get("/api/documents", params={"limit": 2}).json()
    assert body["ok"] and body["meta"]["total"] == 3 and body["meta"]["next_offset"] == 2
    got = client.get(f"/api/documents/{records[0].id}").json()["data"]
    assert Record.from_dict(got) == records[0]
    anonymous = client.get("/api/attributions", params={"anonymous": "true"}).json()["data"]
    assert len(anonymous) == 3
    events = client.get("/api/events").json()["data"]
    assert [e["date"] for e in events] == ["2024-08-05", "2024-08-07"]
    assert client.get(f"/documents/{records[0].id}").status_code == 200
    assert client.get("/api/documents/none").json()["error"]["code"] == "not_found"


def test_delete_removes_every_row_of_a_document_from_postgresql(pg_url, records):
    from claimgraph.store.schema import DOCUMENT_TABLES
    from tests.serve.conftest import TOKEN

    with open_store(pg_url) as store:
        for record in records:
            store.add_record(record)
    client = TestClient(create_app(pg_url, token=TOKEN))
    doc_id = records[0].id
    response = client.delete(f"/api/documents/{doc_id}",
                             headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.json()["data"]["deleted"] is True
    with open_store(pg_url) as store:
        assert store.stored_ids([r.id for r in records]) == {r.id for r in records[1:]}
        for table in DOCUMENT_TABLES:
            rows = store.query(f"SELECT count(*) AS n FROM {table} WHERE document_id = ?",
                               [doc_id])
            assert rows[0]["n"] == 0, table
    assert client.get("/timeline").status_code == 200
