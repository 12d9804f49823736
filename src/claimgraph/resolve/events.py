"""Cross-document events: the mentions of one real event across a story's reports, as one record.

Forty reports of one incursion each code their own ASSAULT; an analyst wants one event with
every mention, its type, and what each report says of it. Within a story (the reports of one
happening, :class:`~claimgraph.resolve.corpus.Story`) each document's events (already merged
within the document: ``Event.mentions``) are taken document by document and join the corpus
event they can be, else start one. An event can be a corpus event when

- they name the same action: a word family in common
  (:func:`claimgraph.extract.events.families.family`: "exploded" / "the explosion",
  "slain" / "killed");
- nothing it says disagrees with at least one of the corpus event's mentions
  (:func:`claimgraph.extract.events.coref.compatible`, between coded events): resolved date,
  the place's country and region, actor and target. One, not all: the arguments are read off
  each report's text, and a corpus event of many reports nearly always holds one misread
  date or place that would bar every later report (ECB+'s odd topics, cross-document CoNLL
  F1 0.650 with all, 0.658 with one);

and of the corpus events it could join it takes the one sharing the most (families, then
place, time and participants that agree). Two events of one document may join one corpus
event: within a document mentions are merged only near each other (a sentence window), so
a report's lead and its ninth paragraph can name one arrest as two events, which its
story's other reports join (ECB+ odd topics 0.646 -> 0.650 on its own). Each corpus event keeps the most frequent coded type
of its members (None when none is coded). Documents in no story are resolved each on its own
story of one.

A story followed for months holds thousands of reports and hundreds of corpus events, so an
event is weighed only against the corpus events sharing one of its families, found by an index
of families (the latest ``CANDIDATES`` of each), and a corpus event keeps what that weighing
reads as counts (members per date and per place) and its latest ``ARGUMENTS`` distinct argument
sets, never a scan of every member: placing an event costs a constant, a story linear time.
Below the caps the index changes nothing (every ECB+ story clusters as an all-pairs scan did).
A corpus event that has fallen out of the latest ``CANDIDATES`` of every family it names can
never be joined again, so it is given out then (:func:`clusters`) and forgotten: a story's
events stream through, and what is held at once is bounded by the families a story names,
not by how many reports it has.

The records carry no parse, so everything is read off the record: trigger and mention texts,
the event's type, actor, target, and the place and time it links to.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from claimgraph.extract.events.coref import Mention, compatible, place_keys
from claimgraph.extract.events.families import family
from claimgraph.record import Actor, Event, Record
from claimgraph.record import Span as TextSpan
from claimgraph.resolve.copies import canonical_order
from claimgraph.resolve.corpus import CorpusEvent, EventMention, Story, corpus_id

#: words of a multi-word trigger that say nothing of the action ("checked *herself into*")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "to", "in", "on", "into", "out", "up",
                             "herself", "himself", "itself", "themselves", "off", "down"})


@dataclass(slots=True)
class DocumentEvent:
    """One document's event as cross-document coreference reads it: where it is mentioned
    (the trigger first) and what it says of when, where and who."""

    document: str
    event: str | None
    type: str | None
    spans: list[TextSpan]
    features: Mention
    families: frozenset[str] = field(default_factory=frozenset)


def families_of(spans: Iterable[TextSpan]) -> frozenset[str]:
    """The action families a set of mentions names ("attacked", "the attack": one)."""
    found: set[str] = set()
    for span in spans:
        words = [w for w in span.text.lower().split() if w not in _FUNCTION_WORDS] \
            or span.text.lower().split()
        found.update(family(w) for w in words[:2])
    return frozenset(found)


def _actor_names(actor: Actor | None) -> frozenset[str]:
    if actor is None:
        return frozenset()
    return frozenset({(actor.canonical or actor.text).lower()})


def document_events(record: Record) -> list[DocumentEvent]:
    """A record's events with the features read off the record (no parse needed)."""
    out = []
    for event in record.events:
        spans = [event.trigger, *getattr(event, "mentions", [])]
        out.append(from_event(record, event, spans))
    return out


