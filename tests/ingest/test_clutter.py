"""Furniture lines leave the article body, one rule each; the lead and the metadata stay.

Each page is hand-written the way news sites write them: a headline, a lead, article
paragraphs, and one kind of clutter inside the article container, where trafilatura keeps it.
"""

from __future__ import annotations

from claimgraph.ingest.clutter import clean_body, is_call_to_action, is_link_line
from claimgraph.ingest.html import read_html_page

TITLE = "Council approves new bridge"
LEAD = ("The city council approved a new bridge over the river on Tuesday, ending a "
        "decade-long debate over the crossing that divided the town.")
PARAGRAPHS = [
    "The vote was seven to two, with the mayor saying the bridge would open in 2027 and cost "
    "about 40 million dollars, paid for mostly by a state grant.",
    "Opponents said the money would be better spent on repairing roads, and some residents "
    "who live near the river said they would go to court to stop the construction.",
    "The council will meet again next month to choose a builder from the three companies "
    "that have submitted offers, officials said in a statement after the meeting.",
]


def page(clutter: str, where: int = 1, head: str = "") -> str:
    paragraphs = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paragraphs.insert(where, clutter)
    return (
        f"<!doctype html><html><head><title>{TITLE}</title>"
        "<meta property='article:published_time' content='2019-11-19T10:00:00Z'>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{TITLE}</h1><p>{LEAD}</p>{''.join(paragraphs)}</article>"
        "<footer><p>Copyright 2019 The Daily Example</p></footer></body></html>"
    )


def body(html: str) -> str:
    return read_html_page(html, "page.html").text


def test_a_share_prompt_is_dropped_and_the_lead_kept() -> None:
    text = body(page("<p>Like this story? Share it with a friend!</p>"))
    assert "Share it with a friend" not in text
    assert text.startswith(LEAD)


def test_a_labelled_teaser_for_another_story_is_dropped() -> None:
    text = body(page("<p><strong>READ MORE:</strong> Mayor defends budget as critics "
                     "question the cost of the new stadium plans</p>"))
    assert "Mayor defends budget" not in text and PARAGRAPHS[0] in text


def test_a_newsletter_prompt_is_dropped() -> None:
    text = body(page("<p>Subscribe to our daily newsletter for the latest local news.</p>", 3))
    assert "newsletter" not in text and PARAGRAPHS[2] in text


def test_a_line_that_is_only_a_link_to_another_story_is_dropped() -> None:
    teaser = "<p><a href='/news/2'>Storm damage closes the old ferry for the winter</a> [VIDEO]</p>"
    text = body(page(teaser))
    assert "ferry" not in text and PARAGRAPHS[1] in text


def test_a_sentence_with_a_link_in_it_stays() -> None:
    sentence = ("<p>The plan follows a <a href='/report'>report by state engineers</a> that "
                "found the old crossing unsafe for heavy trucks last spring.</p>")
    assert "report by state engineers that found" in body(page(sentence))


def test_the_headline_repeated_above_the_lead_is_dropped_but_stays_the_title() -> None:
    doc = read_html_page(page(""), "page.html")
    assert not doc.text.startswith(TITLE) and doc.title == TITLE
    assert doc.published == "2019-11-19"


def test_a_kicker_above_the_repeated_headline_goes_with_it() -> None:
    text = clean_body(f"Analysis\n{TITLE}\n{LEAD}", title=TITLE)
    assert text == LEAD


def test_an_article_sentence_that_mentions_shares_is_not_a_call_to_action() -> None:
    assert not is_call_to_action("Shares of the company fell 5 percent on Monday.")
    assert not is_call_to_action("The mayor declined to comment on the vote.")


def test_a_shared_headline_is_a_call_to_action_only_when_short() -> None:
    assert is_call_to_action("Share this article")
    assert not is_call_to_action(
        "Readers were asked to share this article with neighbours before the vote, and many "
        "did so on the town's message boards over the weekend, officials said.")


def test_a_link_whose_text_is_an_address_is_content() -> None:
    assert clean_body(f"{LEAD}\nhttp://amzn.to/2iJFhRj", link_texts=["http://amzn.to/2iJFhRj"]) \
        == f"{LEAD}\nhttp://amzn.to/2iJFhRj"


def test_a_short_cited_source_in_brackets_is_not_a_link_line() -> None:
    assert not is_link_line("[The Verge]", ["the verge"])


def test_a_teaser_labelled_with_its_site_is_dropped() -> None:
    teaser = ("<p>Also on rt.com <a href='/news/3'>Defence ministers meet in Brussels as the "
              "alliance weighs new spending targets</a></p>")
    text = body(page(teaser))
    assert "Also on" not in text and "Defence ministers" not in text and PARAGRAPHS[0] in text


def test_a_sentence_about_a_website_is_not_a_site_teaser() -> None:
    assert not is_call_to_action("Also on the agenda was the new bridge, officials said.")
