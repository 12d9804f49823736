"""Read each number in a parsed ``Doc`` outwards into a quantity: the modifier before it ("up
to", "more than"), a currency sign, a multiplier ("billion", "bn"), a range ("between 5 and
10", "3.5–4.0"), then what is counted: a unit from the table ("percent", "km", "USD") or, from
the parse, the noun the number counts ("2,000 service members", "dozens of soldiers").

Numbers that are not quantities are left out: years ("in 1991", "the 2024 election"), dates
("March 3"), clock times ("2 pm", "14:30"), ordinals ("3rd"), labels ("Article 5", "F-16",
"No. 10", "lines 16 and 17"), scores ("won 3-1") and numbers in web addresses.

Value convention (see ``docs/quality.md``): ``value`` is the number the text states; ``low`` /
``high`` are the bounds its modifier sets ("up to 2,000" -> value 2000, high 2000; "more than
200" -> value 200, low 200; "about 300" -> value 300, no bounds). A range has no single value:
"between 5 and 10" -> low 5, high 10. Vague amounts ("dozens of", "hundreds of", "several
thousand") have no value and a low bound of two of their unit: 24, 200, 2000.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc

from claimgraph.extract.quantities import units
from claimgraph.extract.quantities.numbers import Core, as_number, cores
from claimgraph.extract.quantities.phrases import Tokens
from claimgraph.extract.quantities.vague import read_vague, vague_amounts
from claimgraph.nlp.extensions import text_of
from claimgraph.record import Quantity

_SP = r"[ \u00a0]"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
MONTH_BEFORE = re.compile(rf"(?<![\w]){_MONTH}{_SP}+(?:the{_SP}+|\d{{1,2}}(?:st|nd|rd|th)?,?{_SP}+)?$")
MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?,?{_SP}*(?:of{_SP}+)?{_MONTH}(?![\w])")
CLOCK_AFTER = re.compile(
    rf"(?::\d\d|{_SP}?(?:[ap]\.m\.|[ap]m(?![\w])|GMT|UTC|BST|CES?T|E[SD]T|P[SD]T|MSK|o[’']clock)(?![\w]))",
    re.I,
)
ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)(?![a-z])", re.I)
LABEL_BEFORE = re.compile(
    r"(?:(?<![\w])(?:No|Nos|no|nos|vol|Vol|pp?|Figs?|figs?|Eqs?|eqs?|Refs?|refs?|Tabs?)\.|#|\[|(?<![\w])(?:[Pp]age|[Aa]rticle|[Cc]hapter"
    r"|[Ss]ection|[Pp]aragraph|[Rr]oute|[Hh]ighway|[Nn]umber|[Tt]able|[Ff]igure|[Rr]esolution"
    r"|[Ll]evel|[Pp]hase|[Gg]rade|[Tt]ype|[Mm]odel|[Ff]light|[Bb]uilding|[Ss]tage|[Cc]ategory"
    r"|[Rr]oom|[Bb]atch|[Uu]nit|[Bb]lock|[Pp]latform|[Gg]ate|[Ee]xit|[Ss]eason|[Ee]pisode|[Ww]eek"
    r"|[Dd]ay|[Gg]roup|[Aa]ge[ds]?|[Tt]ables|[Ff]igures|[Ee]quations?|[Ss]ections))"
    rf"{_SP}*(?:\d+[a-z]?{_SP}*(?:,|and|&|[-–]){_SP}*)*$"
)
_PLURAL_NOUN_AT = re.compile(rf"{_SP}+(?:[a-z]+{_SP}+)?[a-z]{{2,}}[^s\W]s(?![\w])")
#: the numbers listed before this one: "lines 16 and 17", "phases 3, 5, 7, and 9"
_LABEL_CHAIN = re.compile(rf"(?:(?<![\w.,])\d+[A-Za-z]?{_SP}*(?:,{_SP}*(?:and|or)?|and|or|&){_SP}*)+$")
_RANGE_SECOND = re.compile(rf"(?:(?:US|C|A|HK)?\$|€|£|[∼~≈<>≤≥]){_SP}?")
_URL = re.compile(r"(?:https?://|www\.)\S*$")
_AFTER_DASH = re.compile(rf"\d{_SP}?[-–]{_SP}?$")
_RATIO = re.compile(rf"{_SP}+(?P<word>out{_SP}+of|in){_SP}+", re.I)
_DASH_ONLY = re.compile(rf"{_SP}?[-–—]{_SP}?")
_LIST_JOINER = re.compile(rf"{_SP}*(?:,{_SP}*(?:and{_SP}+|or{_SP}+)?|(?:and|or|&){_SP}*)")
_PLUS_MINUS = re.compile(rf"{_SP}?(?:±|\+/-|\+-|\+/−){_SP}?")
_SCALE_WORDS = {"dozen", "hundred", "thousand", "million", "billion", "trillion"}


@dataclass(slots=True)
class _Reading:
    """A quantity being read outwards from its number."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    unit_kind: str | None = None
    head_tag: str = ""


