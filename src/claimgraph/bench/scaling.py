"""How analysis scales: with worker processes, and with the length of one text.

Two questions of issue 11 that one ``bench`` run should answer side by side, on the same texts,
in medians of several rounds (the machine is small and noisy, so ratios are what to quote):

- **processes**: wall-clock time of ``analyze`` in one process against ``--n-process N`` (the
  :mod:`claimgraph.processes` pool, model loaded once per worker, warmed before timing), the
  speed-up, and the peak resident memory of a worker (each worker's ``VmHWM``, read before
  the pool is shut down: the largest);
- **lengths**: the ratio of ``analyze`` to the bare spaCy parse of the same text at growing
  lengths (articles joined by blank lines), which is flat when every extractor is linear in the
  text and the long-text path (:mod:`claimgraph.pieces`) does its job.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

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
    """The largest peak RSS of any child process that has ended, in MB (Linux: KiB units).

    Only a fallback: a child's peak counts what it shared with this process when it was
    forked, before ``spawn`` replaced its program (Linux keeps the larger), so with a
    benchmark's models loaded here it reports this process's size, not the worker's."""
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def _worker_status(name: str) -> dict[int, list[str]]:
    """``/proc/PID/status`` line ``name`` of each running worker, split (Linux; empty elsewhere)."""
    found = {}
    for pid in processes.worker_pids():
        try:
            status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith(name + ":"):
                found[pid] = line.split()[1:]
    return found


def _peak_worker_mb() -> float | None:
    """The largest peak RSS (``VmHWM``) of the running workers, in MB, read while they run
    (None where ``/proc`` does not say)."""
    peaks = [int(value[0]) / 1024 for value in _worker_status("VmHWM").values()]
    return max(peaks) if peaks else None


def _worker_cpu() -> dict[int, float]:
    """CPU-seconds (user + system) each running worker has used so far (Linux ``/proc``)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    cpu = {}
    for pid in processes.worker_pids():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return cpu


@dataclass(slots=True)
class ProcessesResult:
    workers: int
    documents: int
    words: int
    rounds: int
    one_seconds: float
    many_seconds: float
    worker_peak_mb: float
    #: CPU-seconds per round: one process, and each worker (busiest first); a shared machine's
    #: wall clock is noise, these say how evenly the work was split and what it cost
    one_cpu: float = 0.0
    worker_cpu: list[float] = field(default_factory=list)

    @property
    def speedup(self) -> float:
        return self.one_seconds / self.many_seconds

    @property
    def cpu_speedup(self) -> float:
        """The speed-up on free cores: one process's CPU over the busiest worker's."""
        return self.one_cpu / self.worker_cpu[0] if self.worker_cpu and self.worker_cpu[0] else 0.0

    def lines(self) -> list[str]:
        out = [
            f"processes: {self.documents} documents, {self.words:,} words; medians of {self.rounds} rounds",
            f"  1 process: {self.words / self.one_seconds:,.0f} words/s ({self.one_seconds:.2f} s)",
            f"  {self.workers} processes: {self.words / self.many_seconds:,.0f} words/s "
            f"({self.many_seconds:.2f} s)",
            f"  speed-up: {self.speedup:.2f}x; peak memory of a worker: {self.worker_peak_mb:,.0f} MB",
        ]
        if self.worker_cpu:
            workers = " + ".join(f"{c:.2f}" for c in self.worker_cpu)
            out.append(f"  CPU per round: 1 process {self.one_cpu:.2f} s, workers {workers} s; "
                       f"one over the busiest: {self.cpu_speedup:.2f}x")
        return out


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
    ones, manys, one_cpu = [], [], []
    busy: dict[int, float] = {}
    for _ in range(rounds):
        start = time.process_time()
        ones.append(_median_seconds(one, 1))
        one_cpu.append(time.process_time() - start)
        before = _worker_cpu()
        manys.append(_median_seconds(many, 1))
        for pid, seconds in _worker_cpu().items():
            busy[pid] = busy.get(pid, 0.0) + seconds - before.get(pid, 0.0)
    peak = _peak_worker_mb()
    processes.shutdown()
    return ProcessesResult(
        workers=workers, documents=len(texts), words=sum(len(t.split()) for t in texts),
        rounds=rounds, one_seconds=statistics.median(ones), many_seconds=statistics.median(manys),
        worker_peak_mb=peak if peak is not None else _peak_child_mb(),
        one_cpu=statistics.median(one_cpu),
        worker_cpu=sorted((seconds / rounds for seconds in busy.values()), reverse=True),
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
