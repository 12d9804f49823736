"""Linking an event to the place, time and attribution the text gives it.

Places and times come from the components that run before ours (``doc._.cg_places``,
``doc._.cg_times``); we link by character offsets only, so any producer of those lists works. A
place or time must be in the event's sentence; one inside the event's clause ("attacked positions
*near Kursk* *on Tuesday*") beats one elsewhere in the sentence, then the nearest wins. A place
that is the actor or the target ("Moscow threatened ...") is not where the event happened,
demonyms ("Russian troops") are never places of events, and a dateline ("KYIV, Aug 7 (Reuters) -")
says where and when the story was filed, so it is the last resort. What hangs on the event's own
verb in the parse ("attacked ... *on Tuesday*") beats the rest of its clause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.dateline import DATELINE
from claimgraph.nlp.extensions import text_of
from claimgraph.record import Attribution, Place, Time
from claimgraph.record import Span as TextSpan


def _clause_bounds(clause: Token) -> tuple[int, int]:
    left, right = clause.left_edge, clause.right_edge
    return left.idx, right.idx + len(right.text)


def _verb_of(doc: Doc, item: TextSpan) -> Token | None:
    """The nearest verb the span hangs on in the parse (None if it has none)."""
    span = doc.char_span(item.start, item.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return tok if tok.pos_ in {"VERB", "AUX"} else None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return None


def _dateline(sent: Span, item: TextSpan) -> bool:
    """A dateline ("KYIV, Aug 7 (Reuters) -") says where the story was filed, not where or
    when the event happened."""
    match = DATELINE.match(text_of(sent.doc)[sent.start_char : item.end + 40])
    return match is not None and item.end <= sent.start_char + match.end()


def _best(
    items: Sequence[TextSpan], sent: Span, clause: Token, trigger: Token,
    keep: Callable[[TextSpan], bool] = lambda item: True,
) -> int | None:
    lo, hi = _clause_bounds(clause)
    best: tuple[int, int] | None = None
    found: int | None = None
    for index, item in enumerate(items):
        if not (sent.start_char <= item.start and item.end <= sent.end_char) or not keep(item):
            continue
        if _dateline(sent, item):
            rank = 2
        elif _verb_of(sent.doc, item) in {clause, trigger}:
            rank = 0  # hangs on the event's own verb: "attacked ... on Tuesday"
        elif lo <= item.start and item.end <= hi:
            rank = 1
        else:
            rank = 2
        key = (rank, abs(item.start - trigger.idx))
        if best is None or key < best:
            best, found = key, index
    return found


def link_place(
    places: Sequence[Place], sent: Span, clause: Token, trigger: Token,
    taken: Sequence[TextSpan] = (),
) -> int | None:
    """Index into ``places`` of where the event happened, or None."""

    def keep(place: TextSpan) -> bool:
        if getattr(place, "kind", "place") != "place":
            return False
        return not any(t.start <= place.start < t.end or place.start <= t.start < place.end
                       for t in taken)

    return _best(places, sent, clause, trigger, keep)


def link_time(times: Sequence[Time], sent: Span, clause: Token, trigger: Token) -> int | None:
    """Index into ``times`` of when the event happened, or None."""
    return _best(times, sent, clause, trigger)


def link_attribution(attributions: Sequence[Attribution], start: int, end: int) -> str | None:
    """Id of the (innermost) attribution whose content contains the trigger."""
    holding = [a for a in attributions if a.content.start <= start and end <= a.content.end]
    if not holding:
        return None
    return min(holding, key=lambda a: a.content.end - a.content.start).id
