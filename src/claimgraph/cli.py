"""The ``claimgraph`` command: each command parses options and calls one library function."""

from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console, RenderableType
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from claimgraph.errors import ClaimgraphError, DocumentError
from claimgraph.extras import require
from claimgraph.query.cli import Db
from claimgraph.store import DEFAULT_DB

if TYPE_CHECKING:
    from claimgraph.pipeline import IngestStats
    from claimgraph.record import Record

app = typer.Typer(
    help="claimgraph: who says what, on whose authority — attributions, events, dates, places "
    "and numbers in news reports.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True)

#: more documents than this get a progress bar on stderr
PROGRESS_FROM = 5


FULL_HELP = "Every table (claims, numbers, events, dates, places, entities), not the summary."


def readable(record: Record, full: bool) -> RenderableType:
    """The compact summary of a record, or with ``full`` every table."""
    if full:
        from claimgraph.render.terminal import render_record

        return render_record(record)
    from claimgraph.render.summary import render_summary

    return render_summary(record)


def _fail(exc: ClaimgraphError) -> typer.Exit:
    err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one record a line.")] = False,
    n_process: Annotated[int, typer.Option(help="Worker processes for the NLP pipeline.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 64,
    dask: Annotated[
        bool, typer.Option("--dask", help="Scale out with Dask: --n-process worker processes.")
    ] = False,
    full: Annotated[bool, typer.Option("--full", help=FULL_HELP)] = False,
) -> None:
    """Analyse articles: JSON Lines with --json, else a readable summary of each."""
    from claimgraph.analyze import analyze_documents
    from claimgraph.ingest import check_published_option, read_inputs
    from claimgraph.record import Record

    try:
        if dask:
            require("dask", "`claimgraph analyze --dask`")
        date = check_published_option(published)
        items = list(read_inputs(paths, date))
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    documents = sum(1 for x in items if not isinstance(x, DocumentError))
    out = Console(soft_wrap=False) if not as_json else None
    failed = done = words = 0
    started = time.perf_counter()
    progress = Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, disable=documents <= PROGRESS_FROM, transient=True,
    )
    with progress:
        task = progress.add_task("analyse", total=len(items))
        if dask:
            from claimgraph.scale.dask_runner import analyze_with_dask

            results = analyze_with_dask(items, num_workers=n_process, partition_size=batch_size)
        else:
            results = analyze_documents(items, n_process=n_process, batch_size=batch_size)
        for result in results:
            progress.advance(task)
            if isinstance(result, DocumentError):
                failed += 1
                err.print(result.one_line(), highlight=False, markup=False)
                continue
            done += 1
            words += len(result.text.split())
            if as_json:
                sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            else:
                assert out is not None and isinstance(result, Record)
                out.print(readable(result, full))
    seconds = time.perf_counter() - started
    err.print(
        f"analysed {done} document(s), {failed} rejected, {words:,} words in {seconds:.1f} s",
        highlight=False,
    )
    if failed:
        raise typer.Exit(1)


@app.command()
def resolve(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files, directories or - for stdin (as `analyze`); without them, what --db holds.")]
    = None,
    db: Db = DEFAULT_DB,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs that carry none.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one corpus record a line.")]
    = False,
    n_process: Annotated[int, typer.Option(help="Worker processes for the NLP pipeline.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch.")] = 64,
    store: Annotated[bool, typer.Option(
        "--store", help="Keep the results in --db (with INPUTS, their documents too).")] = False,
    dask: Annotated[bool, typer.Option(
        "--dask", help="Scale out with Dask: shingling and events on --n-process worker "
        "processes (the same records).")] = False,
    packed: Annotated[bool, typer.Option(
        "--packed", help="Hold the documents compressed while resolving (bounded memory for "
        "large corpora, ~20-30% more CPU; the same records).")] = False,
) -> None:
    """Across documents: copies, stories (and the later stages) as JSON Lines with --json (each
    line has a `kind`), else a readable overview.

    The documents are the INPUTS, analysed as `analyze` does, or without INPUTS those stored in
    --db. --store keeps what was found in --db for `serve` and `query`: resolving the whole
    database replaces the previous results, resolving INPUTS adds to them.
    """
    from claimgraph.resolve.resolver import resolve_records

    try:
        records, failed = _records_to_resolve(paths or [], None if paths else db, published,
                                              n_process, batch_size, packed=packed)
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    started = time.process_time()
    found = []
    if dask:
        from claimgraph.scale.dask_resolve import resolve_with_dask

        resolved = resolve_with_dask(records, scheduler="processes", num_workers=n_process)
    else:
        resolved = resolve_records(records)
    keep = store or not as_json  # JSON Lines alone are written as they come, never held
    for item in resolved:
        if as_json:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        if keep:
            found.append(item)
    if store:
        from claimgraph.pipeline import store_resolved

        try:
            kept = store_resolved(db, found, documents=records if paths else None)
        except ClaimgraphError as exc:
            raise _fail(exc) from None
        err.print("stored in " + db + ": " + ", ".join(f"{n} {kind}" for kind, n in kept.items()),
                  highlight=False, markup=False)
    if not as_json:
        from claimgraph.render.corpus import render_corpus

        Console(soft_wrap=False).print(render_corpus(found, records))
    err.print(f"resolved {len(records)} document(s), {failed} rejected, in "
              f"{time.process_time() - started:.1f} CPU-s", highlight=False)
    if failed:
        raise typer.Exit(1)


def _records_to_resolve(paths: list[str], db: str | None, published: str | None,
                        n_process: int, batch_size: int, *, packed: bool = False
                        ) -> tuple[list[Record], int]:
    """The records `resolve` works on: read back from --db, or analysed from the inputs (a
    rejected input is reported on stderr and counted, the others go on); ``packed``: each
    held compressed as it arrives (``scale/packed.py``)."""
    from claimgraph.scale.packed import PackedRecord, pack

    if db is not None:
        from claimgraph.store import open_store

        if not db.startswith(("postgresql://", "postgres://")) and not Path(db).exists():
            raise ClaimgraphError("E201", f"{db}: no such database")
        with open_store(db, read_only=True) as store:
            return list(pack(store.iter_records()) if packed else store.iter_records()), 0
    from claimgraph.analyze import analyze_documents
    from claimgraph.ingest import check_published_option, read_inputs
    from claimgraph.record import Record

    items = read_inputs(paths, check_published_option(published))
    records: list[Record] = []
    failed = 0
    for result in analyze_documents(items, n_process=max(1, n_process), batch_size=batch_size):
        if isinstance(result, Record):
            records.append(PackedRecord(result) if packed else result)
        else:
            failed += 1
            err.print(result.one_line(), highlight=False, markup=False)
    return records, failed


@app.command("eval")
def eval_command(
    task: Annotated[str, typer.Argument(help="Task name; `claimgraph eval list` lists them.")],
    data: Annotated[Path | None, typer.Option(help="Gold data (default: ../shared/evaldata/...).")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    fold: Annotated[str | None, typer.Option(help="Score one fixed half alone (events, places, places-lgl: a or b).")] = None,
) -> None:
    """Score an extractor against external gold data (P/R/F1, baseline alongside)."""
    from claimgraph import evaluate
    from claimgraph.evaluate.report import describe, print_report, tasks_table

    if task == "list":
        tasks = evaluate.tasks()
        if as_json:
            typer.echo(json.dumps([{"task": name, "description": describe(module),
                                    "data": module.DEFAULT_DATA} for name, module in tasks.items()],
                                  indent=2))
        else:
            Console().print(tasks_table(tasks))
        return
    try:
        report = evaluate.run(task, data, limit=limit, fold=fold)
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        print_report(report, Console())


@app.command("stance")
def stance_command(
    pairs: Annotated[str, typer.Argument(help='JSON Lines of {"id", "claim", "text"}, or - for stdin.')],
    as_json: Annotated[bool, typer.Option("--json", help='JSON Lines: {"id", "stance", "score"} a line.')] = False,
) -> None:
    """Stance of each text toward its claim: agree, disagree, discuss or unrelated (with a score)."""
    from claimgraph.resolve.stance import judge
    from claimgraph.resolve.stance_data import read_pairs

    if pairs == "-":
        handle = sys.stdin
    elif not Path(pairs).is_file():
        raise _fail(ClaimgraphError("E101", f"input not found: {pairs}"))
    else:
        handle = open(pairs, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
    failed = done = 0
    started = time.process_time()
    try:
        for result in judge(read_pairs(handle, pairs)):
            if isinstance(result, DocumentError):
                failed += 1
                err.print(result.one_line(), highlight=False, markup=False, soft_wrap=True)
                continue
            done += 1
            line = (json.dumps(result, ensure_ascii=False) if as_json
                    else f"{result['id']}\t{result['stance']}\t{result['score']}")
            sys.stdout.write(line + "\n")
    finally:
        if handle is not sys.stdin:
            handle.close()
    seconds = time.process_time() - started
    err.print(f"judged {done} pair(s), {failed} rejected, {seconds:.1f} CPU s", highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command("stance-train")
def stance_train_command(
    data: Annotated[Path | None, typer.Option(help="FNC-1 folder (default: ../shared/evaldata/fnc-1).")] = None,
    out: Annotated[Path | None, typer.Option(help="Model file (default: the package's own).")] = None,
) -> None:
    """Train the stance model on every FNC-1 training pair and write it (`make stance-model`)."""
    from claimgraph import evaluate
    from claimgraph.resolve.stance import save, shipped_model_path, train
    from claimgraph.resolve.stance_data import read_fnc

    try:
        folder = evaluate.resolve_data(evaluate.tasks()["stance"], data)
        pairs = read_fnc(folder)
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    target = out or shipped_model_path()
    save(train(pairs), target)
    err.print(f"trained on {len(pairs)} pairs from {folder}; wrote {target}", highlight=False,
              markup=False)


@app.command()
def show(
    db: Db = DEFAULT_DB,
    ids: Annotated[list[str] | None, typer.Argument(help="Document ids (default: every one).")] = None,
    full: Annotated[bool, typer.Option("--full", help=FULL_HELP)] = False,
) -> None:
    """Show stored records as `analyze` does, read back from the database."""
    from claimgraph.store import open_store

    try:
        store = open_store(db, read_only=True)
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    out = Console()
    try:
        if ids:
            for doc_id in ids:
                record = store.get_record(doc_id)
                if record is None:
                    err.print(f"error [E101] {doc_id}: no such document in {db}", highlight=False)
                    continue
                out.print(readable(record, full))
        else:
            for record in store.iter_records():
                out.print(readable(record, full))
    finally:
        store.close()


class IngestProgress:
    """The ingest progress line on stderr: read / stored / skipped / rejected and documents/s
    since the start (steadier than rich's recent-window speed); fed by ``pipeline.ingest``."""

    def __init__(self) -> None:
        from rich.progress import ProgressColumn, SpinnerColumn, Task, TimeElapsedColumn
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Task) -> Text:
                elapsed = task.elapsed or 0.0
                rate = task.completed / elapsed if elapsed > 0 else 0.0
                return Text(f"{rate:.1f} documents/s")

        self.bar = Progress(
            SpinnerColumn(), TextColumn("[bold]ingest[/]"), TextColumn("{task.completed} read"),
            TextColumn("{task.fields[stored]} stored"), TextColumn("{task.fields[skipped]} skipped"),
            TextColumn("{task.fields[rejected]} rejected"), Rate(), TimeElapsedColumn(),
            console=err, transient=False,
        )
        self.task = self.bar.add_task("ingest", total=None, stored=0, skipped=0, rejected=0)

    def __enter__(self) -> IngestProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def __call__(self, stats: IngestStats) -> None:
        self.bar.update(self.task, completed=stats.read, stored=stats.stored,
                        skipped=stats.skipped, rejected=stats.rejected)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files (text, HTML, JSONL, WARC, RSS/Atom), directories or - for stdin.")],
    db: Db = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD for inputs that carry none.")] = None,
    batch_size: Annotated[int, typer.Option(
        help="Documents checked, analysed and stored per batch.")] = 32,
    n_process: Annotated[int, typer.Option(help="Worker processes for the NLP pipeline.")] = 1,
    reanalyse: Annotated[bool, typer.Option(
        "--reanalyse", help="Analyse stored documents again and replace them.")] = False,
    retry_rejected: Annotated[bool, typer.Option(
        "--retry-rejected",
        help="Analyse documents an earlier run rejected again (they are skipped otherwise).")]
    = False,
    progress: Annotated[bool, typer.Option(
        "--progress/--no-progress", help="Progress line with documents/s on stderr.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Analyse inputs and store the records (exit 1 if any input was rejected).

    Already stored documents are skipped (unless --reanalyse), so a rerun resumes an
    interrupted ingest. Unreadable or failing inputs are kept in `rejected`; a document
    rejected before is skipped too (unless --retry-rejected). The last line counts what was
    stored, skipped and rejected.
    """
    from claimgraph.ingest import check_published_option
    from claimgraph.pipeline import ingest as run_ingest

    bar = IngestProgress() if progress else None
    try:
        with bar or nullcontext():
            stats = run_ingest(paths, db, published=check_published_option(published),
                               batch_size=max(1, batch_size), n_process=max(1, n_process),
                               reanalyse=reanalyse, retry_rejected=retry_rejected,
                               progress=bar)
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    for line in stats.errors:  # one line each, however long (soft_wrap: no wrapping)
        err.print(line, highlight=False, markup=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(stats.to_dict()) + "\n")
    before = (f", {stats.rejected_before} rejected before (skipped; --retry-rejected tries "
              "them again)") if stats.rejected_before else ""
    failed = stats.rejected + stats.rejected_before
    see = f" (see `claimgraph query rejected --db {db}`)" if failed else ""
    err.print(
        f"{stats.stored} stored, {stats.skipped} skipped (already stored), "
        f"{stats.rejected} rejected{before}{see} in {stats.seconds:.1f} s "
        f"({stats.per_second:.1f} documents/s)",
        highlight=False, markup=False, soft_wrap=True,
    )
    if failed:  # as `analyze`: a script sees that not every input is stored
        raise typer.Exit(1)


@app.command()
def delete(
    ids: Annotated[list[str], typer.Argument(
        help="Ids of stored documents (as `claimgraph query documents` lists them).")],
    db: Db = DEFAULT_DB,
) -> None:
    """Delete stored documents with everything extracted from them (exit 1 if an id was not
    stored). Sources stay: other documents may cite them."""
    from claimgraph.store import open_store

    if not db.startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        raise _fail(ClaimgraphError("E201", f"{db}: no such database"))
    try:
        with open_store(db) as store:
            stored = store.stored_ids(ids)
            store.delete_documents(stored)
    except ClaimgraphError as exc:
        raise _fail(exc) from None
    missing = [i for i in dict.fromkeys(ids) if i not in stored]
    for document_id in missing:
        err.print(f"error [E101] {document_id}: no such document in {db}",
                  highlight=False, markup=False, soft_wrap=True)
    err.print(f"{len(stored)} deleted, {len(missing)} not found", highlight=False, markup=False)
    if missing:
        raise typer.Exit(1)


# Query, serving and benchmarks live with their libraries; each is mounted here by name.
from claimgraph.bench.cli import (  # noqa: E402
    bench_api_command,
    bench_command,
    bench_resolve_command,
    bench_store_command,
)
from claimgraph.query.cli import query_app  # noqa: E402
from claimgraph.serve.cli import serve_command  # noqa: E402

app.add_typer(query_app, name="query")
app.command("serve")(serve_command)
app.command("bench")(bench_command)
app.command("bench-api")(bench_api_command)
app.command("bench-store")(bench_store_command)
app.command("bench-resolve")(bench_resolve_command)


def main() -> None:  # pragma: no cover - console entry point
    app()
