"""Turn a record's spans into the annotated article: text cut into segments, each segment
carrying the annotations that cover it.

Spans overlap (a source inside a content span, a date inside a claim, an event trigger inside
both), so the text is cut at every span boundary and each piece lists *all* the annotations
covering it; the page colours a piece by each kind and the hover panel lists them all. The
pieces are plain strings: the template escapes them, never this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Drawing order in the legend; also the CSS class suffix (``k-source`` ...).
KINDS = ("source", "cue", "content", "via", "hedge", "time", "place", "quantity", "event")


@dataclass(slots=True)
class Annotation:
    kind: str
    start: int
    end: int
    label: str
    details: dict[str, Any]
    anchor: str | None = None  # an element id for links (attribution id on its content span)


@dataclass(slots=True)
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    annotations: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)


def _source_details(s: dict[str, Any]) -> dict[str, Any]:
    return {"name": s.get("canonical") or s.get("text"), "kind": s.get("kind"),
            "anonymous": s.get("anonymous"), "descriptor": s.get("descriptor"),
            "affiliation": s.get("affiliation")}


def _add(out: list[Annotation], kind: str, span: dict[str, Any] | None, label: str,
         details: dict[str, Any], anchor: str | None = None) -> None:
    if span is not None:
        out.append(Annotation(kind, int(span["start"]), int(span["end"]), label,
                              {k: v for k, v in details.items() if v not in (None, "", [])}, anchor))


def annotations_of(record: dict[str, Any]) -> list[Annotation]:
    """Every highlighted span of a record (attributions, numbers, dates, places, events)."""
    out: list[Annotation] = []
    for a in record.get("attributions", []):
        src = a.get("source")
        who = (src.get("canonical") or src.get("text")) if src else "unnamed source"
        claim = {"type": a.get("type"), "source": who,
                 "cue": a["cue"]["text"] if a.get("cue") else None,
                 "via": " → ".join(v.get("canonical") or v["text"] for v in a.get("via", [])),
                 "hedges": ", ".join(h["text"] for h in a.get("hedges", []))}
        _add(out, "content", a.get("content"), f"claim by {who}", claim, anchor=a.get("id"))
        if src:
            _add(out, "source", src, "source", _source_details(src))
        _add(out, "cue", a.get("cue"), "cue", {"type": a.get("type"), "source": who})
        for v in a.get("via", []):
            _add(out, "via", v, "via (intermediary)", _source_details(v))
        for h in a.get("hedges", []):
            _add(out, "hedge", h, "hedge", {"claim by": who})
    for q in record.get("quantities", []):
        _add(out, "quantity", q, "quantity",
             {"value": q.get("value"), "low": q.get("low"), "high": q.get("high"),
              "unit": q.get("unit")})
    for t in record.get("times", []):
        _add(out, "time", t, "time", {"type": t.get("type"), "value": t.get("value")})
    for p in record.get("places", []):
        _add(out, "place", p, "place",
             {"name": p.get("name"), "kind": p.get("kind"), "country": p.get("country"),
              "admin1": p.get("admin1"), "lat": p.get("lat"), "lon": p.get("lon")})
    places, times = record.get("places", []), record.get("times", [])
    for e in record.get("events", []):
        pi, ti = e.get("place"), e.get("time")
        label = f"event {e['type']}" if e.get("type") else "event"
        details = {
            "type": e.get("type"),
            "actor": (e["actor"].get("canonical") or e["actor"]["text"]) if e.get("actor") else None,
            "target": (e["target"].get("canonical") or e["target"]["text"]) if e.get("target") else None,
            "place": places[pi]["name"] if isinstance(pi, int) and 0 <= pi < len(places) else None,
            "time": times[ti]["text"] if isinstance(ti, int) and 0 <= ti < len(times) else None,
            **{name: e.get(name) for name in ("polarity", "certainty", "tense")}}
        _add(out, "event", e.get("trigger"), label, details)
        for mention in e.get("mentions", []):  # "the attack", "the operation": the same event
            _add(out, "event", mention, label, {**details, "mention of": e["trigger"]["text"]})
    return out


def segments(text: str, anns: list[Annotation]) -> list[Segment]:
    """Cut ``text`` at every annotation boundary; spans with offsets outside the text are dropped."""
    valid = [(i, a) for i, a in enumerate(anns) if 0 <= a.start < a.end <= len(text)]
    cuts = sorted({0, len(text), *(a.start for _, a in valid), *(a.end for _, a in valid)})
    by_start = sorted(valid, key=lambda ia: ia[1].start)
    out: list[Segment] = []
    open_: list[tuple[int, Annotation]] = []
    nxt = 0
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        while nxt < len(by_start) and by_start[nxt][1].start <= lo:
            open_.append(by_start[nxt])
            nxt += 1
        open_ = [(i, a) for i, a in open_ if a.end > lo]
        seg = Segment(text[lo:hi])
        for i, a in open_:
            seg.annotations.append(i)
            if a.kind not in seg.kinds:
                seg.kinds.append(a.kind)
            if a.anchor and a.start == lo:
                seg.anchors.append(a.anchor)
        out.append(seg)
    return out
