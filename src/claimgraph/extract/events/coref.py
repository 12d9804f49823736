"""Within-document event coreference: "the incursion", "the attack", "the operation" are one event.

A report names its main event many times; an analyst counting events needs it once, with all
its mentions. Mentions are taken in text order and each joins the nearest earlier event it can
be, else starts a new one. A mention can be an earlier event when

- it names the same action (:func:`claimgraph.extract.events.families.family`: "exploded",
  "the explosion"), or it is a definite noun ("the attack", "the operation") whose coded type is
  the earlier event's (an ASSAULT joins an ASSAULT), and
- nothing they say disagrees (:func:`compatible`): a resolved date, a place's country or
  region, a named person, an actor or target that differ keep two attacks apart.

An indefinite noun ("an attack", "another strike") introduces an event: it never joins an
earlier one, except that "a"/"an" may introduce in the body the event a headline named without
an article ("Airbus wins Qatar *order*" ... "has won *an order*"). Saying-verbs ("said",
"told") are separate acts of saying each time and never join by their word alone; "the
announcement" points back to the one announcing before it.

:func:`cluster` works on :class:`Mention` features, so the same clustering serves the events
component (:func:`merge_events`: coreferent events become one record, the earliest mention its
trigger, the others its ``mentions``) and the evaluation, which may hand it more mentions than
the component codes today.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from spacy.tokens import Doc, Token

from claimgraph.extract.events.families import family
from claimgraph.extract.events.triggers import root_word
from claimgraph.knowledge import word_sets
from claimgraph.nlp.extensions import text_of
from claimgraph.nlp.words import Word, word, words
from claimgraph.record import Event, Place, Time, span_of

T = TypeVar("T")

_WORDS = word_sets("events/words.tsv")
#: saying is an event each time it is said: these never join an earlier event by word alone
SAYING = _WORDS["coref_saying"]
#: determiners that make a noun point back ("the attack") or forward to a new one ("an attack")
DEFINITE = _WORDS["coref_definite"]
INDEFINITE = _WORDS["coref_indefinite"]
#: the indefinite articles, with which a story's body introduces the event its headline named
REINTRODUCING = frozenset({"a", "an"})
#: named participants that must agree: two different people are two different events (names of
#: organisations and places vary too much in one story to tell: "police", "LAPD")
PARTICIPANT_LABELS = frozenset({"PERSON"})
#: how far back (sentences) a mention looks for its event
WINDOW = 8
_SENTENCE_STARTS = "claimgraph.coref.sentence_starts"
_ENTITIES = "claimgraph.coref.entities"
_ENTITIES_BY_START = "claimgraph.coref.entities_by_start"
_PLACES_BY_START = "claimgraph.coref.places_by_start"
_TIMES_BY_START = "claimgraph.coref.times_by_start"


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
    #: the determiners of an event noun ("the", "an", "its"), lowercased; none on a verb
    determiners: frozenset[str] = frozenset()

    @property
    def bare(self) -> bool:
        """A noun with no determiner, as headlines write them ("Airbus wins Qatar *order*")."""
        return not self.verbal and not self.determiners


def _words(names: frozenset[str]) -> set[str]:
    return {w for name in names for w in name.split() if len(w) > 2}


def _disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of names disagree when both are given and share no word: "Lindsay Lohan" and
    "Lohan" agree, "Kandahar" and "Herat" do not."""
    return bool(a) and bool(b) and not (_words(a) & _words(b))


