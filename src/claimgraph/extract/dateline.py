"""The wire dateline: "BRUSSELS (Continental Wire) -", "KYIV, Ukraine —" opening a story.

It says where the story was filed and by whom, not what anyone said or did: events read it as
the place of an event the sentence does not place, attributions keep it out of a content.
"""

from __future__ import annotations

import re

#: capitals, an optional ", Country" or "(Agency)", then a dash (hyphen, en or em)
DATELINE = re.compile(r"^[A-Z]{2}[A-Z .'-]*,?[^-\u2013\u2014\n]{0,30}?(\(\w[\w .]*\))?\s*[-\u2013\u2014]")


def dateline_end(text: str, start: int) -> int | None:
    """Where the dateline opening ``text[start:]`` ends (after its dash and spaces), or None."""
    match = DATELINE.match(text, start, min(len(text), start + 80))
    if match is None:
        return None
    end = match.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return end
