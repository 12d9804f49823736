"""Lines of an extracted article body that are page furniture, not the article.

trafilatura keeps whole paragraphs, so what it lets through besides the article are whole lines:
the headline repeated above the lead, teasers for other stories ("China furious at Macron
[INSIGHT]"), and calls to action ("SEE MORE: ...", "Share this story", "Subscribe to our
newsletter"). Each rule here is general, never a site's own string:

- **headline**: a line among the first few that repeats the page title (the title is metadata
  already) and a very short kicker line just above it ("Review");
- **call to action**: a short line made around call-to-action words (share, subscribe, sign up,
  read/see more, don't miss, follow us, newsletter...), a line opened by a capitalised label
  of such words and a colon ("READ MORE: ...") or by the site a teaser links to ("Also on
  rt.com <headline>");
- **link line**: a short line whose words are almost all the text of links on the page (a
  teaser or a list of related stories; article sentences carry text around their links).

The first line of the article (the lead) is only dropped for being the headline: a lead that
happens to be short or to hold a link stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

WORD = re.compile(r"\w+")
#: a call to action is short; an article sentence that mentions "share" is longer
CTA_MAX_WORDS = 14
#: a labelled teaser ("SEE MORE: <headline>") may carry a whole headline after its label
LABEL_MAX_WORDS = 30
#: a link line: at most this many words, at least this share of them inside links
LINK_MAX_WORDS = 30
LINK_MIN_WORDS = 4
LINK_SHARE = 0.8
#: a kicker above the repeated headline has at most this many words
KICKER_MAX_WORDS = 3
#: the headline is looked for among this many first lines
HEAD_LINES = 3

#: call-to-action phrases that are furniture wherever they stand in a short line
_CTA = re.compile(
    r"\b(?:subscribe|subscribers?|subscriptions?|newsletters?|log\s+in|"
    r"(?:read|see|watch|view|load|show)\s+(?:more|also|next|all)|also\s+(?:read|see|watch)|"
    r"don'?t\s+miss|must\s+read|click\s+here|tap\s+here|download\s+(?:the|our)\s+app|"
    r"advertisement|sponsored\s+(?:content|links?|posts?|stories)|continue\s+reading|get\s+access|follow\s+us|"
    r"like\s+this\s+(?:story|article|post|video)|(?:share|send)\s+(?:this|it)\b(?:.*\bwith)?)\b",
    re.IGNORECASE,
)
#: words that are a call to action when they open a short line ("Share", "Related: ...")
_CTA_OPENING = re.compile(
    r"^\W*(?:share|tweet|email|print|follow|subscribe|related|recommended|read|watch|listen|"
    r"join|register|reach|contact)\b",
    re.IGNORECASE,
)
#: a teaser labelled with the site it links to: "Also on rt.com <headline>", "More from bbc.co.uk"
_SITE_LABEL = re.compile(
    r"^\W*(?:also|more|read\s+more|see\s+more)\s+(?:on|at|from)\s+[\w-]+(?:\.[\w-]+)*"
    r"\.[a-z]{2,}\b", re.IGNORECASE)
#: a link whose text is an address: the page shows the address, so it reads as content
_URL = re.compile(r"https?://|www\.|\w\.(?:com|org|net|ly|to)\b/")
_LABEL = re.compile(r"^\s*([A-Z][A-Z'’ ]{1,30})\s*[:|»›>-]")


def link_texts(tree: Any) -> list[str]:
    """The text of every link (``<a>``) in a parsed page, as it reads."""
    return [a.text_content() for a in tree.iter("a")] if tree is not None else []


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def is_call_to_action(line: str) -> bool:
    """A short line built around call-to-action words, or one opened by such a label."""
    label = _LABEL.match(line)
    if ((label and _CTA.search(label.group(1))) or _SITE_LABEL.match(line)) \
            and len(words(line)) <= LABEL_MAX_WORDS:
        return True
    if len(words(line)) > CTA_MAX_WORDS:
        return False
    return _CTA.search(line) is not None or _CTA_OPENING.match(line) is not None


def is_link_line(line: str, link_texts: Iterable[str]) -> bool:
    """A short line whose words nearly all lie in the text of the page's links."""
    tokens = words(line)
    if not LINK_MIN_WORDS <= len(tokens) <= LINK_MAX_WORDS:
        return False
    joined = f" {' '.join(tokens)} "
    covered = 0
    for link in link_texts:
        phrase = " ".join(words(link))
        if phrase and f" {phrase} " in joined:
            covered += len(phrase.split())
            joined = joined.replace(f" {phrase} ", " ", 1)
    return covered >= LINK_SHARE * len(tokens)


def headline_lines(lines: Sequence[str], title: str | None) -> set[int]:
    """The indices of the repeated headline among the first lines, and of its kicker."""
    wanted = words(title or "")
    if not wanted:
        return set()
    for i, line in enumerate(lines[:HEAD_LINES]):
        if words(line) == wanted:
            drop = {i}
            if i > 0 and len(words(lines[i - 1])) <= KICKER_MAX_WORDS:
                drop.add(i - 1)
            return drop
    return set()


def clean_body(text: str, *, title: str | None = None, link_texts: Iterable[str] = ()) -> str:
    """The body without its furniture lines (see the module docstring); the lead always stays
    unless it is the headline itself."""
    lines = text.split("\n")
    drop = headline_lines(lines, title)
    links = [" ".join(words(t)) for t in {t.strip() for t in link_texts} if not _URL.search(t)]
    links = [t for t in dict.fromkeys(links) if len(t.split()) >= 2]
    links.sort(key=len, reverse=True)
    lead = min((i for i in range(len(lines)) if i not in drop and lines[i].strip()), default=-1)
    kept = [
        line for i, line in enumerate(lines)
        if i not in drop and (i == lead or not (is_call_to_action(line) or is_link_line(line, links)))
    ]
    return "\n".join(kept)
