"""WARC archives (web crawls, Common Crawl, ``wget --warc-file``): each HTML or plain-text
response becomes a ``Document`` whose ``url`` and ``source`` are the record's target URI.

Only ``response`` and ``resource`` records of type text/html, application/xhtml+xml or
text/plain are articles; requests, metadata, revisits and other content types (images,
scripts, stylesheets) are not inputs and are passed over. A response with an HTTP error status,
or a page with no article body, comes out as a ``DocumentError`` naming its URI.

A damaged record is never stored as if whole: an archive cut short (a download stopped, a disk
filled) still decompresses and parses up to the cut, so warcio hands over the first part of an
article without complaint. Each article record is therefore checked against its own
``Content-Length``, against its ``WARC-Block-Digest`` / ``WARC-Payload-Digest`` where it has them,
and, in a ``.warc.gz``, against the end of its gzip member (the trailer a complete member ends
with); a record that fails comes out as ``E111`` naming what is missing, and the records before
and after it are read as usual.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TypeAlias

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document, refuse_nul

Item: TypeAlias = Document | DocumentError

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
#: the WARC 1.1 record types: anything else is a header cut short ("WARC-Type: re")
RECORD_TYPES = {
    "warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
    "continuation",
}


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


def _damage(archive: Any, record: Any, fh: IO[bytes]) -> str | None:
    """Why ``record`` cannot be trusted whole, or None; reads the record to its end.

    Three checks, each catching a cut the others miss: the bytes of the block against
    ``Content-Length`` (an uncompressed archive cut mid-record), the digests the crawler wrote
    (a flipped byte; warcio compares them once the block is read through), and the gzip
    trailer of the last member (a ``.warc.gz`` cut after the text but before its checksum).
    """
    stream = record.raw_stream
    while stream.read(65536):
        pass
    missing = getattr(stream, "limit", 0)
    if missing:
        read = record.length - missing
        return f"record cut short: {read:,} of {record.length:,} bytes (Content-Length)"
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.problems:
        return f"record fails its digest ({checker.problems[0]})"
    archive.read_to_end()
    decompressor = getattr(archive.reader, "decompressor", None)
    at_end = fh.tell() >= os.fstat(fh.fileno()).st_size
    if decompressor is not None and at_end and not getattr(decompressor, "eof", True):
        return "gzip member cut short: the archive ends before the member's trailer"
    return None


def _document(archive: Any, record: Any, fh: IO[bytes], published: str | None) -> Item | None:
    """The article in one response or resource record; None when it is not an article.

    Damage is checked first, whatever the content type says: a record cut inside its HTTP
    headers has lost its Content-Type too.
    """
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    source = uri or "<warc record without target URI>"
    body = record.content_stream().read()
    damage = _damage(archive, record, fh)
    if damage:
        return DocumentError("E111", source, damage)
    media, charset = _content_type(record)
    if media not in HTML_TYPES and media not in TEXT_TYPES:
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return DocumentError("E108", source, f"HTTP status {status}: not an article")
    if not body.strip():
        return DocumentError("E103", source, "response body is empty")
    try:
        if media in HTML_TYPES:
            from claimgraph.ingest.html import read_html_page

            doc = read_html_page(_decode(body, charset, source, lenient=True), source, published)
        else:
            text = _decode(body, charset, source, lenient=False)
            refuse_nul(text, source)
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
    records = 0  # records read whole enough to parse: after one, a failure is damage
    try:
        with open(path, "rb") as fh:
            archive = ArchiveIterator(fh, arc2warc=True, check_digests=True)
            for record in archive:
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                records += record.rec_type == "warcinfo" or ":" in uri
                if record.rec_type not in RECORD_TYPES or record.length is None:  # a cut header
                    item = _unreadable(name, records, "a record's header is cut short")
                elif record.rec_type in ("response", "resource"):
                    item = _document(archive, record, fh, published)
                else:
                    continue
                records += isinstance(item, DocumentError)
                if item is not None:
                    yield item
            if not records:
                yield DocumentError("E102", name, "not a WARC archive: no WARC records found")
            elif archive.offset < os.fstat(fh.fileno()).st_size:
                why = f"the archive ends inside the header of the record after record {records}"
                yield DocumentError("E111", name, why)
    except FileNotFoundError:
        yield DocumentError("E101", name, "no such file or directory")
    except PermissionError:
        yield DocumentError("E102", name, "permission denied")
    except ArchiveLoadFailed as exc:
        yield _unreadable(name, records, str(exc))
    except Exception as exc:  # warcio meets a cut header with whatever error it hits first
        yield _unreadable(name, records, f"{type(exc).__name__}: {exc}")


def _unreadable(name: str, records: int, why: str) -> DocumentError:
    """The archive stops making sense: damage after good records, else not a WARC at all."""
    if records:
        return DocumentError("E111", name, f"archive damaged after record {records}: {why}")
    return DocumentError("E102", name, f"not a readable WARC archive: {why}")
