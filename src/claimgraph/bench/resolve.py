"""How the cost of ``claimgraph resolve`` grows with the corpus: CPU-seconds at growing sizes.

Copies and stories must cost about n log n or less (issue 14 item 7), or a corpus of 100,000
reports is out of reach. The corpus is synthetic and cheap (copies and stories need only text,
title and date, so no analysis runs): PolNeAR's training articles, each new document either a
republished copy of one (:func:`claimgraph.evaluate.syndication.republish`) or a new report
made of paragraphs of several, its dates spread over a year. Each size is resolved from scratch
and timed in CPU-seconds of this process (steadier than wall-clock on a shared machine); the
slope of log(seconds) against log(n) between the sizes says how the cost grows: 1 is linear,
n log n from 1k to 100k is about 1.2, quadratic is 2.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from claimgraph.evaluate.syndication import republish
from claimgraph.ids import text_hash
from claimgraph.record import Record
from claimgraph.resolve.resolver import resolve_records

#: of the generated documents, the share that copy an earlier one
COPY_SHARE = 0.3


def synthetic_corpus(articles: list[str], n: int, *, seed: int = 1) -> list[Record]:
    """``n`` cheap records: new reports stitched from paragraphs of ``articles``, and copies."""
    rng = random.Random(seed)
    paragraphs = [p for text in articles for p in text.split("\n\n") if len(p) > 80]
    start = date(2016, 1, 1)
    out: list[Record] = []
    while len(out) < n:
        day = (start + timedelta(days=rng.randrange(365))).isoformat()
        if out and rng.random() < COPY_SHARE:
            text, _ = republish(rng.choice(out).text, rng)
        else:
            text = "\n\n".join(rng.sample(paragraphs, rng.randint(4, 12)))
        doc_id = text_hash(f"{len(out)}\n{text}")
        out.append(Record(id=doc_id, source=doc_id, published=day, text=text,
                          title=text.split("\n", 1)[0][:80]))
    return out


@dataclass(slots=True)
class Scaling:
    sizes: list[int]
    seconds: list[float]

    @property
    def slope(self) -> float:
        """Least-squares slope of log(seconds) on log(n)."""
        xs = [math.log(n) for n in self.sizes]
        ys = [math.log(max(s, 1e-6)) for s in self.seconds]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        var = sum((x - mx) ** 2 for x in xs)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0

    def lines(self) -> list[str]:
        rows = [f"{n:>8,} documents  {s:8.2f} CPU-s  {1000 * s / n:6.2f} ms/document"
                for n, s in zip(self.sizes, self.seconds, strict=True)]
        return [*rows, f"log-log slope {self.slope:.2f} (1 = linear, 2 = quadratic)"]


def run_resolve_bench(folder: Path, sizes: list[int]) -> Scaling:
    """Resolve a synthetic corpus of each size; CPU-seconds of copies + stories."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    corpus = synthetic_corpus(articles, max(sizes))
    seconds = []
    for n in sizes:
        started = time.process_time()
        for _ in resolve_records(corpus[:n], stages=[]):
            pass
        seconds.append(time.process_time() - started)
    return Scaling(sorted(sizes), seconds)