_DOUBLE_MAX = Decimal(sys.float_info.max)


def _beyond_a_double(reading: _Reading) -> bool:
    """'1e400 grains': no double holds it, so it would be infinity, which JSON (the contract)
    cannot carry and no measurement needs: not read as a quantity."""
    numbers = (reading.value, reading.low, reading.high)
    return any(v is not None and abs(v) > _DOUBLE_MAX for v in numbers)


def _scale(text: str, core: Core, end: int, money: bool) -> tuple[Decimal, int]:
    """Apply a multiplier written after the number ("1.5 billion", "$3bn", "0.5k")."""
    m = units.MULTIPLIER_AT.match(text, end)
    if m and not core.words:
        mult = m.group("mult")
        glued = m.start("mult") == end
        if mult in ("m", "M") and glued and not money and _PLURAL_NOUN_AT.match(text, m.end()):
            return core.value * 10**6, m.end()  # "2m refugees": million, not metres
        if (mult in units.MONEY_ONLY and not money) or (mult in ("k", "K") and not glued):
            return core.value, end
        if mult in ("m", "b") and not glued:  # "$5 m" is rare; "$5 b..." is a word
            return core.value, end
        return core.value * units.MULTIPLIERS[mult], m.end()
    m = units.DOZEN_AT.match(text, end)
    if m and not core.words:
        return core.value * 12, m.end()
    return core.value, end


