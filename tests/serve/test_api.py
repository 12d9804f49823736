"""The JSON API: envelope, pagination, filters, limits and write authorisation."""

from __future__ import annotations

import pytest

from claimgraph.record import Record
from claimgraph.serve.envelope import API_CODES
from tests.serve.conftest import TOKEN


def data(response):
    body = response.json()
    assert body["ok"] is True, body
    return body["data"]


def find_source(client, name: str) -> dict:
    sources = data(client.get("/api/sources", params={"q": name, "limit": 10}))
    return next(s for s in sources if s["name"] == name)


# --- one envelope for everything -------------------------------------------------------------

@pytest.mark.parametrize(
    "path",
    ["/api/documents", "/api/attributions", "/api/sources", "/api/events", "/api/places"],
)
def test_list_responses_share_the_envelope(client, path):
    body = client.get(path).json()
    assert set(body) == {"ok", "data", "meta"}
    assert body["ok"] is True and isinstance(body["data"], list)
    assert {"total", "limit", "offset", "next_offset"} <= set(body["meta"])


ERROR_CASES = [
    ("get", "/api/documents/no-such-id", {}, 404, "not_found"),
    ("get", "/api/sources/src-nothing", {}, 404, "not_found"),
    ("get", "/api/no/such/route", {}, 404, "not_found"),
    ("get", "/api/documents?limit=11", {}, 400, "bad_request"),
    ("get", "/api/documents?limit=0", {}, 400, "bad_request"),
    ("get", "/api/documents?offset=-1", {}, 400, "bad_request"),
    ("get", "/api/attributions?type=rumour", {}, 400, "bad_request"),
    ("get", "/api/attributions?anonymous=perhaps", {}, 400, "bad_request"),
    ("get", "/api/events?since=last-week", {}, 400, "bad_request"),
    ("get", "/api/documents?colour=red", {}, 400, "bad_request"),
    ("get", "/api/places?country=Ukraine", {}, 400, "bad_request"),
    ("delete", "/api/documents", {}, 405, "method_not_allowed"),
    ("post", "/api/analyze", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "bad_request"),
    ("post", "/api/analyze", {"json": {"text": ""}}, 400, "bad_request"),
    ("post", "/api/analyze", {"json": {"text": "Hello.", "published": "yesterday"}}, 422, "invalid_date"),
    ("post", "/api/analyze", {"json": {"text": "x" * 5_000}}, 413, "too_large"),
    ("post", "/api/documents", {"json": {"text": "Hello."}}, 403, "forbidden"),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), ERROR_CASES)
def test_error_shape(client, method, path, kwargs, status, code):
    """As datasette's test_error_shape: every error is {"ok": false, "error": {code, message}}."""
    response = getattr(client, method)(path, **kwargs) if method != "post" else client.post(path, **kwargs)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error"}
    assert body["ok"] is False
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert code in API_CODES
    assert body["error"]["message"]


def test_a_crash_is_reported_in_the_envelope_without_internals(client):
    def explode(text, **kwargs):
        raise RuntimeError("secret internal detail")

    client.app.state.analyses.analyzer = explode
    response = client.post("/api/analyze", json={"text": "Officials said nothing."})
    assert response.status_code == 500
    assert response.json() == {"ok": False, "error": {"code": "internal", "message": "internal server error"}}


# --- documents and pagination ----------------------------------------------------------------

def test_pages_walk_every_document_once(client, records):
    seen, offset = [], 0
    while offset is not None:
        body = client.get("/api/documents", params={"limit": 2, "offset": offset}).json()
        assert body["meta"]["total"] == len(records)
        assert len(body["data"]) <= 2
        seen += [d["id"] for d in body["data"]]
        offset = body["meta"]["next_offset"]
    assert sorted(seen) == sorted(r.id for r in records)


def test_documents_are_newest_first_with_counts(client):
    docs = data(client.get("/api/documents", params={"limit": 10}))
    assert [d["published"] for d in docs] == ["2024-08-08", "2024-08-07", "2024-08-06"]
    kyiv = docs[-1]
    assert kyiv["title"] == "Russian forces strike Kharkiv"
    assert kyiv["counts"] == {"attributions": 3, "events": 1, "quantities": 1, "times": 1, "places": 3}


