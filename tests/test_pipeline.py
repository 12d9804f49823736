"""Ingest (``claimgraph.pipeline``) into both backends: every input stored or rejected, reruns
change nothing, an interrupted run resumes without duplicates or loss."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from claimgraph.analyze import analyze_documents
from claimgraph.ingest import read_inputs
from claimgraph.pipeline import IngestStats, ingest
from claimgraph.store import Store
from claimgraph.store.rows import COLUMNS

ARTICLES = [
    "Russian forces shelled the town of Vovchansk overnight, the regional governor said on "
    "Monday, adding that two civilians were wounded.",
    "The Finnish government said on Thursday it would close the border crossing with Russia "
    "for another two weeks, citing a surge of asylum seekers.",
    "Israeli officials told reporters that 40 aid trucks had entered Gaza through the Kerem "
    "Shalom crossing, according to the Associated Press.",
    "Kenya's interior minister said police would be deployed to Haiti by the end of the month.",
]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of news inputs: two text files, a JSON Lines corpus with one bad row, a feed,
    an empty file and a binary file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "vovchansk.txt").write_text(ARTICLES[0], encoding="utf-8")
    (folder / "finland.txt").write_text(ARTICLES[1], encoding="utf-8")
    rows = [
        {"id": "gaza-1", "text": ARTICLES[2], "published": "2024-03-05", "outlet": "Wire"},
        {"title": "no text here"},
        {"id": "haiti-1", "text": ARTICLES[3], "published": "2024-05-20"},
    ]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (folder / "ledger.rss").write_text(RSS, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\x00\x00\x00binary")
    return folder


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kyiv Ledger</title>
<item><title>Strike on Odesa port</title><link>https://ledger.example/odesa</link>
<pubDate>Tue, 06 Aug 2024 21:30:00 GMT</pubDate>
<description>&lt;p&gt;Russian missiles hit the port of Odesa, the regional governor
said.&lt;/p&gt;</description></item>
<item><title>Grain talks</title><link>https://ledger.example/grain</link>
<description>Ankara said talks would resume, according to Reuters.</description></item>
<item><title>Empty</title><link>https://ledger.example/empty</link><description></description></item>
</channel></rss>"""

EXPECTED_STORED = 6  # two texts, two JSONL rows, two feed entries with text
EXPECTED_REJECTED = {"E107", "E103", "E104"}  # bad JSONL row, empty file and feed entry, binary


def table_counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in [*COLUMNS, "rejected"]}


def test_every_input_is_stored_or_rejected(store: Store, inputs: Path, nlp) -> None:
    stats = ingest([inputs], store, nlp=nlp)
    assert stats.stored == EXPECTED_STORED == store.count("documents")
    assert stats.read == stats.stored + stats.rejected
    rejected = store.rejected()
    assert len(rejected) == stats.rejected == 4
    assert {r["code"] for r in rejected} == EXPECTED_REJECTED
    assert any(r["input"].endswith("wire.jsonl:2") for r in rejected)
    assert all(r["reason"] for r in rejected)


def test_stored_records_equal_the_analysis(store: Store, inputs: Path, nlp) -> None:
    ingest([inputs], store, nlp=nlp)
    for record in analyze_documents(read_inputs([inputs]), nlp):
        if hasattr(record, "text"):
            assert store.get_record(record.id) == record


def test_feed_entries_keep_outlet_and_link(store: Store, inputs: Path, nlp) -> None:
    ingest([inputs / "ledger.rss"], store, nlp=nlp)
    rows = store.query("SELECT outlet, url FROM documents ORDER BY url")
    assert [(r["outlet"], r["url"]) for r in rows] == [
        ("Kyiv Ledger", "https://ledger.example/grain"),
        ("Kyiv Ledger", "https://ledger.example/odesa"),
    ]


def test_ingesting_again_changes_nothing_and_analyses_nothing(
    store: Store, inputs: Path, nlp, monkeypatch
) -> None:
    ingest([inputs], store, nlp=nlp)
    before = table_counts(store)
    analysed: list[str] = []
    import claimgraph.analyze

    real = claimgraph.analyze.analyze_documents

    def spy(items, *args, **kwargs):  # type: ignore[no-untyped-def]
        items = list(items)
        analysed.extend(d.id for d in items)
        return real(items, *args, **kwargs)

    monkeypatch.setattr(claimgraph.analyze, "analyze_documents", spy)
    stats = ingest([inputs], store, nlp=nlp)
    assert (stats.stored, stats.skipped) == (0, EXPECTED_STORED)
    assert analysed == []
    assert table_counts(store) == before


