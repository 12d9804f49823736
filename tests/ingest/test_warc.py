"""WARC archives: HTML and text responses become documents; the rest is passed over."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document
from claimgraph.ingest.warc import read_warc

ARTICLE = """<!doctype html><html><head><title>Drone strike hits Kursk depot</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-08-07T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Drone strike hits Kursk depot</h1>
<p>Ukrainian drones struck a fuel depot in the Kursk region overnight, the regional governor
said on Wednesday, adding that nobody was hurt in the attack on the facility.</p>
<p>Russia's Defence Ministry said its air defences had shot down 35 drones over several
regions, according to a statement published on Telegram early on Wednesday morning.</p>
</article><footer>Copyright Example News</footer></body></html>"""

PLAIN = "Officials said 12 people were evacuated from the village on Tuesday."


def _response(writer: WARCWriter, uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)
    )


def write_warc(path: Path, *, gzip: bool = True) -> Path:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        _response(writer, "https://news.example/kursk", ARTICLE.encode(), "text/html; charset=utf-8")
        _response(writer, "https://news.example/logo.png", b"\x89PNG....", "image/png")
        _response(writer, "https://news.example/brief.txt", PLAIN.encode(), "text/plain")
        _response(writer, "https://news.example/gone", b"<html>Not found</html>", "text/html",
                  status="404 Not Found")
        writer.write_record(
            writer.create_warc_record("https://news.example/kursk", "request",
                                      payload=BytesIO(b"GET /kursk HTTP/1.1\r\n\r\n"))
        )
    return path


def test_html_response_becomes_document_with_target_uri(tmp_path: Path) -> None:
    items = list(read_warc(write_warc(tmp_path / "crawl.warc.gz")))
    doc = items[0]
    assert isinstance(doc, Document)
    assert doc.url == doc.source == "https://news.example/kursk"
    assert "fuel depot in the Kursk region" in doc.text
    assert "Home | World" not in doc.text
    assert doc.published == "2024-08-07"


def test_plain_text_response_is_kept_verbatim(tmp_path: Path) -> None:
    items = list(read_warc(write_warc(tmp_path / "crawl.warc", gzip=False)))
    texts = [i for i in items if isinstance(i, Document) and i.url.endswith("brief.txt")]
    assert [d.text for d in texts] == [PLAIN]


def test_images_and_requests_are_not_inputs_but_http_errors_are_reported(tmp_path: Path) -> None:
    items = list(read_warc(write_warc(tmp_path / "crawl.warc.gz")))
    assert len(items) == 3
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert [(e.code, e.source) for e in errors] == [("E108", "https://news.example/gone")]
    assert "404" in errors[0].reason


def test_not_a_warc_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.warc"
    bad.write_text("this is not an archive\n")
    items = list(read_warc(bad))
    assert len(items) == 1 and isinstance(items[0], DocumentError)
    assert items[0].code == "E102"


# --- damaged archives: a record cut short or failing its digest is rejected, never stored ---

LONG = "<!doctype html><html><head><title>Storm</title></head><body><article><h1>Storm</h1>" + "".join(
    f"<p>Officials said on Tuesday that {7 * i} families had left the coastal village number {i} "
    f"before the storm reached the river mouth late on Monday night.</p>\n"
    for i in range(60)
) + "</article></body></html>"


def write_two_articles(path: Path, *, gzip: bool) -> tuple[Path, int]:
    """Two long article records; returns the path and the offset where the second begins."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        _response(writer, "https://news.example/storm-1", LONG.encode(), "text/html; charset=utf-8")
        second = fh.tell()
        _response(writer, "https://news.example/storm-2", LONG.encode(), "text/html; charset=utf-8")
    return path, second


def _cut(path: Path, size: int) -> Path:
    cut = path.with_name("cut-" + path.name)
    cut.write_bytes(path.read_bytes()[:size])
    return cut


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("where", [0.02, 0.1, 0.3, 0.6, 0.9, 0.995])
def test_an_archive_cut_inside_a_record_rejects_that_record_and_keeps_the_one_before(
    tmp_path: Path, gzip: bool, where: float
) -> None:
    path, second = write_two_articles(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    [whole] = [i for i in read_warc(path) if i.source.endswith("storm-1")]
    size = path.stat().st_size
    items = list(read_warc(_cut(path, second + int((size - second) * where))))
    assert isinstance(items[0], Document) and items[0].text == whole.text
    assert [(type(i).__name__, i.code) for i in items[1:]] == [("DocumentError", "E111")]


def test_the_reason_says_how_much_of_the_record_arrived(tmp_path: Path) -> None:
    path, second = write_two_articles(tmp_path / "crawl.warc", gzip=False)
    items = list(read_warc(_cut(path, second + 2000)))
    error = items[-1]
    assert isinstance(error, DocumentError) and error.source == "https://news.example/storm-2"
    assert "cut short" in error.reason and "(Content-Length)" in error.reason


def test_a_gzip_member_cut_before_its_trailer_is_rejected(tmp_path: Path) -> None:
    path, _ = write_two_articles(tmp_path / "crawl.warc.gz", gzip=True)
    items = list(read_warc(_cut(path, path.stat().st_size - 4)))  # the CRC-32 and size are gone
    assert isinstance(items[0], Document)
    assert isinstance(items[1], DocumentError) and items[1].code == "E111"
    assert "gzip member" in items[1].reason


def test_a_record_failing_its_payload_digest_is_rejected_and_the_next_one_read(tmp_path: Path) -> None:
    path, second = write_two_articles(tmp_path / "crawl.warc", gzip=False)
    data = bytearray(path.read_bytes())
    at = data.index(b"families", 0, second)
    data[at : at + 8] = b"FAMILIES"  # same length, so only the digests can tell
    path.write_bytes(bytes(data))
    items = list(read_warc(path))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("DocumentError", "https://news.example/storm-1"),
        ("Document", "https://news.example/storm-2"),
    ]
    assert items[0].code == "E111" and "digest" in items[0].reason
