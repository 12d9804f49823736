"""Analysis in worker processes: the one mechanism behind ``--n-process`` (analyze, ingest).

Documents are cut into many small partitions of about the same length of text
(:func:`partitions`), so that the pool hands the next one to whichever worker is free and two
workers finish together (fixed-size partitions of articles left one worker with three times
the other's work). Each worker builds the pipeline once (an initializer) and keeps it for every
partition it is given; results come back as plain rows (record dicts, error triples: nothing
of spaCy's crosses the process boundary, so no extension value needs to serialise), at most a
few partitions ahead of the reader, and are yielded in input order as they arrive: neither the
documents nor their records are ever all in memory. What a worker does with a partition is
:func:`claimgraph.analyze.analyze_partition`, passed in (this module sits beside ``analyze``
and imports nothing of it, so neither imports the other); the Dask runner
(:mod:`claimgraph.scale.dask_runner`) sends the same partitions to the same function.

A partition whose worker died (killed, out of memory) comes back as one error per document, so
every input is still accounted for.
"""

from __future__ import annotations

import atexit
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document
from claimgraph.ingest.readers import Item
from claimgraph.record import Record

#: characters of text per partition: about four articles; small enough that the last ones
#: even out the workers and that a worker's parse of one partition stays well under 1 GB.
#: 40,000 left two workers 9.0 and 8.0 CPU-s on 100 PolNeAR texts (2 processes 1.77-1.79x one);
#: 20,000 gives 8.5 and 8.5 (1.87-1.90x) and a worker peaks at ~410 MB instead of ~470 (quiet
#: machine, session 7; 10,000 no better, 1.87x)
PARTITION_CHARS = 20_000

Row = dict[str, Any]


def partitions(items: Iterable[Item], max_chars: int = PARTITION_CHARS,
               max_items: int = 64) -> Iterator[list[Item]]:
    """Consecutive items, grouped up to ``max_chars`` of text and ``max_items`` items (a longer
    document goes alone; an unreadable input weighs nothing)."""
    part: list[Item] = []
    size = 0
    for item in items:
        weight = len(item.text) if isinstance(item, Document) else 0
        if part and (size + weight > max_chars or len(part) >= max_items):
            yield part
            part, size = [], 0
        part.append(item)
        size += weight
    if part:
        yield part


def from_rows(rows: Iterable[Row]) -> Iterator[Record | DocumentError]:
    """The records and errors that :func:`analyze_partition` sent as rows."""
    for row in rows:
        if "record" in row:
            yield Record.from_dict(row["record"])
        else:
            code, source, reason = row["error"]
            yield DocumentError(code, source, reason)


def to_row(result: Record | DocumentError) -> Row:
    """One result as plain data: ``{"record": dict}`` or ``{"error": [code, source, why]}``."""
    if isinstance(result, DocumentError):
        return {"error": [result.code, result.source, result.reason]}
    return {"record": result.to_dict()}


def failed_rows(items: list[Item], reason: str) -> list[Row]:
    """One error row per item of a partition that failed as a whole (each input accounted for)."""
    return [
        {"error": [item.code, item.source, item.reason]} if isinstance(item, DocumentError)
        else {"error": ["E110", item.source, reason]}
        for item in items
    ]


def _load_pipeline() -> None:
    """Worker initializer: the model is loaded once, before the first partition arrives, and
    numpy's BLAS keeps to one thread. OpenBLAS starts a thread per core in every process, so
    two workers on two cores ran four, which spin while they wait for work: the workers
    together spent more CPU than one process did on the same documents."""
    from threadpoolctl import threadpool_limits

    from claimgraph.nlp.pipeline import default_pipeline

    threadpool_limits(limits=1)
    default_pipeline()


_pools: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    """The process's pool of ``workers`` workers, started on first use and kept (an ingest
    asks for it once per batch: its workers keep their loaded model between batches)."""
    pool = _pools.get(workers)
    if pool is None:
        # spawn: a fresh interpreter per worker, never a fork of a process holding threads,
        # open databases or a half-built pipeline
        context = multiprocessing.get_context("spawn")
        pool = _pools[workers] = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_load_pipeline
        )
    return pool


def worker_pids() -> list[int]:
    """The process ids of the running pools' workers (a benchmark reads their peak memory)."""
    return [pid for pool in _pools.values() for pid in (pool._processes or {})]


@atexit.register
def shutdown() -> None:
    """Stop every pool this process started (at exit; a benchmark to read workers' peak memory)."""
    for pool in _pools.values():
        pool.shutdown(cancel_futures=True)
    _pools.clear()


def analyze_in_processes(
    items: Iterable[Item], workers: int, work: Callable[[list[Item]], list[Row]], *,
    max_chars: int = PARTITION_CHARS, max_items: int = 64,
) -> Iterator[Record | DocumentError]:
    """Analyse ``items`` in ``workers`` processes, each partition by ``work`` (a module-level
    function, so a worker can import it: :func:`claimgraph.analyze.analyze_partition`);
    records and errors come in input order."""
    pool = _pool(workers)
    ahead: deque[tuple[list[Item], Future[list[Row]]]] = deque()
    for part in partitions(items, max_chars, max_items):
        ahead.append((part, pool.submit(work, part)))
        if len(ahead) > 2 * workers:  # a few partitions queued per worker, no more
            yield from _collect(*ahead.popleft())
    while ahead:
        yield from _collect(*ahead.popleft())


def _collect(part: list[Item], future: Future[list[Row]]) -> Iterator[Record | DocumentError]:
    try:
        rows = future.result()
    except Exception as exc:  # the worker died (a BrokenProcessPool for every partition left)
        _pools.clear()  # the next call starts a fresh pool
        rows = failed_rows(part, f"worker process failed: {type(exc).__name__}: {exc}")
    yield from from_rows(rows)
