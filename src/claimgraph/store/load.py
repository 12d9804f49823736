"""Ingest: inputs -> documents -> records -> the store, resumable and idempotent.

Documents are read lazily (``claimgraph.ingest.read_inputs``), checked against the store in
chunks *before* analysis (a document whose id is stored already costs one lookup, not a parse),
analysed in batches (``claimgraph.analyze.analyze_documents``) and stored one transaction per
batch (``Store.add_records``). So an interrupted run leaves only whole documents behind, and
running it again resumes where it stopped (re-analysing at most one batch); every input ends up
stored, or in ``rejected`` with its reason.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document
from claimgraph.store.base import Store

if TYPE_CHECKING:
    from rich.progress import Progress
    from spacy.language import Language

Item: TypeAlias = Document | DocumentError


@dataclass(slots=True)
class IngestStats:
    """What one ingest did. ``read`` counts inputs: documents and unreadable inputs."""

    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store (or twice in this run)
    rejected: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # one line per rejected input

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["per_second"] = round(self.per_second, 2)
        return out


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _read(
    inputs: Iterable[str | Path | Item], published: str | None, stdin: bytes | None
) -> Iterator[Item]:
    """Paths are read by ``claimgraph.ingest.read_inputs``; ready ``Document``s (and errors)
    pass through, so the API can ingest what it was sent."""
    from claimgraph.ingest import read_inputs

    for entry in inputs:
        if isinstance(entry, Document | DocumentError):
            yield entry
        else:
            yield from read_inputs([entry], published, stdin=stdin)


def _progress() -> Progress:
    from rich.console import Console
    from rich.progress import (
        Progress,
        ProgressColumn,
        SpinnerColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        """Documents per second since the start (steadier than rich's recent-window speed)."""

        def render(self, task: Task) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.completed / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:.1f} documents/s")

    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/]"),
        TextColumn("{task.completed} read"),
        TextColumn("{task.fields[stored]} stored"),
        TextColumn("{task.fields[skipped]} skipped"),
        TextColumn("{task.fields[rejected]} rejected"),
        Rate(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )


class _Loader:
    """The state of one ingest run: store, lazily built pipeline, counts."""

    def __init__(
        self,
        store: Store,
        nlp: Language | None,
        batch_size: int,
        n_process: int = 1,
        reanalyse: bool = False,
    ) -> None:
        self.store = store
        self.reanalyse = reanalyse
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process
        self.stats = IngestStats()
        self.seen: set[str] = set()
        self.pending: list[DocumentError] = []  # rejections, stored once per batch

    def flush(self) -> None:
        """Store the batch's rejections (one transaction)."""
        if self.pending:
            self.store.reject_errors(self.pending)
            self.pending = []

    def reject(self, error: DocumentError) -> None:
        self.pending.append(error)
        self.stats.rejected += 1
        if len(self.stats.errors) < 1000:  # the first ones; all are in the rejected table
            self.stats.errors.append(error.one_line())

    def new_documents(self, chunk: list[Item]) -> list[Document]:
        """The chunk's documents not stored yet (errors are stored in ``rejected`` here)."""
        documents = [x for x in chunk if isinstance(x, Document)]
        stored = set() if self.reanalyse else self.store.stored_ids(d.id for d in documents)
        todo = []
        for item in chunk:
            if isinstance(item, DocumentError):
                self.reject(item)
            elif item.id in stored or item.id in self.seen:
                self.stats.skipped += 1
            else:
                self.seen.add(item.id)
                todo.append(item)
        return todo

    def analyse_and_store(self, documents: list[Document]) -> None:
        if not documents:
            return
        from claimgraph.analyze import analyze_documents

        if self.nlp is None:
            from claimgraph.nlp.pipeline import default_pipeline

            self.nlp = default_pipeline()
        records = []
        for result in analyze_documents(
            documents, self.nlp, batch_size=self.batch_size, n_process=self.n_process
        ):
            if isinstance(result, DocumentError):
                self.reject(result)
            else:
                records.append(result)
        # One transaction for the batch (a failing record is retried alone, see add_records).
        for outcome in self.store.add_records(records, replace=self.reanalyse):
            if isinstance(outcome, DocumentError):
                self.reject(outcome)
            elif outcome:
                self.stats.stored += 1
            else:  # stored by someone else since the check (another ingest into PostgreSQL)
                self.stats.skipped += 1


def ingest(
    paths: Iterable[str | Path | Document | DocumentError],
    db: str | Path | Store = "claimgraph.duckdb",
    *,
    published: str | None = None,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    reanalyse: bool = False,
    progress: bool = True,
    stdin: bytes | None = None,
) -> IngestStats:
    """Read, analyse and store every input under ``paths`` (files, directories, ``-``, or
    ready ``Document`` objects).

    ``db`` is a store or a ``--db`` value (DuckDB path or PostgreSQL URL; opened and closed
    here). ``published`` is the date for inputs that carry none. ``nlp`` is the pipeline to use
    (built on first need, so a run with nothing new to analyse never loads the model);
    ``batch_size`` documents are checked, analysed and stored per transaction, with
    ``n_process`` spaCy worker processes. ``reanalyse`` analyses stored documents again and
    replaces them (after the pipeline changed) instead of skipping them.
    ``progress`` shows a rich progress line with documents/s on stderr. Documents already
    stored are skipped before analysis; unreadable inputs and failed analyses go to
    ``rejected``. Returns the counts.
    """
    from claimgraph.store import open_store

    own = not isinstance(db, Store)
    store = open_store(db) if not isinstance(db, Store) else db
    loader = _Loader(store, nlp, batch_size, n_process, reanalyse)
    start = time.perf_counter()
    bar = _progress() if progress else None
    task = None
    try:
        if bar is not None:
            bar.start()
            task = bar.add_task("ingest", total=None, stored=0, skipped=0, rejected=0)
        for chunk in _chunks(_read(paths, published, stdin), batch_size):
            loader.stats.read += len(chunk)
            loader.analyse_and_store(loader.new_documents(chunk))
            loader.flush()
            if bar is not None and task is not None:
                s = loader.stats
                bar.update(task, completed=s.read, stored=s.stored, skipped=s.skipped,
                           rejected=s.rejected)
    finally:
        if bar is not None:
            bar.stop()
        loader.stats.seconds = time.perf_counter() - start
        if own:
            store.close()
    return loader.stats
