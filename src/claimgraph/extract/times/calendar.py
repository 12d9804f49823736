"""Calendar points at a granularity, shifted and written as TIMEX3 values.

A ``Point`` is a date plus how finely it is known: "1998" is the year 1998 (granularity
``year``), "last week" an ISO week, "Friday morning" a day plus a part of the day. Shifting keeps
the granularity ("a year earlier" than 1989-Q3 is 1988-Q3), which is what TIMEX3 expects.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
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
        write = _VALUE_WRITERS.get(self.granularity)
        if write is not None:
            return write(self.day, self.extra)
        if self.granularity in ("week", "weekend"):
            year, week, _ = self.day.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if self.granularity == "weekend" else "")
        return f"{self.day.isoformat()}T{self.extra}"


#: how each granularity writes its TIMEX3 value (weeks and clock times are written in ``value``)
_VALUE_WRITERS: dict[str, Callable[[date, str | None], str]] = {
    "century": lambda d, _: f"{d.year // 100:02d}",
    "decade": lambda d, _: f"{d.year // 10:03d}",
    "year": lambda d, _: f"{d.year:04d}",
    "half": lambda d, _: f"{d.year:04d}-H{1 if d.month <= 6 else 2}",
    "quarter": lambda d, _: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
    "season": lambda d, extra: f"{d.year:04d}-{extra}",
    "month": lambda d, _: f"{d.year:04d}-{d.month:02d}",
    "day": lambda d, _: d.isoformat(),
}
#: a shift by these units moves the day by whole days, or by whole months
_SHIFT_DAYS = {"day": 1, "night": 1, "week": 7, "weekend": 7}
_SHIFT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12, "decade": 120,
                 "century": 1200}


def add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise ValueError("year out of range")
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(point: Point, amount: int, unit: str) -> Point:
    """``point`` moved by ``amount`` units ("a year earlier" = shift(p, -1, "year"))."""
    if unit in _SHIFT_DAYS:
        return replace(point, day=point.day + timedelta(days=_SHIFT_DAYS[unit] * amount))
    if unit in _SHIFT_MONTHS:
        return replace(point, day=add_months(point.day, _SHIFT_MONTHS[unit] * amount))
    return point


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
