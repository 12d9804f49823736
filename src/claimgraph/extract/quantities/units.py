"""Units, currencies and the words around a number that change what it means.

The unit table is data (``claimgraph/data/units.tsv``: surface, canonical name, kind); this
module compiles it once into regexes anchored where a number ends. Modifier phrases ("up to",
"more than", "about") and the bound each one sets are data too (``data/number_modifiers.tsv``,
shared with the hedge finder); the convention is documented in ``docs/quality.md`` (section
``quantities``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.knowledge import number_modifiers, number_words, rows

KINDS = ("percent", "currency", "unit", "time")


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    canonical: str
    kind: str


@lru_cache(maxsize=1)
def table() -> dict[str, Unit]:
    """``surface -> Unit`` from ``data/units.tsv`` (read once)."""
    return {surface: Unit(surface, canonical, kind)
            for surface, canonical, kind in rows("units.tsv")}


def _alternation(surfaces: list[str]) -> str:
    return "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(surfaces, key=len, reverse=True))


@lru_cache(maxsize=1)
def _unit_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = table()
    short = [s for s in rows if len(s) <= 3]
    long = [s for s in rows if len(s) > 3]
    # a unit is glued to the number ("10kg"), after a space, or in an adjective ("16-meter")
    lead = r"(?:[ \u00a0\u202f]?|-)"
    tail = r"(?![^\W\d_]|[°%])"  # a letter after it means a longer word, a digit an exponent
    return (
        re.compile(rf"{lead}(?P<unit>{_alternation(short)}){tail}"),
        re.compile(rf"{lead}(?P<unit>{_alternation(long)}){tail}", re.I),
    )


def lookup(surface: str) -> Unit | None:
    """The table row for a surface as written (short symbols are case-sensitive)."""
    rows = table()
    squeezed = re.sub(r"\s+", " ", surface)
    if squeezed in rows:
        return rows[squeezed]
    if len(squeezed) > 3:
        lowered = {k.lower(): v for k, v in rows.items() if len(k) > 3}
        return lowered.get(squeezed.lower())
    return None


def unit_at(text: str, pos: int) -> tuple[Unit, int] | None:
    """The unit written at ``text[pos:]`` (longest match) and where it ends."""
    best: tuple[Unit, int] | None = None
    for regex in _unit_regexes():
        m = regex.match(text, pos)
        if m and (best is None or m.end() > best[1]):
            unit = lookup(m.group("unit"))
            if unit is not None:
                best = (unit, m.end())
    return best


# --- currency written before the number: "$", "US$", "€", "USD " -------------------------------
CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD",
    "AU$": "AUD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₽": "RUB", "₴": "UAH", "₹": "INR", "₪": "ILS", "Rs.": "INR", "Rs": "INR", "R$": "BRL",
}
CURRENCY_CODES = ("USD", "EUR", "GBP", "RUB", "UAH", "CNY", "JPY", "INR", "CHF", "CAD", "AUD")
CURRENCY_LEFT = re.compile(
    r"(?:(?<![\w$])(?P<sym>" + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r")|(?<![\w])(?P<code>" + "|".join(CURRENCY_CODES) + r")[ \u00a0]?)[ \u00a0]?$"
)

#: multipliers after a number; the short ones only count after a currency ("$3bn", "€10M")
MULTIPLIERS = {
    word: int(value)
    for word, value in number_words("scale", "multiplier", "money multiplier").items()
}
MONEY_ONLY = set(number_words("money multiplier"))
MULTIPLIER_AT = re.compile(
    r"(?:[ \u00a0]?|[ \u00a0]?-)(?P<mult>"
    + "|".join(re.escape(m) for m in sorted(MULTIPLIERS, key=len, reverse=True))
    + r")(?![\w])"
)
DOZEN_AT = re.compile(r"[ \u00a0](?P<mult>dozen)(?![\w])", re.I)

# --- modifiers before a number, by the bound they set (``data/number_modifiers.tsv``) ------------
MODIFIERS: dict[str, str] = {
    row.phrase: row.bound for row in number_modifiers() if row.position == "before"
}
_WORD_MODS = [p for p in MODIFIERS if p[0].isalpha()]
_SYMBOL_MODS = [p for p in MODIFIERS if not p[0].isalpha()]
_MOD_ALT = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_WORD_MODS, key=len, reverse=True)
)
_SYM_ALT = "|".join(re.escape(p) for p in sorted(_SYMBOL_MODS, key=len, reverse=True))
#: a word modifier stands alone ("up to"); a symbol may be glued to what precedes ("Voc∼0.4")
MODIFIER_BEFORE = re.compile(
    rf"(?P<mod>(?<![\w])(?:{_MOD_ALT})|(?:{_SYM_ALT}))[ \u00a0]*$", re.I
)


def modifiers_before(text: str, start: int) -> list[tuple[str, int]]:
    """The modifiers written before ``text[start]``, innermost first, as (kind, start): "from
    ∼20" -> [("approx", ...), ("range", ...)]; at most two ("more than about 300")."""
    found: list[tuple[str, int]] = []
    for _ in range(2):
        m = MODIFIER_BEFORE.search(text, max(0, start - 30), start)
        if m is None:
            break
        found.append((MODIFIERS[re.sub(r"\s+", " ", m.group("mod").lower())], m.start()))
        start = m.start()
    return found