def test_interrupted_ingest_resumes_without_duplicates_or_loss(
    store: Store, inputs: Path, nlp, monkeypatch
) -> None:
    real = store.add_records
    calls = {"n": 0}

    def crash_on_second_batch(records, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(records, **kwargs)

    monkeypatch.setattr(store, "add_records", crash_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        ingest([inputs], store, nlp=nlp, batch_size=2)
    done = store.count("documents")
    assert 0 < done < EXPECTED_STORED
    monkeypatch.setattr(store, "add_records", real)
    stats = ingest([inputs], store, nlp=nlp, batch_size=2)
    assert stats.skipped == done and stats.stored == EXPECTED_STORED - done
    ids = store.query("SELECT id FROM documents")
    assert len(ids) == len({r["id"] for r in ids}) == EXPECTED_STORED
    fresh = {r.id: r for r in analyze_documents(read_inputs([inputs]), nlp) if hasattr(r, "text")}
    for document_id, record in fresh.items():
        assert store.get_record(document_id) == record


def test_duplicate_article_in_one_run_is_stored_once(store: Store, tmp_path: Path, nlp) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (tmp_path / "copy-of-a.txt").write_text(ARTICLES[0], encoding="utf-8")
    stats = ingest([tmp_path], store, nlp=nlp)
    assert (stats.stored, stats.skipped) == (1, 1)


def test_ingest_opens_a_db_url(db_url: str, inputs: Path, nlp) -> None:
    stats = ingest([inputs / "finland.txt"], db_url, nlp=nlp)
    assert stats.stored == 1
    again = ingest([inputs / "finland.txt"], db_url, nlp=nlp)
    assert (again.stored, again.skipped) == (0, 1)


def test_ready_documents_are_ingested_as_given(store: Store, nlp) -> None:
    from claimgraph.ingest.document import Document

    doc = Document(text=ARTICLES[3], source="api", published="2024-05-20", outlet="Wire")
    stats = ingest([doc], store, nlp=nlp)
    assert stats.stored == 1
    record = store.get_record(doc.id)
    assert record is not None and (record.source, record.outlet) == ("api", "Wire")


def test_warc_pages_are_stored_and_http_errors_rejected(store: Store, tmp_path: Path, nlp) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        "<html><head><title>Port strike</title></head><body><article><p>"
        + ARTICLES[0] + " " + ARTICLES[1] + "</p></article></body></html>"
    )
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, status, body in [("https://news.example/vovchansk", "200 OK", page),
                                  ("https://news.example/missing", "404 Not Found", "gone")]:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=BytesIO(body.encode()), http_headers=headers))
    stats = ingest([path], store, nlp=nlp)
    assert (stats.stored, stats.rejected) == (1, 1)
    (doc,) = store.query("SELECT url, text FROM documents")
    assert doc["url"] == "https://news.example/vovchansk" and "Vovchansk" in doc["text"]
    assert [(r["input"], r["code"]) for r in store.rejected()] == [
        ("https://news.example/missing", "E108")
    ]


def test_reanalyse_replaces_stored_documents_without_duplicates(
    store: Store, inputs: Path, nlp
) -> None:
    ingest([inputs], store, nlp=nlp)
    before = table_counts(store)
    stats = ingest([inputs], store, nlp=nlp, reanalyse=True)
    assert (stats.stored, stats.skipped) == (EXPECTED_STORED, 0)
    assert table_counts(store) == before


def test_progress_is_told_the_running_counts_as_they_grow(
    store: Store, inputs: Path, nlp
) -> None:
    seen: list[tuple[int, int, int]] = []

    def progress(stats: IngestStats) -> None:
        seen.append((stats.read, stats.stored, stats.rejected))

    ingest([inputs], store, nlp=nlp, batch_size=4, progress=progress)
    assert seen == sorted(seen) and len(seen) > 2  # counts only grow, told along the way
    stored = [s for _, s, _ in seen]
    assert all(0 <= b - a <= 4 for a, b in pairwise(stored))  # one batch at a time
    assert seen[-1] == (10, EXPECTED_STORED, 4)


