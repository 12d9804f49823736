"""Numbers as written in news text: "2,000", "1.5", "10 000", "2 1/2", "½", "2.48×10−5",
"six", "twenty-one", "a hundred and two", "three million, two hundred & forty", "two thirds".

:func:`cores` finds them with two compiled regexes over the whole text (digits and number words)
and returns each with its value; everything around a number (modifiers, ranges, units) is the
finder's business. Values are computed with :class:`~decimal.Decimal` so "$2.174T" is exactly
2174000000000, not 2174000000000.0002.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from claimgraph.knowledge import number_words

#: the spelt numbers, from ``data/number_words.tsv`` (shared with the time grammar)
SMALL = {word: int(value) for word, value in number_words("unit").items()}
TENS = {word: int(value) for word, value in number_words("ten").items()}
#: scale words; also accepted after digits ("1.5 billion", "$3bn")
SCALES = {word: int(value) for word, value in number_words("scale").items()}
DENOMINATORS = {word: int(value) for word, value in number_words("denominator").items()}
VULGAR = {char: (value.numerator, value.denominator)
          for char, value in number_words("vulgar").items()}

#: denominators of fractions written in digits ("1/4 inch", "3/8"); others are dates or codes
FRACTION_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100}
_BARE_SCALES = {"hundred", "dozen", *SCALES}
_WORD = "|".join(sorted([*SMALL, *TENS, "hundred", "dozen", *SCALES], key=len, reverse=True))
_DENOM = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_VULGAR = "".join(VULGAR)

WORDS_RE = re.compile(
    rf"""(?<![\w-])
    (?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?
    (?:{_WORD})
    (?:(?:[\s-]+(?:and\s+|&\s+)?|\s*&\s*|,\s+)(?:{_WORD})(?![\w]))*
    (?:(?:\s+and\s+a\s+|[\s-]+)(?:{_DENOM}))?
    (?![\w])""",
    re.I | re.X,
)

DIGITS_RE = re.compile(
    rf"""(?:(?<![\w.,/^+])|(?<=USD|EUR|GBP|RUB|UAH|CNY|JPY|INR|CHF))(?<![A-Za-z]-)
    (?P<sign>[-−+](?=[\d.]))?
    (?:
        (?P<mixed>\d+)\s(?P<mnum>\d+)/(?P<mden>\d+)(?![/\d])        # 2 1/2
      | (?P<num>\d+)/(?P<den>\d+)(?![/\d])                         # 1/40
      | (?P<int>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?                    # 1,500,000.5
              | \d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,.]\d)    # 10 000
              | \d+(?:\.\d+)?
              | \.\d+)
        (?P<vulgar>[{_VULGAR}])?
        (?:[eE](?P<exp>[-+−]?\d+)(?![\w])                            # 4e14
          | \s?[×x]\s?10(?:\^|\s)?(?P<exp10>[-−]?\d+))?               # 2.48×10−5
      | (?P<alone>[{_VULGAR}])                                       # ½
    )""",
    re.X,
)


@dataclass(slots=True)
class Core:
    """One number in the text: ``text[start:end]`` has value ``value``."""

    start: int
    end: int
    value: Decimal
    words: bool = False  # spelt out ("six", "two million")
    integer_digits: bool = False  # plain digits without separators or decimals ("1991")

    @property
    def text_len(self) -> int:
        return self.end - self.start


def as_number(value: Decimal) -> int | float:
    """An int when the value is whole (JSON ``2000``, not ``2000.0``), else a float."""
    if value == value.to_integral_value() and abs(value) < 10**18:
        return int(value)
    return float(value)


def _digits_value(m: re.Match[str]) -> Decimal | None:
    try:
        if m.group("alone"):
            a, b = VULGAR[m.group("alone")]
            value = Decimal(a) / Decimal(b)
        elif m.group("mixed"):
            den = int(m.group("mden"))
            if den == 0:
                return None
            value = Decimal(m.group("mixed")) + Decimal(m.group("mnum")) / Decimal(den)
        elif m.group("num"):
            num, den = int(m.group("num")), int(m.group("den"))
            if num >= den or den not in FRACTION_DENOMINATORS or (num, den) == (9, 11):
                return None  # "1/0", "24/7", "9/11" and dates are not fractions
            value = Decimal(num) / Decimal(den)
        else:
            raw = re.sub(r"[,\s\u00a0\u202f]", "", m.group("int"))
            value = Decimal(raw)
            if m.group("vulgar"):
                a, b = VULGAR[m.group("vulgar")]
                value += Decimal(a) / Decimal(b)
            exp = m.group("exp") or m.group("exp10")
            if exp:
                value *= Decimal(10) ** int(exp.replace("−", "-"))
    except (InvalidOperation, ValueError):
        return None
    if m.group("sign") in ("-", "−"):
        value = -value
    return value


def parse_words(text: str) -> tuple[Decimal, int] | None:
    """The value of spelt-out number words at the start of ``text`` and how many characters of
    it they use: "twenty-one years" -> (21, 10). Stops where the words stop forming one number
    ("two, three" is 2 and then another number)."""
    total = Decimal(0)
    current = Decimal(0)
    last: str | None = None  # kind of the previous number word
    used = 0
    prev_end = 0
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m.group().lower()
        joiner = text[prev_end : m.start()]
        if word in ("a", "an", "and"):
            continue
        if last is not None and "," in joiner and last != "scale":
            break  # a comma only continues a number after a scale word
        if word in SMALL:
            if last in ("small", "denominator") or (last == "tens" and current % 10):
                break
            current += SMALL[word]
            kind = "small"
        elif word in TENS:
            if last in ("small", "tens", "denominator") and current % 100:
                break
            current += TENS[word]
            kind = "tens"
        elif word == "hundred":
            if last == "hundred" or current >= 100:
                break
            current = (current or Decimal(1)) * 100
            kind = "hundred"
        elif word == "dozen":
            current = (current or Decimal(1)) * 12
            kind = "scale"
        elif word in SCALES:
            scale = SCALES[word]
            if last == "scale" and current == 0:
                total = (total or Decimal(1)) * scale  # "a thousand million"
            else:
                total += (current or Decimal(1)) * scale
            current = Decimal(0)
            kind = "scale"
        elif word in DENOMINATORS:
            if last is None:
                break
            if "and" in joiner.lower() or text[prev_end:m.start()].strip().lower().endswith("a"):
                current += Decimal(1) / DENOMINATORS[word]  # "two and a half"
            else:
                current = current / DENOMINATORS[word]  # "two thirds", "one-half"
            kind = "denominator"
        else:
            break
        last = kind
        used = prev_end = m.end()
    if last is None:
        return None
    return total + current, used


def cores(text: str) -> Iterator[Core]:
    """Every number in ``text``, left to right, none overlapping (digits win a tie)."""
    found: list[Core] = []
    for m in DIGITS_RE.finditer(text):
        value = _digits_value(m)
        if value is not None:
            plain = bool(m.group("int")) and re.fullmatch(r"\d+", m.group()) is not None
            found.append(Core(m.start(), m.end(), value, integer_digits=plain))
    for m in WORDS_RE.finditer(text):
        if m.group().split()[0].lower() in _BARE_SCALES:
            continue  # "a baker's dozen", "thousand-year": a scale word needs a number or "a"
        parsed = parse_words(m.group())
        if parsed is not None:
            value, used = parsed
            found.append(Core(m.start(), m.start() + used, value, words=True))
    found.sort(key=lambda c: (c.start, -c.text_len))
    end = -1
    for core in found:
        if core.start >= end:
            end = core.end
            yield core
