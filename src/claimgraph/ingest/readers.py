"""Read inputs (files, directories, stdin) into ``Document``s, one bad input never stopping the rest.

Every reader yields ``Document`` or ``DocumentError`` in input order: the caller decides how to
report an error, but nothing is dropped silently. Plain text is decoded as UTF-8 (UTF-16 or UTF-32 when it opens
with their byte-order mark) and kept character for character (no newline normalisation), so
offsets line up with outside gold annotations.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeAlias

from claimgraph.errors import ClaimgraphError, DocumentError
from claimgraph.ingest.document import Document, refuse_nul
from claimgraph.ingest.html import read_html_page
from claimgraph.record import publication_day

#: larger inputs are refused: a news article is kilobytes; megabytes means a wrong file
MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
#: byte-order marks of the encodings decoded besides UTF-8; UTF-32's come first, since the
#: little-endian UTF-32 mark begins with the UTF-16 one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

Item: TypeAlias = Document | DocumentError


def check_published_option(value: str | None) -> str | None:
    """Validate ``--published``: a wrong date is a usage error, not something to guess at."""
    if value is None:
        return None
    if len(value.strip()) != 10:
        raise ClaimgraphError("E002", f"--published must be YYYY-MM-DD, got {value!r}")
    try:
        return publication_day(value)
    except ValueError as exc:
        raise ClaimgraphError("E002", f"--{exc}") from None


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"] and len(suffixes) >= 2:
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def _decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8, or UTF-16/UTF-32 when a byte-order mark says so.

    A NUL anywhere (not only near the start) means binary: no text format uses it, and a
    store cannot keep it (PostgreSQL text refuses it). UTF-16 and UTF-32 are full of NUL
    bytes, so they are recognised by their mark first and checked for NUL characters after.
    """
    if not data.strip():
        raise DocumentError("E103", source, "input is empty")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and (at := data.find(b"\x00")) >= 0:
        raise DocumentError("E104", source, f"input looks binary (NUL byte at {at:,}), not text")
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        name = encoding.upper() if encoding else "UTF-8"
        mark = " (its byte-order mark says so)" if encoding else ""
        raise DocumentError(
            "E106", source, f"not valid {name}{mark} at byte {exc.start}: convert it to UTF-8 first"
        ) from None
    text = text.removeprefix("\ufeff")
    refuse_nul(text, source)
    if not text.strip():
        raise DocumentError("E103", source, "input is empty")
    return text


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                "E105", source, f"{size:,} bytes is over the {MAX_BYTES:,}-byte limit"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("E101", source, "no such file or directory") from None
    except PermissionError:
        raise DocumentError("E102", source, "permission denied") from None
    except IsADirectoryError:
        raise DocumentError("E102", source, "is a directory") from None
    except OSError as exc:
        raise DocumentError("E102", source, f"cannot read: {exc.strerror or exc}") from None


def read_text(data: bytes, source: str, published: str | None) -> Document:
    return Document(text=_decode(data, source), source=source, published=published)


def read_jsonl(data: bytes, source: str, published: str | None) -> Iterator[Item]:
    """One article a line: ``{"text", "id"?, "published"?, "url"?, "title"?, "outlet"?}``."""
    try:
        text = _decode(data, source)
    except DocumentError as err:
        yield err
        return
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{source}:{number}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocumentError("E107", where, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield DocumentError("E107", where, "a row must be an object with a string 'text'")
            continue
        if not row["text"].strip():
            yield DocumentError("E103", where, "'text' is empty")
            continue
        if "\x00" in row["text"]:
            yield DocumentError("E104", where, "'text' contains a NUL character: binary, not text")
            continue
        if len(row["text"].encode("utf-8", "surrogatepass")) > MAX_BYTES:
            yield DocumentError("E105", where, f"'text' is over the {MAX_BYTES:,}-byte limit")
            continue
        try:  # a date the row gives is the user's: a bad one refuses the row
            day = publication_day(row.get("published"))
        except ValueError as exc:
            yield DocumentError("E112", where, str(exc))
            continue
        yield Document(
            text=row["text"],
            source=where,
            id=str(row["id"]) if row.get("id") not in (None, "") else "",
            published=day or published,
            title=row.get("title") if isinstance(row.get("title"), str) else None,
            outlet=row.get("outlet") if isinstance(row.get("outlet"), str) else None,
            url=row.get("url") if isinstance(row.get("url"), str) else None,
        )


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_path(path: Path, published: str | None = None, *, source: str | None = None) -> Iterator[Item]:
    """Read one file by its kind (suffix, then content sniffing for HTML)."""
    source = source or str(path)
    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES or suffix in FEED_SUFFIXES:
        yield from _read_container(path, suffix, source, published)
        return
    try:
        data = _read_bytes(path, source)
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(data, source, published)
        elif suffix in HTML_SUFFIXES or _looks_like_html(data):
            yield read_html_page(_decode(data, source), source, published)
        else:
            yield read_text(data, source, published)
    except DocumentError as err:
        yield err


def _read_container(path: Path, suffix: str, source: str, published: str | None) -> Iterator[Item]:
    """WARC archives and saved RSS/Atom feeds hold many documents each."""
    try:
        if suffix in WARC_SUFFIXES:
            from claimgraph.ingest.warc import read_warc

            yield from read_warc(path, published)
        else:
            from claimgraph.ingest.feeds import read_feed

            yield from read_feed(path, published)
    except ImportError:
        yield DocumentError("E109", source, f"reading {suffix} files is not available in this build")
    except DocumentError as err:
        yield err
    except Exception as exc:  # a broken archive must not end the batch
        yield DocumentError("E102", source, f"cannot read {suffix} file: {exc}")


def _walk(directory: Path) -> Iterator[Path]:
    """Every non-hidden file below ``directory``, in a stable (sorted) order."""
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            yield path


def read_inputs(
    paths: Iterable[str | Path], published: str | None = None, *, stdin: bytes | None = None
) -> Iterator[Item]:
    """Read every input named on the command line: files, directories (recursively), ``-``."""
    for raw in paths:
        name = str(raw)
        if name == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
            try:
                if len(data) > MAX_BYTES:
                    raise DocumentError("E105", "-", f"stdin is over the {MAX_BYTES:,}-byte limit")
                if _looks_like_html(data):
                    yield read_html_page(_decode(data, "-"), "-", published)
                else:
                    yield read_text(data, "-", published)
            except DocumentError as err:
                yield err
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk(path):
                yield from read_path(file, published)
        elif path.exists():
            yield from read_path(path, published, source=name)
        else:
            yield DocumentError("E101", name, "no such file or directory")
