"""The pages across documents: the stories list, a story (its reports with copies marked, what
happened in date order, its claims by independent sources, contradictions side by side) and a
claim across outlets (first report, who carried it through which chain, its spread)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.serve.corpus_samples import resolved_client


@pytest.fixture()
def ui() -> TestClient:
    return resolved_client()


def page(ui: TestClient, path: str) -> str:
    response = ui.get(path)
    assert response.status_code == 200, response.text
    return response.text


def link_to(html: str, prefix: str) -> str:
    return re.search(rf'href="({prefix}[^"]+)"', html).group(1)


def text_of(html: str, element_id: str) -> str:
    """The words inside the element with this id (tags dropped, spaces squeezed)."""
    inner = re.search(rf'id="{element_id}"[^>]*>(.*?)</(table|ul|ol|dd|h1)>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", inner).split())


def story_page(ui: TestClient) -> str:
    return page(ui, link_to(page(ui, "/stories?q=Kursk"), "/stories/"))


def test_the_stories_list_links_each_story_with_its_counts(ui):
    html = page(ui, "/stories")
    assert "Russian troops move towards Kursk" in html
    assert "3</td><td>1</td><td>2</td><td>1</td>" in html  # reports, events, claims, disputes


def test_a_story_marks_the_republished_copy(ui):
    reports = text_of(story_page(ui), "story-reports")
    assert "Partner Daily · 2024-08-07 copy of Example Wire" in reports


def test_a_story_tells_what_happened_in_date_order(ui):
    events = text_of(story_page(ui), "story-events")
    assert events.startswith("2024-08-06 MOBILIZE moved (Example Wire) , moved (Kursk Courier)")


def test_a_story_counts_independent_sources_of_each_claim(ui):
    claims = text_of(story_page(ui), "story-claims")
    assert "Moscow had reportedly moved up to 3,000 troops towards Kursk (anonymous) 1 2" in claims


def test_a_story_shows_a_contradiction_side_by_side(ui):
    dispute = text_of(story_page(ui), "story-contradictions")
    assert re.search(r"up to 3,000 troops .* vs .* about 1,000 troops", dispute)
    assert "via Bloomberg" in dispute


def test_a_claim_names_its_first_report_and_everyone_who_carried_it(ui):
    html = page(ui, link_to(story_page(ui), "/claims/"))
    assert "Example Wire · 2024-08-06" in text_of(html, "claim-first")
    echoes = text_of(html, "claim-echoes")
    assert re.search(r"2024-08-06 Example Wire .* Bloomberg first", echoes)
    assert re.search(r"2024-08-07 Partner Daily .* Bloomberg copy of Example Wire", echoes)


def test_a_claim_shows_its_spread_over_days_and_outlets(ui):
    html = page(ui, link_to(story_page(ui), "/claims/"))
    assert html.count('class="bar"') == 2  # two days
    assert text_of(html, "claim-outlets") == (
        "Example Wire 1 from 2024-08-06 Partner Daily 1 from 2024-08-07")


def test_markup_in_a_story_title_is_shown_as_text(ui):
    html = page(ui, "/stories")
    assert "<script>window.__pwned = 4" not in html
    assert "&lt;script&gt;window.__pwned = 4&lt;/script&gt;Site defaced" in html


@pytest.mark.parametrize("path", ["/stories/story:nothing", "/claims/claim:nothing"])
def test_an_unknown_story_or_claim_is_a_404_page(ui, path):
    response = ui.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_the_claims_explorer_still_lists_each_reports_wording(ui):
    html = page(ui, "/claims")
    assert "Moscow moved about 1,000 troops towards Kursk" in html
