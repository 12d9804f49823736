"""HTML pages: deep markup still gives its body; the date comes from metadata, a guess says so."""

from __future__ import annotations

import pytest

from claimgraph.errors import DocumentError
from claimgraph.ingest.html import HUGE_DEPTH_LIMIT, read_html_page

BODY = (
    "<p>Candidates are preparing for the 2016 general election, officials said on Tuesday, as "
    "the campaign season opened with a rally in the state capital attended by thousands.</p>"
    "<p>The governor said the 2016 general would be the most expensive race in the state's "
    "history, according to estimates released by the election board on Monday.</p>"
)


def page(head: str = "", body: str = BODY, depth: int = 0) -> str:
    return (
        f"<!doctype html><html><head><title>Race opens</title>{head}</head><body>"
        + "<div>" * depth + f"<article><h1>Race opens</h1>{body}</article>" + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [260, 1000])
def test_a_body_nested_deeper_than_libxml2s_default_limit_is_extracted(depth: int) -> None:
    doc = read_html_page(page(depth=depth), "deep.html")
    assert "2016 general election" in doc.text


def test_markup_deeper_than_the_parser_can_go_says_so() -> None:
    with pytest.raises(DocumentError) as caught:
        read_html_page(page(depth=HUGE_DEPTH_LIMIT + 500), "deeper.html")
    assert caught.value.code == "E108" and "nested more than 2,048 levels" in caught.value.reason


@pytest.mark.parametrize(
    "head",
    [
        "<meta property='article:published_time' content='2015-06-10T10:00:00Z'>",
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "datePublished": "2015-06-10T08:00:00Z"}</script>',
    ],
    ids=["meta", "json-ld"],
)
def test_the_date_comes_from_metadata_not_a_year_in_the_text(head: str) -> None:
    doc = read_html_page(page(head), "race.html")
    assert (doc.published, doc.published_guessed) == ("2015-06-10", False)


def test_a_time_element_dates_the_page() -> None:
    body = '<p><time datetime="2015-06-10">June 10, 2015</time></p>' + BODY
    doc = read_html_page(page(body=body), "race.html")
    assert (doc.published, doc.published_guessed) == ("2015-06-10", False)


def test_a_date_read_from_the_text_alone_is_marked_as_a_guess() -> None:
    doc = read_html_page(page(), "race.html")
    assert doc.published is not None and doc.published_guessed


def test_the_callers_date_beats_a_guess_from_the_text() -> None:
    doc = read_html_page(page(), "race.html", published="2015-06-10")
    assert (doc.published, doc.published_guessed) == ("2015-06-10", False)
