"""A readable terminal view of a record (``claimgraph analyze`` without ``--json``).

Each section is a small function from a record to a Rich renderable, so a section for a new
extraction is one more function in ``SECTIONS``; empty sections are left out.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimgraph.record import Record


def _clip(text: str, size: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def entities_table(record: Record) -> Table | None:
    if not record.entities:
        return None
    table = Table(title="Entities", title_justify="left", expand=False)
    for col in ("text", "label", "canonical", "country"):
        table.add_column(col)
    seen: set[tuple[str, str]] = set()
    for e in record.entities:
        key = (e.text, e.label)
        if key in seen:
            continue
        seen.add(key)
        canonical = (e.canonical or "") + (" (metonym)" if e.metonym else "")
        table.add_row(e.text, e.label, canonical, e.country or "")
    return table


def attributions_table(record: Record) -> Table | None:
    from claimgraph.extract.attribution import attribution_rows

    rows = attribution_rows(record)
    if not rows:
        return None
    table = Table(title="Attributions: who says so", title_justify="left", show_lines=True)
    for col in ("source", "via", "cue", "content", "flags"):
        table.add_column(col, overflow="fold")
    for row in rows:
        source = row["source"] or "—"
        if row["mention"] and row["source"] != row["mention"]:
            source = f"{row['mention']} → {row['source']}"
        flags = [f"{row['type']}, {row['kind']}" if row["kind"] else row["type"]]
        if row["anonymous"]:
            flags.append("anonymous" + (f" ({row['descriptor']})" if row["descriptor"] else ""))
        if row["hedged"]:
            flags.append("hedged: " + ", ".join(row["hedges"]))
        table.add_row(source, " → ".join(row["via"]), row["cue"] or "", _clip(row["content"], 140),
                      "\n".join(flags))
    return table


def quantities_table(record: Record) -> Table | None:
    if not record.quantities:
        return None
    table = Table(title="Numbers", title_justify="left")
    for col in ("text", "value", "low", "high", "unit", "claimed by"):
        table.add_column(col)
    by_id = {a.id: a for a in record.attributions}
    for q in record.quantities:
        claim = by_id.get(q.attribution or "")
        claimant = (claim.source.canonical or claim.source.text) if claim and claim.source else ""
        table.add_row(q.text, *(str(v) if v is not None else "" for v in (q.value, q.low, q.high)),
                      q.unit or "", claimant)
    return table


def times_table(record: Record) -> Table | None:
    if not record.times:
        return None
    table = Table(title="Dates and times", title_justify="left")
    for col in ("text", "type", "value"):
        table.add_column(col)
    for t in record.times:
        table.add_row(t.text, t.type, t.value or "(unanchored)")
    return table


def places_table(record: Record) -> Table | None:
    if not record.places:
        return None
    table = Table(title="Places", title_justify="left")
    for col in ("text", "name", "kind", "country", "admin1", "lat, lon"):
        table.add_column(col)
    for p in record.places:
        where = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else ""
        table.add_row(p.text, p.name, p.kind, p.country or "", p.admin1 or "", where)
    return table


def events_table(record: Record) -> Table | None:
    if not record.events:
        return None
    table = Table(title="Events", title_justify="left")
    for col in ("type", "trigger", "actor", "target", "where", "when"):
        table.add_column(col)

    def actor(a):  # type: ignore[no-untyped-def]
        return "" if a is None else f"{a.text} [{a.country or '?'} {a.sector or '?'}]"

    for e in record.events:
        place = record.places[e.place].name if e.place is not None else ""
        when = record.times[e.time] if e.time is not None else None
        table.add_row(e.type, e.trigger.text, actor(e.actor), actor(e.target), place,
                      (when.value or when.text) if when else "")
    return table


SECTIONS: list[Callable[[Record], Table | None]] = [
    attributions_table, quantities_table, events_table, times_table, places_table, entities_table,
]


def render_record(record: Record) -> RenderableType:
    """One panel per article: a header, then every non-empty section."""
    header = Text()
    header.append(record.title or record.source, style="bold")
    meta = " · ".join(x for x in (record.outlet, record.published, record.url) if x)
    if meta:
        header.append(f"\n{meta}", style="dim")
    header.append(f"\n{len(record.text.split()):,} words · id {record.id}", style="dim")
    parts: list[RenderableType] = [header]
    parts += [t for t in (section(record) for section in SECTIONS) if t is not None]
    return Panel(Group(*parts), expand=True)
