"""HTML pages: the article body through trafilatura, metadata from the page.

trafilatura removes navigation, ads and comments and reads title, date, author and site name
from the page's metadata. The record's ``text`` is the extracted body, so offsets index into
the body, not the markup. Two repairs follow trafilatura's body (both measured with
``claimgraph eval extraction``): an article split over repeated containers is read whole
(:mod:`claimgraph.ingest.split_article`), and furniture lines it let through (the headline
again, calls to action, teasers that are only a link) are dropped (:mod:`claimgraph.ingest.clutter`).

The publication date comes from the page's metadata (meta tags, JSON-LD, ``<time>``
elements, the URL); only a page with none is dated from its text, and that date is marked as a
guess (``Document.published_guessed``): a year in the text ("the 2016 general") is often not
the year of publication. A date given by the caller (``--published``) beats such a guess.

libxml2 gives up on markup nested more than 255 levels deep (its default) and the body is
lost; such a page is parsed again with libxml2's large-document option (2,048 levels), and a
page deeper still is refused with that reason rather than "no article body".
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from claimgraph.errors import DocumentError
from claimgraph.ingest.clutter import clean_body, link_texts
from claimgraph.ingest.document import Document, parse_published
from claimgraph.ingest.inline import tidy_paragraphs
from claimgraph.ingest.split_article import whole_article

#: libxml2's nesting limits: by default, and with XML_PARSE_HUGE (lxml's ``huge_tree``)
DEPTH_LIMIT = 255
HUGE_DEPTH_LIMIT = 2048

#: metadata only: htmldate's extensive search reads dates out of the text
_METADATA_DATES = {"original_date": True, "extensive_search": False}


def _extract(html: str | Any, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True,
        date_extraction_params=_METADATA_DATES,
    )


def _body(result: Any) -> str | None:
    body = getattr(result, "text", None) if result is not None else None
    return body if body and body.strip() else None


def _huge_tree(html: str) -> Any | None:
    """The page parsed with libxml2's deep-nesting limit, or None if lxml cannot read it."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return None


def _depth(tree: Any) -> int:
    """How deep the element tree goes (iteratively: a recursive walk would hit Python's limit)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def _deep_page(html: str, source: str, url: str | None) -> Any:
    """Extraction from a page too deep for the default parser, or a precise E108."""
    tree = _huge_tree(html)
    depth = _depth(tree) if tree is not None else 0
    if depth < DEPTH_LIMIT:
        return None  # not a depth problem: the page simply has no article body
    result = _extract(tree, url)
    if _body(result) is None and depth >= HUGE_DEPTH_LIMIT:
        raise DocumentError(
            "E108", source,
            f"HTML nested more than {HUGE_DEPTH_LIMIT:,} levels deep: the parser stops there",
        )
    return result


def _text_date(html: str) -> str | None:
    """A date read from the page's text by htmldate's extensive search: a guess."""
    from htmldate import find_date

    try:
        return find_date(html, original_date=True, extensive_search=True)  # type: ignore[no-any-return]
    except Exception:  # htmldate is best effort; a missing date is not an error
        return None


def read_html_page(html: str, source: str, published: str | None = None) -> Document:
    """The article in an HTML page; ``published`` dates a page whose metadata gives no date."""
    url = source if source.startswith("http") else None
    tree = _huge_tree(html)
    result = _extract(tidy_paragraphs(deepcopy(tree)) if tree is not None else html, url)
    if _body(result) is None:
        result = _deep_page(html, source, url) or result
    body = _body(result)
    if body is None:
        raise DocumentError("E108", source, "no article body could be extracted from the HTML")
    title = getattr(result, "title", None) or None
    if tree is not None:
        body = whole_article(tree, body) or body
    body = clean_body(body, title=title, link_texts=link_texts(tree)) or body
    date = parse_published(getattr(result, "date", None))
    guessed = False
    if date is None and published is None:
        date = parse_published(_text_date(html))
        guessed = date is not None
    return Document(
        text=body,
        source=source,
        published=date or published,
        published_guessed=guessed,
        title=title,
        outlet=getattr(result, "sitename", None) or None,
        url=getattr(result, "url", None) or url,
    )
