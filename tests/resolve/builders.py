"""Document records built by hand for the resolve tests: a text and who says what in it.

The spans are found in the text, so every offset is right by construction and a test reads as
the article it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.record import Attribution, Quantity, Record, Source, span_of


@dataclass
class Says:
    """One attribution: ``source`` (its words in the text), the cue and the content; ``via``
    the intermediaries' words, nearest first."""

    source: str | None
    cue: str
    content: str
    via: list[str] = field(default_factory=list)
    anonymous: bool = False
    canonical: str | None = None
    kind: str = "unknown"


@dataclass
class Figure:
    """A number in the text (its words), what it counts and which attribution (by index) claims it."""

    words: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    said_by: int | None = None


def _source(text: str, words: str, start_at: int = 0, **kw: object) -> Source:
    start = text.index(words, start_at)
    return Source(start, start + len(words), words, **kw)  # type: ignore[arg-type]


def article(
    doc_id: str,
    text: str,
    says: list[Says],
    *,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    figures: list[Figure] | None = None,
) -> Record:
    attributions = []
    for n, s in enumerate(says):
        content_at = text.index(s.content)
        cue_at = text.index(s.cue)
        source = None
        if s.source is not None:
            source = _source(text, s.source, canonical=s.canonical, kind=s.kind, anonymous=s.anonymous)
        attributions.append(Attribution(
            id=f"{doc_id}-a{n}",
            type="indirect",
            source=source,
            cue=span_of(text, cue_at, cue_at + len(s.cue)),
            content=span_of(text, content_at, content_at + len(s.content)),
            via=[_source(text, v, kind="media") for v in s.via],
        ))
    quantities = []
    for f in figures or []:
        at = text.index(f.words)
        quantities.append(Quantity(
            at, at + len(f.words), f.words, value=f.value, low=f.low, high=f.high, unit=f.unit,
            attribution=attributions[f.said_by].id if f.said_by is not None else None,
        ))
    return Record(id=doc_id, source=doc_id, published=published, text=text, outlet=outlet, url=url,
                  attributions=attributions, quantities=quantities)
