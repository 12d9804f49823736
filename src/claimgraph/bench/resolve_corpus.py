"""An analysed synthetic corpus of any size for ``claimgraph bench-resolve --records``.

Copies and stories read only text, title and date, but events, claims and relations read what
the analysis extracted: a corpus of bare texts measures a third of resolve. Analysing 100,000
documents here would take a day, so the corpus is made from a few hundred analysed articles
(``claimgraph analyze --json``), each cut at its blank lines into paragraph records
(:func:`paragraphs`: the items wholly inside a paragraph, moved to its offsets, their links
kept). The corpus is a sequence of **happenings**, each made from one base article:

- the happening gets names of its own: every capitalised word of the base's names (people,
  organisations, places) is replaced by an invented word of the same length, the same in all
  its reports (:func:`rename`: offsets stay right, so every extracted item stays valid), and
  its resolved dates move to the happening's day. A base article serves many happenings, as a
  kind of happening recurs (two earthquakes, two debates), but never two within
  ``BASE_GAP_DAYS`` of each other where it can help it;
- it has a few **reports** (heavy-tailed: most happenings one to five, a few hundreds,
  ``REPORTS_ALPHA``), spread over a few days, each on its own outlet: one of the base's first
  paragraphs as its lead and a few of its other paragraphs in their order (each report its own
  selection, as outlets' reports of one happening share facts, not sentences); joined as :func:`claimgraph.pieces.join_pieces`
  joins the pieces of a long text (ids made again from the new text, links followed);
- and **copies**: a report republished on another outlet a day or two later, its trailing
  paragraphs cut, a boilerplate line added, a new headline (the copies stage's changes that
  keep the reporter's sentences and their offsets within a paragraph).

So the corpus's stories are its happenings, as in a news corpus: they grow in number with the
corpus, not in size. (Documents stitched from random paragraphs of all the base articles, the
corpus before, made one story of half the corpus at 10,000 documents: every document shared
the words of every other, and no story could end.)
"""

from __future__ import annotations

import pickle
import random
import re
import zlib
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from claimgraph.ids import text_hash
from claimgraph.ingest.document import Document
from claimgraph.pieces import field_names, items_in, join_pieces, move_spans
from claimgraph.record import Record, Span