def from_event(record: Record, event: Event, spans: Sequence[TextSpan]) -> DocumentEvent:
    places = place_keys([record.places[event.place]]) \
        if event.place is not None and event.place < len(record.places) else frozenset()
    time = record.times[event.time] if event.time is not None and event.time < len(record.times) \
        else None
    times = frozenset({time.value}) if time is not None and time.value and time.type == "DATE" \
        and time.value[:1].isdigit() else frozenset()
    participants = {role: names for role, names in (("actor", _actor_names(event.actor)),
                                                     ("target", _actor_names(event.target)))
                    if names}
    features = Mention(start=event.trigger.start, end=event.trigger.end, sentence=0,
                       family="", verbal=True, type=event.type, times=times, places=places,
                       participants=participants)
    return DocumentEvent(record.id, event.id, event.type, list(spans), features,
                         families_of(spans))


#: corpus events sharing a word family with a document event that it is weighed against: the
#: latest this many of each family (the latest joined). A story of thousands of reports holds
#: hundreds of "attack" events; the one a report retells is among the latest, and the cap keeps
#: placing an event a constant cost, so a story's events cost linear time, not quadratic
CANDIDATES = 64
#: distinct argument sets (date, place, participants) of a corpus event checked for
#: compatibility with a document event: the latest this many (copies and retellings repeat
#: one set, so a corpus event of a hundred mentions has a handful)
ARGUMENTS = 64


class _Tally:
    """How many members of a corpus event name each set of keys (dates, or places), indexed by
    key, so the members agreeing with an event are counted without a scan of every member."""

    __slots__ = ("_count", "_by_key")

    def __init__(self) -> None:
        self._count: Counter[frozenset[str]] = Counter()
        self._by_key: dict[str, set[frozenset[str]]] = {}

    def add(self, keys: frozenset[str]) -> None:
        if not keys:
            return
        if keys not in self._count:
            for key in keys:
                self._by_key.setdefault(key, set()).add(keys)
        self._count[keys] += 1

    def sharing(self, keys: frozenset[str]) -> int:
        """Members whose set shares at least one of ``keys``."""
        found: set[frozenset[str]] = set()
        for key in keys:
            found.update(self._by_key.get(key, ()))
        return sum(self._count[k] for k in found)


@dataclass(slots=True)
class _Group:
    """A corpus event being built: its members and what placing another event reads of them."""

    number: int  # founding order: of equally fitting corpus events the earliest founded wins
    members: list[DocumentEvent] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    untyped: int = 0  # members with no coded type: compatible with any event
    arguments: OrderedDict[tuple[object, ...], Mention] = field(default_factory=OrderedDict)
    places: _Tally = field(default_factory=_Tally)
    times: _Tally = field(default_factory=_Tally)

    def add(self, event: DocumentEvent) -> None:
        self.members.append(event)
        self.families.update(event.families)
        features = event.features
        self.places.add(features.places)
        self.times.add(features.times)
        if features.type is None:
            self.untyped += 1
            return
        key = (features.times, features.places, tuple(sorted(features.participants.items())))
        self.arguments.pop(key, None)
        self.arguments[key] = features
        if len(self.arguments) > ARGUMENTS:
            self.arguments.popitem(last=False)

    def compatible(self, event: DocumentEvent) -> bool:
        """Nothing ``event`` says disagrees with one of the members (one, not all: see the
        module docstring); an untyped event or member is compatible with anything."""
        if event.features.type is None or self.untyped:
            return True
        return any(compatible(event.features, m) for m in reversed(self.arguments.values()))


def _affinity(event: DocumentEvent, group: _Group) -> tuple[int, int] | None:
    """How well ``event`` fits ``group`` (shared families, members whose place and date agree),
    or None when it cannot be the same event."""
    shared = len(event.families & group.families)
    if not shared or not group.compatible(event):
        return None
    agree = group.places.sharing(event.features.places) + group.times.sharing(event.features.times)
    return shared, agree


