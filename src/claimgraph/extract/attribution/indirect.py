"""What is attributed: the content span of a cue, read off the dependency parse.

- a quotation frame gives the quotation(s) themselves ("A," he said, "B." -> A … B);
- a clause frame gives the clause's subtree, "that" included ("said that the talks failed");
- an object frame gives the object and what follows it ("accused him of lying");
- "according to X" gives the rest of its clause;
and any quotation the span cuts into is taken whole (mixed: described it as "consistent" with…).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import islice

from spacy.tokens import Token

from claimgraph.extract.attribution.frames import (
    Cue,
    Quotes,
    colon_after,
    for_clause,
    is_time_phrase,
    marks,
)
from claimgraph.nlp.words import words as words_of

_SKIP_EDGE = {",", ".", ";", ":", "-", "—", "–", "(", ")"}
_TAIL_DEPS = {"punct", "cc", "conj", "mark"}


def _trim(doc, start: int, end: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Drop punctuation and spaces at both ends of a token range [start, end), and a
    conjunction left dangling at its end ("said that ten children had died, and warned …":
    the parse hangs the "and" on the clause)."""
    ws = words_of(doc)
    while start < end and (ws[start].text in _SKIP_EDGE or ws[start].text.isspace()):
        start += 1
    while end > start and (
        ws[end - 1].text in _SKIP_EDGE or ws[end - 1].text.isspace() or ws[end - 1].dep_ == "cc"
    ):
        end -= 1
    return start, end


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _clause_range(cue: Token, dep: str) -> tuple[int, int] | None:
    child = next((c for c in cue.children if c.dep_ == dep), None)
    return _subtree_range(child) if child is not None else None


def _object_range(cue: Token) -> tuple[int, int] | None:
    """From the first object or prepositional dependent to the end of the cue's right side."""
    right = [c for c in cue.rights if c.dep_ not in _TAIL_DEPS and c.dep_ not in ("advmod", "npadvmod")]
    right = [
        c for c in right
        if c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "attr", "oprd", "dative") and not is_time_phrase(c)
    ]
    if not right:
        clause = for_clause(cue)  # "calling for the United States to …": after "for"
        return (clause.left_edge.i + 1, clause.right_edge.i + 1) if clause is not None else None
    objs = [c for c in right if c.dep_ != "dative"] or right
    start = objs[0].left_edge.i
    if objs[0].dep_ == "prep" and start == objs[0].i == cue.i + 1:
        start += 1  # "critical of X", "calling for X": the preposition belongs to the cue
    return start, max(c.right_edge.i for c in objs) + 1


def _according_range(cue: Token) -> tuple[int, int]:
    """The clause 'according to X' (or 'in a poll') sits in, minus the phrase itself."""
    doc = cue.doc
    to = doc[cue.i + 1] if cue.lower_ == "according" else cue
    phrase_end = max(to.right_edge.i, cue.right_edge.i) + 1
    sent = cue.sent
    before = (sent.start, cue.i)
    after = (phrase_end, sent.end)
    start, end = max((before, after), key=lambda r: r[1] - r[0])
    return start, end


