"""Quoted stretches of an article: “curly”, "straight", ‘single’ and «guillemets».

News quotes run across sentences and paragraphs: a quote still open at a paragraph break goes
on when the next paragraph opens with a quote mark of the same kind (the wire convention of
leaving the closing mark off all but the last paragraph), otherwise it ends with its paragraph.
Each span returned includes its quote marks, as PolNeAR annotates direct speech.

One stray mark must not swallow the article: a quote is never continued by a paragraph opening
with another kind of mark (a single-quoted stretch by a double-quoted paragraph), and a second
opening curly mark of the kind already open (“… “), a sentence or more after it, means the first
was never closed — the first is dropped and the quote starts again at the second, instead of running on to the next closer
and taking every sentence and attribution in between with it — unless the second sits where a
closer belongs ("abhorrent“ in a tweet"): then it is the closer, typed wrong.
"""

from __future__ import annotations

import re

OPENERS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“", "''": "''"}
#: two apostrophes stand for a double quote in some wire copy (''Like this,'' he said)
_MARKS = re.compile(r"''|[“”«»‘’\"„]|\n\s*\n|\n")
_WORD = re.compile(r"\w")
#: marks of one kind: a paragraph opening with one of them continues a quote opened by another
_FAMILY = {"“": "double", '"': "double", "''": "double", "„": "double", "«": "guillemet",
           "‘": "single"}
#: a full stop and a new sentence: an open quote that has run over one before a second opener
#: was left unclosed ("a “distraction. He met … “My role …”"); within a sentence the second is
#: a quote nested the wrong way (“… wearing “Settle For Hillary” shirts”) and the first goes on
_SENTENCE_END = re.compile(r"[.!?][”’\"]?\s+[A-Z]")
#: openers that never close anything, so seeing one again inside its own quote is a restart
_ONLY_OPENERS = frozenset({"“", "«", "„"})


def _opens_here(text: str, i: int, width: int = 1) -> bool:
    """A straight or single mark opens a quote when it starts a word (not mid-word: don't)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (not _WORD.match(before) or before in "(") and not after.isspace()


def _closes_here(text: str, i: int) -> bool:
    """An opening mark typed where a closer belongs: right after a word or a comma, before a
    space, a punctuation mark or the end ("abhorrent“ in", "not,“ he said")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the quotations in ``text``, marks included."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = closer = ""
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
            if text[para_start:i].strip() == "" and _FAMILY.get(ch) == _FAMILY[opener]:
                continue
            spans.append((open_at, last_content))
            open_at = None
        if open_at is not None and ch == opener and ch in _ONLY_OPENERS:
            if _closes_here(text, i):  # “abhorrent“ in a tweet: a closer typed as an opener
                if i > open_at + 1:
                    spans.append((open_at, i + 1))
                open_at = None
                continue
            if _SENTENCE_END.search(text, open_at, i):
                open_at = None  # the quote open here was never closed: start again at this mark
        if open_at is None:
            if ch in ("”", "»", "’"):
                continue
            if ch in ("‘", '"', "''") and not _opens_here(text, i, len(ch)):
                continue
            open_at, opener, closer = i, ch, OPENERS[ch]
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