def test_a_document_is_the_full_contract_record(client, records):
    record = records[0]
    got = data(client.get(f"/api/documents/{record.id}"))
    assert got == record.to_dict()
    assert Record.from_dict(got) == record


# --- attributions and sources ----------------------------------------------------------------

def test_attributions_filter_by_anonymity(client):
    claims = data(client.get("/api/attributions", params={"anonymous": "true", "limit": 10}))
    assert {c["source"]["text"] for c in claims} == {
        "An unnamed Western official", "Egyptian mediators", "officials"}
    assert all(c["source"]["anonymous"] for c in claims)


def test_attributions_filter_by_hedges_and_words(client):
    hedged = data(client.get("/api/attributions", params={"hedged": "true"}))
    assert [c["content"]["text"] for c in hedged] == [
        "Moscow had reportedly moved up to 3,000 troops towards Kursk"]
    found = data(client.get("/api/attributions", params={"q": "CEASEFIRE"}))
    assert [c["cue"]["text"] for c in found] == ["according to"]


def test_attributions_filter_by_type_and_document(client, records):
    direct = data(client.get("/api/attributions", params={"type": "direct"}))
    assert [c["content"]["text"] for c in direct] == ["We will respond"]
    in_doc = client.get("/api/attributions", params={"document": records[1].id}).json()
    assert in_doc["meta"]["total"] == 2
    assert {c["document"]["id"] for c in in_doc["data"]} == {records[1].id}


def test_sources_count_claims_outlets_and_anonymity(client):
    ministry = find_source(client, "Ukrainian Defence Ministry")
    assert ministry["claims"] == 2 and ministry["documents"] == 2
    assert {o["name"] for o in ministry["outlets"]} == {"Example Wire", "Other Times"}
    assert ministry["anonymous_share"] == 0.0
    assert find_source(client, "An unnamed Western official")["anonymous_share"] == 1.0


def test_a_source_lists_its_claims_and_via_chains(client):
    official = find_source(client, "An unnamed Western official")
    detail = data(client.get(f"/api/sources/{official['id']}"))
    assert [c["cue"]["text"] for c in detail["attributions"]] == ["told"]
    assert detail["via_chains"] == [{"chain": "Bloomberg", "claims": 1}]


def test_attributions_of_one_source_by_id(client):
    ministry = find_source(client, "Ukrainian Defence Ministry")
    claims = data(client.get("/api/attributions", params={"source_id": ministry["id"]}))
    assert {c["content"]["text"] for c in claims} == {
        "Russian forces struck Kharkiv on Monday", "40 drones were shot down overnight"}


# --- events and places -----------------------------------------------------------------------

def test_events_come_in_date_order_and_filter_by_date(client):
    events = data(client.get("/api/events", params={"limit": 10}))
    assert [(e["date"], e["type"]) for e in events] == [("2024-08-05", "ASSAULT"), ("2024-08-07", "AGREE")]
    assert events[0]["place_name"] == "Kharkiv"
    later = data(client.get("/api/events", params={"since": "2024-08-06"}))
    assert [e["type"] for e in later] == ["AGREE"]


def test_places_carry_coordinates_and_mentions(client):
    places = data(client.get("/api/places", params={"limit": 10}))
    kursk = next(p for p in places if p["name"] == "Kursk")
    assert (kursk["lat"], kursk["lon"], kursk["country"], kursk["mentions"]) == (51.73, 36.19, "RU", 1)


# --- analysis and writes ---------------------------------------------------------------------

def test_analyze_returns_a_record_without_storing_it(client, analyzer):
    body = client.post("/api/analyze", json={"text": "Officials said it rained.", "published": "2024-01-02"}).json()
    assert body["ok"] and body["data"]["text"] == "Officials said it rained."
    assert body["data"]["published"] == "2024-01-02"
    assert analyzer.calls == 1
    assert client.get(f"/api/documents/{body['data']['id']}").status_code == 404


