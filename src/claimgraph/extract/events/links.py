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
from claimgraph.extract.span_index import SpanIndex
from claimgraph.nlp.extensions import text_of
from claimgraph.nlp.words import Word
from claimgraph.record import Attribution, Place, Time
from claimgraph.record import Span as TextSpan


def _clause_bounds(doc: Doc, clause: int) -> tuple[int, int]:
    """Where the clause headed by ``doc[clause]`` begins and ends (spaCy's edges of its subtree)."""
    tok = doc[clause]
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


#: ``doc.user_data`` key of the verbs found for spans of the ``Doc`` (each place and time is
#: asked about once per event of its sentence, and news sentences hold many events)
_VERBS = "claimgraph.events.verb_of"


def _verb_index(doc: Doc, item: TextSpan) -> int | None:
    """The index of the nearest verb the span hangs on in the parse (None if it has none),
    found once per span and ``Doc``."""
    found: dict[tuple[int, int], int | None] = doc.user_data.setdefault(_VERBS, {})
    key = (item.start, item.end)
    if key not in found:  # kept as an index: a Token held by its own Doc would never be freed
        verb = _find_verb(doc, item)
        found[key] = verb.i if verb is not None else None
    return found[key]


def _find_verb(doc: Doc, item: TextSpan) -> Token | None:
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
    items: Sequence[TextSpan], index: SpanIndex, sent: Span, clause: Token | Word,
    trigger: Token | Word, keep: Callable[[TextSpan], bool] = lambda item: True,
) -> int | None:
    inside = index.inside(sent.start_char, sent.end_char)  # the sentence's, in order
    if not inside:  # most sentences name no place and no time
        return None
    lo, hi = _clause_bounds(sent.doc, clause.i)
    own = {clause.i, trigger.i}
    best: tuple[int, int] | None = None
    found: int | None = None
    for index_ in inside:
        item = items[index_]
        if not keep(item):
            continue
        if _dateline(sent, item):
            rank = 2
        elif _verb_index(sent.doc, item) in own:
            rank = 0  # hangs on the event's own verb: "attacked ... on Tuesday"
        elif lo <= item.start and item.end <= hi:
            rank = 1
        else:
            rank = 2
        key = (rank, abs(item.start - trigger.idx))
        if best is None or key < best:
            best, found = key, index_
    return found


def spans_of(items: Sequence[TextSpan]) -> SpanIndex:
    """The index the linkers below take for ``items`` (built once per document)."""
    return SpanIndex((item.start, item.end) for item in items)


def link_place(
    places: Sequence[Place], sent: Span, clause: Token | Word, trigger: Token | Word,
    taken: Sequence[TextSpan] = (), *, index: SpanIndex | None = None,
) -> int | None:
    """Index into ``places`` of where the event happened, or None (``index``: ``spans_of(places)``)."""

    def keep(place: TextSpan) -> bool:
        if getattr(place, "kind", "place") != "place":
            return False
        return not any(t.start <= place.start < t.end or place.start <= t.start < place.end
                       for t in taken)

    return _best(places, index or spans_of(places), sent, clause, trigger, keep)


def link_time(times: Sequence[Time], sent: Span, clause: Token | Word, trigger: Token | Word, *,
              index: SpanIndex | None = None) -> int | None:
    """Index into ``times`` of when the event happened, or None (``index``: ``spans_of(times)``)."""
    return _best(times, index or spans_of(times), sent, clause, trigger)


def link_attribution(attributions: Sequence[Attribution], start: int, end: int, *,
                     index: SpanIndex | None = None) -> str | None:
    """Id of the (innermost) attribution whose content contains the trigger (``index``: the
    contents' spans, ``contents_of(attributions)``)."""
    found = (index or contents_of(attributions)).innermost(start, end)
    return attributions[found].id if found is not None else None


def contents_of(attributions: Sequence[Attribution]) -> SpanIndex:
    """The index ``link_attribution`` takes: each attribution's content span."""
    return SpanIndex((a.content.start, a.content.end) for a in attributions)
