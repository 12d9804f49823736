"""The server-rendered UI: what each page shows, and that article text can never inject markup."""

from __future__ import annotations

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient

from claimgraph.serve.app import create_app
from claimgraph.serve.database import memory_database
from tests.serve.samples import script_record


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def source_id(client, name: str) -> str:
    items = client.get("/api/sources", params={"q": name}).json()["data"]
    return next(s["id"] for s in items if s["name"] == name)


# --- escaping ------------------------------------------------------------------------------

def test_markup_in_an_article_is_shown_as_text(client):
    html = page(client, f"/documents/{script_record().id}")
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html


def test_markup_in_title_and_outlet_is_escaped_everywhere(client):
    for path in ("/", "/claims", f"/documents/{script_record().id}", "/timeline"):
        html = page(client, path)
        assert "<script>window.__pwned" not in html
        assert "<b>Wire</b>" not in html


def test_only_web_links_are_rendered_as_links(client):
    html = page(client, f"/documents/{script_record().id}")
    assert "javascript:" not in html


def test_annotation_data_for_scripts_cannot_close_its_script_tag(client):
    html = page(client, f"/documents/{script_record().id}")
    blob = re.search(r'<script type="application/json" id="annotations">(.*?)</script>', html, re.S)
    assert blob is not None
    assert "<" not in blob.group(1)


# --- what the pages show -------------------------------------------------------------------

def test_article_highlights_source_cue_content_hedges_and_more(client, records):
    html = page(client, f"/documents/{records[0].id}")
    for kind, words in [("source", "An unnamed Western official"), ("cue", "told"),
                        ("hedge", "reportedly"), ("via", "Bloomberg"), ("time", "Monday"),
                        ("place", "Kursk"), ("event", "struck")]:
        assert re.search(rf'<span class="seg[^"]*\bk-{kind}\b[^"]*"[^>]*>{words}</span>', html), kind
    assert re.search(r'class="seg[^"]*k-quantity[^"]*"[^>]*> 3,000 troops</span>', html)


def test_article_links_each_claim_to_its_source_page(client, records):
    html = page(client, f"/documents/{records[0].id}")
    sid = source_id(client, "An unnamed Western official")
    assert f'href="/sources/{sid}"' in html
    assert 'id="a-' + records[0].attributions[1].id + '"' in html


def test_source_page_shows_claims_via_chain_and_anonymity(client):
    html = page(client, f"/sources/{source_id(client, 'An unnamed Western official')}")
    assert 'id="source-anonymity">100% of claims' in html
    assert "Moscow had reportedly moved up to 3,000 troops towards Kursk" in html
    assert "An unnamed Western official → Bloomberg" in html


def test_an_intermediary_page_lists_the_claims_it_relayed(client):
    html = page(client, f"/sources/{source_id(client, 'Bloomberg')}")
    assert 'id="relayed-claim-list"' in html
    assert "Moscow had reportedly moved" in html


def test_claims_explorer_filters_anonymous_sources(client):
    html = page(client, "/claims?anonymous=yes")
    assert "Egyptian mediators" in html and "An unnamed Western official" in html
    assert "Volodymyr Zelensky" not in html


def test_timeline_lists_events_by_date(client):
    html = page(client, "/timeline")
    assert html.index("2024-08-05") < html.index("2024-08-07")
    assert "ASSAULT" in html and "AGREE" in html


def test_map_page_uses_only_bundled_scripts(client):
    html = page(client, "/map")
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert client.get("/static/vendor/countries-110m.json").json()["type"] == "Topology"
    assert client.get("/static/vendor/topojson-client.min.js").status_code == 200


def test_unknown_document_gives_an_html_404(client):
    response = client.get("/documents/no-such-id")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no document with id" in response.text


@pytest.mark.parametrize("path", ["/", "/claims", "/sources", "/timeline", "/map", "/analyze"])
def test_every_page_has_the_navigation(client, path):
    html = page(client, path)
    for nav in ("nav-articles", "nav-claims", "nav-sources", "nav-timeline", "nav-map",
                "nav-analyze"):
        assert f'id="{nav}"' in html


def test_pages_forbid_inline_and_foreign_scripts(client, records):
    response = client.get(f"/documents/{records[0].id}")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_claims_explorer_filters_by_outlet_and_dates(client):
    html = page(client, "/claims?outlet=other+times&since=2024-08-08")
    assert "Egyptian mediators" in html and "Volodymyr Zelensky" not in html
    assert client.get("/claims?since=yesterday").status_code == 400


def test_pasted_text_is_analysed_shown_escaped_and_not_stored(client, analyzer):
    response = client.post("/analyze", data={"text": "Police said <script>x()</script>.",
                                             "published": ""})
    assert response.status_code == 200 and analyzer.calls == 1
    assert 'id="not-stored"' in response.text
    assert "&lt;script&gt;x()&lt;/script&gt;" in response.text and "<script>x()" not in response.text
    assert client.get("/api/documents").json()["meta"]["total"] == 3


def test_the_analyse_form_explains_a_bad_date(client, analyzer):
    response = client.post("/analyze", data={"text": "Police said.", "published": "Monday"})
    assert response.status_code == 400 and 'id="form-error"' in response.text
    assert "Police said." in response.text and analyzer.calls == 0


def test_timeline_strip_has_a_bar_per_day_scaled_by_events(client):
    html = page(client, "/timeline")
    bars = re.findall(r'<rect class="bar" x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="([\d.]+)" data-day="([\d-]+)"', html)
    assert [(day, float(x)) for x, _, day in bars] == [("2024-08-05", 148.0), ("2024-08-07", 788.0)]
    assert {float(h) for _, h, _ in bars} == {60.0}


def test_timeline_filters_by_date(client):
    html = page(client, "/timeline?since=2024-08-06&until=&type=")
    assert re.findall(r'class="badge etype">(\w+)<', html) == ["AGREE"]


def test_claims_of_an_unstored_analysis_do_not_link_to_source_pages(client):
    client.app.state.analyses.analyzer = lambda text, **kw: script_record()
    html = client.post("/analyze", data={"text": "anything"}).text
    assert 'id="not-stored"' in html and 'href="/sources/' not in html


def test_timeline_leaves_out_a_future_event_unless_asked(records):
    for record in records:
        record.events = [dataclasses.replace(e, tense="future") if e.type == "AGREE" else e
                         for e in record.events]
    client = TestClient(create_app(None, database=memory_database(records)))
    assert "AGREE" not in re.findall(r'class="badge etype">(\w+)<', page(client, "/timeline"))
    html = page(client, "/timeline?any_factuality=true")
    assert "AGREE" in re.findall(r'class="badge etype">(\w+)<', html)
    assert 'class="badge factuality">future<' in html
