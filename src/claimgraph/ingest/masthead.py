"""What a plain-text article opens with before its first sentence: a headline and a dateline.

"Ukraine pushes deeper into Russia's Kursk Region\\n\\nKYIV, Aug 13 (Reuters) - Ukrainian forces
advanced ..." — the first line is the headline: it has no final punctuation and a blank line or
a dateline follows it. It is the record's ``title`` (whichever way the text came in: file, web
form, API) and is analysed as a sentence of its own, never glued to the lead: the parser sees no
full stop, so without help the headline's "according to an official" swallows the whole lead.

The dateline ("KYIV, Aug 13 (Reuters) -", "WASHINGTON —", "MOSCOW, August 13 (Continental Wire)
—") says where, when and by whom the story was filed, not what anyone said or did; it is parsed
into those three parts here, where every layer above can read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: (``match`` anchors it: no ``^``, which would fail at any position but 0)
#: capitals, an optional ", Country" or ", Aug 13" (capitalised words and numbers only: "US
#: forces at the al-Tanf base" is a sentence, not a dateline ending at "al-") and "(Agency)",
#: then a dash (hyphen, en or em)
DATELINE = re.compile(
    r"[A-Z]{2}[A-Z .'-]*(?:,(?:[ ,]+[A-Z0-9/][\w.'/]*)+)?\s*(\(\w[\w .]*\))?\s*[-\u2013\u2014]")
_PLACE = re.compile(r"[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)*")
_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b(?:,?\s+\d{4})?"
)
#: a line ending in one of these is a sentence, not a headline (closing quotes and brackets aside)
_FINAL = ".!?…:;,"
_CLOSING = "\"'”’»)] \t"
#: longer than this, a first line is a paragraph, not a headline
MAX_HEADLINE = 300


@dataclass(frozen=True, slots=True)
class Dateline:
    """A parsed dateline: ``text[start:end]`` is the dateline with its dash;
    ``text[start:place_end]`` and ``place`` the place as written ("KYIV", "KYIV, Ukraine");
    ``date`` as written ("Aug 13") or None; ``outlet`` the agency in brackets or None."""

    start: int
    end: int
    place_end: int
    place: str
    date: str | None
    outlet: str | None


def dateline_end(text: str, start: int) -> int | None:
    """Where the dateline opening ``text[start:]`` ends (after its dash and spaces), or None."""
    match = DATELINE.match(text, start, min(len(text), start + 80))
    if match is None:
        return None
    end = match.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def parse_dateline(text: str, start: int) -> Dateline | None:
    """The dateline opening ``text[start:]``, split into place, date and outlet, or None."""
    match = DATELINE.match(text, start, min(len(text), start + 80))
    if match is None:
        return None
    place = _PLACE.match(match.group())
    if place is None:
        return None
    middle = match.group()[place.end() : (match.start(1) if match.group(1) else match.end()) - start]
    middle = middle.strip(" ,-\u2013\u2014")
    date = _MONTH.search(middle)
    region = (middle[: date.start()] if date else middle).strip(" ,")
    name = place.group().strip(" .'-")
    place_end = start + len(name)
    if region:
        place_end = text.index(region, place_end) + len(region)
    return Dateline(
        start=start,
        end=dateline_end(text, start) or match.end(),
        place_end=place_end,
        place=f"{name}, {region}" if region else name,
        date=date.group() if date else None,
        outlet=match.group(1)[1:-1].strip() if match.group(1) else None,
    )


def headline_end(text: str) -> int | None:
    """Where the headline ends (just after its last character), or None when the text opens
    with no headline: a first line with no final punctuation, followed by a blank line or a
    dateline, with words in it and not itself the dateline of a lead."""
    first = len(text) - len(text.lstrip())
    newline = text.find("\n", first)
    if newline < 0:
        return None
    line = text[first:newline].rstrip()
    if not line or len(line) > MAX_HEADLINE or len(line.split()) < 2 \
            or line.rstrip(_CLOSING)[-1:] in _FINAL or DATELINE.match(line):
        return None
    rest = newline + 1
    following = text.find("\n", rest)
    blank = not text[rest : following if following >= 0 else len(text)].strip()
    lead = len(text) - len(text[rest:].lstrip())
    if lead >= len(text) or not (blank or DATELINE.match(text, lead, lead + 80)):
        return None
    return first + len(line)


def lead_dateline(text: str) -> Dateline | None:
    """The dateline the story opens with: at the start of the text, or of the lead under its
    headline ("Ukraine pushes deeper\n\nKYIV, Aug 13 (Reuters) - ...")."""
    end = headline_end(text)
    start = len(text) - len(text.lstrip()) if end is None else len(text) - len(text[end:].lstrip())
    return parse_dateline(text, start)


def title_of(text: str) -> str | None:
    """The headline of a plain text (see ``headline_end``), the record's ``title``, or None."""
    end = headline_end(text)
    return text[:end].strip() if end is not None else None
