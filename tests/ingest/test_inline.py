"""Markup inside a paragraph does not spoil its sentence: pop-ups out, wrapper spans unwrapped."""

from __future__ import annotations

from claimgraph.ingest.html import read_html_page

REST = (
    "<p>The man admitted in federal court that he had called the office several times in "
    "March and left messages threatening violence, prosecutors said in a statement.</p>"
    "<p>He faces up to ten years in prison when he is sentenced in the spring, and his lawyer "
    "said he regretted the calls and had sought treatment since his arrest.</p>"
)


def page(lead: str) -> str:
    return ("<!doctype html><html><head><title>Man pleads guilty</title></head><body><article>"
            f"<h1>Man pleads guilty</h1><p>{lead}</p>{REST}</article></body></html>")


def test_a_hover_card_of_links_inside_a_name_is_not_glued_into_the_sentence() -> None:
    card = (
        "<span class='rollover-people'><a href='/people/jane-roe'>Jane Roe</a>"
        "<span class='rollover-block'><span><img src='roe.jpg'>"
        "<a href='/people/jane-roe'>Jane Roe</a>"
        "<a href='/1'>Budget talks stall as deadline nears</a> "
        "<a href='/2'>Roe asks court for compassion in sentencing</a> "
        "<a href='/3'>Senators call for new security coordinator</a></span></span></span>"
    )
    text = read_html_page(page(f"A man pleaded guilty to threatening to kill Rep. {card} "
                               "(D-Minn.), the prosecutor's office said on Monday."), "p.html").text
    assert "kill Rep. Jane Roe (D-Minn.), the prosecutor's office said" in text
    assert "Budget talks" not in text


def test_a_link_wrapped_in_a_classed_span_keeps_its_words() -> None:
    lead = ("Reporters have learned that <span class='link'><a href='/fine'>the league will fine "
            "the quarterback</a></span> for his role in the fight on Thursday night.")
    text = read_html_page(page(lead), "p.html").text
    assert "learned that the league will fine the quarterback for his role" in text
