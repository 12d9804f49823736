"""The grammar's rules tried only where a match can start: ``Pattern.finditer``, faster.

``re`` tries a pattern at every position of a text: the ~36 rules over one article were 90% of
the times component, and over a 300,000-character text 11 million attempts. Yet every rule
begins where a word starts (``grammar._B``) with a character from a small set: "the", "early",
a digit, a capitalised month name. :func:`first_characters` reads that set off the pattern's own
parse tree, as a one-character pattern; :class:`Starts` indexes a text's word starts by their
character once; :func:`finditer` tries the rule (``Pattern.match``, which sees the text before
its position as a search does) only at the word starts whose character can begin it, and yields
exactly what ``Pattern.finditer`` yields: the leftmost match, then the next from its end. A
rule whose first character cannot be read (a backreference, "any character", a match that may
be empty) is scanned as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: where every grammar rule starts (``grammar._B``), and one character there
WORD_START = r"(?<![\w'])"
_WORD_STARTS = re.compile(WORD_START + r"(?s:.)")

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


class _Unknown(Exception):
    """The pattern's first character cannot be read off its parse tree."""


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


def _first(items: Any, ignorecase: bool) -> tuple[list[str], bool]:
    """One-character patterns for what ``items`` (a parsed sequence) can start with, and
    whether it can match nothing at all (then what follows it can start the match too)."""
    out: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            return [*out, _scoped(re.escape(chr(av)), ignorecase)], False
        if op is sre.NOT_LITERAL:
            return [*out, _scoped(f"[^{re.escape(chr(av))}]", ignorecase)], False
        if op is sre.IN:
            return [*out, _char_class(av, ignorecase)], False
        if op in _ZERO_WIDTH:
            continue
        if op is sre.BRANCH:
            empty = False
            for alternative in av[1]:
                found, nullable = _first(alternative, ignorecase)
                out += found
                empty = empty or nullable
        elif op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            scoped = (ignorecase or bool(add & sre.SRE_FLAG_IGNORECASE)) \
                and not remove & sre.SRE_FLAG_IGNORECASE
            found, empty = _first(sub, scoped)
            out += found
        elif op in _REPEATS:
            low, _high, sub = av
            found, nullable = _first(sub, ignorecase)
            out += found
            empty = low == 0 or nullable
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            found, empty = _first(av, ignorecase)
            out += found
        else:  # any character, a backreference, a conditional group
            raise _Unknown(op)
        if not empty:
            return out, False
    return out, True


@lru_cache(maxsize=256)
def first_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching one character iff ``pattern`` can start with it (None: unknown, or
    ``pattern`` can match the empty string)."""
    try:
        found, empty = _first(sre_parse.parse(pattern.pattern, pattern.flags),
                              bool(pattern.flags & re.IGNORECASE))
    except _Unknown:
        return None
    return None if empty or not found else re.compile("|".join(found))


@lru_cache(maxsize=65536)
def _accepts(first: re.Pattern[str], char: str) -> bool:
    return first.fullmatch(char) is not None


class Starts:
    """The positions of ``text`` where a word starts (``WORD_START``), by their character."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_char: dict[str, list[int]] = {}
        for m in _WORD_STARTS.finditer(text):
            self.by_char.setdefault(m.group(), []).append(m.start())

    def candidates(self, first: re.Pattern[str]) -> list[int]:
        """The word starts whose character ``first`` matches, in text order."""
        lists = [positions for char, positions in self.by_char.items() if _accepts(first, char)]
        return lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))


def finditer(pattern: re.Pattern[str], starts: Starts) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(starts.text)`` yields, trying only where a match can start."""
    text = starts.text
    first = first_characters(pattern) if pattern.pattern.startswith(WORD_START) else None
    if first is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for position in starts.candidates(first):
        if position < end:
            continue
        m = pattern.match(text, position)
        if m is not None:
            yield m
            end = max(m.end(), position + 1)
