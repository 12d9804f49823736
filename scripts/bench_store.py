"""Measure the store against analysis: ``python scripts/bench_store.py [--limit 40] [--pg URL]``.

Reads the first ``--limit`` TempEval-3 AQUAINT articles from the shared evaluation data (tags
stripped; nothing is copied into the repository), analyses them, then times ``add_records`` in
batches, ``get_record`` for each, a full ``ingest`` into a fresh DuckDB file and a rerun.
"""

from __future__ import annotations

import argparse
import html
import re
import tempfile
import time
from pathlib import Path

from claimgraph.analyze import analyze_documents
from claimgraph.evaluate import evaldata_root
from claimgraph.ingest.document import Document
from claimgraph.nlp.pipeline import default_pipeline
from claimgraph.record import Record
from claimgraph.store import ingest, open_store

CORPUS = "tempeval3/data/TempEval3/Training/TBAQ-cleaned/AQUAINT"


def documents(limit: int) -> list[Document]:
    root = evaldata_root()
    if root is None:
        raise SystemExit("no evaluation data found (../shared/evaldata)")
    out = []
    for path in sorted((root / CORPUS).glob("*.tml"))[:limit]:
        body = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        if body:
            text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
            out.append(Document(text=text, source=path.name))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--pg", help="a postgresql:// URL of an empty database to measure too")
    args = parser.parse_args()
    docs = documents(args.limit)
    nlp = default_pipeline()
    list(analyze_documents(docs[:2], nlp))  # warm up
    start = time.perf_counter()
    records = [r for r in analyze_documents(docs, nlp) if isinstance(r, Record)]
    analysed = time.perf_counter() - start
    print(f"analyze: {len(records)} documents in {analysed:.2f} s "
          f"({analysed / len(records) * 1000:.0f} ms/document)")
    unique = {r.id: r for r in reversed(records)}
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("duckdb", str(Path(tmp) / "bench.duckdb"))]
        if args.pg:
            targets.append(("postgresql", args.pg))
        for name, db in targets:
            with open_store(db) as store:
                start = time.perf_counter()
                for i in range(0, len(records), args.batch):
                    store.add_records(records[i : i + args.batch])
                wrote = time.perf_counter() - start
                start = time.perf_counter()
                for record_id in unique:
                    store.get_record(record_id)
                read = time.perf_counter() - start
            print(f"{name}: write {wrote / len(records) * 1000:.1f} ms/document, "
                  f"read back {read / len(unique) * 1000:.1f} ms/document")
        paths = []
        for i, doc in enumerate(docs):
            path = Path(tmp) / "in" / f"{i:04d}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(doc.text, encoding="utf-8")
            paths.append(path)
        db = str(Path(tmp) / "ingest.duckdb")
        start = time.perf_counter()
        stats = ingest([Path(tmp) / "in"], db, nlp=nlp, progress=False, batch_size=args.batch)
        took = time.perf_counter() - start
        print(f"ingest: {stats.stored} stored, {stats.skipped} skipped in {took:.2f} s "
              f"= {took / analysed:.2f}x analyze")
        start = time.perf_counter()
        again = ingest([Path(tmp) / "in"], db, nlp=nlp, progress=False)
        print(f"rerun: {again.skipped} skipped in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
