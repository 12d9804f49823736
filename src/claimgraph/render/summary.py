"""The compact terminal view of a record: what ``make run``, ``show`` and ``analyze`` print.

A reader of five short articles wants who says what, on whose authority, what happened and
where — a screen per article, not a thousand lines of tables. So the claims are grouped by the
source that makes them (each source once, with its kind and anonymity; each claim with its cue,
its via chain and its hedges), events are one line each (identical ones counted), and places are
named once with how often the article mentions them. Dates, numbers and entities are counted
only; ``--full`` (:mod:`claimgraph.render.terminal`) shows every table.

Everything is Rich ``Text``, which wraps at spaces, so nothing is cut inside a word; a long
content is shortened at a word boundary, never mid-word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from claimgraph.record import Actor, Attribution, Event, Record

#: a claim's content is shortened (at a word) beyond this many characters; --full shows it all
CONTENT_CHARS = 200
#: the name given to claims whose source the text does not say
NO_SOURCE = "(no source named)"


def shorten(text: str, size: int = CONTENT_CHARS) -> str:
    """``text`` on one line, cut at the last space before ``size`` characters (then "…")."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size)
    return text[: cut if cut > 0 else size].rstrip(" ,;:") + " …"


@dataclass(slots=True)
class SourceClaims:
    """One source of an article and the claims it makes there, in text order."""

    name: str
    kind: str | None
    anonymous: bool
    descriptor: str | None
    affiliation: str | None = None
    claims: list[Attribution] = field(default_factory=list)


def claims_by_source(record: Record) -> list[SourceClaims]:
    """The article's sources in order of first claim; a source named twice is one entry."""
    groups: dict[str, SourceClaims] = {}
    for claim in record.attributions:
        src = claim.source
        name = (src.canonical or src.text) if src else NO_SOURCE
        group = groups.get(name)
        if group is None:
            group = groups[name] = SourceClaims(
                name, src.kind if src else None, bool(src and src.anonymous),
                src.descriptor if src else None, src.affiliation if src else None)
        group.claims.append(claim)
    return list(groups.values())


def _source_line(group: SourceClaims) -> Text:
    line = Text(group.name, style="bold")
    details = [group.kind] if group.kind and group.kind != "unknown" else []
    if group.affiliation:
        details.append(group.affiliation)
    if group.anonymous:
        details.append("anonymous" + (f": {group.descriptor}" if group.descriptor else ""))
    if len(group.claims) > 1:
        details.append(f"{len(group.claims)} claims")
    if details:
        line.append("  " + " · ".join(details), style="dim")
    return line


def _claim_line(claim: Attribution) -> Text:
    line = Text()
    if claim.cue is not None:
        line.append(claim.cue.text, style="cyan")
        line.append(": ")
    line.append(shorten(claim.content.text))
    if claim.via:
        line.append("  via " + " → ".join(v.canonical or v.text for v in claim.via),
                    style="magenta")
    if claim.hedges:
        line.append("  hedged: " + ", ".join(h.text for h in claim.hedges), style="yellow")
    return line


def claims_section(record: Record) -> list[RenderableType]:
    groups = claims_by_source(record)
    if not groups:
        return []
    parts: list[RenderableType] = [Text(
        f"Who says so: {len(record.attributions)} claim(s) from {len(groups)} source(s)",
        style="bold underline")]
    for group in groups:
        parts.append(Padding(_source_line(group), (0, 0, 0, 1)))
        parts += [Padding(_claim_line(c), (0, 0, 0, 3)) for c in group.claims]
    return parts


def _actor(actor: Actor | None) -> str:
    return "" if actor is None else (actor.canonical or actor.text)


def event_kind(event: Event) -> str:
    """What an event is called on screen: its PLOVER type, or "event" when PLOVER has no
    category for it (an earthquake, a merger)."""
    return event.type or "event"


def factuality_note(event: Event) -> str:
    """What sets an event apart from a plain fact, "negative · possible · future", or ""."""
    marks = [event.polarity if event.polarity != "positive" else "",
             event.certainty if event.certainty != "certain" else "",
             event.tense if event.tense == "future" else ""]
    return " · ".join(m for m in marks if m)


def event_line(record: Record, event: Event) -> str:
    """``AID: United States → Gaza · Gaza · 2024-03-02 ("aid")``: who did what to whom, where, when."""
    who = _actor(event.actor)
    if event.target is not None:
        who = f"{who or '?'} → {_actor(event.target)}"
    kind = event_kind(event)
    parts = [f"{kind}: {who}" if who else kind]
    if event.place is not None and event.place < len(record.places):
        parts.append(record.places[event.place].name)
    if event.time is not None and event.time < len(record.times):
        when = record.times[event.time]
        parts.append(when.value or when.text)
    note = factuality_note(event)
    if note:
        parts.append(f"[{note}]")
    return " · ".join(parts) + f' ("{event.trigger.text}")'


def events_section(record: Record) -> list[RenderableType]:
    if not record.events:
        return []
    lines = Counter(event_line(record, e) for e in record.events)
    parts: list[RenderableType] = [Text(f"Events: {len(record.events)}", style="bold underline")]
    for line, n in lines.items():
        parts.append(Padding(Text(line + (f" ×{n}" if n > 1 else "")), (0, 0, 0, 1)))
    return parts


def place_counts(record: Record) -> list[tuple[str, str | None, int]]:
    """(name, country, mentions) once per place, most mentioned first, then in text order."""
    counts: Counter[tuple[str, str | None]] = Counter((p.name, p.country) for p in record.places)
    return [(name, country, n) for (name, country), n in counts.most_common()]


def places_section(record: Record) -> list[RenderableType]:
    places = place_counts(record)
    if not places:
        return []
    text = Text()
    for i, (name, country, n) in enumerate(places):
        if i:
            text.append(" · ")
        text.append(name)
        if country:
            text.append(f" ({country})", style="dim")
        if n > 1:
            text.append(f" ×{n}")
    return [Text(f"Places: {len(places)}", style="bold underline"), Padding(text, (0, 0, 0, 1))]


def header(record: Record) -> Text:
    """Title (else the input's name), then outlet, date, address, length and id on one line."""
    text = Text(record.title or record.source, style="bold")
    meta = [x for x in (record.outlet, record.published, record.url) if x]
    meta += [f"{len(record.text.split()):,} words", f"id {record.id}"]
    text.append("\n" + " · ".join(meta), style="dim")
    return text


def render_summary(record: Record) -> RenderableType:
    """One panel per article: header, claims by source, events, places, and what --full adds."""
    parts: list[RenderableType] = [header(record)]
    for section in (claims_section, events_section, places_section):
        lines = section(record)
        if lines:
            parts += [Text(""), *lines]
    rest = [f"{len(items)} {name}" for name, items in (
        ("numbers", record.quantities), ("dates and times", record.times),
        ("entities", record.entities)) if items]
    if rest:
        parts += [Text(""), Text(", ".join(rest) + ": see --full", style="dim")]
    return Panel(Group(*parts), expand=True)