def _interrupted_range(cue: Token, head: Token | None = None) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts: its head's subtree, the cue's own words aside.

    "The economy, the minister said, is slowing" -> "The economy … is slowing" (one span: the
    record's content is contiguous, so an interrupting cue stays inside it).
    """
    head = cue.head if head is None else head
    doc = cue.doc
    left = _trim(doc, head.left_edge.i, cue.left_edge.i)
    right = _trim(doc, cue.right_edge.i + 1, head.right_edge.i + 1)
    if right[0] < right[1] and doc[right[0]].lower_ == "according":
        right = (right[0], right[0])  # "…, diplomats said, according to X": X's, not the clause
    if right[1] - right[0] > 3 and left[1] - left[0] > 1:
        return left[0], right[1]
    if left[1] - left[0] >= right[1] - right[0]:
        return left if left[1] > left[0] else None
    return right


def _line_after(cue: Token) -> tuple[int, int] | None:
    """From after the cue's colon to the end of its line."""
    colon = colon_after(cue)
    if colon is None:
        return None
    doc = cue.doc
    end = colon.i + 1
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    return colon.i + 1, end


def _within_line(cue: Token, start: int, end: int) -> tuple[int, int]:
    """Clip a parse-read content to the cue's paragraph: a parse that glues a headline to the
    first line ("… European Union\nLONDON — Clinton spoke …") must not carry it across."""
    ws = words_of(cue.doc)
    breaks = marks(cue.doc)[1]
    lo, hi = start, end
    for i in range(cue.i, -1, -1):
        t = ws[i]
        if t.idx < start:
            break
        if breaks[i]:
            lo = t.idx + len(t.text)
            break
    for i in range(cue.i, len(ws)):
        t = ws[i]
        if t.idx >= end:
            break
        if breaks[i]:
            hi = t.idx
            break
    return (lo, hi) if lo < hi else (start, end)


def _in_paragraph(cue: Token, start: int, end: int) -> tuple[int, int] | None:
    """The content clipped to the cue's paragraph, or None when most of it lay elsewhere."""
    lo, hi = _within_line(cue, start, end)
    return (lo, hi) if 2 * (hi - lo) >= end - start else None


def _to_chars(doc, start: int, end: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    ws = words_of(doc)
    return ws[start].idx, ws[end - 1].idx + len(ws[end - 1].text)


def _snap_to_quotes(start: int, end: int, quotes: Quotes) -> tuple[int, int]:
    """Widen a character span to take whole any quotation it cuts into.

    The quotations are in text order and apart, so those the span can reach are a run: from
    the first ending after its start (bisection) to the first starting at or after its end.
    """
    for qs, qe in islice(quotes.spans, bisect_right(quotes.spans, start, key=_end), None):
        if qs >= end:
            break
        if qs < start or qe > end:
            # only a little outside the span: a clause that begins or ends the quotation
            start, end = min(start, qs), max(end, qe)
    return start, end


def _end(span: tuple[int, int]) -> int:
    return span[1]


def hearsay_content(adverb: Token, quotes: Quotes) -> tuple[int, int] | None:
    """What a hearsay adverb attributes: the clause it modifies ("Troops reportedly crossed the
    river" -> the whole clause, the adverb inside it), or the noun phrase a relative clause so
    modified describes ("the gun he allegedly used").

    None when it modifies no verb ("the allegedly stolen car" hedges a word, not a claim).
    """
    head = adverb.head
    if head.i == adverb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    doc = adverb.doc
    start, end = _subtree_range(head)
    # a clause coordinated after it is said by no one: "… took bribes, and he resigned"
    joined = [c.left_edge.i for c in head.rights if c.dep_ in ("cc", "conj") and c.i > adverb.i]
    start, end = _trim(doc, start, min([end, *joined]))
    while start < end and doc[start].dep_ in ("cc", "mark"):
        start += 1  # "…, and troops reportedly crossed": the conjunction joins, it is not said
    if start >= end:
        return None
    clipped = _in_paragraph(adverb, *_to_chars(doc, start, end))
    return _snap_to_quotes(*clipped, quotes) if clipped is not None else None


def content_span(cue: Cue, quotes: Quotes) -> tuple[int, int] | None:
    """Character offsets of what ``cue`` attributes, or None when the parse gives nothing."""
    tok = cue.token
    doc = tok.doc
    if cue.frame == "quote":
        spans = [quotes.spans[q] for q in cue.quotes]
        return min(s for s, _ in spans), max(e for _, e in spans)
    if cue.frame in ("according", "in_document"):
        rng: tuple[int, int] | None = _according_range(tok)
    elif cue.frame in ("ccomp", "xcomp"):
        rng = _clause_range(tok, cue.frame)
    elif cue.frame in ("parataxis", "as", "relcl"):
        # a relative clause interrupts the clause its noun is the subject of
        rng = _interrupted_range(tok, tok.head.head if cue.frame == "relcl" else None)
        if rng is None:
            return None
        clipped = _in_paragraph(tok, *_to_chars(doc, *rng))
        return _snap_to_quotes(*clipped, quotes) if clipped is not None else None
    elif cue.frame == "colon":
        rng = _line_after(tok)
    elif cue.frame == "acl":
        rng = _clause_range(tok, "acl")
    elif cue.frame == "passive":
        rng = _clause_range(tok, "nsubjpass")
    else:
        rng = _object_range(tok)
    if rng is None:
        return None
    start, end = _trim(doc, *rng)
    if start >= end:
        return None
    # the cue never lies inside its own content
    if start <= tok.i < end:
        if tok.i - start > end - tok.i - 1:
            end = tok.i
        else:
            start = tok.i + 1
        start, end = _trim(doc, start, end)
        if start >= end:
            return None
    clipped = _in_paragraph(tok, *_to_chars(doc, start, end))
    return _snap_to_quotes(*clipped, quotes) if clipped is not None else None
