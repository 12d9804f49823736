"""Quoted stretches of an article: “curly”, "straight", ‘single’ and «guillemets».

News quotes run across sentences and paragraphs: a quote still open at a paragraph break goes
on when the next paragraph opens with a quote mark (the wire convention of leaving the closing
mark off all but the last paragraph), otherwise it ends with its paragraph. Each span returned
includes its quote marks, as PolNeAR annotates direct speech.
"""

from __future__ import annotations

import re

OPENERS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“", "''": "''"}
#: two apostrophes stand for a double quote in some wire copy (''Like this,'' he said)
_MARKS = re.compile(r"''|[“”«»‘’\"„]|\n\s*\n|\n")
_WORD = re.compile(r"\w")


def _opens_here(text: str, i: int, width: int = 1) -> bool:
    """A straight or single mark opens a quote when it starts a word (not mid-word: don't)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (not _WORD.match(before) or before in "(") and not after.isspace()


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the quotations in ``text``, marks included."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    last_content = -1  # end of the last non-space character inside an open quote
    pending_break = False
    for m in _MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch.startswith("\n"):
            if open_at is not None:
                pending_break = True
                last_content = len(text[:i].rstrip())
            continue
        if open_at is not None and pending_break:
            pending_break = False
            # a new paragraph: continues the quote only if it opens with a quote mark
            para_start = text.rfind("\n", 0, i) + 1
            if text[para_start:i].strip() == "" and ch in OPENERS:
                continue
            spans.append((open_at, last_content))
            open_at = None
        if open_at is None:
            if ch in ("”", "»", "’"):
                continue
            if ch in ("‘", '"', "''") and not _opens_here(text, i, len(ch)):
                continue
            open_at, closer = i, OPENERS[ch]
            continue
        if ch == closer or (closer in ('"', "''") and ch == "”") or (closer == "”" and ch in ('"', "''")):
            if closer == "’" and i + 1 < len(text) and _WORD.match(text[i + 1]):
                continue  # an apostrophe inside a single-quoted stretch: "don’t"
            if i > open_at + 1:
                spans.append((open_at, i + len(ch)))
            open_at = None
    if open_at is not None and pending_break and last_content > open_at + 1:
        spans.append((open_at, last_content))
    return spans