def _places_disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Places are compared where they are known, country against country, region against
    region ("country:AF", "admin1:AF-KAN"): a town and the facility in it agree, Kandahar and
    Herat do not. Names alone say nothing: the same place is named at many scales."""
    return any(_disagree_exactly({x for x in a if x.startswith(kind)},
                                 {x for x in b if x.startswith(kind)})
               for kind in ("country:", "admin1:"))


def _disagree_exactly(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and not (a & b)


def _times_disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two resolved dates disagree when neither contains the other ("2013-05" holds "2013-05-03")."""
    if not a or not b:
        return False
    return not any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def compatible(a: Mention, b: Mention) -> bool:
    """Nothing the two mentions say about when, where and who disagrees.

    Checked between coded events (attacks, protests, arrests: what recurs as distinct
    happenings in one report and what an analyst counts); between uncoded mentions the
    arguments read off the parse disagreed more often by mistake than by right (ECB+'s odd
    topics, CoNLL F1 checking every mention / coded events only: within documents 0.641 /
    0.643, across documents 0.578 / 0.586).
    """
    if a.type is None or b.type is None:
        return True
    if _times_disagree(a.times, b.times) or _places_disagree(a.places, b.places):
        return False
    return not any(_disagree(names, b.participants.get(role, frozenset()))
                   for role, names in a.participants.items())


def _says_again(mention: Mention) -> bool:
    """A saying that is a new act of saying ("said", "told"): not "the announcement"."""
    return mention.family in SAYING and not (mention.definite and not mention.verbal)


def _same_action(mention: Mention, families: set[str]) -> bool:
    """``mention`` names the action of an event seen before ("exploded" ... "the explosion"):
    ``families`` are the event's mentions' families, kept as a set per group (a lookup, not a
    scan of every member for every mention in the window). A saying joins by its word only as
    a definite noun, which points back to one act of saying ("announced" ... "*the
    announcement*"); each "said" is its own."""
    return not _says_again(mention) and mention.family in families


def _reintroduces(mention: Mention, families: set[str], members: list[Mention]) -> bool:
    """``mention`` ("an order") introduces in the body an event a headline named without a
    determiner ("Airbus wins Qatar *order*" ... "has won *an order* worth $15bn"): headlines
    drop their articles, so an event named so far only by bare nouns is not yet introduced.
    Only "a"/"an": "another strike", "two attacks" are new events."""
    return mention.family in families and mention.determiners <= REINTRODUCING \
        and all(m.bare for m in members)


def _may_rename(mention: Mention) -> bool:
    """A definite coded noun: what :func:`_renames` asks of the mention before its group."""
    return mention.definite and not mention.verbal and mention.type is not None


def _renames(mention: Mention, members: list[Mention]) -> bool:
    """``mention`` is a definite noun naming a coded event of the same type ("the assault"
    after "an attack")."""
    return _may_rename(mention) and any(m.type == mention.type for m in members)


def cluster(mentions: list[Mention]) -> list[list[int]]:
    """Group mentions (in text order) into events: lists of indexes, each in text order.

    A mention joins the nearest earlier event naming the same action; failing that, a definite
    noun joins the nearest earlier event of its type that was itself named by a noun ("the
    assault" renames "an attack", not the "killed" between them), else the nearest of its type.
    """
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    groups: list[list[int]] = []
    members: list[list[Mention]] = []
    families: list[set[str]] = []
    last: list[int] = []  # the sentence of each group's last mention
    open_groups: list[int] = []  # groups whose last mention is within the window, oldest first
    is_open: set[int] = set()  # the same groups
    # the groups each family was named in (open or not yet dropped): a mention that may join
    # by its action looks only at those, not at every open group
    named: dict[str, list[int]] = {}
    window_of: int | None = None  # the sentence ``open_groups`` was last narrowed for
    for i in order:
        mention = mentions[i]
        # mentions come in text order: a group that fell out of the window never comes back,
        # so each mention looks at a bounded number of groups (linear in the text); within
        # one sentence every open group stays open (each joined or opened in that sentence)
        if mention.sentence != window_of:
            window_of = mention.sentence
            open_groups = [n for n in open_groups if mention.sentence - last[n] <= WINDOW]
            is_open = set(open_groups)
        chosen: int | None = None

        def fits(n: int) -> bool:
            return all(compatible(mention, m) for m in members[n])  # noqa: B023

        # the open groups that name the mention's action, nearest first (groups are opened
        # in text order); the cheap tests first, and a group's members are compared with the
        # mention (``compatible``) only for a group the mention would join
        same = named[mention.family] = [n for n in named.get(mention.family, ()) if n in is_open]
        same_nearest = sorted(same, reverse=True)
        if mention.indefinite:
            chosen = next((n for n in same_nearest
                           if _reintroduces(mention, families[n], members[n]) and fits(n)), None)
        else:
            if not _says_again(mention):  # else no group names its action (``_same_action``)
                chosen = next((n for n in same_nearest if fits(n)), None)
            if chosen is None and _may_rename(mention):
                nearest = open_groups[::-1]
                renamed = [n for n in nearest if _renames(mention, members[n]) and fits(n)]
                nominal = [n for n in renamed if any(not m.verbal for m in members[n])]
                chosen = next(iter(nominal or renamed), None)
        if chosen is None:
            chosen = len(groups)
            open_groups.append(chosen)
            is_open.add(chosen)
            groups.append([i])
            members.append([mention])
            families.append({mention.family})
            last.append(mention.sentence)
            same.append(chosen)
        else:
            groups[chosen].append(i)
            members[chosen].append(mention)
            if mention.family not in families[chosen]:
                families[chosen].add(mention.family)
                same.append(chosen)
            last[chosen] = mention.sentence
    return groups


