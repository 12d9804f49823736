"""WARC archives: HTML and text responses become documents; the rest is passed over."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

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
