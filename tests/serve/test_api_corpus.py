"""The API across documents: ``/api/stories``, ``/api/claims`` (claims across outlets; one report's
wording of a claim is ``/api/attributions``) and ``/api/relations``, over the hand-built resolved
corpus of ``corpus_samples`` — every answer in the envelope, every bad value a 400, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.serve.corpus_samples import local_record, resolved_client
from tests.serve.samples import kyiv_record


@pytest.fixture()
def api() -> TestClient:
    return resolved_client()


def data(response) -> object:
    assert response.status_code == 200, response.text
    return response.json()["data"]


def kursk(api: TestClient) -> dict:
    return data(api.get("/api/stories", params={"q": "Kursk"}))[0]


def test_the_story_list_pages_with_the_envelope(api):
    body = api.get("/api/stories", params={"limit": 1}).json()
    assert body["ok"] is True
    assert [s["title"] for s in body["data"]] == ["Russian troops move towards Kursk"]
    assert body["meta"]["total"] == 2 and body["meta"]["next_offset"] == 1


def test_a_story_has_its_reports_events_claims_and_contradictions(api):
    story = data(api.get(f"/api/stories/{kursk(api)['id']}"))
    assert [r["outlet"] for r in story["reports"]] == ["Example Wire", "Partner Daily",
                                                       "Kursk Courier"]
    assert [e["type"] for e in story["events"]] == ["MOBILIZE"]
    assert [c["independent_sources"] for c in story["claims"]] == [1, 1]
    assert story["contradictions"][0]["reason"].startswith("up to 3,000 troops")


def test_claims_across_outlets_are_not_attributions(api):
    claims = data(api.get("/api/claims"))
    attributions = data(api.get("/api/attributions", params={"limit": 10}))
    assert {c["id"].split(":")[0] for c in claims} == {"claim"}
    assert len(claims) == 3 and len(attributions) == 10


def test_a_claim_names_its_first_report_and_who_echoed_it(api):
    top = data(api.get("/api/claims", params={"min_sources": 1, "q": "3,000"}))[0]
    claim = data(api.get(f"/api/claims/{top['id']}"))
    assert claim["first"] == {"document": kyiv_record().id, "published": "2024-08-06",
                              "title": "Russian forces strike Kharkiv", "outlet": "Example Wire",
                              "url": "https://example.org/kharkiv"}
    assert [m["report"]["outlet"] for m in claim["mentions"]] == ["Example Wire", "Partner Daily"]


def test_relations_filter_by_type_and_document(api):
    found = data(api.get("/api/relations",
                         params={"type": "contradicts", "document": local_record().id}))
    assert [(r["a"]["figure"]["text"], r["b"]["figure"]["text"]) for r in found] == [
        ("up to 3,000 troops", "about 1,000 troops")]
    assert data(api.get("/api/relations", params={"type": "supports"})) == []


@pytest.mark.parametrize("path", ["/api/stories/story:none", "/api/claims/claim:none"])
def test_an_unknown_id_is_a_404_in_the_envelope(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("path, params", [
    ("/api/claims", {"min_sources": "-1"}),
    ("/api/claims", {"min_sources": "9223372036854775808"}),
    ("/api/claims", {"min_sources": "many"}),
    ("/api/stories", {"min_documents": "1e3"}),
    ("/api/stories", {"since": "last week"}),
    ("/api/stories", {"limit": "11"}),
    ("/api/relations", {"type": "refutes"}),
    ("/api/relations", {"offset": "-1"}),
    ("/api/claims", {"speaker": "army"}),
    ("/api/stories", {"q": "x" * 201}),
])
def test_a_bad_parameter_is_a_400_never_a_500(api, path, params):
    response = api.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.json()["ok"] is False


@pytest.mark.parametrize("path", ["/api/stories", "/api/claims", "/api/relations"])
def test_odd_but_valid_words_are_answered(api, path):
    for q in ["100%", "_", "'; DROP TABLE stories; --", "\\", "Ωμέγα 🌍"]:
        assert api.get(path, params={"q": q}).status_code == 200
