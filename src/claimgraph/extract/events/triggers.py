"""The word an event's trigger is, found by its character offsets.

Coreference and the casualty counts start from an event's trigger word. An event keeps only
character offsets, and ``doc.char_span(...).root`` turns them back into a word at a cost (a
``Span`` and several ``Token`` objects a call: most of what tying numbers to 8,000 events cost).
The coder makes every trigger one word, so the word starting at the trigger's first character is
found in a table of the ``Doc``'s words by start (built once per ``Doc``); a span that is not
one word goes the long way, with the same answer.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.nlp.words import Word, word, words

#: ``doc.user_data`` key: word index by start character (indexes, not ``Word``s, so the words
#: are freed when :func:`claimgraph.nlp.words.release` lets them go)
_BY_START = "claimgraph.events.word_starts"


def root_word(doc: Doc, start: int, end: int) -> Word | None:
    """The word heading the text ``[start, end)`` (as ``doc.char_span(start, end,
    alignment_mode="expand").root``), None when no word lies there."""
    by_start: dict[int, int] | None = doc.user_data.get(_BY_START)
    if by_start is None:
        by_start = doc.user_data[_BY_START] = {w.idx: w.i for w in words(doc)}
    i = by_start.get(start)
    if i is not None:
        found = words(doc)[i]
        if found.idx + len(found.text) == end:
            return found
    span = doc.char_span(start, end, alignment_mode="expand")
    return word(span.root) if span is not None else None
