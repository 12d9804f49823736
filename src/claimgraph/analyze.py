"""Documents in, records out: the one function the CLI, the store, the API and Dask all call.

The pipeline runs over batches (``nlp.pipe``); a document that makes the pipeline fail is
retried alone and, if it fails again, comes out as a ``DocumentError`` in its place, so one bad
article never loses the others' results. A text too long for one parse is analysed in pieces
(:mod:`claimgraph.pieces`) and comes out as one record of the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph import pieces, processes
from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document
from claimgraph.ingest.readers import Item
from claimgraph.nlp import extensions, words
from claimgraph.nlp.pipeline import default_pipeline, make_docs
from claimgraph.record import Record


def record_from_doc(document: Document, doc: Doc) -> Record:
    """Assemble the contract record from a parsed ``Doc`` (lists keep the extensions' order);
    the ``Doc``'s words are then released (:func:`claimgraph.nlp.words.release`)."""
    record = Record(
        id=document.id,
        source=document.source,
        published=document.published,
        text=document.text,
        title=document.title,
        outlet=document.outlet,
        url=document.url,
        published_guessed=document.published_guessed,
        entities=extensions.results(doc, "cg_entities"),
        attributions=extensions.results(doc, "cg_attributions"),
        quantities=extensions.results(doc, "cg_quantities"),
        times=extensions.results(doc, "cg_times"),
        places=extensions.results(doc, "cg_places"),
        events=extensions.results(doc, "cg_events"),
    )
    words.release(doc)
    return record


def _parse_one(nlp: Language, document: Document) -> Record | DocumentError:
    try:
        doc = next(iter(nlp.pipe(make_docs(nlp, [(document.text, document.published)]))))
        return record_from_doc(document, doc)
    except Exception as exc:  # isolate the failing document, keep the batch going
        return DocumentError("E110", document.source, f"analysis failed: {type(exc).__name__}: {exc}")


def analyze_documents(
    items: Iterable[Item],
    nlp: Language | None = None,
    *,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Record | DocumentError]:
    """Analyse documents in input order; errors (from reading or analysis) pass through in place.

    ``n_process`` > 1 analyses them in that many worker processes
    (:mod:`claimgraph.processes`, each with the bundled pipeline; ``nlp`` is then not
    used), else here. Either way they go in batches of at most ``batch_size`` documents and
    about 20,000 characters (``processes.PARTITION_CHARS``), which bounds the parser's memory.
    """
    if n_process > 1:
        return processes.analyze_in_processes(items, n_process, analyze_partition,
                                              max_items=batch_size)
    return analyze_in_process(items, nlp, batch_size=batch_size)


def analyze_in_process(
    items: Iterable[Item], nlp: Language | None = None, *, batch_size: int = 64
) -> Iterator[Record | DocumentError]:
    """Analyse documents here, in input order, one batch (``nlp.pipe``) per partition."""
    nlp = nlp or default_pipeline()
    for batch in processes.partitions(items, max_items=batch_size):
        documents = [x for x in batch if isinstance(x, Document) and not pieces.is_long(x)]
        parsed: dict[int, Record | DocumentError] = {}
        try:
            docs = nlp.pipe(
                make_docs(nlp, [(d.text, d.published) for d in documents]),
                batch_size=max(1, len(documents)),
            )
            for document, doc in zip(documents, docs, strict=True):
                parsed[id(document)] = record_from_doc(document, doc)
        except Exception:
            for document in documents:
                if id(document) not in parsed:
                    parsed[id(document)] = _parse_one(nlp, document)
        for item in batch:
            if isinstance(item, DocumentError):
                yield item
            elif id(item) in parsed:
                yield parsed[id(item)]
            else:  # too long for one parse: piece by piece, when its turn comes
                yield pieces.analyze_in_pieces(item, lambda d: _parse_one(nlp, d))


def analyze_text(text: str, *, published: str | None = None, source: str = "<text>") -> Record:
    """Analyse one string (the API's POST /api/analyze, tests, notebooks)."""
    result = next(analyze_documents([Document(text=text, source=source, published=published)]))
    if isinstance(result, DocumentError):
        raise result
    return result


def analyze_partition(items: list[Item]) -> list[processes.Row]:
    """Analyse one partition with this process's pipeline (built once per process), as plain
    rows cheap to send back from a worker (:func:`claimgraph.processes.to_row`)."""
    try:
        return [processes.to_row(result) for result in analyze_in_process(items)]
    except Exception as exc:  # the whole partition failed: account for each document
        return processes.failed_rows(items, f"partition failed: {type(exc).__name__}: {exc}")
