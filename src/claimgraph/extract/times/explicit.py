"""Explicit dates, years, decades, weekdays, clock times and "today"/"yesterday".

Each handler reads one grammar rule's match (and the parsed ``Doc`` for tense) and returns an
anchoring, or None when the match is not a time after all ("May" the verb); anchorings run
later, in text order, with the :class:`~claimgraph.extract.times.anchor.Anchors`.
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
    daypart_code,
    group,
    group_lower,
    nearest_year,
    rel_step,
    safe_date,
    tense_of,
    year_of,
)
from claimgraph.extract.times.calendar import Point
from claimgraph.extract.times.lexicon import lexicon, parse_number
from claimgraph.extract.times.tense import FUTURE, PAST, UNKNOWN, direction

# ---------------------------------------------------------------- explicit dates


def h_date_md(m: re.Match[str], doc: Doc) -> Anchoring | None:
    lx = lexicon()
    month, day = lx.months[group(m, "mon")], int(group(m, "day"))
    if not 1 <= day <= 31:
        return None
    year = int(group(m, "year")) if group(m, "year") else None
    week_of = bool(group(m, "weekof"))
    part = daypart_code(group(m, "partof"))
    way = {"last": PAST, "next": FUTURE}.get(group_lower(m, "rel")) or tense_of(doc, m)

    def anchor(ctx: Anchors) -> Result:
        if year is not None:
            d = safe_date(year, month, day)
        elif ctx.dct is not None:
            d = nearest_year(ctx.dct, lambda y: safe_date(y, month, day), way)
        else:
            d = None
        if d is None:
            return ("DATE", None, None)
        if part:
            return date_result(Point("daypart", d, part))
        return date_result(Point("week" if week_of else "day", d))

    return anchor


h_date_dm = h_date_md


def h_date_num(m: re.Match[str], doc: Doc) -> Anchoring | None:
    if group(m, "y"):
        y, mo, d = int(group(m, "y")), int(group(m, "m")), int(group(m, "d"))
    else:
        y, mo, d = int(group(m, "y2")), int(group(m, "m2")), int(group(m, "d2"))
        if y < 100:
            y += 1900 if y >= 50 else 2000
    day = safe_date(y, mo, d)
    if day is None:
        return None
    return lambda ctx: date_result(Point("day", day))


#: words after which a bare "May" or "March" is the month, not the verb or the noun
_MONTH_CUES = frozenset(
    ["in", "since", "until", "of", "by", "from", "through", "during", "before", "after", "till", "to", "early", "late", "and", "or", "between", "mid", "last", "next", "this"]
)


def h_month(m: re.Match[str], doc: Doc) -> Anchoring | None:
    name = group(m, "mon")
    month = lexicon().months[name]
    year_text = group(m, "year") or group(m, "spelled")
    rel, yrel, mod = group_lower(m, "rel"), group_lower(m, "yrel"), group_lower(m, "mod")
    if name in ("May", "March", "Jan", "Mar.", "Aug", "Sept", "Oct", "Nov", "Dec", "Feb") and not (
        year_text or rel or yrel or mod
    ):
        before = m.string[max(0, m.start() - 12) : m.start()].lower().split()
        if not before or before[-1] not in _MONTH_CUES:
            return None
    year = year_of(year_text) if year_text else None
    way = tense_of(doc, m)

    def anchor(ctx: Anchors) -> Result:
        if year is not None:
            return date_result(cal.month_point(year, month))
        if ctx.dct is None:
            return ("DATE", None, None)
        if yrel:
            return date_result(cal.month_point(ctx.dct.year + (rel_step(yrel) or 0), month))
        step = rel_step(rel) if rel else None
        this = date(ctx.dct.year, month, 1)
        current = date(ctx.dct.year, ctx.dct.month, 1)
        if step == -1:
            d = this if this < current else date(ctx.dct.year - 1, month, 1)
        elif step == 1:
            d = this if this > current else date(ctx.dct.year + 1, month, 1)
        elif step == 0:
            d = this
        else:
            d = nearest_year(current, lambda y: date(y, month, 1), way) or this
        return date_result(Point("month", d))

    return anchor


def h_year(m: re.Match[str], doc: Doc) -> Anchoring | None:
    year = int(group(m, "year"))
    if not (group(m, "pre") or group(m, "mod") or group(m, "tail")):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span) == 1:
            tok = span[0]
            if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or tok.like_num is False:
                prev = doc[tok.i - 1].lower_ if tok.i else ""
                if prev not in ("in", "since", "of", "by", "until", "from", "to", "through", "during",
                                "before", "after", "fiscal", "year", "mid", "early", "late"):
                    return None
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("people", "percent", "%", "points", "feet", "meters", "miles"):
                return None
    tail = group_lower(m, "tail")
    point = Point("year", date(year, 1, 1))
    if tail == "period":

        def anchor_period(ctx: Anchors) -> Result:
            if ctx.ref is not None and ctx.ref.granularity == "quarter":
                return date_result(Point("quarter", ctx.ref.day.replace(year=year)), ref=False)
            return date_result(point)

        return anchor_period
    return lambda ctx: date_result(point)


def h_year_the_period(m: re.Match[str], doc: Doc) -> Anchoring | None:
    return h_year(m, doc)


def h_spelled_year(m: re.Match[str], doc: Doc) -> Anchoring | None:
    year = year_of(group(m, "spelled"))
    if year is None or not 1000 <= year <= 2100:
        return None
    return lambda ctx: date_result(Point("year", date(year, 1, 1)))


def h_decade(m: re.Match[str], doc: Doc) -> Anchoring | None:
    century, digit = group(m, "c"), group(m, "d") or group(m, "d2")

    def anchor(ctx: Anchors) -> Result:
        if century:
            cent = int(century)
        elif ctx.dct is not None:
            cent = ctx.dct.year // 100
        else:
            return ("DATE", None, None)
        return date_result(Point("decade", date(cent * 100 + int(digit) * 10, 1, 1)), ref=False)

    return anchor


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade_word(m: re.Match[str], doc: Doc) -> Anchoring | None:
    digit = _DECADE_WORDS[group_lower(m, "word")]

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("DATE", None, None)
        cent = ctx.dct.year // 100 - (1 if digit * 10 > ctx.dct.year % 100 else 0)
        return date_result(Point("decade", date(cent * 100 + digit * 10, 1, 1)), ref=False)

    return anchor


def h_century(m: re.Match[str], doc: Doc) -> Anchoring | None:
    ordinal, rel = group_lower(m, "ord"), group_lower(m, "rel")
    if ordinal:
        n = lexicon().ordinals.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
        if not 1 <= n <= 21:
            return None
        return lambda ctx: date_result(Point("century", date(max(1, (n - 1) * 100), 1, 1)), ref=False)
    step = rel_step(rel) or 0
    if rel in ("the last", "the past", "the next"):
        return lambda ctx: ("DURATION", "P100Y", None)

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("DATE", None, None)
        return date_result(Point("century", date(max(1, (ctx.dct.year // 100 + step) * 100), 1, 1)), ref=False)

    return anchor


# ---------------------------------------------------------------- days, weekdays, clock


def h_weekday(m: re.Match[str], doc: Doc) -> Anchoring | None:
    weekday = lexicon().weekdays[group(m, "wd")]
    rel = group_lower(m, "rel")
    part = daypart_code(group(m, "part") or group(m, "part0"))
    if rel in ("early", "late", "earlier", "later", "mid-"):
        rel = ""
    way = tense_of(doc, m, weekday=True)

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("TIME" if part else "DATE", None, None)
        dct = ctx.dct
        step = rel_step(rel) if rel else None
        if rel in ("the previous", "the following", "the next") and ctx.ref is not None and ctx.ref.granularity in ("day", "daypart", "time"):
            base = ctx.ref.day
            d = cal.weekday_near(base - timedelta(days=1), weekday, -1) if step == -1 else cal.weekday_near(base + timedelta(days=1), weekday, 1)
        elif step == -1:
            d = cal.weekday_near(dct - timedelta(days=1), weekday, -1)
        elif step == 1:
            d = cal.weekday_near(dct + timedelta(days=1), weekday, 1)
        elif step == 0:
            d = cal.weekday_near(dct, weekday, 1 if way == FUTURE else -1)
            if way != FUTURE and (dct - d).days >= 4:
                d = cal.weekday_near(dct, weekday, 1)
        else:
            d = cal.weekday_near(dct, weekday, FUTURE if way == FUTURE else PAST)
        return date_result(Point("daypart", d, part) if part else Point("day", d))

    return anchor


def h_weekday_set(m: re.Match[str], doc: Doc) -> Anchoring | None:
    weekday = lexicon().weekdays[group(m, "wd")] + 1
    part = daypart_code(group(m, "part")[:-1] if group(m, "part").endswith("s") else group(m, "part"))
    value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
    return lambda ctx: ("SET", value, None)


def h_each_name(m: re.Match[str], doc: Doc) -> Anchoring | None:
    lx = lexicon()
    if group(m, "wd"):
        value = f"XXXX-WXX-{lx.weekdays[group(m, 'wd')] + 1}"
    else:
        value = f"XXXX-{lx.months[group(m, 'mon')]:02d}"
    return lambda ctx: ("SET", value, None)


def _day_of(word: str, ctx: Anchors, doc: Doc, m: re.Match[str]) -> date | None:
    """The day a clock time or daypart is on: "Tuesday", "yesterday", "Nov. 9", else the
    reference day, else the publication date."""
    lx = lexicon()
    if ctx.dct is None:
        return None
    if not word:
        if ctx.ref is not None and ctx.ref.granularity in ("day", "daypart", "time"):
            return ctx.ref.day
        return ctx.dct
    low = word.lower()
    if low in ("today", "yesterday", "tomorrow"):
        return ctx.dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[low])
    if word in lx.weekdays:
        way = direction(doc, m.start(), m.end(), infinitive_is_future=False)
        return cal.weekday_near(ctx.dct, lx.weekdays[word], FUTURE if way == FUTURE else PAST)
    parts = word.split()
    if parts and parts[0] in lx.months and len(parts) == 2 and parts[1].isdigit():
        month, day = lx.months[parts[0]], int(parts[1])
        return nearest_year(ctx.dct, lambda y: safe_date(y, month, day), UNKNOWN)
    return ctx.dct


def h_clock(m: re.Match[str], doc: Doc) -> Anchoring | None:
    word = group_lower(m, "word")
    if word:
        clock = lexicon().clock_words[word]
    else:
        hour_text = group(m, "h") or group(m, "h2") or group(m, "h3")
        hour = int(hour_text) if hour_text.isdigit() else int(parse_number(hour_text) or 0)
        minute = int(group(m, "m") or group(m, "m2") or 0)
        ampm = group_lower(m, "ampm").replace(".", "")
        if hour > 24 or (ampm and not 1 <= hour <= 12):
            return None
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    when = " ".join(group(m, "when").split())

    def anchor(ctx: Anchors) -> Result:
        day = _day_of(when, ctx, doc, m)
        if day is None:
            return ("TIME", None, None)
        return date_result(Point("time", day, clock), ref=bool(when))

    return anchor


def h_daypart(m: re.Match[str], doc: Doc) -> Anchoring | None:
    """ "the morning", "mid-afternoon": that part of the day the text is on."""
    part = daypart_code(group(m, "part"))

    def anchor(ctx: Anchors) -> Result:
        day = _day_of("", ctx, doc, m)
        return ("TIME", None, None) if day is None else date_result(Point("daypart", day, part), ref=False)

    return anchor


def h_clock_part(m: re.Match[str], doc: Doc) -> Anchoring | None:
    hour_text = group(m, "h")
    hour = int(hour_text) if hour_text.isdigit() else int(parse_number(hour_text) or 0)
    part = group_lower(m, "part")
    if not 1 <= hour <= 12:
        return None
    if part in ("afternoon", "evening") and hour < 12:
        hour += 12
    clock = f"{hour:02d}:00"

    def anchor(ctx: Anchors) -> Result:
        day = _day_of("", ctx, doc, m)
        return ("TIME", None, None) if day is None else date_result(Point("time", day, clock), ref=False)

    return anchor


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}


def h_deictic(m: re.Match[str], doc: Doc) -> Anchoring | None:
    word = group_lower(m, "word") or group_lower(m, "this")
    part = daypart_code(group(m, "part") or group(m, "part0") or group(m, "part2"))
    around = group_lower(m, "around")
    offset = (-2 if around.startswith("before") else 2) if around else _DEICTIC[word]
    if word == "tonight":
        part = "NI"
    if word == "last" and part is None:
        return None

    def anchor(ctx: Anchors) -> Result:
        if ctx.dct is None:
            return ("TIME" if part else "DATE", None, None)
        d = ctx.dct + timedelta(days=offset)
        return date_result(Point("daypart", d, part) if part else Point("day", d))

    return anchor
