"""Within-document event coreference: "the incursion", "the attack", "the operation" are one event.

A report names its main event many times; an analyst counting events needs it once, with all
its mentions. Mentions are taken in text order and each joins the nearest earlier event it can
be, else starts a new one. A mention can be an earlier event when

- it names the same action (:func:`claimgraph.extract.events.families.family`: "exploded",
  "the explosion"), or it is a definite noun ("the attack", "the operation") whose coded type is
  the earlier event's (an ASSAULT joins an ASSAULT), and
- nothing they say disagrees (:func:`compatible`): a resolved date, a named place, a named
  participant of the same kind (two people, two countries) that differ keep two attacks apart.

An indefinite noun ("an attack", "another strike") introduces an event: it never joins an
earlier one. Saying-verbs ("said", "told") are separate acts of saying each time and never join
by their word alone.

:func:`cluster` works on :class:`Mention` features, so the same clustering serves the events
component (coreferent events become one record, the earliest mention its trigger, the others its
``mentions``) and the evaluation, which may hand it more mentions than the component codes today.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from claimgraph.extract.events.families import family
from claimgraph.knowledge import word_sets
from claimgraph.record import Event, Place, Time

_WORDS = word_sets("events/words.tsv")
#: saying is an event each time it is said: these never join an earlier event by word alone
SAYING = _WORDS["coref_saying"]
#: determiners that make a noun point back ("the attack") or forward to a new one ("an attack")
DEFINITE = _WORDS["coref_definite"]
INDEFINITE = _WORDS["coref_indefinite"]
#: named participants of these kinds must agree: two different people, two different countries
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
#: how far back (sentences) a mention looks for its event
WINDOW = 8


@dataclass(slots=True)
class Mention:
    """What coreference reads of one event mention. ``participants`` are named participants by
    kind (an entity label within a document; "actor"/"target" across documents), lowercased."""

    start: int
    end: int
    sentence: int
    family: str
    verbal: bool
    definite: bool = False
    indefinite: bool = False
    type: str | None = None
    times: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    participants: dict[str, frozenset[str]] = field(default_factory=dict)


def _disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and not (a & b)


def _times_disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two resolved dates disagree when neither contains the other ("2013-05" holds "2013-05-03")."""
    if not a or not b:
        return False
    return not any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def compatible(a: Mention, b: Mention) -> bool:
    """Nothing the two mentions say about when, where and who disagrees."""
    if _times_disagree(a.times, b.times) or _disagree(a.places, b.places):
        return False
    return not any(_disagree(names, b.participants.get(role, frozenset()))
                   for role, names in a.participants.items())


def _may_join(mention: Mention, members: list[Mention]) -> bool:
    if mention.indefinite:
        return False
    first = members[0]
    same_action = any(m.family == mention.family for m in members)
    if same_action and mention.family in SAYING:
        return False
    same_type = (mention.definite and not mention.verbal and mention.type is not None
                 and any(m.type == mention.type for m in members))
    if not (same_action or same_type):
        return False
    if mention.sentence - max(m.sentence for m in members) > WINDOW and first.verbal:
        return False
    return all(compatible(mention, m) for m in members)


def cluster(mentions: list[Mention]) -> list[list[int]]:
    """Group mentions (in text order) into events: lists of indexes, each in text order."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    groups: list[list[int]] = []
    for i in order:
        mention = mentions[i]
        for group in reversed(groups):  # the nearest earlier event first
            if _may_join(mention, [mentions[j] for j in group]):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


# -- features from a parsed Doc ------------------------------------------------------------------

def _scope(tok: Token) -> tuple[int, int]:
    """Characters a mention's own arguments lie in: a noun's phrase, a verb's clause."""
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def _participants(tok: Token) -> dict[str, frozenset[str]]:
    """Named participants hanging on the mention: its subject, objects, "of"/"on"/"by" phrases."""
    found: dict[str, set[str]] = {}
    for child in tok.children:
        if child.dep_ not in {"nsubj", "nsubjpass", "dobj", "prep", "poss", "agent", "compound",
                              "pobj", "dative"}:
            continue
        for t in child.subtree:
            if t.ent_type_ in PARTICIPANT_LABELS and t.ent_iob_ == "B":
                ent = next((e for e in t.doc.ents if e.start == t.i), None)
                if ent is not None:
                    found.setdefault(ent.label_, set()).add(ent.text.lower())
    return {label: frozenset(names) for label, names in found.items()}


def mention_of(tok: Token, *, event: Event | None = None, places: list[Place] | None = None,
               times: list[Time] | None = None) -> Mention:
    """The coreference features of the event mention headed by ``tok`` (its event, if coded)."""
    dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "poss", "nummod"}}
    lo, hi = _scope(tok)
    place_names = {p.name.lower() or p.text.lower() for p in places or []
                   if lo <= p.start and p.end <= hi and p.kind == "place"}
    time_values = {t.value for t in times or [] if lo <= t.start and t.end <= hi
                   and t.type == "DATE" and t.value and t.value[:1].isdigit()}
    if event is not None:
        if event.place is not None and places:
            place_names.add(places[event.place].name.lower() or places[event.place].text.lower())
        if event.time is not None and times and times[event.time].value:
            time_values.add(times[event.time].value or "")
    verbal = tok.pos_ in {"VERB", "AUX"}
    return Mention(
        start=tok.idx, end=tok.idx + len(tok.text), sentence=_sentence_index(tok),
        family=family(tok.lemma_ or tok.text), verbal=verbal,
        definite=not verbal and bool(dets & DEFINITE) and not dets & INDEFINITE,
        indefinite=not verbal and bool(dets & INDEFINITE),
        type=event.type if event is not None else None,
        times=frozenset(v for v in time_values if v), places=frozenset(place_names),
        participants=_participants(tok),
    )


def _sentence_index(tok: Token) -> int:
    doc = tok.doc
    if not doc.has_annotation("SENT_START"):
        return 0
    return sum(1 for s in doc.sents if s.start <= tok.i) - 1