def test_analysis_is_one_stream_across_store_batches(
    store: Store, inputs: Path, nlp, monkeypatch
) -> None:
    """Worker processes are fed without a pause at each store batch: one analysis stream."""
    import claimgraph.analyze as analyze

    real = analyze.analyze_documents
    calls = []

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs.get("batch_size"))
        return real(*args, **kwargs)

    monkeypatch.setattr(analyze, "analyze_documents", counting)
    stats = ingest([inputs], store, nlp=nlp, batch_size=2)
    assert stats.stored == EXPECTED_STORED > 2
    assert calls == [2]


def test_store_document_keeps_the_documents_identity_and_metadata(store: Store) -> None:
    from claimgraph.ingest.document import Document
    from claimgraph.pipeline import store_document
    from claimgraph.record import Record

    doc = Document(text=ARTICLES[3], source="api", id="haiti-1", title="Haiti mission",
                   outlet="Wire", url="https://wire.example/haiti")

    def analyse(d: Document) -> Record:  # an analyser that knows only the text
        return Record(id="text-hash", source="<text>", published=None, text=d.text)

    record, created = store_document(doc, analyse=analyse, add=store.add_record)
    assert created
    stored = store.get_record("haiti-1")
    assert stored == record
    assert (stored.source, stored.title, stored.outlet, stored.url) == (
        "api", "Haiti mission", "Wire", "https://wire.example/haiti")
    assert store_document(doc, analyse=analyse, add=store.add_record)[1] is False


@pytest.fixture
def failing_haiti(monkeypatch):  # type: ignore[no-untyped-def]
    """Analysis fails for the Haiti article (as spaCy's E088 did for over-long texts); every
    document handed to analysis is listed in the returned list."""
    import claimgraph.analyze
    from claimgraph.errors import DocumentError

    real = claimgraph.analyze.analyze_documents
    analysed: list[str] = []

    def fail_haiti(items, *args, **kwargs):  # type: ignore[no-untyped-def]
        items = list(items)
        analysed.extend(d.text for d in items)
        ok = iter(real([d for d in items if "Haiti" not in d.text], *args, **kwargs))
        for d in items:
            yield (DocumentError("E110", d.source, "analysis failed: boom") if "Haiti" in d.text
                   else next(ok))

    monkeypatch.setattr(claimgraph.analyze, "analyze_documents", fail_haiti)
    return analysed


def test_a_document_rejected_before_is_skipped_without_analysis(
    store: Store, tmp_path: Path, nlp, failing_haiti: list[str]
) -> None:
    folder = tmp_path / "in"  # not the folder of the DuckDB file
    folder.mkdir()
    (folder / "haiti.txt").write_text(ARTICLES[3], encoding="utf-8")
    (folder / "finland.txt").write_text(ARTICLES[1], encoding="utf-8")
    first = ingest([folder], store, nlp=nlp)
    assert (first.stored, first.rejected, first.rejected_before) == (1, 1, 0)
    failing_haiti.clear()
    (folder / "copy-of-haiti.txt").write_text(ARTICLES[3], encoding="utf-8")
    again = ingest([folder], store, nlp=nlp)
    assert (again.stored, again.skipped, again.rejected, again.rejected_before) == (0, 1, 0, 2)
    assert failing_haiti == []  # the same content under another name is not analysed either
    assert [r["code"] for r in store.rejected()] == ["E110"]


def test_retry_rejected_analyses_a_rejected_document_again(
    store: Store, tmp_path: Path, nlp, failing_haiti: list[str], monkeypatch
) -> None:
    import claimgraph.analyze

    folder = tmp_path / "in"  # not the folder of the DuckDB file
    folder.mkdir()
    (folder / "haiti.txt").write_text(ARTICLES[3], encoding="utf-8")
    ingest([folder], store, nlp=nlp)
    monkeypatch.undo()  # the analysis works now (a fixed pipeline)
    assert claimgraph.analyze.analyze_documents is analyze_documents
    retried = ingest([folder], store, nlp=nlp, retry_rejected=True)
    assert (retried.stored, retried.rejected_before) == (1, 0)
    assert store.rejected() == []
