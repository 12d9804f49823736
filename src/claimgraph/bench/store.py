"""Speed of the store against analysis: ``claimgraph bench-store [--limit 40] [--pg URL]``.

Reads the first ``--limit`` TempEval-3 AQUAINT articles from the shared evaluation data (tags
stripped; nothing is copied into the repository), analyses them, then times ``add_records`` in
batches, ``get_record`` for each, a full ``ingest`` into a fresh DuckDB file and a rerun.
"""

from __future__ import annotations

import html
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from claimgraph.analyze import analyze_documents
from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate import evaldata_root
from claimgraph.ingest.document import Document
from claimgraph.nlp.pipeline import default_pipeline
from claimgraph.pipeline import ingest
from claimgraph.record import Record
from claimgraph.store import open_store

CORPUS = "tempeval3/data/TempEval3/Training/TBAQ-cleaned/AQUAINT"


def documents(limit: int) -> list[Document]:
    """Real news text with its TimeML tags stripped (the AQUAINT wire articles)."""
    root = evaldata_root()
    files = sorted((root / CORPUS).glob("*.tml"))[:limit] if root is not None else []
    if not files:
        raise ClaimgraphError("E004", f"no TempEval-3 AQUAINT articles found ({CORPUS} under "
                              "the evaldata root, ../shared/evaldata or $CLAIMGRAPH_EVALDATA)")
    out = []
    for path in files:
        body = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        if body:
            text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
            out.append(Document(text=text, source=path.name))
    return out


def run_bench(limit: int = 40, batch: int = 20, pg: str | None = None) -> Iterator[str]:
    """Analyse ``limit`` articles, then time the store on them; yields one line per measure."""
    docs = documents(limit)
    nlp = default_pipeline()
    list(analyze_documents(docs[:2], nlp))  # warm up
    start = time.perf_counter()
    records = [r for r in analyze_documents(docs, nlp) if isinstance(r, Record)]
    analysed = time.perf_counter() - start
    yield (f"analyze: {len(records)} documents in {analysed:.2f} s "
           f"({analysed / len(records) * 1000:.0f} ms/document)")
    unique = {r.id: r for r in reversed(records)}
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("duckdb", str(Path(tmp) / "bench.duckdb"))]
        if pg:
            targets.append(("postgresql", pg))
        for name, db in targets:
            with open_store(db) as store:
                start = time.perf_counter()
                for i in range(0, len(records), batch):
                    store.add_records(records[i : i + batch])
                wrote = time.perf_counter() - start
                start = time.perf_counter()
                for record_id in unique:
                    store.get_record(record_id)
                read = time.perf_counter() - start
            yield (f"{name}: write {wrote / len(records) * 1000:.1f} ms/document, "
                   f"read back {read / len(unique) * 1000:.1f} ms/document")
        paths = []
        for i, doc in enumerate(docs):
            path = Path(tmp) / "in" / f"{i:04d}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(doc.text, encoding="utf-8")
            paths.append(path)
        db = str(Path(tmp) / "ingest.duckdb")
        start = time.perf_counter()
        stats = ingest([Path(tmp) / "in"], db, nlp=nlp, batch_size=batch)
        took = time.perf_counter() - start
        yield (f"ingest: {stats.stored} stored, {stats.skipped} skipped in {took:.2f} s "
               f"= {took / analysed:.2f}x analyze")
        start = time.perf_counter()
        again = ingest([Path(tmp) / "in"], db, nlp=nlp)
        yield f"rerun: {again.skipped} skipped in {time.perf_counter() - start:.2f} s"
