"""Durations ("two weeks", "16-hour", "the past two months"), sets ("daily", "every year",
"twice a week") and fuzzy references ("now", "recently", "the future")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimgraph.extract.times.anchor import Anchoring, group, group_lower
from claimgraph.extract.times.lexicon import lexicon, parse_number

#: unit -> (duration letter, multiplier): a decade is ten years, a quarter three months
_AS = {"decade": ("Y", 10), "century": ("Y", 100), "quarter": ("M", 3), "weekend": ("D", 2)}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, "week") -> "P2W", (5.5, "hour") -> "PT5H30M", (None, "year") -> "PXY"."""
    letter, times = _AS.get(unit, (lexicon().duration_letters[unit], 1))
    time_part = letter.startswith("T")
    letter = letter.lstrip("T")
    prefix = "PT" if time_part else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    amount *= times
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    whole, rest = int(amount), amount - int(amount)
    smaller = {"Y": ("M", 12), "M": ("D", 30), "D": ("TH", 24), "H": ("M", 60), "W": ("D", 7)}.get(letter)
    if smaller and (rest * smaller[1]) == round(rest * smaller[1]):
        part, n = smaller[0], round(rest * smaller[1])
        if part == "TH":
            return f"P{whole}DT{n}H" if whole else f"PT{n}H"
        head = f"{whole}{letter}" if whole else ""
        return f"{prefix}{head}{n}{part}"
    return f"{prefix}{amount:g}{letter}"


_MONEYISH = re.compile(r"(?:\d|%|percent|cents?|dollars?|[$£€]|billion|million|each|times)\s*$", re.I)


def h_duration(m: re.Match[str], doc: Doc) -> Anchoring | None:
    lx = lexicon()
    unit = lx.units[group_lower(m, "unit")]
    num_text = group_lower(m, "num")
    if unit == "second" and num_text in ("a", "an"):
        return None
    if unit == "quarter" and m.string[m.end() : m.end() + 4].lower() == " of " and (
        num_text in ("a", "an") or "-" in m.group(0)
    ):
        return None  # a fraction: "a quarter of the voters", "three-quarters of its food"
    amount = parse_number(num_text)
    if group(m, "num2"):
        amount = None
    det, rel = group_lower(m, "det"), group_lower(m, "rel")
    if num_text in ("a", "an") and not (det or rel or group(m, "approx")):
        before = m.string[max(0, m.start() - 20) : m.start()]
        if _MONEYISH.search(before):
            value = duration_value(1, unit)
            return lambda ctx: ("SET", value, None)
    if m.string[m.end() : m.end() + 4].lower() == " old" or re.fullmatch(r"(?:1[5-9]|20)\d\d", num_text):
        return None  # an age ("52 years old"), or a year ("the 1988 quarter")
    value = duration_value(amount, unit)
    return lambda ctx: ("DURATION", value, None)


def h_bare_units(m: re.Match[str], doc: Doc) -> Anchoring | None:
    unit = lexicon().units[group_lower(m, "unit") or group_lower(m, "unit3")]
    value = duration_value(None, unit)
    return lambda ctx: ("DURATION", value, None)


def h_decades_long(m: re.Match[str], doc: Doc) -> Anchoring | None:
    """ "decades-long" -> PXY-like vague duration; "day-long" -> P1D."""
    word = group_lower(m, "unit")
    value = duration_value(None if word.endswith("s") else 1, lexicon().units[word])
    return lambda ctx: ("DURATION", value, None)


def h_fuzzy(m: re.Match[str], doc: Doc) -> Anchoring | None:
    key = " ".join(m.group(0).lower().split())
    value = lexicon().fuzzy.get(key)
    if value is None:
        return None
    if key == "current":
        after = m.string[m.end() : m.end() + 12].lstrip().lower()
        if after.startswith(("account", "events", "affairs", "law", "rules", "system", "and former")):
            return None
    return lambda ctx: ("DATE", value, None)


def h_recent_units(m: re.Match[str], doc: Doc) -> Anchoring | None:
    rel = group_lower(m, "rel")
    unit = lexicon().units[group_lower(m, "unit")]
    if "coming" in rel or m.group(0).lower().endswith("ahead"):
        value = duration_value(None, unit)
        return lambda ctx: ("DURATION", value, None)
    return lambda ctx: ("DATE", "PAST_REF", None)


_EVERY_PART = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV"}


def h_set(m: re.Match[str], doc: Doc) -> Anchoring | None:
    lx = lexicon()
    word = group_lower(m, "word")
    if word:
        value = lx.sets[word]
        return lambda ctx: ("SET", value, None)
    unit_word = group_lower(m, "unit") or group_lower(m, "unit2")
    if unit_word in _EVERY_PART:
        part = _EVERY_PART[unit_word]
        return lambda ctx: ("SET", f"XXXX-XX-XX{part}", None)
    unit = lx.units[unit_word]
    amount = parse_number(group(m, "num")) if group(m, "num") else 1.0
    if m.group(0).lower().split()[1:2] == ["other"]:
        amount = (amount or 1) * 2
    value = duration_value(amount, unit)
    return lambda ctx: ("SET", value, None)


