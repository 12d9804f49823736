"""The corpus records: what ``claimgraph resolve`` says about many documents at once, as typed data.

``../shared/design/output.md`` ("Across documents") is the contract; these data classes are its
one definition in code, as ``claimgraph/record.py`` is for the document record. Every stage of
``resolve/`` (copies, stories, events, claims, relations) returns them, the CLI writes their
``to_dict()`` one JSON object a line, and the stores keep them. Each carries a ``kind`` so a
reader of the mixed stream knows what a line is without guessing from its fields.

Ids are content hashes of what a record groups (``corpus_id``), not counters, so resolving the
same documents twice, or on another machine, names every copy group, story and claim the same,
and a store can upsert them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

from claimgraph.ids import text_hash

RelationType = Literal["supports", "contradicts"]


def corpus_id(kind: str, members: list[str]) -> str:
    """A stable id for a group: the kind and its sorted member keys, hashed.

    Sorting makes the id independent of the order documents were read in.
    """
    return kind + ":" + text_hash("\n".join([kind, *sorted(members)]))


def _as_dict(obj: Any) -> Any:
    if isinstance(obj, list | tuple):
        return [_as_dict(x) for x in obj]
    if hasattr(obj, "__dataclass_fields__"):
        out = {"kind": obj.kind} if hasattr(obj, "kind") and isinstance(obj.kind, str) else {}
        out.update({f.name: _as_dict(getattr(obj, f.name)) for f in fields(obj)})
        return out
    return obj


@dataclass(slots=True)
class Copies:
    """One report republished: syndication, aggregators, partner sites. ``original`` is the
    earliest published of ``documents`` (ties: the first read)."""

    kind: ClassVar[str] = "copies"
    id: str
    documents: list[str]
    original: str

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


@dataclass(slots=True)
class Story:
    """Reports of one real-world happening (not of one kind of happening: two earthquakes are
    two stories)."""

    kind: ClassVar[str] = "story"
    id: str
    documents: list[str]
    title: str
    first_published: str | None = None
    last_published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


@dataclass(slots=True)
class EventMention:
    """Where one document reports a corpus event: its event id (if the document's extractor
    coded one there) and the words, as offsets into that document's text."""

    document: str
    event: str | None
    start: int
    end: int
    text: str


@dataclass(slots=True)
class CorpusEvent:
    """One real event with every mention of it across a story's documents."""

    kind: ClassVar[str] = "event"
    id: str
    story: str | None
    type: str | None
    mentions: list[EventMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


@dataclass(slots=True)
class ClaimMention:
    document: str
    attribution: str


@dataclass(slots=True)
class FirstReport:
    """Lineage: the document that carried the claim first, and when."""

    document: str
    published: str | None


@dataclass(slots=True)
class Claim:
    """One claim however many outlets carry it: same origin speaker, same content.

    ``independent_sources`` counts distinct origins once copies and via chains collapse (ten
    outlets citing Bloomberg citing one official are one); ``outlets`` counts who carried it.
    """

    kind: ClassVar[str] = "claim"
    id: str
    story: str | None
    source: str | None
    content: str
    mentions: list[ClaimMention]
    first: FirstReport
    independent_sources: int
    outlets: int

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


@dataclass(slots=True)
class RelationEnd:
    """One side of a relation: a document's attribution or quantity (an index into its
    ``quantities``)."""

    document: str
    attribution: str | None = None
    quantity: int | None = None


@dataclass(slots=True)
class Relation:
    """Two claims (or two figures about the same thing) that support or contradict each other,
    with a reason a reader can check."""

    kind: ClassVar[str] = "relation"
    type: RelationType
    a: RelationEnd
    b: RelationEnd
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


CorpusRecord = Copies | Story | CorpusEvent | Claim | Relation