#: of the generated documents, the share that copy an earlier report
COPY_SHARE = 0.3
#: outlets the documents are spread over
OUTLETS = 200
#: paragraphs shorter than this (datelines, bylines) are not used alone
MIN_PARAGRAPH = 80
#: reports of a happening: Pareto-distributed with this shape (mean ~4: most happenings one
#: to five reports, one in a thousand several hundred), at most ``MAX_REPORTS``
REPORTS_ALPHA = 1.3
MAX_REPORTS = 400
#: paragraphs of its base a report takes besides its lead
REPORT_PARAGRAPHS = (2, 6)
#: the happenings' days are spread over this many days
YEAR = 365
#: days kept between two happenings of one base article where the year leaves room (the best
#: of ``DAY_DRAWS`` random days is taken)
BASE_GAP_DAYS = 30
DAY_DRAWS = 8
#: copies are made of the latest this many reports (a partner site republishes within days)
RECENT = 2000
_ITEMS = ("entities", "attributions", "quantities", "times", "places", "events")
_BREAK = re.compile(r"\n\s*\n")
_BOILERPLATE = ("Advertisement", "Read more: World news", "Sign up for our newsletter")
#: entity labels whose words a happening renames
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                          "WORK_OF_ART"})
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}")
_WORD = re.compile(r"[A-Za-z]+")
#: the share of a base's other words (four letters or more, not an event's, a cue's or a
#: figure's) a happening replaces, each happening its own: two happenings of one base then
#: share few runs of five words, as two reports of two earthquakes share few (with the names
#: alone replaced, their unnamed paragraphs were copies of each other, and copy groups joined
#: happenings months apart into one story; with 30% of the words, quotes and headlines of
#: short words still did)
WORD_SHARE = 0.5
#: the string fields of a record and its items that carry its words (not ids, codes or labels)
_WORDED = frozenset({"text", "title", "canonical", "name", "descriptor"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONSONANTS, _VOWELS = "bcdfghklmnprstvz", "aeiou"


def _spans(obj: Any) -> Iterator[Span]:
    return (item for item in items_in(obj, set()) if isinstance(item, Span))


def _inside(item: Any, start: int, end: int) -> bool:
    return all(start <= s.start and s.end <= end for s in _spans(item))


def paragraphs(record: Record) -> list[Record]:
    """The record cut at its blank lines: one record a paragraph, with the items wholly inside
    it moved to the paragraph's offsets; an event's place, time and quantities and an item's
    attribution follow when they are inside too (else they are dropped)."""
    out = []
    starts = [0, *(m.end() for m in _BREAK.finditer(record.text))]
    ends = [*(m.start() for m in _BREAK.finditer(record.text)), len(record.text)]
    copy: Record = pickle.loads(pickle.dumps(record))  # noqa: S301 - our own objects
    for start, end in zip(starts, ends, strict=True):
        part = Record(id=record.id, source=record.source, published=None,
                      text=record.text[start:end])
        index: dict[str, dict[int, int]] = {}
        for kind in _ITEMS:
            kept = [(i, item) for i, item in enumerate(getattr(copy, kind))
                    if _inside(item, start, end)]
            index[kind] = {old: new for new, (old, _) in enumerate(kept)}
            setattr(part, kind, [item for _, item in kept])
            move_spans(getattr(part, kind), -start, set())
        said = {a.id for a in part.attributions}
        for quantity in part.quantities:
            quantity.attribution = quantity.attribution if quantity.attribution in said else None
        for event in part.events:
            event.attribution = event.attribution if event.attribution in said else None
            event.place = index["places"].get(event.place) if event.place is not None else None
            event.time = index["times"].get(event.time) if event.time is not None else None
            event.quantities = [index["quantities"][q] for q in event.quantities
                                if q in index["quantities"]]
        out.append(part)
    return out


def _copy_of(parts: Sequence[bytes], rng: random.Random) -> list[bytes | str]:
    """An earlier document's paragraphs as a partner site republishes them."""
    keep = max(3, round(len(parts) * rng.uniform(0.5, 1.0)))
    body: list[bytes | str] = list(parts[1:keep])
    body.insert(rng.randint(1, max(1, len(body))), rng.choice(_BOILERPLATE))
    return [f"Report {rng.randrange(10**6)}: the latest", *body]


def pseudonym(word: str, key: str) -> str:
    """An invented word of ``word``'s length and case for happening ``key`` ("Trump" ->
    "Kelan"): consonants and vowels in turn, the same for the same word and key."""
    rng = random.Random(f"{key}:{word}")
    letters = [rng.choice(_VOWELS if i % 2 else _CONSONANTS) for i in range(len(word))]
    return "".join(letters).capitalize()


def names_of(record: Record) -> frozenset[str]:
    """The capitalised words of a record's names (people, organisations, places), not stop
    words ("The" of "The White House" stays)."""
    found = set()
    for entity in record.entities:
        if entity.label in _NAME_LABELS:
            found.update(_NAME_WORD.findall(f"{entity.text} {entity.canonical or ''}"))
    for place in record.places:
        found.update(_NAME_WORD.findall(f"{place.text} {place.name}"))
    return frozenset(w for w in found if w.lower() not in STOP_WORDS)


def other_words(record: Record) -> tuple[str, ...]:
    """The words of a record a happening may replace, in lower case: four letters or more, not
    in an event's mentions, an attribution's cue or a figure (what resolve reads of them stays
    the base's)."""
    kept = {w.lower() for e in record.events for s in (e.trigger, *e.mentions)
            for w in _WORD.findall(s.text)}
    kept.update(w.lower() for a in record.attributions for w in _WORD.findall(a.cue.text))
    kept.update(w.lower() for q in record.quantities for w in _WORD.findall(q.text))
    found = {w.lower() for w in _WORD.findall(record.text) if len(w) >= 4}
    return tuple(sorted(found - kept))


def rename(obj: Any, table: dict[str, str], seen: set[int]) -> None:
    """Replace the words of ``table`` in every worded field of ``obj`` (a record, an item,
    nested items, lists). Each word and its replacement are of one length, so every offset
    stays right."""
    for item in items_in(obj, seen):
        for name in field_names(type(item)) or ():
            value = getattr(item, name)
            if name in _WORDED and isinstance(value, str):
                setattr(item, name, _WORD.sub(lambda m: table.get(m[0], m[0]), value))


def shift_dates(record: Record, days: int) -> None:
    """Move the resolved dates of ``record``'s times by ``days``."""
    for time in record.times:
        if time.value and _DATE.match(time.value):
            try:
                moved = date.fromisoformat(time.value[:10]) + timedelta(days=days)
            except ValueError:
                continue
            time.value = moved.isoformat() + time.value[10:]


@dataclass(slots=True)
class _Base:
    """An analysed article as the happenings made of it read it."""

    paragraphs: list[bytes]  # pickled paragraph records long enough to use
    names: frozenset[str]
    words: tuple[str, ...]  # other words a happening may replace (:func:`other_words`)
    analysed: date | None  # the day its dates were resolved against
    used: list[int] = field(default_factory=list)  # days of the happenings made of it

    @classmethod
    def of(cls, record: Record) -> _Base:
        parts = [pickle.dumps(p) for p in paragraphs(record) if len(p.text) >= MIN_PARAGRAPH]
        try:
            analysed = date.fromisoformat((record.published or "")[:10])
        except ValueError:
            analysed = None
        return cls(parts, names_of(record), other_words(record), analysed)

    def day(self, rng: random.Random) -> int:
        """A day for a new happening, far from the others made of this base if it can be."""
        draws = [rng.randrange(YEAR) for _ in range(DAY_DRAWS)]
        def room(day: int) -> int:
            return min((abs(day - d) for d in self.used), default=YEAR)
        for draw in draws:
            if room(draw) >= BASE_GAP_DAYS:
                return draw
        return max(draws, key=room)


class _Happening:
    """One happening made of a base: its names, its day, its renamed paragraphs."""

    def __init__(self, number: int, base: _Base, day: date, shift: int) -> None:
        self.base, self.day, self.shift = base, day, shift
        key = f"happening {number}"
        self.table: dict[str, str] = {}
        for word in base.words:
            if zlib.crc32(f"{key}:{word}".encode()) % 1000 < WORD_SHARE * 1000:
                new = pseudonym(word, key).lower()
                self.table.update({word: new, word.capitalize(): new.capitalize(),
                                   word.upper(): new.upper()})
        self.table.update((w, pseudonym(w, key)) for w in base.names)
        self._renamed: dict[int, bytes] = {}
        self._deck: list[int] = []

    def paragraph(self, index: int) -> bytes:
        """The base's ``index``-th paragraph with this happening's names and dates (pickled)."""
        if index not in self._renamed:
            part: Record = pickle.loads(self.base.paragraphs[index])  # noqa: S301 - our own
            rename(part, self.table, set())
            shift_dates(part, self.shift)
            self._renamed[index] = pickle.dumps(part)
        return self._renamed[index]

    def report(self, rng: random.Random) -> list[bytes | str]:
        """A report: one of the base's first paragraphs as its lead and a few of the rest in
        their order, dealt from a shuffled deck, so two reports share their lead and few other
        paragraphs until the deck is dealt out (outlets' reports of one happening share facts,
        not sentences; reports sharing most sentences are copies)."""
        count = len(self.base.paragraphs)
        lead = rng.randrange(min(2, count))
        chosen: set[int] = set()
        for _ in range(rng.randint(*REPORT_PARAGRAPHS)):
            if not self._deck:
                self._deck = rng.sample(range(count), count)
            chosen.add(self._deck.pop())
        chosen.discard(lead)
        return [self.paragraph(i) for i in (lead, *sorted(chosen))]


def synthetic_records(analysed: Sequence[Record], n: int, *, seed: int = 1) -> Iterator[Record]:
    """``n`` analysed documents made from ``analysed`` (see the module docstring), in the order
    they were made (a copy after its original's report). Any prefix is a corpus of whole
    happenings but the last."""
    rng = random.Random(seed)
    bases = [b for b in map(_Base.of, analysed) if b.paragraphs]
    if not bases:
        return
    made: deque[tuple[list[bytes | str], date]] = deque(maxlen=RECENT)
    start = date(2016, 1, 1)
    cycle: list[_Base] = []
    number = happenings = 0
    while number < n:
        if not cycle:
            cycle = rng.sample(bases, len(bases))
        base = cycle.pop()
        offset = base.day(rng)
        base.used.append(offset)
        day = start + timedelta(days=offset)
        shift = (day - base.analysed).days if base.analysed else 0
        happening = _Happening(happenings, base, day, shift)
        happenings += 1
        reports = min(MAX_REPORTS, int(rng.paretovariate(REPORTS_ALPHA)))
        spread = min(7, reports.bit_length() - 1)  # a followed happening lasts a few days
        while reports and number < n:
            if made and rng.random() < COPY_SHARE:
                earlier, when = rng.choice(made)
                parts = _copy_of([p for p in earlier if isinstance(p, bytes)], rng)
                when += timedelta(days=rng.randint(0, 2))
            else:
                parts = happening.report(rng)
                when = day + timedelta(days=rng.randint(0, spread))
                made.append((parts, when))
                reports -= 1
            yield _joined(number, parts, when.isoformat(), f"Outlet {rng.randrange(OUTLETS)}")
            number += 1


def _joined(number: int, parts: Sequence[bytes | str], day: str, outlet: str) -> Record:
    pieces = [pickle.loads(p) if isinstance(p, bytes) else Record("", "", None, p)  # noqa: S301
              for p in parts]
    text = "\n\n".join(p.text for p in pieces)
    doc_id = text_hash(f"{number}\n{text}")
    document = Document(text=text, source=doc_id, id=doc_id, published=day,
                        title=text.split("\n", 1)[0][:80], outlet=outlet)
    offsets, at = [], 0
    for piece in pieces:
        offsets.append(at)
        at += len(piece.text) + 2
    return join_pieces(document, list(zip(offsets, pieces, strict=True)))
