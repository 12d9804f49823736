"""Numbers a client sends are bounded (a 400 in the envelope, never a database overflow), and a
crash is answered like any other error: the envelope, the security headers, the connection kept."""

from __future__ import annotations

import http.client
import json

import pytest
from fastapi.testclient import TestClient

from claimgraph.query.filters import MAX_COUNT
from claimgraph.serve.app import SECURITY_HEADERS

LISTS = ["/api/documents", "/api/attributions", "/api/sources", "/api/events", "/api/places",
         "/api/stories", "/api/claims", "/api/relations"]
HUGE = "9223372036854775808"  # 2^63: past every 64-bit integer column


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("param", ["offset", "limit"])
def test_a_huge_number_is_a_bad_request_on_every_list(client, path, param):
    response = client.get(path, params={param: HUGE})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert param in response.json()["error"]["message"]


def test_a_huge_count_filter_is_a_bad_request(client):
    response = client.get("/api/sources", params={"min_claims": HUGE})
    assert response.status_code == 400
    assert "min_claims" in response.json()["error"]["message"]


@pytest.mark.parametrize("page", ["/", "/claims", "/sources", "/timeline"])
@pytest.mark.parametrize("offset", [HUGE, str(MAX_COUNT + 1)])
def test_a_huge_offset_on_a_page_is_a_bad_request(client, page, offset):
    assert client.get(page, params={"offset": offset}).status_code == 400


def crash(text, **kwargs):
    raise RuntimeError("secret internal detail")


def test_a_crash_carries_the_security_headers(client):
    client.app.state.analyses.analyzer = crash
    response = client.post("/api/analyze", json={"text": "Officials said nothing."})
    assert response.status_code == 500
    assert response.json()["error"] == {"code": "internal", "message": "internal server error"}
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value


def test_a_crash_is_answered_inside_the_app_not_raised_to_the_server(client):
    client.app.state.analyses.analyzer = crash
    strict = TestClient(client.app, raise_server_exceptions=True)  # raises what escapes the app
    assert strict.post("/api/analyze", json={"text": "Officials said nothing."}).status_code == 500


def test_a_crash_keeps_the_connection_alive(client):
    from tests.serve.live import live_server

    client.app.state.analyses.analyzer = crash
    with live_server(client.app) as (host, port):
        conn = http.client.HTTPConnection(host, port, timeout=10)
        conn.request("POST", "/api/analyze", body=json.dumps({"text": "Officials said nothing."}),
                     headers={"content-type": "application/json"})
        crashed = conn.getresponse()
        crashed.read()
        conn.request("GET", "/api/documents")  # the same socket
        after = conn.getresponse()
        assert (crashed.status, after.status) == (500, 200)
        assert crashed.getheader("connection") != "close"
        conn.close()
