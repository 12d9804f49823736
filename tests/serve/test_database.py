"""Opening ``--db``: DuckDB files (read-only unless writes are allowed), JSON Lines records."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from claimgraph import query
from claimgraph.errors import ClaimgraphError
from claimgraph.serve.app import create_app
from claimgraph.serve.database import open_database
from claimgraph.store import open_store


def test_a_jsonl_file_of_records_is_served(tmp_path, records):
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in records), encoding="utf-8")
    db = open_database(str(path))
    assert db.run(query.get_document, records[0].id) == records[0].to_dict()
    assert db.run(query.list_documents)["total"] == 3


def test_a_malformed_jsonl_line_is_a_coded_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ClaimgraphError) as err:
        open_database(str(path))
    assert err.value.code == "E107" and "bad.jsonl:1" in err.value.message


def test_a_missing_database_is_not_created_by_a_read_only_server(tmp_path):
    with pytest.raises(ClaimgraphError) as err:
        open_database(str(tmp_path / "none.duckdb"))
    assert err.value.code == "E201"
    assert not (tmp_path / "none.duckdb").exists()


def test_a_duckdb_file_is_served_read_only_without_a_token(tmp_path, records):
    path = tmp_path / "claims.duckdb"
    with open_store(path) as store:
        for record in records:
            store.add_record(record)
    db = open_database(str(path))
    with pytest.raises(ClaimgraphError):
        db.add(records[0].__class__(id="new", source="x", published=None, text="New text."))
    assert db.run(query.get_document, "new") is None
    db.close()
    client = TestClient(create_app(str(path)))
    assert client.get("/api/documents").json()["meta"]["total"] == 3
