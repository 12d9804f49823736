"""Calendar points at a granularity, shifted and written as TIMEX3 values.

A ``Point`` is a date plus how finely it is known: "1998" is the year 1998 (granularity
``year``), "last week" an ISO week, "Friday morning" a day plus a part of the day. Shifting keeps
the granularity ("a year earlier" than 1989-Q3 is 1988-Q3), which is what TIMEX3 expects.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

#: coarse to fine; a shift by a unit finer than the point's granularity refines the point
GRANULARITIES = (
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend",
    "day", "daypart", "time",
)
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}
#: the granularity a unit word names ("two weeks ago" is a week)
UNIT_GRANULARITY = {
    "century": "century", "decade": "decade", "year": "year", "half": "half",
    "quarter": "quarter", "season": "season", "month": "month", "week": "week",
    "weekend": "weekend", "day": "day", "night": "day", "hour": "time", "minute": "time",
    "second": "time",
}
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point: ``day`` is any date inside it; ``extra`` a season/daypart/clock code."""

    granularity: str
    day: date
    extra: str | None = None

    @property
    def year(self) -> int:
        return self.day.year

    def finer_than(self, granularity: str) -> bool:
        return _RANK[self.granularity] > _RANK[granularity]

    def at(self, granularity: str, extra: str | None = None) -> Point:
        return Point(granularity, self.day, extra)

    def value(self) -> str:
        """The TIMEX3 ``value`` of this point."""
        d, g = self.day, self.granularity
        if g == "century":
            return f"{d.year // 100:02d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "season":
            return f"{d.year:04d}-{self.extra}"
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g in ("week", "weekend"):
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if g == "weekend" else "")
        if g == "day":
            return d.isoformat()
        return f"{d.isoformat()}T{self.extra}"


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise ValueError("year out of range")
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(point: Point, amount: int, unit: str) -> Point:
    """``point`` moved by ``amount`` units ("a year earlier" = shift(p, -1, "year"))."""
    d = point.day
    if unit in ("day", "night"):
        d = d + timedelta(days=amount)
    elif unit in ("week", "weekend"):
        d = d + timedelta(weeks=amount)
    elif unit == "month":
        d = add_months(d, amount)
    elif unit == "quarter":
        d = add_months(d, 3 * amount)
    elif unit in ("half", "season"):
        d = add_months(d, 6 * amount if unit == "half" else 12 * amount)
    elif unit == "year":
        d = add_months(d, 12 * amount)
    elif unit == "decade":
        d = add_months(d, 120 * amount)
    elif unit == "century":
        d = add_months(d, 1200 * amount)
    else:
        return point
    return replace(point, day=d)


def month_point(year: int, month: int) -> Point:
    return Point("month", date(year, month, 1))


def quarter_point(year: int, quarter: int) -> Point:
    return Point("quarter", date(year, 3 * quarter - 2, 1))


def season_point(year: int, code: str) -> Point:
    return Point("season", date(year, _SEASON_MONTH[code], 1), code)


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (0 = Monday) nearest ``anchor`` on or before it (direction < 0) or on or
    after it (direction > 0): news says "Friday" for the last Friday unless it speaks of the future."""
    delta = (weekday - anchor.weekday()) % 7
    return anchor + timedelta(days=delta) if direction > 0 else anchor - timedelta(days=(7 - delta) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) ``weekday`` of a month: Thanksgiving is the 4th Thursday of November."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)
