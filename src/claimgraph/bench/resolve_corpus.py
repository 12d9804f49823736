"""An analysed synthetic corpus of any size for ``claimgraph bench-resolve --records``.

Copies and stories read only text, title and date, but events, claims and relations read what
the analysis extracted: a corpus of bare texts measures a third of resolve. Analysing 100,000
documents here would take a day, so the corpus is made from a few analysed ones (``claimgraph
analyze --json`` of the bench's own synthetic texts, or of any articles): each is cut at its
blank lines into paragraph records (:func:`paragraphs`: the items wholly inside a paragraph,
moved to its offsets, their links kept), and each new document is

- a **new report**: 4 to 12 paragraphs of different articles, joined as
  :func:`claimgraph.pieces.join_pieces` joins the pieces of a long text (ids made again from
  the new text, links followed), on its own outlet and day: its attributions are real
  extractor output, its speakers and figures recur across reports as they do across a news
  corpus;
- or a **copy** of an earlier document on another outlet, a day or two later: its trailing
  paragraphs cut, a boilerplate line added, a new headline (the copies stage's changes that
  keep the reporter's sentences and their offsets within a paragraph).
"""

from __future__ import annotations

import pickle
import random
import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from claimgraph.ids import text_hash
from claimgraph.ingest.document import Document
from claimgraph.pieces import field_names, join_pieces, move_spans
from claimgraph.record import Record, Span

#: of the generated documents, the share that copy an earlier one
COPY_SHARE = 0.3
#: outlets the documents are spread over
OUTLETS = 200
#: paragraphs shorter than this (datelines, bylines) are not used alone
MIN_PARAGRAPH = 80
_ITEMS = ("entities", "attributions", "quantities", "times", "places", "events")
_BREAK = re.compile(r"\n\s*\n")
_BOILERPLATE = ("Advertisement", "Read more: World news", "Sign up for our newsletter")


def _spans(obj: Any) -> Iterator[Span]:
    if isinstance(obj, list):
        for item in obj:
            yield from _spans(item)
        return
    names = field_names(type(obj))
    if names is None:
        return
    if isinstance(obj, Span):
        yield obj
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, list) or field_names(type(value)) is not None:
            yield from _spans(value)


def _inside(item: Any, start: int, end: int) -> bool:
    return all(start <= s.start and s.end <= end for s in _spans(item))


def paragraphs(record: Record) -> list[Record]:
    """The record cut at its blank lines: one record a paragraph, with the items wholly inside
    it moved to the paragraph's offsets; an event's place, time and quantities and an item's
    attribution follow when they are inside too (else they are dropped)."""
    out = []
    starts = [0, *(m.end() for m in _BREAK.finditer(record.text))]
    ends = [*(m.start() for m in _BREAK.finditer(record.text)), len(record.text)]
    copy: Record = pickle.loads(pickle.dumps(record))  # noqa: S301 - our own objects
    for start, end in zip(starts, ends, strict=True):
        part = Record(id=record.id, source=record.source, published=None,
                      text=record.text[start:end])
        index: dict[str, dict[int, int]] = {}
        for kind in _ITEMS:
            kept = [(i, item) for i, item in enumerate(getattr(copy, kind))
                    if _inside(item, start, end)]
            index[kind] = {old: new for new, (old, _) in enumerate(kept)}
            setattr(part, kind, [item for _, item in kept])
            move_spans(getattr(part, kind), -start, set())
        said = {a.id for a in part.attributions}
        for quantity in part.quantities:
            quantity.attribution = quantity.attribution if quantity.attribution in said else None
        for event in part.events:
            event.attribution = event.attribution if event.attribution in said else None
            event.place = index["places"].get(event.place) if event.place is not None else None
            event.time = index["times"].get(event.time) if event.time is not None else None
            event.quantities = [index["quantities"][q] for q in event.quantities
                                if q in index["quantities"]]
        out.append(part)
    return out


def _copy_of(parts: Sequence[bytes], rng: random.Random) -> list[bytes | str]:
    """An earlier document's paragraphs as a partner site republishes them."""
    keep = max(2, round(len(parts) * rng.uniform(0.5, 1.0)))
    body: list[bytes | str] = list(parts[1:keep])
    body.insert(rng.randint(1, max(1, len(body))), rng.choice(_BOILERPLATE))
    return [f"Report {rng.randrange(10**6)}: the latest", *body]


def synthetic_records(analysed: Sequence[Record], n: int, *, seed: int = 1) -> Iterator[Record]:
    """``n`` analysed documents made from ``analysed`` (see the module docstring), in the order
    they were made (a copy after its original's report)."""
    rng = random.Random(seed)
    pool = [pickle.dumps(p) for r in analysed for p in paragraphs(r)
            if len(p.text) >= MIN_PARAGRAPH]
    made: list[tuple[list[bytes | str], date]] = []
    start = date(2016, 1, 1)
    for number in range(n):
        if made and rng.random() < COPY_SHARE:
            earlier, day = rng.choice(made)
            parts = _copy_of([p for p in earlier if isinstance(p, bytes)], rng)
            day += timedelta(days=rng.randint(0, 2))
        else:
            parts, day = list(rng.sample(pool, rng.randint(4, 12))), start + timedelta(rng.randrange(365))
        made.append((parts, day))
        yield _joined(number, parts, day.isoformat(), f"Outlet {rng.randrange(OUTLETS)}")


def _joined(number: int, parts: Sequence[bytes | str], day: str, outlet: str) -> Record:
    pieces = [pickle.loads(p) if isinstance(p, bytes) else Record("", "", None, p)  # noqa: S301
              for p in parts]
    text = "\n\n".join(p.text for p in pieces)
    doc_id = text_hash(f"{number}\n{text}")
    document = Document(text=text, source=doc_id, id=doc_id, published=day,
                        title=text.split("\n", 1)[0][:80], outlet=outlet)
    offsets, at = [], 0
    for piece in pieces:
        offsets.append(at)
        at += len(piece.text) + 2
    return join_pieces(document, list(zip(offsets, pieces, strict=True)))