# -- features from a parsed Doc ------------------------------------------------------------------

#: children that open a clause of their own: what is said there is another event's
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "csubj",
                      "cc", "punct", "mark", "appos"})


def _scopes(doc: Doc, tok: Word) -> list[tuple[int, int]]:
    """Character spans a mention's own arguments lie in: the phrases hanging on it, not the
    clauses ("checked into rehab *after a judge in Los Angeles ordered it*"). A phrase's edges
    are spaCy's own (``Token.left_edge``: the parser's, which a walk of the subtree need not
    reproduce on a non-projective parse); the rest is read off the ``Word``s."""
    out = [(tok.idx, tok.idx + len(tok.text))]
    for child in tok.children:
        if child.dep_ not in _CLAUSAL:
            phrase = doc[child.i]
            left, right = phrase.left_edge, phrase.right_edge
            out.append((left.idx, right.idx + len(right.text)))
    return out


def _inside(start: int, end: int, scopes: list[tuple[int, int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in scopes)


class _ByStart(Generic[T]):
    """Items with character offsets, sorted by start, so the ones starting inside a stretch of
    text are found by bisection (a mention reads its own phrase's items, not the document's)."""

    def __init__(self, items: list[T], start: Callable[[T], int]) -> None:
        self.items = sorted(items, key=start)
        self.starts = [start(x) for x in self.items]

    def between(self, lo: int, hi: int) -> list[T]:
        return self.items[bisect_left(self.starts, lo):bisect_right(self.starts, hi)]


def _by_start(doc: Doc, key: str, items: list[T], start: Callable[[T], int]) -> _ByStart[T]:
    """One sorted view of ``items`` per ``Doc`` (rebuilt when another list is passed)."""
    cached = doc.user_data.get(key)
    if cached is None or cached[0] is not items:
        cached = doc.user_data[key] = (items, _ByStart(items, start))
    return cached[1]  # type: ignore[no-any-return]


#: no places or no times: one list, so the sorted view of none is built once per ``Doc``
_NONE: list[Any] = []


def _reach(scopes: list[tuple[int, int]]) -> tuple[int, int]:
    return min(lo for lo, _ in scopes), max(hi for _, hi in scopes)


def _entities(doc: Doc) -> list[tuple[int, int, str, str, int, int]]:
    """The entities of ``doc`` that can be participants (:data:`PARTICIPANT_LABELS`), as plain
    tuples (start_char, end_char, label, lower text, start, end), built once per ``Doc``: the
    ``doc.ents`` getter builds every entity span on each call, once per event mention, which was
    most of the events component's time; and a mention reads only these (the others in its
    reach were most of what it stepped over)."""
    ents = doc.user_data.get(_ENTITIES)
    if ents is None:
        ents = doc.user_data[_ENTITIES] = [
            (e.start_char, e.end_char, e.label_, e.text.lower(), e.start, e.end) for e in doc.ents
            if e.label_ in PARTICIPANT_LABELS]
    return ents  # type: ignore[no-any-return]


@dataclass(slots=True)
class _Around:
    """What a mention's features read of its document, sorted by start once per ``Doc`` and
    handed to every mention of it: places, times, participant entities, sentence starts."""

    places: _ByStart[Place]
    times: _ByStart[Time]
    entities: _ByStart[tuple[int, int, str, str, int, int]]
    sentence_starts: list[int]


def _around(doc: Doc, places: list[Place] | None, times: list[Time] | None) -> _Around:
    starts: list[int] = [0]  # without sentences, every word is in the first
    if doc.has_annotation("SENT_START"):
        starts = doc.user_data.get(_SENTENCE_STARTS) or []
        if not starts:
            starts = doc.user_data[_SENTENCE_STARTS] = [s.start for s in doc.sents]
    return _Around(
        places=_by_start(doc, _PLACES_BY_START, places or _NONE, lambda p: p.start),
        times=_by_start(doc, _TIMES_BY_START, times or _NONE, lambda t: t.start),
        entities=_by_start(doc, _ENTITIES_BY_START, _entities(doc), lambda e: e[0]),
        sentence_starts=starts,
    )


def _participants(around: _Around, tok: Word, scopes: list[tuple[int, int]],
                  reach: tuple[int, int]) -> dict[str, frozenset[str]]:
    """Named participants hanging on the mention: its subject, objects, "of"/"on"/"by" phrases
    (``reach``: :func:`_reach` of ``scopes``)."""
    found: dict[str, set[str]] = {}
    for start_char, end_char, label, text, start, end in around.entities.between(*reach):
        if _inside(start_char, end_char, scopes) and not (start <= tok.i < end):
            found.setdefault(label, set()).add(text)
    return {label: frozenset(names) for label, names in found.items()}


def place_keys(places: list[Place]) -> frozenset[str]:
    """What :func:`compatible` compares of the places an event is linked to."""
    return frozenset({f"country:{p.country}" for p in places if p.country}
                     | {f"admin1:{p.admin1}" for p in places if p.admin1})


def mention_of(tok: Token, *, event: Event | None = None, places: list[Place] | None = None,
               times: list[Time] | None = None) -> Mention:
    """The coreference features of the event mention headed by ``tok`` (its event, if coded)."""
    doc = tok.doc
    return _mention(doc, _around(doc, places, times), word(tok), event=event, places=places,
                    times=times)


def _mention(doc: Doc, around: _Around, tok: Word, *, event: Event | None = None,
             places: list[Place] | None = None, times: list[Time] | None = None) -> Mention:
    """:func:`mention_of`, read off the ``Doc``'s words (``around``: :func:`_around` of the
    same ``doc``, ``places`` and ``times``)."""
    dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "poss", "nummod"}}
    scopes = _scopes(doc, tok)
    reach = _reach(scopes)
    linked = [p for p in around.places.between(*reach)
              if _inside(p.start, p.end, scopes) and p.kind == "place"]
    nearby = [t for t in around.times.between(*reach) if _inside(t.start, t.end, scopes)]
    if event is not None:
        if event.place is not None and places and event.place < len(places):
            linked.append(places[event.place])
        if event.time is not None and times and event.time < len(times):
            nearby.append(times[event.time])
    time_values = {t.value for t in nearby if _calendar_date(t)}
    verbal = tok.pos_ in {"VERB", "AUX"}
    return Mention(
        start=tok.idx, end=tok.idx + len(tok.text),
        sentence=bisect_right(around.sentence_starts, tok.i) - 1,
        family=family(tok.lemma_ or tok.text), verbal=verbal,
        definite=not verbal and bool(dets & DEFINITE) and not dets & INDEFINITE,
        indefinite=not verbal and bool(dets & INDEFINITE),
        type=event.type if event is not None else None,
        times=frozenset(v for v in time_values if v) if time_values else frozenset(),
        places=place_keys(linked) if linked else frozenset(),
        participants=_participants(around, tok, scopes, reach),
        determiners=frozenset() if verbal else frozenset(dets),
    )


