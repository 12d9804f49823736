"""Opening ``--db``: DuckDB files (read-only unless writes are allowed), JSON Lines records."""

from __future__ import annotations

import json
import threading

import pytest
from fastapi.testclient import TestClient

from claimgraph import query
from claimgraph.errors import ClaimgraphError
from claimgraph.serve.app import create_app
from claimgraph.serve.database import memory_database, open_database
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


def test_a_slow_read_does_not_hold_up_a_fast_one(db_url, records):
    """Reads run on readers of their own: a document fetch is answered while a slow list is
    still running (one lock around every query made it wait for the slow one)."""
    from claimgraph.serve.database import Database

    with open_store(db_url) as store:
        store.add_records(records)
    db = Database(open_store(db_url))
    slow_started, slow_may_end = threading.Event(), threading.Event()

    def slow(store, **kwargs):
        slow_started.set()
        slow_may_end.wait(10)
        return query.list_documents(store, **kwargs)

    slow_thread = threading.Thread(target=db.run, args=(slow,))
    slow_thread.start()
    assert slow_started.wait(10)
    fetched: list = []
    fast = threading.Thread(target=lambda: fetched.append(db.run(query.get_document,
                                                                 records[0].id)))
    fast.start()
    fast.join(5)
    answered_meanwhile = not fast.is_alive()
    slow_may_end.set()
    slow_thread.join(10)
    fast.join(10)
    db.close()
    assert answered_meanwhile
    assert fetched == [records[0].to_dict()]


def test_a_read_sees_what_the_server_wrote(records):
    db = memory_database(records[:1])
    assert db.run(query.list_documents)["total"] == 1
    db.add(records[1])
    assert db.run(query.list_documents)["total"] == 2
    assert db.delete(records[0].id)
    assert [d["id"] for d in db.run(query.list_documents)["items"]] == [records[1].id]
