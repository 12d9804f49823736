"""The UI in a real browser: Debian's chromium driven by Playwright against uvicorn on loopback.

Clicks through articles → article → source → timeline (and the claims explorer and map),
checks what each page shows, proves that markup inside an article never runs, and saves a
screenshot of each page: to a temporary folder in a test run, to docs/screenshots/ (the README's
pictures) only through ``make screenshots`` (see :mod:`tests.serve.screenshots`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimgraph.serve.app import create_app
from claimgraph.store import open_store
from tests.serve.corpus_samples import resolved_store
from tests.serve.live import live_server
from tests.serve.samples import sample_records, script_record
from tests.serve.screenshots import screenshot_dir

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """uvicorn serving a DuckDB file built from the hand-written sample records."""
    db = tmp_path_factory.mktemp("ui") / "ui.duckdb"
    with open_store(db) as store:
        for record in sample_records():
            store.add_record(record)
    with live_server(create_app(str(db))) as (host, port):
        yield f"http://{host}:{port}"


@pytest.fixture(scope="module")
def resolved_url(tmp_path_factory) -> Iterator[str]:
    """uvicorn over a DuckDB file holding a resolved corpus (``corpus_samples``): a wire report,
    its partner's copy and a local paper disputing its figure."""
    db = tmp_path_factory.mktemp("resolved") / "resolved.duckdb"
    resolved_store(str(db)).close()
    with live_server(create_app(str(db))) as (host, port):
        yield f"http://{host}:{port}"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return screenshot_dir(tmp_path_factory.mktemp("screenshots"), os.environ)


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("requestfailed", lambda req: errors.append(f"failed {req.url}"))
    yield pg
    context.close()
    assert errors == []


@pytest.fixture()
def shoot(page, shots) -> Callable[[str], None]:
    """Save the page as it is now under ``name``.png."""

    def take(name: str) -> None:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)

    return take


def test_article_source_timeline_walkthrough(page, base_url, shoot):
    page.goto(base_url + "/")
    assert page.locator("li.doc").count() == 3
    shoot("articles")

    page.get_by_role("link", name="Russian forces strike Kharkiv").click()
    page.wait_for_url("**/documents/*")
    assert page.locator("#doc-title").text_content() == "Russian forces strike Kharkiv"
    hedge = page.locator("#article-text .seg.k-hedge", has_text="reportedly")
    hedge.hover()
    details = page.locator("#details")
    assert details.is_visible()
    assert "hedge" in details.text_content()
    assert "claim by An unnamed Western official" in details.text_content()
    assert page.locator("#article-text .seg.k-place", has_text="Kursk").count() == 1
    shoot("article")

    page.locator("aside .source-link", has_text="An unnamed Western official").click()
    page.wait_for_url("**/sources/*")
    assert page.locator("#source-name").text_content() == "An unnamed Western official"
    assert page.locator("#source-anonymity").text_content().startswith("100%")
    assert "An unnamed Western official → Bloomberg" in page.locator(".via-chains").text_content()
    shoot("source")

    page.locator("#nav-timeline").click()
    page.wait_for_url("**/timeline")
    dates = page.locator("ol.timeline h2.date").all_text_contents()
    assert dates == sorted(dates) and dates[0] == "2024-08-05"
    assert page.locator("li.event .badge.etype").all_text_contents() == ["ASSAULT", "AGREE"]
    shoot("timeline")


def test_markup_in_an_article_never_runs(page, base_url):
    page.goto(f"{base_url}/documents/{script_record().id}")
    page.locator("#article-text .seg").first.hover()
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").text_content()
    assert "<script>" in page.locator("#doc-title").text_content()
    assert page.locator("#article-text script, #article-text img").count() == 0


def test_claims_explorer_filters(page, base_url, shoot):
    page.goto(base_url + "/claims")
    assert page.locator("li.claim").count() == 7
    page.select_option("select[name=anonymous]", "yes")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/claims?*anonymous=yes*")
    names = page.locator("li.claim .source-link").all_text_contents()
    assert sorted(names) == ["An unnamed Western official", "Egyptian mediators", "officials"]
    shoot("claims")


def test_map_draws_countries_and_a_dot_per_place(page, base_url, shoot):
    page.goto(base_url + "/map")
    page.wait_for_selector("#map-svg[data-ready='1']")
    assert page.locator("#map-svg path.land").count() > 150
    dots = page.locator("#map-svg circle.dot")
    assert sorted(d.get_attribute("data-name") for d in dots.all()) == [
        "Gaza", "Kharkiv", "Kursk", "Kyiv"]
    kyiv = page.locator("#map-svg circle.dot[data-name='Kyiv']")
    x, y = float(kyiv.get_attribute("cx")), float(kyiv.get_attribute("cy"))
    assert (x, y) == pytest.approx(((30.52 + 180) / 360 * 960, (90 - 50.45) / 180 * 480), abs=0.1)
    shoot("map")


def test_pasted_text_is_analysed_by_the_pipeline_and_annotated(page, base_url, shoot):
    page.goto(base_url + "/analyze")
    page.fill("textarea[name=text]",
              "The Ukrainian Defence Ministry said on Monday that Russian forces struck Kharkiv.")
    page.fill("input[name=published]", "2024-08-06")
    page.get_by_role("button", name="Analyse").click()
    page.wait_for_selector("#not-stored", timeout=120_000)
    assert page.locator("#article-text .seg.k-cue").all_text_contents() == ["said"]
    assert page.locator("#article-text .seg.k-source").count() >= 1
    shoot("analyze")


def test_story_and_claim_walkthrough(page, resolved_url, shoot):
    """Stories → a story (reports, events, claims, contradictions) → a claim across outlets."""
    page.goto(resolved_url + "/")
    page.locator("#nav-stories").click()
    page.wait_for_url("**/stories")
    page.get_by_role("link", name="Russian troops move towards Kursk").click()
    page.wait_for_url("**/stories/*")
    assert page.locator("#story-title").text_content() == "Russian troops move towards Kursk"
    assert page.locator("#story-reports .badge.copy").all_text_contents() == [
        "copy of Example Wire"]
    assert page.locator("#story-events .badge.etype").all_text_contents() == ["MOBILIZE"]
    figures = page.locator("#story-contradictions .figure").all_text_contents()
    assert figures == ["up to 3,000 troops", "about 1,000 troops"]
    sides = page.locator("#story-contradictions .side-of").all()
    assert sides[0].bounding_box()["x"] < sides[1].bounding_box()["x"]  # side by side
    shoot("story")

    page.locator("#story-claims a", has_text="3,000 troops").click()
    page.wait_for_url("**/claims/*")
    assert page.locator("#claim-independent").text_content() == "1"
    echoes = page.locator("#claim-echoes tbody tr")
    assert echoes.count() == 2
    assert "first" in echoes.nth(0).text_content()
    assert "Bloomberg" in echoes.nth(1).locator(".via").text_content()
    assert page.locator("#claim-spread rect.bar").count() == 2
    shoot("claim")


def test_markup_in_a_story_title_never_runs(page, resolved_url):
    page.goto(resolved_url + "/stories")
    page.get_by_role("link", name="Site defaced").click()
    page.wait_for_url("**/stories/*")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("#story-title").text_content().startswith("<script>")
