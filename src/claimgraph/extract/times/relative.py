"""Relative expressions: "last week", "two years ago", "a year earlier", "the third quarter",
"last fall", "Thanksgiving", "that day", "the weekend".

Anchored on the publication date, or on the last date the text named where news anchors them
there ("a year earlier" than the quarter being reported; "the following day").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from claimgraph.extract.times import calendar as cal
from claimgraph.extract.times.anchor import (
    Anchoring,
    Anchors,
    Result,
    date_result,
    group,
    group_lower,
    nearest_year,
    rel_step,
    tense_of,
    year_of,
)
from claimgraph.extract.times.calendar import UNIT_GRANULARITY, Point
from claimgraph.extract.times.lexicon import lexicon, parse_number
from claimgraph.extract.times.spans import duration_value
from claimgraph.extract.times.tense import FUTURE, PAST

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _unit_point(day: date, unit: str) -> Point:
    return Point(UNIT_GRANULARITY[unit], day)


def _this_weekend(dct: date) -> date:
    """The Saturday of the weekend nearest ahead (or the current one on a Saturday or Sunday)."""
    return dct - timedelta(days=dct.weekday() - 5) if dct.weekday() >= 5 else cal.weekday_near(dct, 5, 1)


def _weekend(dct: date, step: int) -> Point:
    if step < 0:
        saturday = cal.weekday_near(dct - timedelta(days=1), 5, -1)
    else:
        saturday = _this_weekend(dct) + timedelta(weeks=step)
    return Point("weekend", saturday)


def _season_near(dct: date, code: str, step: int) -> Point:
    """The season ``code`` this year (step 0), the last one over (-1) or the next one to come (+1)."""
    if step == 0:
        return cal.season_point(dct.year, code)
    month = _SEASON_START[code]
    starts = [date(y, month, 1) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
    if step < 0:
        done = [s for s in starts if cal.add_months(s, 3) <= dct]
        start = done[-1]
    else:
        start = next(s for s in starts if s > dct)
    return cal.season_point(start.year, code)


def h_relative(m: re.Match[str], doc: Doc) -> Anchoring | None:
    rel, unit = group_lower(m, "rel"), group_lower(m, "unit")
    code = lexicon().seasons.get(unit)
    if rel in ("the past", "the last", "the coming", "the next") and not group(m, "mod") and unit != "weekend":
        letter = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "half": "M", "decade": "Y",
                  "century": "Y"}.get(unit)
        amount = {"half": 6, "decade": 10, "century": 100}.get(unit, 1)
        if letter and not group(m, "orso"):
            return lambda ctx: ("DURATION", f"P{amount}{letter}", None)
    step = -1 if rel == "the latest" else rel_step(rel)
    if step is None:
        return None
    from_ref = rel in ("the previous", "the following", "that", "that same", "the same")

    def anchor(ctx: Anchors) -> Result:
        base = ctx.anchor() if from_ref else (Point("day", ctx.dct) if ctx.dct else None)
        if base is None:
            return ("DATE", None, None)
        day = base.day
        if code:
            return date_result(_season_near(day, code, step or 0))
        if unit == "weekend":
            return date_result(_weekend(day, step or 0))
        if unit == "half":
            return date_result(Point("half", cal.add_months(day, 6 * step)))
        if unit == "decade":
            return date_result(Point("decade", cal.add_months(day, 120 * step)), ref=False)
        if unit == "century":
            return date_result(Point("century", cal.add_months(day, 1200 * step)), ref=False)
        return date_result(cal.shift(_unit_point(day, unit), step, unit))

    return anchor


def h_in_the_year(m: re.Match[str], doc: Doc) -> Anchoring | None:
    """ "earlier in the year": the year (month, week, day) the text is on."""
    unit = group_lower(m, "unit")

    def anchor(ctx: Anchors) -> Result:
        base = ctx.anchor()
        if base is None:
            return ("DATE", None, None)
        gran = UNIT_GRANULARITY[unit]
        if not (base.finer_than(gran) or base.granularity == gran):
            return ("DATE", None, None)  # "later in the month" after a bare year
        return date_result(_unit_point(base.day, unit), ref=False)

    return anchor


def h_year_end(m: re.Match[str], doc: Doc) -> Anchoring | None:
    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("DATE", None, None)
        return date_result(Point("year", ctx.dct), ref=False)

    return anchor


def h_part_of_the(m: re.Match[str], doc: Doc) -> Anchoring | None:
    """ "the end of the month": the month (week, year...) of publication, or the one the text is on."""
    unit = group_lower(m, "unit")
    gran = UNIT_GRANULARITY[unit]

    def anchor(ctx: Anchors) -> Result:
        base = ctx.ref if ctx.ref is not None and ctx.ref.granularity == gran else None
        if base is None and ctx.dct is None:
            return ("DATE", None, None)
        return date_result(base or Point(gran, ctx.dct), ref=False)  # type: ignore[arg-type]

    return anchor


def h_the_week(m: re.Match[str], doc: Doc) -> Anchoring | None:
    """ "for the week": the week of the day the text is on, else of publication."""

    def anchor(ctx: Anchors) -> Result:
        base = ctx.ref if ctx.ref is not None and ctx.ref.finer_than("week") else None
        if base is None and ctx.dct is None:
            return ("DATE", None, None)
        return date_result(Point("week", base.day if base else ctx.dct), ref=False)  # type: ignore[arg-type]

    return anchor


def _shift_from(base: Point, amount: int, unit: str) -> Point | None:
    """``base`` moved by ``amount`` units, as finely as both are known (None if the base is too
    coarse for the unit: "three days after" a month)."""
    gran = UNIT_GRANULARITY[unit]
    if base.finer_than(gran) or base.granularity == gran:
        return cal.shift(base, amount, unit)
    if gran in ("year", "decade", "century"):
        return cal.shift(Point(gran, base.day), amount, unit)
    return None


def h_ago(m: re.Match[str], doc: Doc) -> Anchoring | None:
    unit = lexicon().units[group_lower(m, "unit")]
    way = group_lower(m, "dir")
    amount = parse_number(group(m, "num"))
    sign = -1 if way in ("ago", "earlier", "before", "back") else 1
    from_ref = way in ("earlier", "later", "before", "after")
    if way in ("before", "after"):
        rest = m.string[m.end() : m.end() + 3]
        if rest[:1].isalnum() or rest.strip()[:1].isalnum():
            return None
    if unit in ("hour", "minute", "second"):
        # the clock time is rarely known: keep what the text does say, the span of time
        value = duration_value(amount, unit)
        return lambda ctx: ("DURATION", value, None)
    if amount is None:
        return lambda ctx: ("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None)
    if amount != int(amount):
        return lambda ctx: ("DATE", None, None)
    n = int(amount) * sign
    gran = UNIT_GRANULARITY[unit]

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("DATE", None, None)
        ref = ctx.ref
        if gran == "year" and n == -1 and ctx.period is not None:
            return date_result(cal.shift(ctx.period, n, unit), ref=False)
        if from_ref and ref is not None:
            return date_result(_shift_from(ref, n, unit), ref=False)
        return date_result(cal.shift(Point(gran, ctx.dct), n, unit))

    return anchor


_NEXT_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def h_unit_after(m: re.Match[str], doc: Doc) -> Anchoring | None:
    """ "the day before", "the following year", "that same day": moved from the date in view."""
    unit = group_lower(m, "unit") or group_lower(m, "unit2")
    way = group_lower(m, "dir")
    rel = group_lower(m, "rel")
    if way:
        step = -1 if way in ("before", "earlier") else 1
    else:
        step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}.get(rel, 0)
    part = _NEXT_PART.get(unit)  # "the next morning" moves a day and keeps the part of it
    shift_unit = "day" if part else unit

    def anchor(ctx: Anchors) -> Result:
        base = ctx.anchor()
        if base is None:
            return ("DATE", None, None)
        moved = _shift_from(base, step, shift_unit)
        if moved is None:
            return ("DATE", None, None)
        gran = UNIT_GRANULARITY[shift_unit]
        point = Point("daypart", moved.day, part) if part else Point(gran, moved.day, moved.extra if moved.granularity == gran else None)
        if point.granularity == "season":
            return ("DATE", None, None)
        return date_result(point, ref=False)

    return anchor


def h_year_ago_adj(m: re.Match[str], doc: Doc) -> Anchoring | None:
    what = group_lower(m, "what")
    if "months" in what:
        n = int(parse_number(what.split()[0]) or 0)
        return lambda ctx: ("DURATION", f"P{n}M", None)

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("DATE", None, None)
        if ctx.period is not None:
            return date_result(cal.shift(ctx.period, -1, "year"), ref=False)
        if "quarter" in what or "period" in what:
            return date_result(cal.shift(Point("quarter", ctx.dct), -5, "quarter"), ref=False)
        return date_result(Point("year", date(ctx.dct.year - 1, 1, 1)), ref=False)

    return anchor


_QUARTER_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
                "4th": 4, "final": 4}


def h_quarter(m: re.Match[str], doc: Doc) -> Anchoring | None:
    q, ordinal = group_lower(m, "q"), group_lower(m, "ord")
    yr, yr2, yrel = group_lower(m, "yr"), group(m, "yr2"), group_lower(m, "yrel")
    has_the = m.group(0).lower().startswith("the")
    if not ordinal and not yr and not yr2 and not (has_the and q != "period"):
        return None
    if q == "period" and ordinal not in ("latest", "recent", "year-ago", "year-earlier", "same", "corresponding", "just-ended", "") :
        return None
    if q == "period" and not ordinal and not yr:
        return None
    if q == "half" and ordinal not in ("first", "second", "1st", "2nd", "last", "final", "latest", "current", "next", "previous", "prior", "same"):
        return None
    explicit_year = int(yr2) if yr2 else (int(yr) if yr[:1].isdigit() else None)
    year_step = rel_step(yrel or (yr.split()[0] if yr and not yr[:1].isdigit() else "")) if (yrel or yr) and explicit_year is None else None
    months = 6 if q == "half" else 3
    unit = "half" if q == "half" else "quarter"
    number = _QUARTER_ORD.get(ordinal)
    if ordinal == "last" and (explicit_year is not None or year_step is not None):
        number = 4 if q == "quarter" else 2
    if q == "half" and number is not None and number > 2:
        number = 2
    way = tense_of(doc, m)

    def at(year: int, n: int) -> Point:
        return Point(unit, date(year, months * (n - 1) + 1, 1))

    def anchor(ctx: Anchors) -> Result:
        if explicit_year is not None and number is not None:
            return date_result(at(explicit_year, number))
        if ctx.dct is None:
            return ("DATE", None, None)
        year = explicit_year if explicit_year is not None else ctx.dct.year + (year_step or 0)
        current = Point(unit, ctx.dct)
        ref = ctx.period if ctx.period is not None and ctx.period.granularity == unit else None
        if number is not None:
            point = at(year, number)
            if explicit_year is None and year_step is None and point.day > ctx.dct and way != FUTURE:
                point = at(year - 1, number)
            return date_result(point)
        if ordinal in ("year-ago", "year-earlier"):
            base = ref or cal.shift(current, -1, unit)
            return date_result(cal.shift(base, -1, "year"), ref=False)
        if ordinal in ("same", "corresponding") or (not ordinal and (yr or yr2 or yrel)):
            base = ref or cal.shift(current, -1, unit)
            if explicit_year is not None:
                return date_result(Point(unit, base.day.replace(year=explicit_year)), ref=False)
            return date_result(cal.shift(base, year_step or 0, "year"), ref=False)
        if ordinal in ("current",):
            return date_result(current)
        if ordinal == "next":
            return date_result(cal.shift(current, 1, unit))
        if ordinal:  # latest, last, previous, prior, recent, just-ended
            return date_result(cal.shift(current, -1, unit))
        return date_result(ref or cal.shift(current, -1, unit), ref=False)

    return anchor


def h_season(m: re.Match[str], doc: Doc) -> Anchoring | None:
    word = group_lower(m, "season")
    code = lexicon().seasons[word]
    rel, mod, year_text = group_lower(m, "rel"), group_lower(m, "mod"), group(m, "year")
    if not (rel or mod or year_text) and word in ("fall", "spring"):
        return None
    year = year_of(year_text) if year_text else None
    step = rel_step(rel) if rel and rel != "the" else 0

    def anchor(ctx: Anchors) -> Result:
        if year is not None:
            return date_result(cal.season_point(year, code))
        if ctx.dct is None:
            return ("DATE", None, None)
        return date_result(_season_near(ctx.dct, code, step or 0))

    return anchor


def holiday_date(rule: tuple[int, ...], year: int) -> date | None:
    """The date of a holiday in ``year`` from its row in the lexicon."""
    try:
        if len(rule) == 1:
            return cal.easter(year) + timedelta(days=rule[0])
        if len(rule) == 2:
            return date(year, rule[0], rule[1])
        month, n, weekday = rule[:3]
        return cal.nth_weekday(year, month, weekday, n) + timedelta(days=rule[3] if len(rule) > 3 else 0)
    except ValueError:
        return None


def h_holiday(m: re.Match[str], doc: Doc) -> Anchoring | None:
    rule = lexicon().holidays[" ".join(group(m, "name").split())]
    rel, year_text = group_lower(m, "rel"), group(m, "year")
    way = {"last": PAST, "next": FUTURE}.get(rel, tense_of(doc, m))

    def anchor(ctx: Anchors) -> Result:
        if year_text:
            return date_result(Point("day", holiday_date(rule, int(year_text)) or date(int(year_text), 1, 1)))
        if ctx.dct is None:
            return ("DATE", None, None)
        d = nearest_year(ctx.dct, lambda y: holiday_date(rule, y), way)
        return date_result(Point("day", d) if d else None)

    return anchor


def h_weekend(m: re.Match[str], doc: Doc) -> Anchoring | None:
    way = tense_of(doc, m, weekday=True)

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("DATE", None, None)
        if way == FUTURE:
            return date_result(_weekend(ctx.dct, 0))
        saturday = cal.weekday_near(ctx.dct, 5, -1)
        return date_result(Point("weekend", saturday))

    return anchor


def h_the_year(m: re.Match[str], doc: Doc) -> Anchoring | None:
    """ "the year ended June 30" is a year-long span (DURATION P1Y); "for the year", "the full
    year" in a report is the year being reported on (the publication year)."""
    after = m.string[m.end() : m.end() + 9].lstrip().lower()
    if after.startswith(("ended", "ending", "to date", "through")):
        return lambda ctx: ("DURATION", "P1Y", None)

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("DATE", None, None)
        return date_result(Point("year", ctx.dct), ref=False)

    return anchor