def test_too_large_text_is_refused_before_analysis(client, analyzer):
    response = client.post("/api/analyze", json={"text": "word " * 1_000})
    assert response.status_code == 413
    assert analyzer.calls == 0


def test_too_large_chunked_body_is_refused(client, analyzer):
    def chunks():
        for _ in range(10):
            yield b"x" * 500

    response = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert analyzer.calls == 0


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", TOKEN])
def test_writes_need_the_bearer_token(writer, analyzer, header):
    headers = {"authorization": header} if header else {}
    response = writer.post("/api/documents", json={"text": "Police said."}, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert analyzer.calls == 0


def test_a_written_document_can_be_read_back(writer):
    response = writer.post(
        "/api/documents",
        json={"text": "Police said the road reopened.", "title": "Road reopens", "id": "road-1"},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 201
    assert response.json()["data"] == {"id": "road-1", "created": True}
    stored = data(writer.get("/api/documents/road-1"))
    assert stored["title"] == "Road reopens" and stored["text"] == "Police said the road reopened."


def test_writing_the_same_document_twice_keeps_one(writer):
    auth = {"authorization": f"Bearer {TOKEN}"}
    first = writer.post("/api/documents", json={"text": "Police said."}, headers=auth)
    again = writer.post("/api/documents", json={"text": "Police said."}, headers=auth)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["data"]["created"] is False
    assert writer.get("/api/documents").json()["meta"]["total"] == 4


# --- schema ----------------------------------------------------------------------------------

def test_openapi_schema_lists_every_route(client):
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/documents", "/api/documents/{doc_id}", "/api/attributions", "/api/sources",
        "/api/sources/{source_id}", "/api/events", "/api/places", "/api/analyze",
        "/api/stories", "/api/stories/{story_id}", "/api/claims", "/api/claims/{claim_id}",
        "/api/relations"}
    assert set(schema["paths"]["/api/documents"]) == {"get", "post"}


def test_analyze_runs_the_real_pipeline(records):
    """No stand-in: the default analyser is claimgraph.analyze, in a worker process."""
    from fastapi.testclient import TestClient

    from claimgraph.serve.app import create_app
    from claimgraph.serve.database import memory_database

    text = "The Ukrainian Defence Ministry said on Monday that Russian forces struck Kharkiv."
    with TestClient(create_app(None, database=memory_database(records))) as client:
        record = data(client.post("/api/analyze", json={"text": text, "published": "2024-08-06"}))
    assert record["text"] == text and record["published"] == "2024-08-06"
    assert Record.from_dict(record).text == text
    assert [a["cue"]["text"] for a in record["attributions"] if a["cue"]] == ["said"]


def test_document_ids_with_slashes_and_spaces_are_reachable(writer):
    auth = {"authorization": f"Bearer {TOKEN}"}
    doc_id = "wire/2024 09/17?x"
    assert writer.post("/api/documents", json={"text": "Police said.", "id": doc_id},
                       headers=auth).status_code == 201
    from urllib.parse import quote

    assert data(writer.get("/api/documents/" + quote(doc_id, safe="/")))["id"] == doc_id
    assert writer.get("/documents/" + quote(doc_id, safe="/")).status_code == 200


def test_a_full_analyser_answers_busy_at_once(client):
    import threading

    release, started = threading.Event(), threading.Event()

    def slow(text, **kwargs):
        started.set()
        release.wait(10)
        return Record(id="slow", source="api", published=None, text=text)

    client.app.state.analyses.analyzer = slow
    client.app.state.analyses.slots = 1
    first: list = []
    worker = threading.Thread(target=lambda: first.append(client.post("/api/analyze", json={"text": "a"})))
    worker.start()
    assert started.wait(10)
    busy = client.post("/api/analyze", json={"text": "b"})
    release.set()
    worker.join(10)
    assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
    assert busy.json() == {"ok": False, "error": {"code": "busy", "message": busy.json()["error"]["message"]}}
    assert first[0].status_code == 200
    assert client.app.state.analyses.running == 0
