"""HTML pages: the article body through trafilatura, metadata from the page.

trafilatura removes navigation, ads and comments and reads title, date, author and site name
from the page's metadata; when the page has no date metadata htmldate looks harder (URL, text).
The record's ``text`` is the extracted body, so offsets index into the body, not the markup.
"""

from __future__ import annotations

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document, parse_published


def read_html_page(html: str, source: str, published: str | None = None) -> Document:
    import trafilatura
    from htmldate import find_date

    result = trafilatura.bare_extraction(
        html, url=source if source.startswith("http") else None, with_metadata=True,
        include_comments=False, favor_precision=True,
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body or not body.strip():
        raise DocumentError("E108", source, "no article body could be extracted from the HTML")
    date = getattr(result, "date", None)
    if not date:
        try:
            date = find_date(html, original_date=True, extensive_search=True)
        except Exception:  # htmldate is best effort; a missing date is not an error
            date = None
    return Document(
        text=body,
        source=source,
        published=parse_published(date) or published,
        title=getattr(result, "title", None) or None,
        outlet=getattr(result, "sitename", None) or None,
        url=getattr(result, "url", None) or (source if source.startswith("http") else None),
    )