def _calendar_date(time: Time) -> bool:
    """A date two mentions can disagree on ("2013-05-03"); not a duration ("P1Y") nor a
    reference ("PRESENT_REF"): "a 27-year contract" says nothing of when it was signed."""
    return time.type == "DATE" and bool(time.value) and (time.value or "")[:1].isdigit()


def merge_events(doc: Doc, events: list[Event], *, places: list[Place] | None = None,
                 times: list[Time] | None = None) -> list[Event]:
    """Coreferent events of ``doc`` as one record each: the earliest mention is the trigger,
    the others its ``mentions``; a field the trigger's event left empty (actor, target, place,
    time, attribution) is taken from the first other mention that has it, and the numbers
    tied to any of them (``quantities``) are the event's."""
    heads = [root_word(doc, e.trigger.start, e.trigger.end) or words(doc)[0] for e in events]
    around = _around(doc, places, times)
    mentions = [_mention(doc, around, tok, event=e, places=places, times=times)
                for tok, e in zip(heads, events, strict=True)]
    merged: list[Event] = []
    text = text_of(doc)
    for group in cluster(mentions):
        first, *rest = [events[i] for i in group]
        for other in rest:
            for name in ("actor", "target", "place", "time", "attribution"):
                if getattr(first, name) is None and getattr(other, name) is not None \
                        and _same_party(first, other, name):
                    setattr(first, name, getattr(other, name))
            first.mentions += [span_of(text, s.start, s.end)
                               for s in [other.trigger, *other.mentions]]
            first.quantities += [q for q in other.quantities if q not in first.quantities]
        merged.append(first)
    return sorted(merged, key=lambda e: e.trigger.start)


