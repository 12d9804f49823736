"""The grammar's rules tried only where a match can start: ``Pattern.finditer``, faster.

``re`` tries a pattern at every position of a text: the ~36 rules over one article were 90% of
the times component, and over a 300,000-character text 11 million attempts. Yet every rule
begins where a word starts (``grammar._B``), and only a few words can open it: "the", "early",
a number, a capitalised month name. :func:`openings` reads off the pattern's own parse tree what
its first :data:`OPENING` characters can be, as one pattern that matches those characters of a
word start iff a match of the rule can begin with them; :class:`Rules` indexes a text's word
starts by their first characters once (which rules each string of characters can open is
remembered across texts), and tries each rule (``Pattern.match``, which sees the text before its
position as a search does) only at the word starts that can open it, yielding exactly what
``Pattern.finditer`` yields: the leftmost match, then the next from its end. A rule whose opening
cannot be read (a backreference, a match that may be empty) is scanned as before.

One character told a rule's word starts too loosely (a "t" opens "the", "to", "that" alike: 20-35k
of ~45k word starts on 40 articles were tried for each rule, 0.1% matched); three characters tell
"the" from "to" and "Mar" from "Mad", and still leave few enough strings to remember.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: where every grammar rule starts (``grammar._B``)
WORD_START = r"(?<![\w'])"
#: how many characters of a word start tell which rules can open there
OPENING = 3
#: each word start, with its first ``OPENING`` characters (fewer at the end of the text)
_WORD_STARTS = re.compile(WORD_START + rf"(?=((?s:.{{1,{OPENING}}})))")
#: the most openings read off one rule: past this it is scanned as before
_MOST_OPENINGS = 20_000
#: the most strings of characters whose rules are remembered (then forgotten all at once)
_MOST_REMEMBERED = 1 << 16

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}

#: an opening: one one-character pattern for each of its first characters (fewer: the match ends)
Opening = tuple[str, ...]


class _Unknown(Exception):
    """The pattern's opening cannot be read off its parse tree."""


def _scoped(text: str, ignorecase: bool) -> str:
    return f"(?i:{text})" if ignorecase else text


def _char_class(items: list[tuple[Any, Any]], ignorecase: bool) -> str:
    parts, negate = [], ""
    for op, av in items:
        if op is sre.NEGATE:
            negate = "^"
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unknown(op)
    return _scoped(f"[{negate}{''.join(parts)}]", ignorecase)


def _then(left: set[Opening], right: set[Opening], n: int) -> set[Opening]:
    """The openings of what ``left`` matches followed by what ``right`` matches, cut at ``n``."""
    out = set()
    for a in left:
        if len(a) >= n:
            out.add(a)
        else:
            out.update((a + b)[:n] for b in right)
    if len(out) > _MOST_OPENINGS:
        raise _Unknown("too many openings")
    return out


def _sequence(items: Any, n: int, ignorecase: bool) -> set[Opening]:
    """The first ``n`` characters of what a parsed sequence can match (all, if shorter)."""
    found: set[Opening] = {()}
    for op, av in items:
        if all(len(a) >= n for a in found):
            break
        found = _then(found, _item(op, av, n, ignorecase), n)
    return found


def _item(op: Any, av: Any, n: int, ignorecase: bool) -> set[Opening]:
    if op is sre.LITERAL:
        return {(_scoped(re.escape(chr(av)), ignorecase),)}
    if op is sre.NOT_LITERAL:
        return {(_scoped(f"[^{re.escape(chr(av))}]", ignorecase),)}
    if op is sre.IN:
        return {(_char_class(av, ignorecase),)}
    if op is sre.ANY:
        return {("(?s:.)",)}
    if op in _ZERO_WIDTH:  # a lookaround only narrows: leaving it out keeps every opening
        return {()}
    if op is sre.BRANCH:
        return set().union(*(_sequence(alternative, n, ignorecase) for alternative in av[1]))
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        scoped = (ignorecase or bool(add & sre.SRE_FLAG_IGNORECASE)) \
            and not remove & sre.SRE_FLAG_IGNORECASE
        return _sequence(sub, n, scoped)
    if op in _REPEATS:
        low, high, sub = av
        once = _sequence(sub, n, ignorecase)
        # n repeats that each match something hold the first n characters; a repeat that may
        # match nothing may be left out, so any number up to n of them covers every match
        fewest = 0 if () in once else min(low, n)
        most = n if high is sre.MAXREPEAT or high > n else high
        found: set[Opening] = set()
        repeated: set[Opening] = {()}
        for count in range(most + 1):
            if count >= fewest:
                found |= repeated
            repeated = _then(repeated, once, n)
        return found
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(av, n, ignorecase)
    raise _Unknown(op)  # a backreference, a conditional group


@lru_cache(maxsize=256)
def openings(pattern: re.Pattern[str], n: int = OPENING) -> re.Pattern[str] | None:
    """A pattern that matches (``match``) the first ``n`` characters of a text iff ``pattern``
    can match a text beginning with them (fewer at the end of a text); None: unknown, or
    ``pattern`` can match the empty string."""
    try:
        found = _sequence(sre_parse.parse(pattern.pattern, pattern.flags), n,
                          bool(pattern.flags & re.IGNORECASE))
    except _Unknown:
        return None
    if () in found:
        return None
    alternatives = []
    for opening in sorted(found):
        chained = opening[-1]
        for char in reversed(opening[:-1]):  # the text may end after any character
            chained = rf"{char}(?:\Z|{chained})"
        alternatives.append(chained)
    return re.compile("|".join(alternatives))


class Rules:
    """Patterns that all start at a word start, scanned together over one text at a time."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        self._openings = [openings(p) if p.pattern.startswith(WORD_START) else None
                          for p in self.patterns]
        self._opened: dict[str, tuple[int, ...]] = {}

    def opened_by(self, chars: str) -> tuple[int, ...]:
        """The indexes of the rules that can open with ``chars`` (remembered)."""
        found = self._opened.get(chars)
        if found is None:
            if len(self._opened) >= _MOST_REMEMBERED:
                self._opened.clear()
            found = self._opened[chars] = tuple(
                i for i, opening in enumerate(self._openings)
                if opening is not None and opening.match(chars) is not None)
        return found

    def finditer(self, text: str) -> Iterator[Iterator[re.Match[str]]]:
        """For each pattern in order, what ``pattern.finditer(text)`` yields."""
        by_opening: dict[str, list[int]] = {}
        for m in _WORD_STARTS.finditer(text):
            by_opening.setdefault(m.group(1), []).append(m.start())
        tried: list[list[list[int]]] = [[] for _ in self.patterns]
        for chars, positions in by_opening.items():
            for i in self.opened_by(chars):
                tried[i].append(positions)
        for pattern, opening, lists in zip(self.patterns, self._openings, tried, strict=True):
            if opening is None:
                yield pattern.finditer(text)
            else:
                yield _matches(pattern, text, lists[0] if len(lists) == 1
                               else sorted(chain.from_iterable(lists)))


def _matches(pattern: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when a match can start only at ``positions`` (in order)."""
    end = 0
    for position in positions:
        if position < end:
            continue
        m = pattern.match(text, position)
        if m is not None:
            yield m
            end = max(m.end(), position + 1)
