"""Scale-out with Dask: the partitions of :mod:`claimgraph.processes`, on Dask's workers.

The same partitions (balanced by text length) go to the same :func:`analyze_partition` as with
``--n-process``; each worker builds the pipeline once (per process, cached), so results are
identical to a single process's and come in input order. A document that fails comes back as a
``DocumentError`` in its place — set aside, never fatal — and a partition that fails as a whole
turns into one error per document it held, so every input is still accounted for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from claimgraph.analyze import analyze_partition
from claimgraph.errors import DocumentError
from claimgraph.extras import require
from claimgraph.ingest.readers import Item
from claimgraph.processes import PARTITION_CHARS, from_rows, partitions
from claimgraph.record import Record


def analyze_with_dask(
    items: Iterable[Item],
    *,
    partition_size: int = 64,
    partition_chars: int = PARTITION_CHARS,
    scheduler: str = "processes",
    num_workers: int | None = None,
) -> Iterator[Record | DocumentError]:
    """Analyse ``items`` with Dask (``scheduler``: "processes", "threads" or "synchronous"),
    in partitions of at most ``partition_size`` documents and ``partition_chars`` characters.

    Yields records and errors in input order, exactly as the serial path would.
    """
    require("dask", "analysing with --dask")
    import dask
    from dask import delayed

    parts = list(partitions(items, partition_chars, max(1, partition_size)))
    tasks = [delayed(analyze_partition)(part) for part in parts]
    config: dict[str, Any] = {"scheduler": scheduler}
    if num_workers:
        config["num_workers"] = num_workers
    with dask.config.set(config):
        results = dask.compute(*tasks)
    for rows in results:
        yield from from_rows(rows)
