"""Find the temporal expressions of a ``Doc`` and normalise them: ``find_times(doc, published)``.

Every grammar rule scans the text; overlapping matches are settled longest first (so "the past
two months" beats "the past", "Friday, Oct. 23" beats "Friday"); the kept matches are then
anchored in text order so that each can lean on the last date named before it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from claimgraph.extract.times import explicit, relative, scan, spans
from claimgraph.extract.times.anchor import Anchoring, Anchors, Handler
from claimgraph.extract.times.grammar import compiled
from claimgraph.nlp.extensions import text_of
from claimgraph.record import Time

HANDLERS: dict[str, Handler] = {
    "date_md": explicit.h_date_md,
    "date_dm": explicit.h_date_dm,
    "date_num": explicit.h_date_num,
    "month": explicit.h_month,
    "year": explicit.h_year,
    "year_the_period": explicit.h_year_the_period,
    "spelled_year": explicit.h_spelled_year,
    "decade": explicit.h_decade,
    "decade_word": explicit.h_decade_word,
    "century": explicit.h_century,
    "weekday": explicit.h_weekday,
    "weekday_set": explicit.h_weekday_set,
    "each_name": explicit.h_each_name,
    "clock": explicit.h_clock,
    "clock_part": explicit.h_clock_part,
    "daypart": explicit.h_daypart,
    "deictic": explicit.h_deictic,
    "relative": relative.h_relative,
    "in_the_year": relative.h_in_the_year,
    "year_end": relative.h_year_end,
    "part_of_the": relative.h_part_of_the,
    "the_week": relative.h_the_week,
    "ago": relative.h_ago,
    "unit_after": relative.h_unit_after,
    "year_ago_adj": relative.h_year_ago_adj,
    "quarter": relative.h_quarter,
    "season": relative.h_season,
    "holiday": relative.h_holiday,
    "weekend": relative.h_weekend,
    "the_year": relative.h_the_year,
    "duration": spans.h_duration,
    "bare_units": spans.h_bare_units,
    "decades_long": spans.h_decades_long,
    "fuzzy": spans.h_fuzzy,
    "recent_units": spans.h_recent_units,
    "set": spans.h_set,
}

_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


@lru_cache(maxsize=4096)
def publication_date(published: str | None) -> date | None:
    """'YYYY-MM-DD' (a longer ISO timestamp is cut to its day) -> date; anything else -> None."""
    if not published:
        return None
    m = _ISO_DAY.match(published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _rules() -> scan.Rules:
    """The grammar's rules, scanned together (which rules each opening can start is remembered)."""
    return scan.Rules(pattern for _name, pattern in compiled())


def _candidates(doc: Doc, text: str) -> list[tuple[int, int, Anchoring]]:
    """Non-overlapping matches, longest first, each with its anchoring, in text order."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    # each rule is tried only at the word starts that can open it
    for priority, ((name, _pattern), matches) in enumerate(zip(compiled(), _rules().finditer(text),
                                                               strict=True)):
        for m in matches:
            start, end = m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append((start, end, priority, name, m))
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken = bytearray(len(text))
    kept: list[tuple[int, int, Anchoring]] = []
    for start, end, _priority, name, m in found:
        if any(taken[start:end]):
            continue
        try:
            anchoring = HANDLERS[name](m, doc)
        except (ValueError, OverflowError):  # a number no calendar holds: "Jan. 99", "25:99"
            anchoring = None
        if anchoring is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, anchoring))
    kept.sort(key=lambda k: k[0])
    return kept


def find_times(doc: Doc, published: str | None = None) -> list[Time]:
    """The dates, times, durations and sets of ``doc`` with TIMEX3 values, in text order.

    ``published`` ('YYYY-MM-DD') anchors relative expressions; without it they keep their type
    and get value None.
    """
    ctx = Anchors(publication_date(published))
    text = text_of(doc)  # a Doc rebuilds its text on every access: read it once per document
    out: list[Time] = []
    for start, end, anchoring in _candidates(doc, text):
        try:
            kind, value, point = anchoring(ctx)
        except (ValueError, OverflowError):  # off the calendar: "10,000 years ago"
            kind, value, point = "DATE", None, None
        if point is not None:
            ctx.remember(point)
        out.append(Time(start, end, text[start:end], kind, value))  # type: ignore[arg-type]
    return out
