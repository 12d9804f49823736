"""WARC archives (web crawls, Common Crawl, ``wget --warc-file``): each HTML or plain-text
response becomes a ``Document`` whose ``url`` and ``source`` are the record's target URI.

Only ``response`` and ``resource`` records of type text/html, application/xhtml+xml or
text/plain are articles; requests, metadata, revisits and other content types (images,
scripts, stylesheets) are not inputs and are passed over. A response with an HTTP error status,
or a page with no article body, comes out as a ``DocumentError`` naming its URI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeAlias

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document

Item: TypeAlias = Document | DocumentError

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}


def _content_type(record) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    """(media type, charset) from the HTTP headers of a response, else the WARC header."""
    headers = record.http_headers
    raw = (headers.get_header("Content-Type") if headers else None) or record.rec_headers.get_header(
        "Content-Type"
    ) or ""
    parts = [p.strip() for p in raw.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return parts[0].lower(), charset


def _decode(body: bytes, charset: str | None, uri: str, *, lenient: bool) -> str:
    """Bytes to text: the declared charset, else UTF-8; HTML falls back to cp1252 (the web's
    de facto default), plain text must decode exactly (it is analysed verbatim)."""
    for encoding in (charset, "utf-8"):
        if not encoding:
            continue
        try:
            return body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    if lenient:
        return body.decode("cp1252", errors="replace")
    raise DocumentError("E106", uri, "not valid text in its declared charset or UTF-8")


def _document(record, published: str | None) -> Item | None:  # type: ignore[no-untyped-def]
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    media, charset = _content_type(record)
    if media not in HTML_TYPES and media not in TEXT_TYPES:
        return None
    source = uri or "<warc record without target URI>"
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return DocumentError("E108", source, f"HTTP status {status}: not an article")
    body = record.content_stream().read()
    if not body.strip():
        return DocumentError("E103", source, "response body is empty")
    try:
        if media in HTML_TYPES:
            from claimgraph.ingest.html import read_html_page

            doc = read_html_page(_decode(body, charset, source, lenient=True), source, published)
        else:
            text = _decode(body, charset, source, lenient=False)
            doc = Document(text=text, source=source, published=published)
    except DocumentError as err:
        return err
    doc.url = uri or doc.url
    return doc


def read_warc(path: str | Path, published: str | None = None) -> Iterator[Item]:
    """Every article in a WARC file (``.warc`` or ``.warc.gz``), in archive order.

    ``published`` is the date for pages whose metadata gives none.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    try:
        with open(path, "rb") as fh:
            valid = 0
            for record in ArchiveIterator(fh, arc2warc=True):
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                valid += record.rec_type == "warcinfo" or ":" in uri
                if record.rec_type not in ("response", "resource"):
                    continue
                item = _document(record, published)
                if item is not None:
                    yield item
            if not valid:
                yield DocumentError("E102", name, "not a WARC archive: no WARC records found")
    except FileNotFoundError:
        yield DocumentError("E101", name, "no such file or directory")
    except PermissionError:
        yield DocumentError("E102", name, "permission denied")
    except ArchiveLoadFailed as exc:
        yield DocumentError("E102", name, f"not a readable WARC archive: {exc}")
