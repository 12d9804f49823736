"""The words of the time grammar, loaded once from ``claimgraph/data/time_words.json`` (and the
number words from ``number_words.tsv``, which the quantity finder reads too)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimgraph.knowledge import json_table, number_words


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    duration_letters: dict[str, str]
    seasons: dict[str, str]
    dayparts: dict[str, str]
    clock_words: dict[str, str]
    fuzzy: dict[str, str]
    sets: dict[str, str]
    holidays: dict[str, tuple[int, ...]]


#: the number words the grammar counts with ("three days", "a couple of weeks"), from
#: ``data/number_words.tsv`` (shared with the quantity finder): from one up, not zero
NUMBER_KINDS = ("unit", "ten", "hundred", "dozen", "phrase")


def _raw() -> dict[str, Any]:
    return json_table("time_words.json")  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = _raw()
    return Lexicon(
        months=dict(raw["months"]),
        weekdays=dict(raw["weekdays"]),
        numbers={word: float(value) for word, value in number_words(*NUMBER_KINDS).items()
                 if value != 0},
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=dict(raw["ordinals"]),
        units=dict(raw["units"]),
        duration_letters=dict(raw["duration_letters"]),
        seasons=dict(raw["seasons"]),
        dayparts=dict(raw["dayparts"]),
        clock_words=dict(raw["clock_words"]),
        fuzzy=dict(raw["fuzzy"]),
        sets=dict(raw["sets"]),
        holidays={k: tuple(v) for k, v in raw["holidays"].items()},
    )


def alternation(words: object, *, flexible_space: bool = True) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    escaped = []
    for word in sorted(words, key=len, reverse=True):  # type: ignore[call-overload]
        piece = re.escape(word)
        if flexible_space:
            piece = piece.replace(r"\ ", r"\s+")
        escaped.append(piece)
    return "(?:" + "|".join(escaped) + ")"


_TENS = {word: int(value) for word, value in number_words("ten").items()}
_FRACTION = re.compile(r"(\d+)\s+(\d)/(\d)")


def parse_number(text: str) -> float | None:
    """ "two" -> 2, "twenty-four" -> 24, "5 1/2" -> 5.5, "1,000" -> 1000; vague ("several") -> None."""
    words = lexicon().numbers
    t = " ".join(text.lower().replace("-", " ").split())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    frac = _FRACTION.fullmatch(t)
    if frac:
        return int(frac.group(1)) + int(frac.group(2)) / int(frac.group(3))
    try:
        return float(t.replace(",", "")) + half
    except ValueError:
        pass
    if t in words:
        return words[t] + half
    parts = t.split()
    total = 0.0
    for part in parts:
        if part in _TENS:
            total += _TENS[part]
        elif part == "hundred":
            total = max(total, 1.0) * 100
        elif part == "thousand":
            total = max(total, 1.0) * 1000
        elif part in words and part not in ("a", "an"):
            total += words[part]
        elif part in ("a", "an", "and"):
            total += 1 if part != "and" and not total else 0
        else:
            return None
    return total + half if total else None
