"""POST /api/analyze is bounded: large texts need the token, few analyses run at once (the rest
are refused at once), each in a worker process stopped at the time limit, and other requests
are answered while analyses run."""

from __future__ import annotations

import http.client
import json
import threading
import time

import pytest
from fastapi.testclient import TestClient

from claimgraph.errors import DocumentError
from claimgraph.record import Record
from claimgraph.serve.analyses import Analyses
from claimgraph.serve.api import Settings
from claimgraph.serve.app import create_app
from claimgraph.serve.database import memory_database
from claimgraph.serve.envelope import ApiError
from tests.serve import slow
from tests.serve.conftest import TOKEN
from tests.serve.live import live_server


def small_limit_app(analyzer, records):
    return create_app(None, token=TOKEN, database=memory_database(records), analyzer=analyzer,
                      settings=Settings(max_anonymous_bytes=100, max_body_bytes=2_000))


def test_a_large_text_needs_the_token(analyzer, records):
    client = TestClient(small_limit_app(analyzer, records))
    text = "Officials said the bridge would reopen. " * 4  # 160 bytes
    anonymous = client.post("/api/analyze", json={"text": text})
    assert anonymous.status_code == 413
    assert anonymous.json()["error"]["code"] == "too_large"
    assert "token" in anonymous.json()["error"]["message"]
    assert analyzer.calls == 0
    with_token = client.post("/api/analyze", json={"text": text},
                             headers={"authorization": f"Bearer {TOKEN}"})
    assert with_token.status_code == 200 and analyzer.calls == 1


def test_a_small_text_needs_no_token(analyzer, records):
    client = TestClient(small_limit_app(analyzer, records))
    assert client.post("/api/analyze", json={"text": "Police said."}).status_code == 200


def test_a_small_get_is_answered_while_an_analysis_runs(records):
    release = threading.Event()

    def busy(text, **kwargs):  # a core kept busy until the GET below has its answer
        deadline = time.monotonic() + 20
        while not release.is_set() and time.monotonic() < deadline:
            sum(range(1000))
        return Record(id="busy", source="api", published=None, text=text)

    app = create_app(None, database=memory_database(records), analyzer=busy)
    with live_server(app) as (host, port):
        analysing = http.client.HTTPConnection(host, port, timeout=30)
        analysing.request("POST", "/api/analyze", body=json.dumps({"text": "Police said."}),
                          headers={"content-type": "application/json"})
        time.sleep(0.3)  # the analysis is under way
        started = time.monotonic()
        fetch = http.client.HTTPConnection(host, port, timeout=30)
        fetch.request("GET", "/api/documents")
        status = fetch.getresponse().status
        waited = time.monotonic() - started
        release.set()
        assert analysing.getresponse().status == 200
    assert status == 200 and waited < 3


def test_a_text_over_the_time_limit_is_stopped_and_its_worker_replaced():
    analyses = Analyses(slow.spin, slots=1, seconds=1, processes=True)
    try:
        started = time.monotonic()
        with pytest.raises(ApiError) as info:
            analyses.run("60")
        assert (info.value.status, info.value.code) == (422, "timeout")
        assert time.monotonic() - started < 30  # not the 60 s the text asked for
        assert analyses.running == 0
        assert analyses.run("0").id == "spun"  # a fresh worker takes the next text
    finally:
        analyses.close()


def test_a_rejection_in_the_worker_comes_back_as_a_document_error():
    analyses = Analyses(slow.reject, slots=1, seconds=30, processes=True)
    try:
        with pytest.raises(DocumentError) as info:
            analyses.run("Police said.")
        assert (info.value.code, info.value.reason) == ("E110", "analysis failed: the parser gave up")
    finally:
        analyses.close()


def test_the_default_slots_are_the_cores():
    import os

    assert Settings().max_analyses == (os.cpu_count() or 1)


def test_a_worker_that_died_while_idle_is_replaced():
    analyses = Analyses(slow.spin, slots=1, seconds=30, processes=True)
    try:
        assert analyses.run("0").id == "spun"
        analyses._idle[0].process.kill()  # as the kernel's OOM killer would
        analyses._idle[0].process.join(5)
        assert analyses.run("0").id == "spun"
    finally:
        analyses.close()
