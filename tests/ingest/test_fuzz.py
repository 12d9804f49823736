"""Fuzzed readers: random bytes, cuts and flipped bytes of valid inputs never crash a reader.

Whatever a file holds, reading it yields documents or coded one-line errors, in order, and
nothing else: a broken input must not end a batch (``read_inputs`` is a generator, so an
exception would lose every file after it). One test per input format, each seeded with a
valid file of that format which hypothesis cuts short, splices random bytes into, or replaces.
"""

from __future__ import annotations

import tempfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.errors import CODES, DocumentError
from claimgraph.ingest import Document, read_path
from tests.ingest.test_feeds import ATOM, RSS
from tests.ingest.test_warc import ARTICLE, PLAIN

TEXT = "KYIV (Reuters) - Officials said “12 people” were evacuated on Tuesday — reportedly.\n\n"
JSONL = (
    '{"id": "a", "text": "Kyiv said 12 people left.", "published": "2024-08-13"}\n'
    '{"text": "Moscow denied it.", "url": "https://x.test/2", "title": "Denial"}\n'
)


def _warc(gzip: bool) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for uri, body, kind in (
        ("https://news.example/kursk", ARTICLE.encode(), "text/html; charset=utf-8"),
        ("https://news.example/brief.txt", PLAIN.encode(), "text/plain"),
    ):
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)
        )
    return out.getvalue()


SEEDS: dict[str, bytes] = {
    "article.txt": TEXT.encode(),
    "page.html": ARTICLE.encode(),
    "corpus.jsonl": JSONL.encode(),
    "crawl.warc.gz": _warc(gzip=True),
    "crawl.warc": _warc(gzip=False),
    "ledger.rss": RSS.encode(),
    "watch.atom": ATOM.encode(),
}


@st.composite
def damaged(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed cut short, with random bytes spliced in or written over, or random bytes alone."""
    kind = draw(st.sampled_from(["cut", "splice", "flip", "random"]))
    if kind == "random":
        return draw(st.binary(max_size=2_000))
    at = draw(st.integers(0, len(seed)))
    if kind == "cut":
        return seed[:at]
    noise = draw(st.binary(min_size=1, max_size=64))
    if kind == "splice":
        return seed[:at] + noise + seed[at:]
    return seed[:at] + noise + seed[at + len(noise):]


def _read(name: str, data: bytes) -> list[Document | DocumentError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_path(path))


@pytest.mark.parametrize("name", list(SEEDS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_damaged_input_gives_documents_or_coded_errors(name: str, data: st.DataObject) -> None:
    raw = data.draw(damaged(SEEDS[name]), label="bytes")
    for item in _read(name, raw):
        if isinstance(item, DocumentError):
            assert item.code in CODES and "\n" not in item.one_line()
        else:
            assert isinstance(item, Document)
            assert item.text.strip() and "\x00" not in item.text


@pytest.mark.parametrize("name", list(SEEDS))
def test_every_seed_reads_cleanly(name: str) -> None:
    """The fuzz starts from valid files: each gives documents (the feeds' empty entry aside)."""
    items = _read(name, SEEDS[name])
    assert any(isinstance(i, Document) for i in items)
    assert all(i.code == "E103" for i in items if isinstance(i, DocumentError))