class _Finder:
    """Reads one Doc's numbers outwards; ``read`` is called once per number, left to right."""

    def __init__(self, doc: Doc) -> None:
        self.tokens = Tokens(doc)
        self.text = text_of(doc)  # built once per document, not per component

    def number_at(
        self, core: Core, money: bool
    ) -> tuple[Decimal, int, tuple[str, str, int] | None]:
        """A number's value after its multiplier, where it ends and the unit written after it."""
        value, end = _scale(self.text, core, core.end, money)
        return value, end, units.unit_phrase(self.text, end)

    def read(self, core: Core, by_start: dict[int, Core]) -> Quantity | None:
        text = self.text
        start = core.start
        cur = units.CURRENCY_LEFT.search(text, max(0, start - 6), start)
        currency = None
        if cur:
            currency = units.CURRENCY_SYMBOLS.get(cur.group("sym") or "", cur.group("code"))
            start = cur.start()
        value, end, unit = self.number_at(core, currency is not None)
        if (
            unit is None
            and end == core.end
            and end < len(text)
            and (text[end].isalpha() or text[end] == "-" and text[end + 1 : end + 2].isalpha())
            and not self._hyphen_noun(end)
        ):
            return None  # "1990s", "3rd", "4G", "F-16"-like glue
        if currency and value > 0 and text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            value = -value  # "($99.99)": an accounting loss
        mods = units.modifiers_before(text, start)
        kinds = [kind for kind, _ in mods]
        mod_kind = "range" if "range" in kinds else next(
            (k for k in kinds if k in ("upper", "lower")), kinds[0] if kinds else None
        )
        reading = _Reading(start, end, value)
        error = self._uncertainty(end, by_start, currency is not None)
        if error is not None:  # "3.19 ± 0.10 GPa": value with bounds either side
            delta, end, unit = error
            reading.low, reading.high = value - abs(delta), value + abs(delta)
        reading.end = unit[2] if unit else end
        if error is None and unit is not None:
            error = self._uncertainty(reading.end, by_start, currency is not None)
            if error is not None:  # "43.22% ± 7.13%"
                delta, after_error, unit_after = error
                reading.low, reading.high = value - abs(delta), value + abs(delta)
                reading.end = unit_after[2] if unit_after else after_error
        ratio = self._ratio(core, reading.end, by_start) if unit is None and currency is None else None
        if ratio is not None:  # "three out of four voters", "one in five adults"
            value, reading.end = ratio
            reading.value = value
        # a range: "between 5 and 10", "5-10%", "3.5–4.0 TeV", "from $5 to $10 million"
        second = None if ratio is not None else self._range(reading.end, mod_kind, by_start, currency) if error is None else None
        if second is not None and unit and second[2] and unit[0] != second[2][0]:
            second = None  # "from 44 ml to 50 mg" is two quantities, not a range
        if (
            second is not None
            and _DASH_ONLY.fullmatch(text[reading.end : second[3].start])
            and value >= second[0] >= 0
            and unit is None
            and second[2] is None
        ):
            return None  # "won 3-1", "voted 51-49", "an 8-8 record": a score, not a range
        if second is not None:
            value2, end2, unit2, core2 = second
            if value < value2 and value == core.value and core2.value != value2:
                value = value * (value2 / core2.value)  # "5 to 10 million": share the scale
            reading.value = None
            reading.low, reading.high = min(value, value2), max(value, value2)
            reading.end = unit2[2] if unit2 else end2
            unit = unit2 or unit
        else:
            mods = [(kind, at) for kind, at in mods if kind != "range"]
            kinds = [kind for kind, _ in mods]
            mod_kind = next((k for k in kinds if k in ("upper", "lower")), None)
        if mods:
            reading.start = mods[-1][1]
            if mod_kind == "upper":
                reading.high = value
            elif mod_kind == "lower":
                reading.low = value
        suffix = units.SUFFIX_MODIFIER.match(text, reading.end)
        if suffix and second is None:
            kind = units.SUFFIX_KIND[re.sub(r"\s+", " ", (suffix.group("words") or "+").lower())]
            if kind == "lower":
                reading.low, reading.high = value, None
            elif kind == "upper":
                reading.high, reading.low = value, None
            reading.end = suffix.end()
        if unit is not None:
            reading.unit, reading.unit_kind = unit[0], unit[1]
            if text.startswith("-old", reading.end) and unit[1] == "time":
                reading.end += 4  # an age: "a 63-year-old man"
        if currency is not None:
            reading.unit, reading.unit_kind = currency, "currency"
            reading.unit, reading.end = units.compose(text, reading.unit, reading.end)
        if reading.unit is None:
            number = self.tokens.span_tokens(core.start, reading.end)  # both ends of a range
            found = self.tokens.counted(number, reading.end)
            if found is None and core.words and 0 < value < 1:  # "two thirds of the budget"
                found = self.tokens.counted(number, reading.end, via_of=True)
            if found is not None:
                reading.end, reading.unit, reading.head_tag = found
                reading.unit_kind = "count"
                reading.unit, reading.end = units.compose(text, reading.unit, reading.end)
        if self._not_a_quantity(core, reading, currency) or _beyond_a_double(reading):
            return None
        return Quantity(
            reading.start, reading.end, text[reading.start : reading.end],
            value=as_number(reading.value) if reading.value is not None else None,
            low=as_number(reading.low) if reading.low is not None else None,
            high=as_number(reading.high) if reading.high is not None else None,
            unit=reading.unit,
        )

    def _hyphen_noun(self, end: int) -> bool:
        """'a 30-item scale', 'two-year': a number glued by a hyphen to a noun is fine."""
        return self.text[end : end + 1] == "-" and self.text[end + 1 : end + 2].islower()

    def _uncertainty(
        self, pos: int, by_start: dict[int, Core], money: bool
    ) -> tuple[Decimal, int, tuple[str, str, int] | None] | None:
        """'± 0.10' after a number: (the error, where it ends, the unit after it)."""
        m = _PLUS_MINUS.match(self.text, pos)
        core = by_start.get(m.end()) if m else None
        if core is None:
            return None
        return self.number_at(core, money)

    def _ratio(self, core: Core, pos: int, by_start: dict[int, Core]) -> tuple[Decimal, int] | None:
        """'three out of four', 'one in five': the share and where the second number ends."""
        m = _RATIO.match(self.text, pos)
        whole = by_start.get(m.end()) if m else None
        if m is None or whole is None or not 0 < core.value < whole.value:
            return None
        if m.group("word").lower() == "in" and core.value != 1:
            return None  # "killed 2 in 3 attacks" is no share; "one in five" is
        return core.value / whole.value, whole.end

    def _range(
        self, pos: int, mod_kind: str | None, by_start: dict[int, Core], currency: str | None
    ) -> tuple[Decimal, int, tuple[str, str, int] | None, Core] | None:
        text = self.text
        joiner = units.RANGE_JOINER.match(text, pos)
        if joiner is None:
            return None
        word = (joiner.group("word") or "").lower()
        if word == "and" and mod_kind != "range":
            return None
        after = joiner.end()
        sym = _RANGE_SECOND.match(text, after)  # "$5 to $10", "from ∼20 to ∼180", "200 and >1000"
        core2 = by_start.get(sym.end() if sym else after)
        if core2 is None:
            return None
        value2, end2, unit2 = self.number_at(core2, currency is not None)
        return value2, end2, unit2, core2

    def _not_a_quantity(self, core: Core, reading: _Reading, currency: str | None) -> bool:
        text = self.text
        measured = reading.unit_kind in ("percent", "currency", "unit", "time")
        if measured:
            return False
        before, after = text[max(0, core.start - 20) : core.start], text[core.end : core.end + 12]
        if CLOCK_AFTER.match(after) or re.search(r"\d:$", before):
            return True
        if ORDINAL_AFTER.match(after):
            return True
        if MONTH_BEFORE.search(before) or MONTH_AFTER.match(after):
            return True
        if core.integer_digits and 1000 <= core.value <= 2100 and (
            reading.unit is None
            or reading.head_tag in ("NN", "NNP")
            or reading.unit[:1].isupper()  # "Mar 5, 2009 Controversial rulings": a headline
        ):
            return True  # a year: "in 1991", "the 2024 election"
        if _URL.search(text, max(0, core.start - 60), core.start):
            return True  # a number in a web address: "story?id=265672"
        if _AFTER_DASH.search(before):
            return True  # the end of "1–60" whose start was not a number ("TRA-1–60")
        if reading.unit is None and LABEL_BEFORE.search(text, max(0, reading.start - 24), reading.start):
            return True
        tokens = self.tokens
        if tokens.tagged:
            chain = _LABEL_CHAIN.search(text, max(0, reading.start - 40), reading.start)
            first = tokens.containing(chain.start() if chain else reading.start)
            prev = tokens.doc[first - 1] if first > 0 else None
            if (
                reading.unit is None
                and prev is not None
                and (prev.pos_ == "PROPN" and prev.text[:1].isupper() or prev.pos_ == "NOUN")
                and not prev.is_sent_start
                and core.integer_digits
                and reading.start == core.start
                and reading.low is None and reading.high is None
            ):
                return True  # a label: "Voyager 2", "English 101", "line 20", "site 689"
            if core.words and not any(
                tokens.doc[i].pos_ == "NUM" or tokens.doc[i].lower_ in _SCALE_WORDS
                for i in tokens.span_tokens(core.start, core.end)
            ):
                return True  # "no one", "the one who"
        # a bare "one" is a pronoun far more often than a count
        return core.words and core.value == 1 and reading.unit is None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in ``doc``, in text order, none overlapping (``attribution`` unset)."""
    finder = _Finder(doc)
    text = text_of(doc)
    numbers = list(cores(text))
    by_start = {c.start: c for c in numbers}
    vague = vague_amounts(text)
    candidates: list[tuple[int, Core | tuple[int, int, Decimal, bool]]] = [
        *((c.start, c) for c in numbers), *((v[0], v) for v in vague)
    ]
    candidates.sort(key=lambda c: c[0])
    out: list[Quantity] = []
    consumed = -1
    for start, item in candidates:
        if start < consumed:
            continue
        q = finder.read(item, by_start) if isinstance(item, Core) else read_vague(finder.tokens, text, item)
        if q is not None and q.start >= consumed:  # its modifier or sign may reach back
            out.append(q)
            consumed = q.end
    _share_units(text, out)
    return out


def _share_units(text: str, found: list[Quantity]) -> None:
    """'6 and 13 kg', '45, 50 or 60 mg': bare numbers listed before a unit take it."""
    for i in range(len(found) - 2, -1, -1):
        q, nxt = found[i], found[i + 1]
        if (
            q.unit is None
            and nxt.unit is not None
            and q.text[:1].isdigit()
            and nxt.text[:1].isdigit()
            and _LIST_JOINER.fullmatch(text[q.end : nxt.start])
        ):
            q.unit = nxt.unit