def cluster_story(events: Iterable[DocumentEvent]) -> list[list[DocumentEvent]]:
    """Group a story's document events (in reading order) into corpus events, in the order
    they were founded.

    Each event is weighed against the corpus events sharing one of its families (the latest
    ``CANDIDATES`` of each), found by an index of families, never against all of them."""
    return [g.members for g in sorted(clusters(events), key=lambda g: g.number)]


def clusters(events: Iterable[DocumentEvent]) -> Iterator[_Group]:
    """:func:`cluster_story` as a stream: each corpus event as soon as no later event can join
    it, the rest at the end in founding order.

    An event is weighed only against the latest ``CANDIDATES`` corpus events of each of its
    families, so a corpus event that is among the latest of none of its families is closed:
    the index forgets it and it is given out. A story's memory is then its open corpus events,
    at most ``CANDIDATES`` for each family of the story, however many reports it has."""
    by_family: dict[str, dict[int, _Group]] = {}  # the latest CANDIDATES of each, oldest first
    windows: dict[int, int] = {}  # open corpus events: in how many families' latest
    open_groups: dict[int, _Group] = {}
    founded = 0
    for event in events:
        candidates: dict[int, _Group] = {}
        for name in event.families:
            candidates.update(by_family.get(name, {}))
        best: tuple[tuple[int, int], _Group] | None = None
        for number in sorted(candidates):
            group = candidates[number]
            fit = _affinity(event, group)
            if fit is not None and (best is None or fit > best[0]):
                best = (fit, group)
        if best is None:
            best = ((0, 0), _Group(founded))
            open_groups[founded], windows[founded] = best[1], 0
            founded += 1
        group = best[1]
        group.add(event)
        for name in event.families:
            latest = by_family.setdefault(name, {})
            if latest.pop(group.number, None) is None:
                windows[group.number] += 1
            latest[group.number] = group  # re-inserted last: the latest joined
            if len(latest) > CANDIDATES:
                oldest = next(iter(latest))
                del latest[oldest]
                windows[oldest] -= 1
                if not windows[oldest]:
                    del windows[oldest]
                    yield open_groups.pop(oldest)
        if not windows[group.number]:  # an event of no family: nothing can join it
            del windows[group.number]
            yield open_groups.pop(group.number)
    yield from (open_groups[n] for n in sorted(open_groups))


def corpus_event(story: str | None, members: list[DocumentEvent]) -> CorpusEvent:
    mentions = [EventMention(m.document, m.event, s.start, s.end, s.text)
                for m in members for s in m.spans]
    types = Counter(m.type for m in members if m.type is not None)
    return CorpusEvent(
        id=corpus_id("event", [f"{x.document}:{x.start}:{x.end}" for x in mentions]),
        story=story, type=types.most_common(1)[0][0] if types else None, mentions=mentions)


def resolve_story(story: str | None, events: Iterable[DocumentEvent]) -> Iterator[CorpusEvent]:
    """A story's corpus events, each given out once no later event can join it."""
    return (corpus_event(story, group.members) for group in clusters(events))


def cross_document_events(records: Sequence[Record], stories: Sequence[Story]) -> list[CorpusEvent]:
    """The corpus events of ``records``: each story's document events clustered across its
    documents (a document in no story is a story of its own, ``story: null``)."""
    return list(corpus_events(records, stories))


def corpus_events(records: Sequence[Record], stories: Sequence[Story]) -> Iterator[CorpusEvent]:
    """:func:`cross_document_events` story by story, as each is clustered: a corpus of 100,000
    reports holds millions of corpus events, which its caller may write out rather than hold."""
    by_id = {r.id: r for r in records}
    placed: set[str] = set()
    for story in stories:
        members = [by_id[d] for d in story.documents if d in by_id]
        placed.update(r.id for r in members)
        yield from resolve_story(story.id, (e for r in canonical_order(members)
                                            for e in document_events(r)))
    for record in canonical_order(records):
        if record.id not in placed:
            yield from resolve_story(None, document_events(record))

