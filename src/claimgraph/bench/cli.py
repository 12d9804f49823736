"""``claimgraph bench``, ``bench-api`` and ``bench-store``: options -> the benchmark modules.

Mounted by name in ``claimgraph/cli.py``; each prints what its library function measured.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from claimgraph.errors import ClaimgraphError
from claimgraph.extras import require

_err = Console(stderr=True)


def _fail(exc: ClaimgraphError) -> typer.Exit:
    _err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def bench_command(
    limit: Annotated[int, typer.Option(help="How many texts (PolNeAR dev+train, else samples).")] = 200,
    rounds: Annotated[int, typer.Option(help="Timed rounds; medians are reported.")] = 3,
    processes: Annotated[int, typer.Option(
        help="Also time --n-process N against one process (speed-up, a worker's peak memory); "
        "0: skip.")] = 0,
    lengths: Annotated[list[int] | None, typer.Option(
        "--length", help="Also the analyze/parse ratio of one text this many characters long "
        "(articles joined); repeat for several.")] = None,
) -> None:
    """Words/s of `analyze` and of the bare spaCy parse of the same texts, and their ratio;
    optionally the speed-up of worker processes and the ratio at growing text lengths."""
    from claimgraph.bench.analysis import bench_texts, run_bench
    from claimgraph.bench.scaling import run_length_bench, run_processes_bench

    texts = bench_texts(limit)
    for line in run_bench(texts, rounds=rounds).lines():
        typer.echo(line)
    if processes > 1:
        for line in run_processes_bench(texts, workers=processes, rounds=rounds).lines():
            typer.echo(line)
    if lengths:
        typer.echo(f"one text of growing length; medians of {rounds} rounds")
        for result in run_length_bench(texts, sorted(lengths), rounds=rounds):
            typer.echo(result.line())


def bench_api_command(
    db: Annotated[str, typer.Option(
        "--db", help="DuckDB file or postgresql:// URL to fill (reused if it already holds "
        "the documents).")] = "var/bench-api.duckdb",
    documents: Annotated[int, typer.Option(help="Documents in the synthetic database.")] = 100_000,
    samples: Annotated[list[Path] | None, typer.Option(
        "--sample", help="Articles to analyse and vary (default: the examples/ folder).")] = None,
    requests: Annotated[int, typer.Option(help="Requests per measured route.")] = 300,
    concurrency: Annotated[list[int] | None, typer.Option(
        help="Requests in flight at once; repeat to measure several (default: 1 and 8).")] = None,
    workers: Annotated[int, typer.Option(help="Server worker processes.")] = 1,
    shards: Annotated[int, typer.Option(
        help="Processes writing a new database, each its own shard (kept in "
        "var/bench-shards/ for the next database of the same size), merged after.")] = 1,
    baseline: Annotated[Path | None, typer.Option(
        help="Another checkout (e.g. `git archive` of an older commit) whose server is "
        "measured too, on the same requests, before this one's.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Build a large synthetic database from analysed sample articles and measure the
    latency (p50/p95) of the article page and the API over loopback."""
    from claimgraph.bench.api import format_results, run_bench

    try:
        require("serve", "`claimgraph bench-api`")
        results = run_bench(db, documents=documents, samples=samples or [Path("examples")],
                            requests=requests, concurrency=concurrency or [1, 8],
                            workers=workers, baseline=baseline, shards=shards,
                            log=_err.print)
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    if as_json:
        sys.stdout.write(json.dumps(results) + "\n")
    else:
        sys.stdout.write(format_results(results) + "\n")


def bench_store_command(
    limit: Annotated[int, typer.Option(help="TempEval-3 AQUAINT articles to analyse and store.")] = 40,
    batch: Annotated[int, typer.Option(help="Records per store write.")] = 20,
    pg: Annotated[str | None, typer.Option(
        help="A postgresql:// URL of an empty database to measure too.")] = None,
) -> None:
    """Write and read-back speed of the store (DuckDB, optionally PostgreSQL) and of a full
    `ingest` and its rerun, against the time the analysis took."""
    from claimgraph.bench.store import run_bench

    try:
        for line in run_bench(limit=limit, batch=batch, pg=pg):
            typer.echo(line)
    except ClaimgraphError as exc:
        raise _fail(exc) from None


def bench_resolve_command(
    sizes: Annotated[list[int] | None, typer.Option(
        "--size", help="Corpus sizes to resolve (repeat); default 1,000, 3,000 and 10,000.")]
    = None,
    records: Annotated[Path | None, typer.Option(
        "--records", help="Analysed records (analyze --json) to make the corpus of: every "
        "stage runs, each timed.")] = None,
    whole: Annotated[bool, typer.Option(
        "--whole", help="With --records: hold the documents whole, not packed (more memory, "
        "less CPU; the same records).")] = False,
) -> None:
    """CPU-seconds of `resolve` (copies and stories) on synthetic corpora of growing size, and
    the log-log slope of cost against size (1 linear, 2 quadratic)."""
    from claimgraph.bench.resolve import run_resolve_bench
    from claimgraph.evaluate import evaldata_root

    root = evaldata_root()
    folder = root / "polnear/data/train/text" if root is not None else None
    if folder is None or not folder.is_dir():
        raise _fail(ClaimgraphError("E004", "PolNeAR train texts not found: set CLAIMGRAPH_EVALDATA"))
    def told(line: str) -> None:
        typer.echo(line, err=True)  # as each size is measured; stdout gets the table

    for line in run_resolve_bench(folder, sorted(sizes or [1000, 3000, 10000]), records,
                                  whole=whole, log=told).lines():
        typer.echo(line)