#: modifiers after a number: "10 or more", "300 or so", "40+"
SUFFIX_KIND = {row.phrase: row.bound for row in number_modifiers() if row.position == "after"}
_SUFFIX_WORDS = "|".join(
    re.escape(p).replace(r"\ ", r"\s+")
    for p in sorted((p for p in SUFFIX_KIND if p[0].isalpha()), key=len, reverse=True)
)
SUFFIX_MODIFIER = re.compile(
    rf"(?:[ \u00a0]+(?P<words>{_SUFFIX_WORDS})(?![\w])|(?P<plus>\+)(?![\d]))", re.I
)

RANGE_JOINER = re.compile(
    r"(?:[ \u00a0]*-?[ \u00a0]*(?P<word>to|through|and)[ \u00a0]+|[ \u00a0]?(?P<dash>[-–—])[ \u00a0]?)"
)

# --- compound units: "km/s2", "m s−1", "g cm−3", "$15.4/hour", "kilometres per hour" ----------
_DIVIDE = re.compile(r"(?:[ \u00a0]*/[ \u00a0]*|[ \u00a0]+per[ \u00a0]+|[ \u00a0]+an?[ \u00a0]+)", re.I)
_TIMES = re.compile(r"[ \u00a0·⋅]")
_EXPONENT = re.compile(r"(?:\^?(?P<neg>[−-])?(?P<n>[1-3])|(?P<sup>[²³])|(?P<supneg>⁻)(?P<supn>[¹²³]))(?![\w])")
#: symbols that only name a unit inside a compound ("m s−1", "km/h"): alone they are words
FACTOR_ONLY = {"s": "second", "h": "hour", "d": "day", "yr": "year", "min": "minute", "l": "litre"}
_POWER = {1: "", 2: "square ", 3: "cubic "}
_SUPERSCRIPT = {"¹": 1, "²": 2, "³": 3}


def _factor(text: str, pos: int) -> tuple[str, str, int, int, bool] | None:
    """One unit factor at ``pos``: (canonical, kind, power, end, was exponent written)."""
    found = unit_at(text, pos)
    if found is not None:
        unit, end = found
        canonical, kind = unit.canonical, unit.kind
    else:
        m = re.match(r"(?P<sym>yr|min|s|h|d|l)(?![a-zA-Z])", text[pos:])
        if m is None:
            return None
        canonical, kind, end = FACTOR_ONLY[m.group("sym")], "time", pos + m.end()
    e = _EXPONENT.match(text, end)
    if e is None:
        return canonical, kind, 1, end, False
    if e.group("sup"):
        power = _SUPERSCRIPT[e.group("sup")]
    elif e.group("supn"):
        power = -_SUPERSCRIPT[e.group("supn")]
    else:
        power = int(e.group("n")) * (-1 if e.group("neg") else 1)
    return canonical, kind, power, e.end(), True


def compose(text: str, label: str, end: int) -> tuple[str, int]:
    """Extend a unit read at ``text[..end]`` with the factors written after it: "km" + "/s2"
    -> "kilometre per square second"; a factor after a space needs an exponent ("m s−1")."""
    for _ in range(3):
        divide = _DIVIDE.match(text, end)
        if divide is not None:
            factor = _factor(text, divide.end())
            if factor is None or (divide.group().strip().lower() in ("a", "an") and factor[1] != "time"):
                break
            label = f"{label} per {_POWER.get(abs(factor[2]), '')}{factor[0]}"
            end = factor[3]
            continue
        times = _TIMES.match(text, end)
        factor = _factor(text, times.end()) if times else None
        if factor is None or not factor[4] or factor[1] == "currency":
            break
        power = factor[2]
        label = f"{label} {'per ' if power < 0 else ''}{_POWER.get(abs(power), '')}{factor[0]}"
        end = factor[3]
    return label, end


#: "in" is an inch only where it cannot be the preposition: "2 in.", "a 5 in thick door"
INCH_AT = re.compile(
    r"[ \u00a0](?:in(?=\.)|in(?=[ \u00a0](?:thick|long|wide|tall|deep|high|across|in\s+diameter)\b|[,;:)]|\s*$))"
)


#: a temperature glued to its number: "30C", "86F" (spaced, "C" and "F" are too often letters)
GLUED_DEGREES = re.compile(r"([CF])(?![\w-])")
GLUED_DEGREE_NAMES = {"C": "degree Celsius", "F": "degree fahrenheit"}
#: ... and only where the sentence speaks of weather ("Fig. 3C" and "14C dating" do not)
WEATHER_BEFORE = re.compile(
    r"(?i:temperatur|heat|hot|warm|cold|cool|freez|frost|degrees|thermometer|weather|forecast"
    r"|highs?\s+of|lows?\s+of|climb|soar|plung)"
)


def unit_phrase(text: str, pos: int) -> tuple[str, str, int] | None:
    """The whole unit written at ``text[pos:]``: (label, kind of its first factor, end)."""
    inch = INCH_AT.match(text, pos)
    if inch is not None:
        return "inch", "unit", inch.end()
    degrees = GLUED_DEGREES.match(text, pos)
    if (
        degrees is not None
        and pos > 0
        and text[pos - 1].isdigit()
        and WEATHER_BEFORE.search(text, max(0, pos - 80), pos)
    ):
        return GLUED_DEGREE_NAMES[degrees.group(1)], "unit", degrees.end()
    first = _factor(text, pos)
    if first is None or (first[0] in FACTOR_ONLY.values() and unit_at(text, pos) is None):
        return None
    canonical, kind, power, end, _ = first
    label = f"{'per ' if power < 0 else ''}{_POWER.get(abs(power), '')}{canonical}"
    label, end = compose(text, label, end)
    return label, kind, end
