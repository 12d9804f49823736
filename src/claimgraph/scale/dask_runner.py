"""Scale-out with Dask: partitions of documents analysed in worker processes.

Each partition builds the pipeline once (per worker process, cached) and runs the same
:func:`claimgraph.analyze.analyze_documents` as a single process does, so results are identical
and in input order. A document that fails comes back as a ``DocumentError`` in its place — set
aside, never fatal — and a partition that fails as a whole (a worker killed, say) turns into one
error per document it held, so every input is still accounted for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from claimgraph.errors import DocumentError
from claimgraph.extras import require
from claimgraph.ingest.readers import Item
from claimgraph.record import Record


def _analyze_partition(items: list[Item]) -> list[dict[str, Any]]:
    """Runs in a worker: analyse one partition, return plain dicts (cheap to pickle)."""
    from claimgraph.analyze import analyze_documents

    out: list[dict[str, Any]] = []
    for result in analyze_documents(items):
        if isinstance(result, DocumentError):
            out.append({"error": [result.code, result.source, result.reason]})
        else:
            out.append({"record": result.to_dict()})
    return out


def _partitions(items: list[Item], size: int) -> list[list[Item]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def analyze_with_dask(
    items: Iterable[Item],
    *,
    partition_size: int = 32,
    scheduler: str = "processes",
    num_workers: int | None = None,
) -> Iterator[Record | DocumentError]:
    """Analyse ``items`` with Dask (``scheduler``: "processes", "threads" or "synchronous").

    Yields records and errors in input order, exactly as the serial path would.
    """
    require("dask", "analysing with --dask")
    import dask
    from dask import delayed

    parts = _partitions(list(items), max(1, partition_size))
    tasks = [delayed(_safe_partition)(part) for part in parts]
    config: dict[str, Any] = {"scheduler": scheduler}
    if num_workers:
        config["num_workers"] = num_workers
    with dask.config.set(config):
        results = dask.compute(*tasks)
    for rows in results:
        for row in rows:
            if "record" in row:
                yield Record.from_dict(row["record"])
            else:
                code, source, reason = row["error"]
                yield DocumentError(code, source, reason)


def _safe_partition(items: list[Item]) -> list[dict[str, Any]]:
    try:
        return _analyze_partition(items)
    except Exception as exc:  # the whole partition failed: account for each document
        return [
            {"error": [item.code, item.source, item.reason]}
            if isinstance(item, DocumentError)
            else {"error": ["E110", item.source, f"partition failed: {type(exc).__name__}: {exc}"]}
            for item in items
        ]
