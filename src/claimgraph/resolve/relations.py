"""Relations: where two claimants' figures disagree, and where claims deny or echo each other.

What an analyst reading forty reports looks for first is where the parties disagree: the health
ministry counts about 40 dead, the army 12. Event coders keep one figure and drop the other;
here both stay, tied by a ``contradicts`` relation with a reason a reader can check.

**Figures** (``QUANTITY`` with the attribution that claims it) contradict when they are about
the same thing, from different claimants, and their bounds cannot both hold:

- *the same thing*: the same happening (the same story, else the same document, or the same
  corpus event when the events stage tied both figures to one), the same unit (``people``) and the same measure, the toll
  word near the number ("killed", "dead", "deaths" are one measure: ``data/resolve_words.tsv``).
  A figure with no toll word near it is not compared: "40 people" alone may count anything;
- *different claimants*: the claims' origins differ (``resolve/claims.py``): a ministry updating
  its own toll does not contradict itself;
- *bounds*: ``low``/``high`` where the text gives them ("at least 40" is 40 and up), else the
  value, widened by a tenth where the number is approximate ("about 40"): "at least 40" and
  "12" cannot both be right; "about 40" and "38" can.

The same figure from the same claimant in many reports (copies, follow-ups) is one figure, so
ten reports of two tolls make one relation, between the earliest report of each.

**Claims** of one story whose contents are near (``resolve/wording.py``: TF-IDF cosine of their
terms at least ``STANCE_CLOSENESS``) are related two ways. Opposite polarity (a negation, or a
cue like "denied" framing the content: the content alone reads as the claim it denies) is a rule:
*contradicts* when the terms are close. Otherwise the stance model (``resolve/stance.py``, FNC-1)
reads each claim against the other: *agree* is *supports* (from a different speaker in another
report), *disagree* is *contradicts*, with the model's verdict and probability in the reason. On
held-out FNC-1 headline pairs the model found agreeing claims the rules' same-terms test missed
(supports F1 0.66 / 0.61 on folds a / b against the rules' 0.20 / 0.12; contradicts stays weak
either way, 0.01 / 0.04 against 0.01 / 0.01; docs/quality.md, "relations").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from claimgraph import knowledge
from claimgraph.record import Quantity, Record
from claimgraph.resolve.claims import Said, said_in
from claimgraph.resolve.corpus import Claim, Copies, CorpusEvent, Relation, RelationEnd, Story
from claimgraph.resolve.stance import claim_stances
from claimgraph.resolve.wording import (
    Idf,
    close_pairs,
    measures,
    numbers_agree,
    stem,
    substantive,
    tokens,
)

#: how far from a number its toll word may be, in words ("killed at least 40 people", "12 people
#: were killed in the strike")
MEASURE_WINDOW = 4
#: two claims of opposite polarity contradict when their terms are at least this close: a
#: claim and a clipped mention of its topic ("Obama's actions on guns" against "Obama's actions
#: on guns aren't worth the paper") differ by more than the negation
OPPOSITE = 0.75
#: claims of one story at least this close (TF-IDF cosine of their terms) are judged by the stance
#: model: held-out FNC-1 headline pairs, fold a, supports F1 0.714 / 0.661 at 0.1 / 0.2 (0.766 with
#: every pair judged); 0.2 for fewer pairs to judge (the model reads ~500 pairs a CPU-second)
STANCE_CLOSENESS = 0.2
#: an approximate number ("about 40") is read as this fraction either side
APPROXIMATE = 0.1
#: figures about one thing each figure is compared with: the next this many in reading order. A
#: story followed for months holds hundreds of tolls, each revised; a figure contradicts the
#: ones reported around it, not every toll of the story, and the window keeps the comparisons
#: linear in the figures (all pairs were quadratic in a story's size)
FIGURE_WINDOW = 100
_CLAUSE = re.compile(r"[.;:!?\n]|,\s")


@cache
def _approximate_words() -> frozenset[str]:
    return frozenset(phrase.lower() for phrase, bound, *_ in knowledge.rows("number_modifiers.tsv")
                     if bound == "approx")


@dataclass(frozen=True, slots=True)
class Figure:
    """One claimed number about one thing."""

    document: str
    index: int  # into the document's quantities
    quantity: Quantity
    said: Said
    thing: tuple[str, str, str]  # (story, else document; measure; unit)
    event: str | None  # the corpus event it counts, when the events stage tied it to one
    low: float
    high: float


def measure_of(text: str, quantity: Quantity) -> str | None:
    """What a number counts, from the nearest toll word in its clause ("dead", "injured")."""
    toll = measures()
    own = [stem(t) for t in tokens(quantity.text)] + tokens(quantity.text)
    for word in own:
        if word in toll:
            return toll[word]
    before = _CLAUSE.split(text[max(0, quantity.start - 80):quantity.start])[-1]
    after = _CLAUSE.split(text[quantity.end:quantity.end + 80])[0]
    near_after = tokens(after)[:MEASURE_WINDOW]
    near_before = tokens(before)[-MEASURE_WINDOW:][::-1]
    for distance in range(MEASURE_WINDOW):
        for side in (near_after, near_before):
            if distance < len(side) and side[distance] in toll:
                return toll[side[distance]]
    return None


def bounds(quantity: Quantity) -> tuple[float, float]:
    """The interval a figure claims: its ``low``/``high`` ("at least 40": 40 and up), else its
    value, widened when the text says it is approximate."""
    if quantity.low is None and quantity.high is None:
        if quantity.value is None:
            return -math.inf, math.inf
        low = high = float(quantity.value)
    else:
        low = float(quantity.low) if quantity.low is not None else -math.inf
        high = float(quantity.high) if quantity.high is not None else math.inf
    words = " ".join(tokens(quantity.text))
    if any(re.search(rf"\b{re.escape(w)}\b", words) for w in _approximate_words()):
        low, high = low - abs(low) * APPROXIMATE, high + abs(high) * APPROXIMATE
    return low, high


def _event(record: Record, index: int, event_of: dict[tuple[str, str], str]) -> str | None:
    """The corpus event a figure is tied to ("killing at least 40": the killing), if known."""
    for event in record.events:
        if index in event.quantities and (record.id, event.id) in event_of:
            return event_of[(record.id, event.id)]
    return None


def figures(
    records: Sequence[Record],
    said: dict[tuple[str, str], Said],
    stories: Sequence[Story] = (),
    events: Sequence[CorpusEvent] = (),
) -> list[Figure]:
    """The claimed figures of a corpus that say what they count, one per claimant and value."""
    story_of = {doc: story.id for story in stories for doc in story.documents}
    event_of = {(m.document, m.event): e.id for e in events for m in e.mentions if m.event is not None}
    found: dict[tuple[object, ...], Figure] = {}
    for record in records:
        for index, quantity in enumerate(record.quantities):
            claimant = said.get((record.id, quantity.attribution or ""))
            measure = measure_of(record.text, quantity)
            if claimant is None or measure is None:
                continue
            unit = " ".join(stem(t) for t in tokens(quantity.unit or ""))
            thing = (story_of.get(record.id, "document:" + record.id), measure, unit)
            event = _event(record, index, event_of)
            low, high = bounds(quantity)
            key = (thing, claimant.origin, low, high)
            figure = Figure(record.id, index, quantity, claimant, thing, event, low, high)
            if key not in found or _earlier(claimant, found[key].said):
                found[key] = figure
    return sorted(found.values(), key=lambda f: (_order(f.said), f.index))


def _order(s: Said) -> tuple[bool, str, int]:
    return (s.published is None, s.published or "", s.order)


def _earlier(a: Said, b: Said) -> bool:
    return _order(a) < _order(b)


def _who(s: Said) -> str:
    return s.name or "unnamed source"


def figure_relations(found: Sequence[Figure]) -> list[Relation]:
    """``contradicts`` between figures about one thing from different claimants whose bounds
    do not overlap. One thing: the same story (else document), measure and unit; or the same
    corpus event, measure and unit, when the stories stage split the event's reports. Each
    figure is compared with the next ``FIGURE_WINDOW`` figures about its thing.

    A figure tied to one event is still compared with the other figures of its story: cross-
    document event links are the least certain of all, and two reports' tolls that disagree
    are exactly what an event matcher may keep apart."""
    groups: dict[tuple[str | None, ...], list[Figure]] = defaultdict(list)
    for figure in found:
        groups[("story", *figure.thing)].append(figure)
        if figure.event is not None:
            groups[("event", figure.event, *figure.thing[1:])].append(figure)
    out: list[Relation] = []
    seen: set[tuple[int, int]] = set()
    order = {id(f): n for n, f in enumerate(found)}
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:i + 1 + FIGURE_WINDOW]:
                pair = (order[id(a)], order[id(b)])
                if pair in seen or a.said.origin == b.said.origin or not (a.high < b.low or b.high < a.low):
                    continue
                seen.add(pair)
                measure = a.thing[1]
                reason = f"{a.quantity.text} {measure} ({_who(a.said)}) vs {b.quantity.text} ({_who(b.said)})"
                out.append(Relation(
                    "contradicts",
                    RelationEnd(a.document, a.quantity.attribution, a.index),
                    RelationEnd(b.document, b.quantity.attribution, b.index),
                    reason,
                ))
    return out


def claim_relations(claims: Sequence[Claim], said: dict[tuple[str, str], Said],
                    *, threshold: float = STANCE_CLOSENESS) -> list[Relation]:
    """Relations between near claims of one story (claims without one, with each other):
    ``contradicts`` between close claims of opposite polarity; else the stance model's verdict,
    ``supports`` (agree) only between different speakers in different reports (two speakers of
    one article are that article's account, not corroboration), ``contradicts`` (disagree)."""
    firsts = [said[(c.mentions[0].document, c.mentions[0].attribution)] for c in claims]
    idf = Idf(s.wording for s in firsts)
    by_story: dict[str | None, list[int]] = defaultdict(list)
    for n, claim in enumerate(claims):
        by_story[claim.story].append(n)
    found: list[Relation | tuple[Claim, Claim, Said, Said]] = []
    for members in by_story.values():
        for j, k in close_pairs(idf, [firsts[n].wording for n in members], threshold):
            found.extend(_relate(idf, claims[members[j]], claims[members[k]], firsts[members[j]],
                                 firsts[members[k]]))
    pending = [item for item in found if not isinstance(item, Relation)]
    verdicts = iter(claim_stances([(a.content, b.content) for a, b, _, _ in pending])
                    if pending else [])
    out: list[Relation] = []
    for item in found:
        if isinstance(item, Relation):
            out.append(item)
            continue
        relation = _judged(*item, *next(verdicts))
        if relation is not None:
            out.append(relation)
    return out


def _relate(idf: Idf, a: Claim, b: Claim, sa: Said, sb: Said
            ) -> list[Relation | tuple[Claim, Claim, Said, Said]]:
    """The rule's relation of two near claims (``sa``, ``sb``: their first mentions), or the
    pair for the stance model to judge, or nothing."""
    if _earlier(sb, sa):  # the earlier report is ``a``
        a, b, sa, sb = b, a, sb, sa
    if not numbers_agree(sa.wording, sb.wording) or not (substantive(sa.wording) and substantive(sb.wording)):
        return []
    if sa.document == sb.document and sa.span[0] < sb.span[1] and sb.span[0] < sa.span[1]:
        return []  # one stretch of text read as two attributions ("Weld and Johnson" / "Johnson")
    if sa.wording.negated != sb.wording.negated:
        if idf.cosine(sa.wording, sb.wording) < OPPOSITE:
            return []
        reason = f"{_who(sa)}: \u201c{a.content}\u201d vs {_who(sb)}: \u201c{b.content}\u201d"
        return [Relation("contradicts", *_ends(sa, sb), reason)]
    return [(a, b, sa, sb)]


def _ends(sa: Said, sb: Said) -> tuple[RelationEnd, RelationEnd]:
    return RelationEnd(sa.document, sa.attribution), RelationEnd(sb.document, sb.attribution)


def _judged(a: Claim, b: Claim, sa: Said, sb: Said, label: str, score: float) -> Relation | None:
    """The relation the stance model's verdict on two claims makes, with it as the reason."""
    said = f"{_who(sa)}: \u201c{a.content}\u201d; {_who(sb)}: \u201c{b.content}\u201d"
    if label == "agree" and sa.speaker != sb.speaker and sa.document != sb.document:
        return Relation("supports", *_ends(sa, sb), f"stance model: agree, {score:.2f} ({said})")
    if label == "disagree":
        return Relation("contradicts", *_ends(sa, sb), f"stance model: disagree, {score:.2f} ({said})")
    return None


def find_relations(
    records: Sequence[Record],
    claims: Sequence[Claim],
    copies: Sequence[Copies] = (),
    stories: Sequence[Story] = (),
    events: Sequence[CorpusEvent] = (),
) -> list[Relation]:
    """Every relation of a corpus: contradicting figures first, then claims against claims."""
    said = {(s.document, s.attribution): s for s in said_in(records, copies)}
    return figure_relations(figures(records, said, stories, events)) + claim_relations(claims, said)
