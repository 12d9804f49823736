"""Writing documents through the API: a bad date is refused (422) before anything is analysed
or stored, the timeline always answers, and a stored document can be deleted with the write
token (issue 11 item 6). PostgreSQL runs the same routes in ``test_serve_postgres.py``."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from claimgraph.store.schema import DOCUMENT_TABLES
from tests.serve.conftest import TOKEN, CountingAnalyzer

AUTH = {"authorization": f"Bearer {TOKEN}"}
BAD_DATES = ["not a date", 99999, "2024-13-45", "0000-01-01"]


@pytest.mark.parametrize("bad", BAD_DATES)
def test_a_bad_date_is_refused_with_422_and_nothing_stored(
    writer: TestClient, analyzer: CountingAnalyzer, bad: Any
) -> None:
    before = writer.get("/api/documents").json()["meta"]["total"]
    response = writer.post("/api/documents", json={"text": "Police said.", "published": bad},
                           headers=AUTH)
    assert response.status_code == 422
    assert response.json() == {"ok": False, "error": {
        "code": "invalid_date",
        "message": f"published: [E112] must be a calendar day YYYY-MM-DD, got {bad!r}"}}
    assert analyzer.calls == 0
    assert writer.get("/api/documents").json()["meta"]["total"] == before


@pytest.mark.parametrize("bad", BAD_DATES)
def test_analyze_refuses_a_bad_date_the_same_way(client: TestClient, bad: Any) -> None:
    response = client.post("/api/analyze", json={"text": "Police said.", "published": bad})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_date"


def test_a_datetime_is_stored_as_its_day(writer: TestClient) -> None:
    writer.post("/api/documents", json={"text": "Police said.", "id": "d",
                                        "published": "2024-08-13T09:30:00Z"}, headers=AUTH)
    assert writer.get("/api/documents/d").json()["data"]["published"] == "2024-08-13"


def test_the_timeline_answers_after_the_issue_reproduction(writer: TestClient) -> None:
    """Was: the document stored, then every GET /timeline a 500 ('month must be in 1..12')."""
    writer.post("/api/documents", json={"text": "Police said.", "published": "2024-13-45"},
                headers=AUTH)
    assert writer.get("/timeline").status_code == 200


def test_the_timeline_reads_only_real_days(writer: TestClient) -> None:
    """A date written around the store's checks (raw SQL) gets no bar instead of a 500."""
    store = writer.app.state.database.store  # type: ignore[attr-defined]
    store.query("UPDATE events SET date = '2024-13-45'")
    response = writer.get("/timeline")
    assert response.status_code == 200


def test_an_integer_above_two_to_the_53_is_stored_through_the_api() -> None:
    """Was a 500 (DuckDB refused the double); the number comes back with every digit."""
    from claimgraph.ids import text_hash
    from claimgraph.record import Quantity, Record
    from claimgraph.serve.app import create_app
    from claimgraph.serve.database import memory_database

    text = "Officials said 672138506081275904 people were counted in Paris on Monday."

    def analyse(text: str, *, published: str | None = None, source: str = "api") -> Record:
        return Record(id=text_hash(text), source=source, published=published, text=text,
                      quantities=[Quantity(15, 40, text[15:40], value=672138506081275904)])

    writer = TestClient(create_app(None, token=TOKEN, database=memory_database([]),
                                   analyzer=analyse), raise_server_exceptions=False)
    response = writer.post("/api/documents", json={"text": text, "id": "tweet"}, headers=AUTH)
    assert response.status_code == 201
    stored = writer.get("/api/documents/tweet")
    assert '"value":672138506081275904' in stored.text.replace(" ", "")


# -- DELETE /api/documents/{id} --------------------------------------------------------------

def _rows_of(writer: TestClient, doc_id: str) -> dict[str, int]:
    store = writer.app.state.database.store  # type: ignore[attr-defined]
    counts = {t: store.query(f"SELECT count(*) AS n FROM {t} WHERE document_id = ?", [doc_id])
              [0]["n"] for t in DOCUMENT_TABLES}
    counts["documents"] = len(store.stored_ids([doc_id]))
    return counts


def test_delete_removes_the_document_and_all_its_rows(writer: TestClient) -> None:
    doc_id = writer.get("/api/events").json()["data"][0]["document"]["id"]
    assert any(_rows_of(writer, doc_id).values())
    response = writer.delete(f"/api/documents/{doc_id}", headers=AUTH)
    assert response.status_code == 200
    assert response.json()["data"] == {"id": doc_id, "deleted": True}
    assert not any(_rows_of(writer, doc_id).values())
    assert writer.get(f"/api/documents/{doc_id}").status_code == 404
    assert writer.get("/timeline").status_code == 200


def test_delete_of_an_unknown_id_is_404(writer: TestClient) -> None:
    response = writer.delete("/api/documents/none", headers=AUTH)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("header", [None, "Bearer wrong-token"])
def test_delete_needs_the_write_token(writer: TestClient, header: str | None) -> None:
    doc_id = writer.get("/api/documents").json()["data"][0]["id"]
    headers = {"authorization": header} if header else {}
    response = writer.delete(f"/api/documents/{doc_id}", headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert writer.get(f"/api/documents/{doc_id}").status_code == 200


def test_a_read_only_server_refuses_delete(client: TestClient) -> None:
    doc_id = client.get("/api/documents").json()["data"][0]["id"]
    response = client.delete(f"/api/documents/{doc_id}", headers=AUTH)
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
