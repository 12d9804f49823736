"""``claimgraph ingest PATH... --db``: options -> ``claimgraph.store.ingest``.

Mount in ``claimgraph/cli.py`` with ``app.command("ingest")(ingest_command)``.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console

from claimgraph.errors import ClaimgraphError

_err = Console(stderr=True)


def ingest_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files (text, HTML, JSONL, WARC, RSS/Atom), directories or - for stdin.")],
    db: Annotated[str, typer.Option("--db", help="DuckDB file or postgresql:// URL.")]
    = "claimgraph.duckdb",
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD for inputs that carry none.")] = None,
    batch_size: Annotated[int, typer.Option(
        help="Documents checked, analysed and stored per batch.")] = 32,
    n_process: Annotated[int, typer.Option(help="Worker processes for the NLP pipeline.")] = 1,
    reanalyse: Annotated[bool, typer.Option(
        "--reanalyse", help="Analyse stored documents again and replace them.")] = False,
    progress: Annotated[bool, typer.Option(
        "--progress/--no-progress", help="Progress line with documents/s on stderr.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Analyse inputs and store the records; already stored documents are skipped (unless
    --reanalyse), so a rerun resumes an interrupted ingest. Unreadable or failing inputs are
    kept in `rejected`."""
    from claimgraph.ingest import check_published_option
    from claimgraph.store import ingest

    try:
        stats = ingest(paths, db, published=check_published_option(published),
                       batch_size=max(1, batch_size), n_process=max(1, n_process),
                       reanalyse=reanalyse, progress=progress)
    except ClaimgraphError as exc:
        _err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    for line in stats.errors:
        _err.print(line, highlight=False, markup=False)
    if as_json:
        sys.stdout.write(json.dumps(stats.to_dict()) + "\n")
    _err.print(
        f"{stats.stored} stored, {stats.skipped} already stored, {stats.rejected} rejected "
        f"(see `claimgraph query rejected --db {db}`) in {stats.seconds:.1f} s "
        f"({stats.per_second:.1f} documents/s)",
        highlight=False, markup=False, soft_wrap=True,
    )
