"""Amounts without a number: "dozens of soldiers", "tens of thousands of troops", "several
hundred protesters" (no value, a low bound of two of their unit), and fractions of a whole:
"half of", "a third of" (a value)."""

from __future__ import annotations

import re
from decimal import Decimal

from claimgraph.extract.quantities import units
from claimgraph.extract.quantities.numbers import DENOMINATORS, SCALES, as_number
from claimgraph.extract.quantities.phrases import Tokens
from claimgraph.record import Quantity

_SP = r"[ \u00a0]"
VAGUE = re.compile(
    rf"(?<![\w])(?:(?P<pre>tens|hundreds){_SP}+of{_SP}+)?(?P<mag>dozens|hundreds|thousands|millions|billions)"
    rf"(?![\w-])"
    rf"|(?<![\w])(?P<scores>scores)(?={_SP}+of{_SP})"
    rf"|(?<![\w])(?P<few>several|a{_SP}+few|a{_SP}+couple{_SP}+of|a{_SP}+couple|few){_SP}+"
    rf"(?P<mag2>dozen|hundred|thousand|million|billion)(?![\w])",
    re.I,
)
FRACTION_OF = re.compile(
    rf"(?<![\w])(?:(?:a|one){_SP}+(?P<a>)|(?=half))(?P<frac>half|third|quarter|fifth|tenth)(?={_SP}+of{_SP})",
    re.I,
)
_MAGNITUDE = {
    "dozen": 12, "dozens": 12, "hundred": 100, "tens": 10, "hundreds": 100, **SCALES,
    **{f"{word}s": scale for word, scale in SCALES.items()},
}


def vague_amounts(text: str) -> list[tuple[int, int, Decimal, bool]]:
    """'dozens of', 'tens of thousands of', 'several hundred' -> (start, end, low bound, False);
    'half of', 'a third of' -> (start, end, value, True)."""
    out = [
        (m.start(), m.end(), Decimal(1) / DENOMINATORS[m.group("frac").lower()], True)
        for m in FRACTION_OF.finditer(text)
    ]
    for m in VAGUE.finditer(text):
        if m.group("scores"):
            low = 2 * 20
        elif m.group("mag"):
            low = 2 * _MAGNITUDE[m.group("mag").lower()] * (
                _MAGNITUDE[m.group("pre").lower()] if m.group("pre") else 1
            )
        else:
            low = 2 * _MAGNITUDE[m.group("mag2").lower()]
        out.append((m.start(), m.end(), Decimal(low), False))
    return out


def read_vague(tokens: Tokens, text: str, item: tuple[int, int, Decimal, bool]) -> Quantity:
    start, end, amount, fraction = item
    number = tokens.span_tokens(start, end)
    found = tokens.counted(number, end, via_of=True) or tokens.counted(number, end)
    unit = None
    if found is not None:
        end, unit, _ = found
        row = units.lookup(unit)  # "hundreds of millions of dollars" counts USD
        unit = row.canonical if row is not None else unit
    mods = [(kind, at) for kind, at in units.modifiers_before(text, start) if kind != "range"]
    if mods:
        start = mods[-1][1]
    if fraction:  # "nearly half of all tomatoes": a value with its modifier's bound
        kinds = [kind for kind, _ in mods]
        bound = as_number(amount)
        return Quantity(
            start, end, text[start:end], value=bound, unit=unit,
            low=bound if "lower" in kinds else None, high=bound if "upper" in kinds else None,
        )
    return Quantity(start, end, text[start:end], low=as_number(amount), unit=unit)
