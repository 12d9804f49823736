"""Saved RSS and Atom feeds: each entry becomes a document with the feed's metadata."""

from __future__ import annotations

from pathlib import Path

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document
from claimgraph.ingest.feeds import read_feed, strip_html

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Kyiv Ledger</title><link>https://ledger.example</link>
<item><title>Strike on Odesa port</title><link>https://ledger.example/odesa</link>
<pubDate>Tue, 06 Aug 2024 21:30:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>Russian missiles hit the port of Odesa, the regional governor
said.</p><p>Officials said 3 people were injured &amp; 2 ships damaged.</p>
<script>track()</script>]]></content:encoded></item>
<item><title>Grain talks &amp; Turkey</title><link>https://ledger.example/grain</link>
<description>&lt;b&gt;Ankara&lt;/b&gt; said talks would resume, according to Reuters.</description>
</item>
<item><title>Empty</title><link>https://ledger.example/empty</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Border Watch</title>
<entry><title>Shelling near Belgorod</title><id>urn:1</id>
<link href="https://border.example/belgorod"/><updated>2024-03-02T08:00:00Z</updated>
<summary type="html">&lt;p&gt;The governor said shelling damaged two houses.&lt;/p&gt;</summary>
</entry></feed>"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_rss_entry_uses_full_content_without_markup(tmp_path: Path) -> None:
    doc = next(read_feed(_write(tmp_path, "ledger.rss", RSS)))
    assert isinstance(doc, Document)
    assert doc.text == (
        "Russian missiles hit the port of Odesa, the regional governor said.\n"
        "Officials said 3 people were injured & 2 ships damaged."
    )
    assert (doc.title, doc.outlet, doc.url, doc.published) == (
        "Strike on Odesa port", "Kyiv Ledger", "https://ledger.example/odesa", "2024-08-06"
    )
    assert doc.source == doc.url


def test_rss_entry_without_content_uses_summary_and_fallback_date(tmp_path: Path) -> None:
    items = list(read_feed(_write(tmp_path, "ledger.rss", RSS), published="2024-08-08"))
    grain = items[1]
    assert isinstance(grain, Document)
    assert grain.text == "Ankara said talks would resume, according to Reuters."
    assert grain.title == "Grain talks & Turkey"
    assert grain.published == "2024-08-08"


def test_entry_without_text_is_an_error_naming_its_link(tmp_path: Path) -> None:
    items = list(read_feed(_write(tmp_path, "ledger.rss", RSS)))
    assert isinstance(items[2], DocumentError)
    assert (items[2].code, items[2].source) == ("E103", "https://ledger.example/empty")


def test_atom_feed(tmp_path: Path) -> None:
    (doc,) = list(read_feed(_write(tmp_path, "border.atom", ATOM)))
    assert isinstance(doc, Document)
    assert doc.text == "The governor said shelling damaged two houses."
    assert (doc.outlet, doc.published, doc.url) == (
        "Border Watch", "2024-03-02", "https://border.example/belgorod"
    )


def test_not_a_feed(tmp_path: Path) -> None:
    (err,) = list(read_feed(_write(tmp_path, "notes.xml", "<notes><n>hello</n></notes>")))
    assert isinstance(err, DocumentError) and err.code == "E109"


def test_strip_html_keeps_paragraphs_as_lines() -> None:
    assert strip_html("<p>One&nbsp;two</p><p>three<br>four</p>") == "One two\nthree\nfour"


def test_an_entry_with_a_nul_character_is_refused_and_the_others_read(tmp_path: Path) -> None:
    damaged = RSS.replace("&lt;b&gt;Ankara", "\x00Ankara")  # feedparser lets the NUL through
    items = list(read_feed(_write(tmp_path, "ledger.rss", damaged)))
    refused = [i for i in items if isinstance(i, DocumentError) and i.code == "E104"]
    assert [e.source for e in refused] == ["https://ledger.example/grain"]
    assert isinstance(items[0], Document)