#: the role that must agree before the other is taken from another mention
_OTHER_ROLE = {"actor": "target", "target": "actor"}


def _same_party(event: Event, other: Event, name: str) -> bool:
    """A mention completes an event's actor or target only when the role both name agrees:
    the same words, or the same country ("Russia" and "Russian forces"). "*He* also agreed to
    return the cash" does not take the target of "*WeWork* agreed to a rescue by ... Japanese
    ... SoftBank", though coreference joined the two agreeings."""
    role = _OTHER_ROLE.get(name)
    if role is None:
        return True
    mine, theirs = getattr(event, role), getattr(other, role)
    if mine is None or theirs is None:
        return True
    if mine.country is not None and mine.country == theirs.country:
        return True
    return bool({w for w in mine.text.lower().split() if len(w) > 2}
                & {w for w in theirs.text.lower().split() if len(w) > 2}) \
        or mine.text.lower() == theirs.text.lower()


def uncode_unowned(events: list[Event], bare: frozenset[int]) -> list[Event]:
    """A coded event noun that names no one ("the protests", "the inquiry", "the meeting":
    ``bare``, the trigger starts :func:`~claimgraph.extract.events.coder.find_events` marks)
    keeps its PLOVER type only when coreference joined it to a mention that says who acts or
    is acted upon (it then has that mention's actor or target); else it stays an event with
    ``type`` None. PLOVER codes who did what to whom: a category with no party is a guess,
    and read by hand on real articles the guess (the nearest country) was mostly wrong. The
    type is dropped after coreference, not before, because coreference joins "the assault" to
    "an attack" through it."""
    for event in events:
        if event.type is not None and event.trigger.start in bare \
                and event.actor is None and event.target is None:
            event.type = None
    return events
