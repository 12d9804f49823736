"""Ingest: inputs -> documents -> records -> the store, resumable and idempotent.

This is the one place where reading (``claimgraph.ingest``), analysis (``claimgraph.analyze``)
and storage (``claimgraph.store``) meet, so that each of those three knows nothing of the
others: the store holds rows, schema and SQL only. ``claimgraph ingest`` calls ``ingest``; the
API's ``POST /api/documents`` calls ``store_document``.

Documents are read lazily (``claimgraph.ingest.read_inputs``), checked against the store in
chunks *before* analysis (a document whose id is stored already costs one lookup, not a parse),
analysed as one stream (``claimgraph.analyze.analyze_documents``, so worker processes never wait
for a batch to end) and stored one transaction per batch (``Store.add_records``). So an interrupted run leaves only whole documents behind, and
running it again resumes where it stopped (re-analysing at most one batch); every input ends up
stored, or in ``rejected`` with its reason.

A document that failed analysis or storage is remembered by its content hash, so a rerun skips
it before analysis too (counted as ``rejected_before``) instead of spending the same failing
parse again; ``retry_rejected`` (``--retry-rejected``), or ``reanalyse``, tries it once more.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from claimgraph.errors import DocumentError
from claimgraph.ids import text_hash
from claimgraph.ingest.document import Document
from claimgraph.store import DEFAULT_DB, Store, open_store

if TYPE_CHECKING:
    from spacy.language import Language

    from claimgraph.record import Record
    from claimgraph.resolve.corpus import CorpusRecord

Item: TypeAlias = Document | DocumentError


@dataclass(slots=True)
class IngestStats:
    """What one ingest did. ``read`` counts inputs: documents and unreadable inputs."""

    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store (or twice in this run)
    rejected: int = 0
    rejected_before: int = 0  # skipped: the same content was rejected by an earlier run
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # one line per rejected input

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["per_second"] = round(self.per_second, 2)
        return out


#: called with the running counts after each batch (the CLI draws its progress line with it)
Progress: TypeAlias = Callable[[IngestStats], None]


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


class _Loader:
    """The state of one ingest run: store, lazily built pipeline, counts."""

    def __init__(
        self,
        store: Store,
        nlp: Language | None,
        batch_size: int,
        n_process: int = 1,
        reanalyse: bool = False,
        retry_rejected: bool = False,
    ) -> None:
        self.store = store
        self.reanalyse = reanalyse
        self.retry_rejected = retry_rejected or reanalyse
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process
        self.stats = IngestStats()
        self.seen: set[str] = set()
        self.pending: list[DocumentError] = []  # rejections, stored once per batch
        self.hashes: dict[str, str] = {}  # input -> content hash of documents not yet stored
        self.progress: Progress | None = None
        self.start = time.perf_counter()

    def flush(self) -> None:
        """Store the rejections so far (one transaction), with their documents' hashes.

        Hashes of documents read ahead and not yet analysed stay for a later flush."""
        if self.pending:
            self.store.reject_errors(self.pending, self.hashes)
            for error in self.pending:
                self.hashes.pop(error.source, None)
            self.pending = []

    def reject(self, error: DocumentError) -> None:
        self.pending.append(error)
        self.stats.rejected += 1
        if len(self.stats.errors) < 1000:  # the first ones; all are in the rejected table
            self.stats.errors.append(error.one_line())

    def new_documents(self, chunk: list[Item]) -> list[Document]:
        """The chunk's documents neither stored nor rejected before (errors are stored in
        ``rejected`` here)."""
        documents = [x for x in chunk if isinstance(x, Document)]
        stored = set() if self.reanalyse else self.store.stored_ids(d.id for d in documents)
        hashes = {id(d): text_hash(d.text) for d in documents}
        failed = set() if self.retry_rejected else self.store.rejected_hashes(hashes.values())
        todo = []
        for item in chunk:
            if isinstance(item, DocumentError):
                self.reject(item)
            elif item.id in stored or item.id in self.seen:
                self.stats.skipped += 1
            elif hashes[id(item)] in failed:
                self.stats.rejected_before += 1
            else:
                self.hashes[item.source] = hashes[id(item)]
                self.seen.add(item.id)
                todo.append(item)
        return todo

    def to_analyse(self, chunks: Iterable[list[Item]]) -> Iterator[Document]:
        """The new documents of every chunk, read lazily as analysis asks for more (the
        progress line moves on chunks of stored documents skipped, too)."""
        for chunk in chunks:
            self.stats.read += len(chunk)
            yield from self.new_documents(chunk)
            self.report()

    def report(self) -> None:
        self.stats.seconds = time.perf_counter() - self.start
        if self.progress is not None:
            self.progress(self.stats)

    def analyse_and_store(self, documents: Iterable[Document]) -> None:
        """Analyse the documents as one stream and store the records ``batch_size`` at a time.

        One stream, not one analysis per batch: with worker processes, a batch boundary would
        leave all but one worker idle while the batch's last partition finishes, and the
        pool's read-ahead keeps at most a few partitions in memory either way.
        """
        iterator = iter(documents)
        first = next(iterator, None)
        if first is not None:  # the model is loaded only when something needs analysing
            if self.nlp is None and self.n_process <= 1:
                from claimgraph.nlp.pipeline import default_pipeline

                self.nlp = default_pipeline()
            from claimgraph.analyze import analyze_documents

            batch: list[Record] = []
            for result in analyze_documents(
                chain([first], iterator), self.nlp, batch_size=self.batch_size,
                n_process=self.n_process,
            ):
                if isinstance(result, DocumentError):
                    self.reject(result)
                else:
                    batch.append(result)
                if len(batch) >= self.batch_size:
                    self.store_batch(batch)
                    batch = []
            self.store_batch(batch)
        else:
            self.store_batch([])

    def store_batch(self, records: list[Record]) -> None:
        """One transaction for the batch (a failing record is retried alone, see add_records),
        then the rejections so far, then the progress line."""
        for outcome in self.store.add_records(records, replace=self.reanalyse):
            if isinstance(outcome, DocumentError):
                self.reject(outcome)
            elif outcome:
                self.stats.stored += 1
            else:  # stored by someone else since the check (another ingest into PostgreSQL)
                self.stats.skipped += 1
        for record in records:
            self.hashes.pop(record.source, None)
        self.flush()
        self.report()


def ingest(
    paths: Iterable[str | Path | Document | DocumentError],
    db: str | Path | Store = DEFAULT_DB,
    *,
    published: str | None = None,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    reanalyse: bool = False,
    retry_rejected: bool = False,
    progress: Progress | None = None,
    stdin: bytes | None = None,
) -> IngestStats:
    """Read, analyse and store every input under ``paths`` (files, directories, ``-``, or
    ready ``Document`` objects).

    ``db`` is a store or a ``--db`` value (DuckDB path or PostgreSQL URL; opened and closed
    here). ``published`` is the date for inputs that carry none. ``nlp`` is the pipeline to use
    (built on first need, so a run with nothing new to analyse never loads the model);
    ``batch_size`` documents are checked, analysed and stored per transaction, with
    ``n_process`` spaCy worker processes. ``reanalyse`` analyses stored documents again and
    replaces them (after the pipeline changed) instead of skipping them. A document whose
    content was rejected by an earlier run (failed analysis or write) is skipped before
    analysis, unless ``retry_rejected`` (or ``reanalyse``) asks to try it again.
    ``progress`` is called with the running counts after every batch. Documents already
    stored are skipped before analysis; unreadable inputs and failed analyses go to
    ``rejected``. Returns the counts.
    """
    own = not isinstance(db, Store)
    store = open_store(db) if not isinstance(db, Store) else db
    loader = _Loader(store, nlp, batch_size, n_process, reanalyse, retry_rejected)
    start = time.perf_counter()
    try:
        chunks = _chunks(_read(paths, published, stdin), batch_size)
        loader.progress, loader.start = progress, start
        loader.analyse_and_store(loader.to_analyse(chunks))
    finally:
        loader.stats.seconds = time.perf_counter() - start
        if own:
            store.close()
    return loader.stats


def store_document(
    document: Document,
    *,
    analyse: Callable[[Document], Record],
    add: Callable[[Record], bool],
) -> tuple[Record, bool]:
    """Analyse one ready document and store its record: the API's write path.

    ``analyse`` turns the document into its record (the API runs it behind its concurrency
    gate; it raises ``DocumentError`` when analysis fails, and nothing is stored); ``add``
    stores a record and says whether it was new. The stored record takes its identity and
    metadata (id, source, title, outlet, url) from the document, whatever the analyser put
    there, as ``ingest`` does. Returns the record and whether it was stored (False: a document
    with its id is stored already).
    """
    record = analyse(document)
    record.id, record.source = document.id, document.source
    record.title, record.outlet, record.url = document.title, document.outlet, document.url
    return record, add(record)


def store_resolved(
    db: str | Path,
    found: Sequence[CorpusRecord],
    *,
    documents: Sequence[Record] | None = None,
) -> dict[str, int]:
    """Keep what ``claimgraph resolve --store`` found: ``claimgraph resolve`` -> the store.

    With ``documents`` (resolve analysed its INPUTS) those records are stored first, as
    ``ingest`` would (a stored id is skipped), so the story and claim pages can show every
    report; the corpus records then upsert (a rerun replaces what it resolves again, see
    ``store/corpus.py``). With None, resolve read the whole of ``db``, so its records replace
    every corpus record stored before. Returns how many of each kind were written.
    """
    with open_store(db) as store:
        if documents is not None:
            refused = [r for r in store.add_records(documents) if isinstance(r, DocumentError)]
            if refused:
                raise refused[0]
        return store.add_corpus(found, replace=documents is None)
