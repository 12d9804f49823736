"""Anchoring dates in text order: what the time rules lean on, the result shape, small helpers.

A handler turns a match into an :data:`Anchoring`, a function that gives the expression its value
once it knows the :class:`Anchors`: the publication date (``dct``, TIMEX3's document creation
time) and the last date the text named (``ref``), which "a year earlier", "the quarter" and
"that day" lean on. The anchorings run in text order, so each sees the dates named before it.
An expression that cannot be anchored (no publication date) keeps its type and gets value None
rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from claimgraph.extract.times.calendar import Point
from claimgraph.extract.times.lexicon import lexicon
from claimgraph.extract.times.tense import FUTURE, PAST, direction


@dataclass(slots=True)
class Anchors:
    """The dates a relative expression can lean on; updated as the text names new ones."""

    dct: date | None
    ref: Point | None = None
    #: the last quarter (or half) the text named: "a year ago" in an earnings report is that
    #: period a year before, whatever day was mentioned in between
    period: Point | None = None

    def remember(self, point: Point) -> None:
        self.ref = point
        if point.granularity in ("quarter", "half"):
            self.period = point

    def anchor(self) -> Point | None:
        return self.ref if self.ref is not None else (Point("day", self.dct) if self.dct else None)


#: (type, value, point that becomes the new reference time or None)
Result = tuple[str, str | None, Point | None]
#: given the anchors, the value of one matched expression (a handler's deferred answer)
Anchoring = Callable[[Anchors], Result]
Handler = Callable[[re.Match[str], Doc], Anchoring | None]


def group(m: re.Match[str], name: str) -> str:
    return (m.groupdict().get(name) or "").strip()


def group_lower(m: re.Match[str], name: str) -> str:
    return " ".join(group(m, name).lower().split())


def date_result(point: Point | None, *, ref: bool = True) -> Result:
    if point is None:
        return ("DATE", None, None)
    kind = "TIME" if point.granularity in ("daypart", "time") else "DATE"
    return (kind, point.value(), point if ref else None)


# ---------------------------------------------------------------- anchoring helpers


def nearest_year(dct: date, make: Callable[[int], date | None], way: int) -> date | None:
    """The date ``make(year)`` nearest the publication date, on the side the tense says; but a
    date within a month of publication wins over one most of a year away (tense is a weaker
    clue than distance: "by Jan. 14" in an article of Jan. 6 is this Jan. 14)."""
    options = [d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := make(y)) is not None]
    if not options:
        return None
    nearest = min(options, key=lambda d: abs((d - dct).days))
    if way == PAST:
        side = [d for d in options if d <= dct]
    elif way == FUTURE:
        side = [d for d in options if d >= dct]
    else:  # news looks back: the future only when it is near
        past = max((d for d in options if d <= dct), default=None)
        ahead = min((d for d in options if d > dct), default=None)
        if past is None or (ahead is not None and (ahead - dct).days < min(92, (dct - past).days)):
            return ahead
        return past
    best = min(side, key=lambda d: abs((d - dct).days)) if side else nearest
    if abs((best - dct).days) > 180 and abs((nearest - dct).days) <= 62:
        return nearest
    return best


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_of(text: str) -> int | None:
    from claimgraph.extract.times.spelled import spelled_year

    if text[:1].isdigit():
        return int(text)
    return spelled_year(text)


def tense_of(doc: Doc, m: re.Match[str], *, weekday: bool = False) -> int:
    return direction(doc, m.start(), m.end(), infinitive_is_future=not weekday)


def rel_step(rel: str) -> int | None:
    rel = rel.replace("the ", "").replace("this past", "past").replace("this coming", "coming")
    if rel in ("last", "past", "previous", "preceding"):
        return -1
    if rel in ("this", "current", "same", "that", "that same"):
        return 0
    if rel in ("next", "coming", "following"):
        return 1
    return None



def daypart_code(word: str) -> str | None:
    return lexicon().dayparts.get(word.lower()) if word else None


