"""RSS and Atom feeds saved to disk: each entry becomes a ``Document``.

title, published (the entry's publication, else update, date), url (the entry's link) and
outlet (the feed's title) come from the feed; ``text`` is the entry's full content when the
feed carries it, else its summary, with the HTML markup stripped (paragraphs and line breaks
kept as newlines). ``source`` is the entry's link, else ``<path>#<n>`` (n counts entries from 1).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TypeAlias

from claimgraph.errors import DocumentError
from claimgraph.ingest.document import Document, parse_published, refuse_nul

Item: TypeAlias = Document | DocumentError

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "section", "article", "figure", "figcaption", "pre", "hr",
}
_SKIP = {"script", "style", "template", "noscript"}
_SPACES = re.compile(r"\s+")


class _TextOf(HTMLParser):
    """Collects the text of an HTML fragment; block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(_SPACES.sub(" ", data))  # a newline in markup is a space


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment: entities decoded, spaces collapsed, one paragraph a
    line (blank lines between paragraphs are dropped)."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _day(parsed: time.struct_time | None) -> str | None:
    """The entry's day, checked like every date (``parse_published``); None if unreadable."""
    if not parsed:
        return None
    try:
        return parse_published(f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}")
    except (AttributeError, TypeError):
        return None


def _entry_text(entry: Any) -> str:
    """The longest content block (full text), else the summary, as plain text."""
    bodies = [c.get("value", "") for c in entry.get("content", []) or []]
    body = max(bodies, key=len) if any(bodies) else entry.get("summary", "") or ""
    return strip_html(body)


def read_feed(path: str | Path, published: str | None = None) -> Iterator[Item]:
    """Every entry of a saved RSS/Atom feed, in feed order.

    ``published`` is the date for entries that carry none.
    """
    import feedparser

    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        yield DocumentError("E101", name, "no such file or directory")
        return
    except OSError as exc:
        yield DocumentError("E102", name, f"cannot read: {exc.strerror or exc}")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield DocumentError("E109", name, f"not an RSS/Atom feed, or a feed with no entries{why}")
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, 1):
        link = (entry.get("link") or "").strip() or None
        source = link or f"{name}#{n}"
        text = _entry_text(entry)
        title = strip_html(entry.get("title", "") or "") or None
        if not text:
            yield DocumentError("E103", source, "feed entry has no content or summary")
            continue
        try:  # feedparser keeps a NUL the XML parser would refuse
            refuse_nul(text, source)
            refuse_nul(title or "", source)
        except DocumentError as err:
            yield err
            continue
        yield Document(
            text=text,
            source=source,
            published=_day(entry.get("published_parsed") or entry.get("updated_parsed"))
            or published,
            title=title,
            outlet=outlet,
            url=link,
        )
