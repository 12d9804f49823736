"""``claimgraph resolve`` on Dask: the same stages, their heavy parts on the workers.

Resolve is not a map over documents: a copy group, a story, a claim can hold documents from
anywhere in the corpus. So the corpus is not cut into independent pieces (no cut keeps every
group whole and every frequency the same); the same orchestrator (``resolve/resolver.py``)
runs, and the parts of it that are independent by construction go to the workers:

- **shingling** for copies (most of the copies stage: words, 5-word hashes, two MinHash
  sketches per document) needs only a document's text: partitions of documents in reading
  order, each shingled by :func:`claimgraph.resolve.copies.shingle_document`; the LSH index and
  the exact check then run over the sketches, in order, as ``find_copies`` does;
- **cross-document events** (the costliest stage) are clustered within one story and read
  nothing outside it: partitions of whole stories, kept in story order and balanced by their
  documents, each run through :func:`claimgraph.resolve.events.cross_document_events`.

Stories (one pass in publication order over an index every placement changes), claims (a
speaker's claims may span stories, weighed by corpus-wide term frequencies) and relations stay
in the client's process, as they run alone. Each part is the single-machine function on a
subset it cannot see past, so the records are the same, in the same order
(``tests/scale/test_dask_resolve.py`` checks it on a LocalCluster).

The scheduler is Dask's: a ``distributed`` Client made before the call (a LocalCluster, or one
across machines) is used; else ``scheduler`` names one of Dask's local schedulers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimgraph.extras import require
from claimgraph.record import Record
from claimgraph.resolve.copies import Shingled, find_copies, shingle_document
from claimgraph.resolve.corpus import Copies, CorpusRecord, Story
from claimgraph.resolve.events import cross_document_events
from claimgraph.resolve.resolver import STAGES, Corpus, Stage, resolve_events, resolve_records

#: documents a partition holds (a story larger than this is a partition of its own)
PARTITION_DOCUMENTS = 2000


def shingle_partition(texts: Sequence[tuple[str, str]]) -> list[Shingled]:
    """(id, text) pairs -> their shingles and sketches, in order (a worker's task)."""
    return [shingle_document(key, text) for key, text in texts]


def story_partitions(stories: Sequence[Story], size: int) -> list[list[Story]]:
    """Consecutive runs of stories of about ``size`` documents each, in story order."""
    parts: list[list[Story]] = [[]]
    held = 0
    for story in stories:
        if parts[-1] and held + len(story.documents) > size:
            parts.append([])
            held = 0
        parts[-1].append(story)
        held += len(story.documents)
    return [p for p in parts if p]


class DaskResolver:
    """The Dask parts of one resolve (see the module docstring)."""

    def __init__(self, *, partition_documents: int = PARTITION_DOCUMENTS,
                 scheduler: str | None = None, num_workers: int | None = None) -> None:
        self.size = max(1, partition_documents)
        self.config: dict[str, Any] = {}
        if scheduler is not None:
            self.config["scheduler"] = scheduler
        if num_workers:
            self.config["num_workers"] = num_workers

    def _compute(self, tasks: list[Any]) -> tuple[Any, ...]:
        import dask

        with dask.config.set(self.config):
            return dask.compute(*tasks)  # type: ignore[no-any-return]

    def copies(self, records: list[Record]) -> list[Copies]:
        """``find_copies`` with the documents shingled on the workers."""
        from dask import delayed

        tasks = [delayed(shingle_partition)([(r.id, r.text) for r in records[i:i + self.size]])
                 for i in range(0, len(records), self.size)]
        shingled = (doc for part in self._compute(tasks) for doc in part)
        return find_copies(records, shingled=shingled)

    def events(self, corpus: Corpus) -> Iterable[CorpusRecord]:
        """``resolve_events`` with the stories' events clustered on the workers."""
        from dask import delayed

        tasks = []
        for part in story_partitions(corpus.stories, self.size):
            members = [corpus.record(d) for story in part for d in story.documents]
            tasks.append(delayed(cross_document_events)(members, part))
        alone = [r for r in corpus.records if corpus.story_of(r.id) is None]
        if alone:
            tasks.append(delayed(cross_document_events)(alone, []))
        return [event for part in self._compute(tasks) for event in part]

    def stages(self) -> list[Stage]:
        return [self.events if stage is resolve_events else stage for stage in STAGES]


def resolve_with_dask(records: Iterable[Record], *,
                      partition_documents: int = PARTITION_DOCUMENTS,
                      scheduler: str | None = None,
                      num_workers: int | None = None) -> Iterator[CorpusRecord]:
    """The records ``resolve_records`` gives, with its heavy parts on Dask's workers."""
    require("dask", "resolving with --dask")
    dask = DaskResolver(partition_documents=partition_documents, scheduler=scheduler,
                        num_workers=num_workers)
    yield from resolve_records(records, dask.stages(), copies=dask.copies)
