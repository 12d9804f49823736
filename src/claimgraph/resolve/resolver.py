"""Records in, corpus records out: the stages of ``claimgraph resolve``, run in order.

Copies come first (a republished report must count once in everything after it), then stories
(each copy group placed as one unit), then the stages that work inside stories. Each later
stage is a function of the :class:`Corpus` resolved so far::

    def resolve_events(corpus: Corpus) -> Iterable[CorpusEvent]: ...

and is plugged in by adding it to ``STAGES`` below, in the order it must run. A stage reads the
documents (``corpus.records``, ``corpus.record(id)``), the copy groups and stories
(``corpus.copies``, ``corpus.stories``, ``corpus.story_of(id)``, ``corpus.original_of(id)``)
and what earlier stages found (``corpus.found``, e.g. the claims a relations stage compares),
and yields its own records; the orchestrator appends them to ``corpus.found`` before the next
stage runs and streams them to the caller. Corpus events are kept in ``found`` only as far as
a later stage reads them (relations tie a figure to the corpus event of the document event that
counts it): each keeps the mentions of document events that count a figure, and one with none
is not kept. A corpus of 100,000 reports has millions of corpus events; the caller gets every
one, whole, as it is made, and may write it out rather than hold it. The planned stages: cross-document events
(``resolve/events.py``), claims (``resolve/claims.py``), then relations between claims and
figures (``resolve/relations.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from claimgraph.record import Record
from claimgraph.resolve.claims import find_claims
from claimgraph.resolve.copies import find_copies, reading_order
from claimgraph.resolve.corpus import Claim, Copies, CorpusEvent, CorpusRecord, Story
from claimgraph.resolve.events import corpus_events
from claimgraph.resolve.relations import find_relations
from claimgraph.resolve.stories import find_stories


@dataclass(slots=True)
class Corpus:
    """Everything a stage may read: the documents, their copy groups and stories, and what the
    stages before it found."""

    records: list[Record]
    copies: list[Copies] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    found: list[CorpusRecord] = field(default_factory=list)
    _by_id: dict[str, Record] = field(default_factory=dict)
    _story: dict[str, str] = field(default_factory=dict)
    _original: dict[str, str] = field(default_factory=dict)
    _counts: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {r.id: r for r in self.records}
        self.index()

    def index(self) -> None:
        """(Re)build the lookups from ``copies`` and ``stories``."""
        self._original = {d: c.original for c in self.copies for d in c.documents}
        self._story = {d: s.id for s in self.stories for d in s.documents}

    def record(self, document_id: str) -> Record:
        return self._by_id[document_id]

    def story_of(self, document_id: str) -> str | None:
        """The id of the story a document belongs to."""
        return self._story.get(document_id)

    def original_of(self, document_id: str) -> str:
        """The original of the report a document carries: itself unless it is a copy."""
        return self._original.get(document_id, document_id)

    def keep(self, item: CorpusRecord) -> None:
        """Add a stage's record to ``found``, a corpus event as far as later stages read it
        (see the module docstring)."""
        if isinstance(item, CorpusEvent):
            mentions = [m for m in item.mentions if m.event in self._counting(m.document)]
            if not mentions:
                return
            item = replace(item, mentions=mentions)
        self.found.append(item)

    def _counting(self, document_id: str) -> frozenset[str]:
        """Ids of a document's events that count a figure (``Event.quantities``)."""
        if document_id not in self._counts:
            self._counts[document_id] = frozenset(
                e.id for e in self.record(document_id).events if e.quantities)
        return self._counts[document_id]


Stage = Callable[[Corpus], Iterable[CorpusRecord]]

def resolve_events(corpus: Corpus) -> Iterable[CorpusRecord]:
    """Cross-document events: each story's events clustered across its documents."""
    return corpus_events(corpus.records, corpus.stories)


def resolve_claims(corpus: Corpus) -> Iterable[CorpusRecord]:
    """Claims: one speaker saying one thing, however many outlets carry it."""
    return find_claims(corpus.records, corpus.copies, corpus.stories)


def resolve_relations(corpus: Corpus) -> Iterable[CorpusRecord]:
    """Relations between the claims and the figures found so far (figures of one corpus event
    are compared within it)."""
    claims = [item for item in corpus.found if isinstance(item, Claim)]
    events = [item for item in corpus.found if isinstance(item, CorpusEvent)]
    return find_relations(corpus.records, claims, corpus.copies, corpus.stories, events)


#: the stages after copies and stories, in the order they run (see the module docstring)
STAGES: list[Stage] = [resolve_events, resolve_claims, resolve_relations]


def resolve_records(records: Iterable[Record], stages: Iterable[Stage] | None = None, *,
                    copies: Callable[[list[Record]], list[Copies]] = find_copies
                    ) -> Iterator[CorpusRecord]:
    """Resolve a batch of analysed documents: copy groups, then stories, then each stage's records.

    Documents with the same id (the same text read twice) count once. ``copies`` finds the copy
    groups of the documents in reading order (``scale/dask_resolve.py`` shingles them on its
    workers; the groups must be the same).
    """
    corpus = Corpus(reading_order(records))
    corpus.copies = copies(corpus.records)
    corpus.stories = find_stories(corpus.records, corpus.copies)
    corpus.index()
    corpus.found.extend(corpus.copies)
    corpus.found.extend(corpus.stories)
    yield from corpus.copies
    yield from corpus.stories
    for stage in STAGES if stages is None else stages:
        for item in stage(corpus):
            corpus.keep(item)
            yield item
