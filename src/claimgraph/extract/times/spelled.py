"""Years said in words, as broadcast transcripts write them: "nineteen ninety-six", "the year
two thousand"."""

from __future__ import annotations

from claimgraph.extract.times.lexicon import parse_number


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "nineteen hundred" -> 1900, "two thousand and one" -> 2001."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        tail = parse_number(" ".join(rest)) if rest else 0
        return 2000 + int(tail) if tail is not None and tail < 100 else None
    if words and words[0] == "nineteen":
        rest = words[1:]
        if rest == ["hundred"]:
            return 1900
        tail = parse_number(" ".join(rest)) if rest else None
        if tail is not None and 0 < tail < 100:
            return 1900 + int(tail)
    return None
