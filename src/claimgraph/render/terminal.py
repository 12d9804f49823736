"""The full terminal view of a record: every table (``claimgraph analyze --full``, ``show --full``).

Each section is a small function from a record to a Rich renderable, so a section for a new
extraction is one more function in ``SECTIONS``; empty sections are left out. Nothing is shown
twice: a place is one row however often the article names it, and the entities table leaves out
the dates and numbers the tables above already list. Cells wrap at words; nothing is cut (the
compact view, :mod:`claimgraph.render.summary`, is the one that shortens).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from claimgraph.record import Record
from claimgraph.render.summary import event_kind, factuality_note, header

#: entity labels the numbers and dates tables already show
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _table(title: str, columns: tuple[str, ...], **options: Any) -> Table:
    """A titled table whose cells wrap at words (a word wider than its column folds)."""
    table = Table(title=title, title_justify="left", **options)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _text(text: str) -> str:
    return " ".join(text.split())


def entities_table(record: Record) -> Table | None:
    entities = [e for e in record.entities if e.label not in NUMERIC_LABELS]
    if not entities:
        return None
    table = _table("Entities", ("text", "label", "canonical", "country"))
    seen: set[tuple[str, str]] = set()
    for e in entities:
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
    table = _table("Attributions: who says so", ("source", "via", "cue", "content", "flags"),
                   show_lines=True)
    for row in rows:
        source = row["source"] or "—"
        if row["mention"] and row["source"] != row["mention"]:
            source = f"{row['mention']} → {row['source']}"
        flags = [f"{row['type']}, {row['kind']}" if row["kind"] else row["type"]]
        if row["affiliation"]:
            flags.append(f"for {row['affiliation']}")
        if row["anonymous"]:
            flags.append("anonymous" + (f" ({row['descriptor']})" if row["descriptor"] else ""))
        if row["hedged"]:
            flags.append("hedged: " + ", ".join(row["hedges"]))
        table.add_row(source, " → ".join(row["via"]), row["cue"] or "", _text(row["content"]),
                      "\n".join(flags))
    return table


def quantities_table(record: Record) -> Table | None:
    if not record.quantities:
        return None
    table = _table("Numbers", ("text", "value", "low", "high", "unit", "claimed by"))
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
    table = _table("Dates and times", ("text", "type", "value"))
    for t in record.times:
        table.add_row(t.text, t.type, t.value or "(unanchored)")
    return table


def places_table(record: Record) -> Table | None:
    """One row per place, with how often and as what words the article names it."""
    if not record.places:
        return None
    table = _table("Places", ("name", "kind", "country", "admin1", "lat, lon", "mentions"))
    rows: dict[tuple[Any, ...], list[str]] = {}
    for p in record.places:
        where = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else ""
        rows.setdefault((p.name, p.kind, p.country or "", p.admin1 or "", where), []).append(p.text)
    for key, texts in rows.items():
        written = ", ".join(dict.fromkeys(texts))
        table.add_row(*key, f"{written} ×{len(texts)}" if len(texts) > 1 else written)
    return table


def events_table(record: Record) -> Table | None:
    if not record.events:
        return None
    table = _table("Events", ("type", "trigger", "actor", "target", "where", "when", "factuality"))

    def actor(a):  # type: ignore[no-untyped-def]
        return "" if a is None else f"{a.text} [{a.country or '?'} {a.sector or '?'}]"

    for e in record.events:
        place = record.places[e.place].name if e.place is not None else ""
        when = record.times[e.time] if e.time is not None else None
        table.add_row(event_kind(e), e.trigger.text, actor(e.actor), actor(e.target), place,
                      (when.value or when.text) if when else "", factuality_note(e))
    return table


SECTIONS: list[Callable[[Record], Table | None]] = [
    attributions_table, quantities_table, events_table, times_table, places_table, entities_table,
]


def render_record(record: Record) -> RenderableType:
    """One panel per article: a header, then every non-empty section."""
    parts: list[RenderableType] = [header(record)]
    parts += [t for t in (section(record) for section in SECTIONS) if t is not None]
    return Panel(Group(*parts), expand=True)
