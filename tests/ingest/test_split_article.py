"""An article split over repeated containers (an ad or a paywall box between them) is read whole."""

from __future__ import annotations

from claimgraph.ingest.html import read_html_page

FIRST = [
    "Banks are racing to win younger customers with apps that promise no fees, early pay and "
    "friendly designs, and the money to build them keeps flowing from investors.",
    "The pitch is that a better app will fix a household's finances, an idea that has been "
    "tried before with other services that were cheap until they were not.",
    "The gig economy is a useful comparison: rides were cheap while investors paid for them, "
    "and prices rose once the companies had to show a profit to their shareholders.",
]
REST = [
    "The new banks may follow the same path, regulators said, and customers could be left "
    "stranded when a start-up runs out of money or is bought by a larger rival.",
    "None of this changes the wages that leave many households short at the end of the month, "
    "which no amount of friendly design or overdraft protection can make up for.",
    "Until that changes, critics said, the apps treat the symptoms of a problem they did not "
    "create and cannot solve, however convenient they make paying the bills.",
]


def chunk(paragraphs: list[str]) -> str:
    """One piece of the article, in the layout grid beside an (empty) ad rail."""
    return (
        "<div class='grid grid-margins grid-items-2 grid-layout--adrail narrow'>"
        "<div class='grid--item body body__container article__body grid-layout__content'>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</div><div class='grid--item grid-layout__aside'><div class='sticky-box'></div></div></div>"
    )


def page() -> str:
    return (
        "<!doctype html><html><head><title>The future of banking</title></head><body><article>"
        "<h1>The future of banking</h1><div class='article__chunks'>" + chunk(FIRST)
        + "<div class='row full-bleed-ad'><div class='ad'><span class='ad-label'>Advertisement"
        "</span></div></div>" + chunk(REST) + "</div></article></body></html>"
    )


def test_the_paragraphs_after_an_ad_break_are_kept_in_page_order() -> None:
    text = read_html_page(page(), "banking.html").text
    assert all(p in text for p in FIRST + REST)
    assert text.index(FIRST[1]) < text.index(REST[0]) < text.index(REST[-1])
    assert "newsletter" not in text


def test_a_short_box_sharing_the_articles_class_is_not_appended() -> None:
    teaser = "<div class='grid--item body body__container article__body grid-layout__content'>" \
        "<p>More from our reporters on money and banking this week.</p></div>"
    html = page().replace("</article>", teaser + "</article>")
    assert "More from our reporters" not in read_html_page(html, "banking.html").text
