"""How the cost of ``claimgraph resolve`` grows with the corpus: CPU-seconds at growing sizes.

Copies and stories must cost about n log n or less (issue 14 item 7), or a corpus of 100,000
reports is out of reach. The corpus is synthetic and cheap (copies and stories need only text,
title and date, so no analysis runs): the happenings of ``bench/resolve_corpus.py`` made of
PolNeAR's training articles as bare texts, each happening's reports on a few days of a year,
and copies of them. Each size is resolved from scratch
and timed in CPU-seconds of this process (steadier than wall-clock on a shared machine); the
slope of log(seconds) against log(n) between the sizes says how the cost grows: 1 is linear,
n log n from 1k to 100k is about 1.2, quadratic is 2.

With analysed records (``--records``: ``claimgraph analyze --json`` output) the corpus is made
of them, their extracted items kept, and every stage runs: events, claims
and relations too, each timed on its own, with the process's peak memory after each size.
"""

from __future__ import annotations

import json
import math
import resource
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.bench.resolve_corpus import synthetic_records
from claimgraph.ids import text_hash
from claimgraph.record import Record
from claimgraph.resolve.corpus import CorpusRecord
from claimgraph.resolve.resolver import STAGES, Corpus, Stage, resolve_records


def synthetic_corpus(articles: list[str], n: int, *, seed: int = 1) -> list[Record]:
    """``n`` cheap records: the happenings of ``bench/resolve_corpus.py`` made of bare texts
    (reports of one base article with their own words, and copies), nothing extracted."""
    bare = [Record(id=text_hash(text), source=text_hash(text), published=None, text=text)
            for text in articles]
    return list(synthetic_records(bare, n, seed=seed))


@dataclass(slots=True)
class Scaling:
    sizes: list[int]
    seconds: list[float]
    #: per size, CPU-seconds of each stage (with ``--records``)
    stages: list[dict[str, float]] = field(default_factory=list)
    #: per size, the process's peak resident memory so far, in MB
    peak_mb: list[float] = field(default_factory=list)
    #: per size, wall-clock seconds (on a shared machine, CPU-seconds are what to compare)
    wall: list[float] = field(default_factory=list)
    #: the process's resident memory with the corpus made, before resolving, in MB
    corpus_mb: float | None = None
    #: CPU-seconds spent making (and packing) the corpus
    corpus_seconds: float | None = None

    @property
    def slope(self) -> float:
        """Least-squares slope of log(seconds) on log(n)."""
        xs = [math.log(n) for n in self.sizes]
        ys = [math.log(max(s, 1e-6)) for s in self.seconds]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        var = sum((x - mx) ** 2 for x in xs)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0

    def row(self, i: int) -> str:
        """The measures of the ``i``-th size, on one line."""
        n, s = self.sizes[i], self.seconds[i]
        row = f"{n:>8,} documents  {s:8.2f} CPU-s  {1000 * s / n:6.2f} ms/document"
        if i < len(self.wall):
            row += f"  {self.wall[i]:8.1f} wall-s"
        if i < len(self.stages):
            row += "  (" + ", ".join(f"{k} {v:.1f}" for k, v in self.stages[i].items()) + ")"
        if i < len(self.peak_mb):
            row += f"  peak {self.peak_mb[i]:,.0f} MB"
        return row

    def lines(self) -> list[str]:
        rows = [self.row(i) for i in range(len(self.seconds))]
        if self.corpus_mb is not None:
            made = f" in {self.corpus_seconds:.1f} CPU-s" if self.corpus_seconds is not None else ""
            rows.insert(0, f"corpus made{made}: {self.corpus_mb:,.0f} MB resident")
        out = [*rows, f"log-log slope {self.slope:.2f} (1 = linear, 2 = quadratic)"]
        for name in self.stages[0] if self.stages else ():
            slope = Scaling(self.sizes, [st[name] for st in self.stages]).slope
            out.append(f"  {name}: log-log slope {slope:.2f}")
        return out


def _timed(name: str, stage: Stage, spent: dict[str, float]) -> Stage:
    """``stage`` with the CPU-seconds it spends making its records added to ``spent[name]``;
    its records stream through as they are made (held in a list, the corpus events of 100,000
    documents would weigh more than the documents)."""
    def run(corpus: Corpus) -> Iterator[CorpusRecord]:
        started = time.process_time()
        items = iter(stage(corpus))
        while True:
            try:
                item = next(items)
            except StopIteration:
                spent[name] += time.process_time() - started
                return
            spent[name] += time.process_time() - started
            yield item
            started = time.process_time()
    return run


def _resident_mb() -> float:
    """Resident memory now (Linux's /proc; the peak where it is missing)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return _peak_mb()
    return pages * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_resolve_bench(folder: Path, sizes: list[int], records: Path | None = None, *,
                      whole: bool = False, log: Callable[[str], object] | None = None) -> Scaling:
    """Resolve a synthetic corpus of each size; CPU-seconds of copies + stories (with
    ``records``, analysed records to make the corpus of: of every stage). The analysed
    documents are held packed (:mod:`claimgraph.scale.packed`) unless ``whole``. ``log`` is
    told each size's row as it is measured (a run at 100,000 documents takes an hour)."""
    sizes = sorted(sizes)
    result = Scaling(sizes, [])
    if records is None:
        articles = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        corpus = synthetic_corpus(articles, max(sizes))
        stages: list[Stage] = []
    else:
        from claimgraph.scale.packed import pack

        with records.open(encoding="utf-8") as lines:
            analysed = [Record.from_dict(json.loads(line)) for line in lines if line.strip()]
        started = time.process_time()
        made = synthetic_records(analysed, max(sizes))
        corpus = list(made if whole else pack(made))
        result.corpus_seconds = time.process_time() - started
        del analysed
    result.corpus_mb = _resident_mb()
    if log is not None:
        log(f"corpus of {max(sizes):,} made: {result.corpus_mb:,.0f} MB resident")
    for n in sizes:
        spent: dict[str, float] = defaultdict(float)
        if records is not None:
            stages = [_timed(s.__name__.removeprefix("resolve_"), s, spent) for s in STAGES]
        started, wall = time.process_time(), time.perf_counter()
        for _ in resolve_records(corpus[:n], stages=stages):
            pass
        result.seconds.append(time.process_time() - started)
        result.wall.append(time.perf_counter() - wall)
        if records is not None:
            spent = {"copies+stories": result.seconds[-1] - sum(spent.values()), **spent}
            result.stages.append(spent)
        result.peak_mb.append(_peak_mb())
        if log is not None:
            log(result.row(len(result.seconds) - 1))
    return result
