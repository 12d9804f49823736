"""Derivational families of event words: "exploded", "explosion" and "explode" are one action.

Coreference needs to know that two mentions name the same kind of action before it asks whether
they are the same happening. spaCy's small model has no vectors and we have no WordNet, so the
family is read from the word itself: inflection and the common nominalising suffixes are cut
(-ation, -sion, -ment, -al, -ure, -ing, ...) and a few irregular pairs ("death"/"die",
"sold"/"sell") come from ``data/events/families.tsv``. The key works on a lemma or on a surface
form alike, so :mod:`claimgraph.resolve.events` can read it off a record's trigger text with no
parse.
"""

from __future__ import annotations

from functools import cache

from claimgraph import knowledge

#: nominalising and inflectional endings, longest first; each is cut once, left to right
_SUFFIXES = ("izations", "ization", "isation", "ations", "ation", "itions", "ition", "utions",
             "ution", "tions", "tion", "sions", "sion", "ments", "ment", "ances", "ance",
             "ences", "ence", "ings", "ing", "ates", "ated", "ate", "als", "al", "ies", "ied",
             "ed", "es", "s", "y", "e")
#: what may be left at the end of a stem and is dropped so the verb and its noun meet:
#: "explod(e)" / "explos(ion)", "decid(e)" / "decis(ion)", "elect" / "elec(tion)"
_SOFT_ENDS = ("d", "s", "t")
_VOWELS = set("aeiou")


@cache
def _irregular() -> dict[str, str]:
    return {word: family for word, family in knowledge.rows("events/families.tsv")}


def family(word: str) -> str:
    """The family key of an event word (a lemma or an inflected form): equal keys, same action.

    >>> family("explosion") == family("exploded") == family("explode")
    True
    """
    return _family(word.lower().strip())


@cache
def _family(word: str) -> str:
    """:func:`family` of a lowercased word, kept: coreference asks it of every event mention,
    and a text repeats its few event words many times."""
    table = _irregular()
    for base in (word, *_bases(word)):
        if base in table:
            return _stem(table[base])
    return _stem(word)


def _bases(word: str) -> list[str]:
    """What an inflected form may be the inflection of: "defeated" -> "defeat", "escaped" ->
    "escape", "strikes" -> "strike", "stopped" -> "stop", "buries" -> "bury"."""
    bases = []
    if word.endswith(("ies", "ied")):
        bases.append(word[:-3] + "y")
    if word.endswith(("ed", "es")):
        bases += [word[:-2], word[:-1]]
    elif word.endswith("s"):
        bases.append(word[:-1])
    if word.endswith("ing"):
        bases += [word[:-3], word[:-3] + "e"]
    if word.endswith(("ed", "ing")):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            bases.append(stem[:-1])
    return bases


def _stem(word: str) -> str:
    stem = word
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            stem = stem[: -len(suffix)]
            break
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS | {"l", "s"}:
        stem = stem[:-1]  # "stopp(ed)" -> "stop"
    if stem.endswith("e") and len(stem) >= 4:
        stem = stem[:-1]
    if stem.endswith(_SOFT_ENDS) and len(stem) >= 5:
        stem = stem[:-1]
    return stem
