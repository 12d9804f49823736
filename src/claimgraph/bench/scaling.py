"""How analysis scales: with worker processes, and with the length of one text.

Two questions of issue 11 that one ``bench`` run should answer side by side, on the same texts,
in medians of several rounds (the machine is small and noisy, so ratios are what to quote):

- **processes**: wall-clock time of ``analyze`` in one process against ``--n-process N`` (the
  :mod:`claimgraph.processes` pool, model loaded once per worker, warmed before timing), the
  speed-up, and the peak resident memory of a worker (``getrusage(RUSAGE_CHILDREN)`` once the
  pool is shut down: the largest of the workers that ended);
- **lengths**: the ratio of ``analyze`` to the bare spaCy parse of the same text at growing
  lengths (articles joined by blank lines), which is flat when every extractor is linear in the
  text and the long-text path (:mod:`claimgraph.pieces`) does its job.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import spacy

from claimgraph import processes
from claimgraph.analyze import analyze_documents
from claimgraph.ingest import Document
from claimgraph.nlp.pipeline import default_pipeline, load_config


def _median_seconds(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _documents(texts: list[str]) -> list[Document]:
    return [Document(text=t, source=f"bench-{i}", published="2024-08-13") for i, t in enumerate(texts)]


def _peak_child_mb() -> float:
    """The largest peak RSS of any child process that has ended, in MB (Linux: KiB units)."""
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


@dataclass(slots=True)
class ProcessesResult:
    workers: int
    documents: int
    words: int
    rounds: int
    one_seconds: float
    many_seconds: float
    worker_peak_mb: float

    @property
    def speedup(self) -> float:
        return self.one_seconds / self.many_seconds

    def lines(self) -> list[str]:
        return [
            f"processes: {self.documents} documents, {self.words:,} words; medians of {self.rounds} rounds",
            f"  1 process: {self.words / self.one_seconds:,.0f} words/s ({self.one_seconds:.2f} s)",
            f"  {self.workers} processes: {self.words / self.many_seconds:,.0f} words/s "
            f"({self.many_seconds:.2f} s)",
            f"  speed-up: {self.speedup:.2f}x; peak memory of a worker: {self.worker_peak_mb:,.0f} MB",
        ]


def run_processes_bench(texts: list[str], workers: int = 2, rounds: int = 3) -> ProcessesResult:
    """One process against ``workers``, alternately, both warmed (model loaded, tables built)."""
    documents = _documents(texts)
    nlp = default_pipeline()

    def one() -> None:
        for _ in analyze_documents(documents, nlp):
            pass

    def many() -> None:
        for _ in analyze_documents(documents, n_process=workers):
            pass

    list(analyze_documents(documents[:5], nlp))
    list(analyze_documents(documents[: 4 * workers], n_process=workers))  # pool up, models loaded
    ones, manys = [], []
    for _ in range(rounds):
        ones.append(_median_seconds(one, 1))
        manys.append(_median_seconds(many, 1))
    processes.shutdown()
    return ProcessesResult(
        workers=workers, documents=len(texts), words=sum(len(t.split()) for t in texts),
        rounds=rounds, one_seconds=statistics.median(ones), many_seconds=statistics.median(manys),
        worker_peak_mb=_peak_child_mb(),
    )


@dataclass(slots=True)
class LengthResult:
    chars: int
    words: int
    parse_seconds: float
    analyze_seconds: float

    @property
    def ratio(self) -> float:
        return self.analyze_seconds / self.parse_seconds

    def line(self) -> str:
        return (f"  {self.chars:>9,} chars: parse {self.parse_seconds:7.2f} s, analyze "
                f"{self.analyze_seconds:7.2f} s, ratio {self.ratio:.2f}x")


def joined_text(texts: list[str], chars: int) -> str:
    """Articles joined by blank lines until the text is ``chars`` long (cut at a space)."""
    parts: list[str] = []
    size = 0
    while size < chars:
        for text in texts:
            parts.append(text.strip())
            size += len(parts[-1]) + 2
            if size >= chars:
                break
    joined = "\n\n".join(parts)[:chars]
    return joined[: joined.rfind(" ")] if " " in joined else joined


def _analyze_all(documents: list[Document], nlp: spacy.language.Language) -> None:
    for _ in analyze_documents(documents, nlp):
        pass


def run_length_bench(texts: list[str], lengths: list[int], rounds: int = 3) -> list[LengthResult]:
    """The analyze/parse ratio for one text of each length (the bare parse with ``max_length``
    raised to take it whole, as spaCy would refuse it otherwise)."""
    base = spacy.load(load_config()["nlp"]["model"])
    nlp = default_pipeline()
    results = []
    for chars in lengths:
        text = joined_text(texts, chars)
        base.max_length = max(base.max_length, len(text) + 1)
        document = _documents([text])
        list(analyze_documents(_documents([text[:2000]]), nlp))
        parse = _median_seconds(partial(base, text), rounds)
        analyze = _median_seconds(partial(_analyze_all, document, nlp), rounds)
        results.append(LengthResult(len(text), len(text.split()), parse, analyze))
    return results
