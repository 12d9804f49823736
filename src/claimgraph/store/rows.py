"""Flatten a ``Record`` into the normalised tables' rows, and rebuild it from them.

Pure functions, no database: ``record_rows(record)`` gives ``{table: [row tuple, ...]}`` in the
column order of ``COLUMNS``; ``record_from_rows(document, tables)`` inverts it exactly
(``record_from_rows(*read(record_rows(r))) == r``), which the hypothesis round trip checks
against both backends.

Quantities are JSON numbers of any size: an int keeps every digit (a tweet id above 2**53), a
float every bit (-0.0, 5e-324, 1e308). A DOUBLE column can do neither for big ints (DuckDB
refuses them, PostgreSQL rounds them), so the record is rebuilt from the exact number's text
(``value_text``, ``low_text``, ``high_text``); ``value``/``low``/``high`` keep the nearest
double for SQL that sorts or compares amounts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import fields, is_dataclass
from typing import Any

from claimgraph.record import (
    Actor,
    Attribution,
    Entity,
    Event,
    Place,
    Quantity,
    Record,
    Source,
    Span,
    Time,
    publication_day,
)
from claimgraph.resolve.sources import source_id, source_key

Row = tuple[Any, ...]

_SPAN = ("start_char", "end_char", "text")

#: The child tables counted per document (``list_documents``' ``counts``), kept in
#: ``document_counts`` so a page of documents is not counted from the whole corpus.
DOCUMENT_COUNTED = ("attributions", "events", "quantities", "times", "places")

# Insert column order per table (the schema in ``schema.py``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "id", "source", "published", "title", "outlet", "url", "text", "ingested_at",
        "published_guessed",
    ),
    "entities": (
        "document_id", "idx", *_SPAN, "label", "canonical", "country", "metonym",
    ),
    "sources": ("id", "name", "canonical", "kind", "anonymous"),
    "attributions": (
        "document_id", "idx", "id", "type", "source_id", "cue_start", "cue_end", "cue_text",
        "content_start", "content_end", "content_text",
    ),
    "attribution_sources": (
        "document_id", "attribution_idx", "role", "position", "source_id", *_SPAN, "descriptor",
        "affiliation",
    ),
    "hedges": ("document_id", "attribution_idx", "position", *_SPAN),
    "quantities": (
        "document_id", "idx", *_SPAN, "value", "low", "high", "unit", "attribution",
        "value_text", "low_text", "high_text",
    ),
    "times": ("document_id", "idx", *_SPAN, "type", "value"),
    "places": (
        "document_id", "idx", *_SPAN, "name", "kind", "country", "admin1", "geonames_id",
        "lat", "lon",
    ),
    "events": (
        "document_id", "idx", "id", "type", "trigger_start", "trigger_end", "trigger_text",
        "place_idx", "time_idx", "attribution", "date", "polarity", "certainty", "tense",
        "fatalities",
    ),
    "event_actors": ("document_id", "event_idx", "role", *_SPAN, "canonical", "country", "sector"),
    # An event's other mentions and the quantities that count it, in the record's order.
    "event_mentions": ("document_id", "event_idx", "position", *_SPAN),
    "event_quantities": ("document_id", "event_idx", "position", "quantity_idx"),
    # How many rows of each counted table the document has (``store/counts.py``).
    "document_counts": ("document_id", *DOCUMENT_COUNTED),
    # Per claim, what the claims list filters and sorts by, in one row (``CLAIM_INDEX``).
    "claim_index": ("document_id", "idx", "type", "published", "outlet", "source_id", "kind",
                    "anonymous"),
}

# How each child table is read back in record order.
ORDER_BY: dict[str, str] = {
    "entities": "idx",
    "attributions": "idx",
    "attribution_sources": "attribution_idx, role, position",
    "hedges": "attribution_idx, position",
    "quantities": "idx",
    "times": "idx",
    "places": "idx",
    "events": "idx",
    "event_actors": "event_idx, role",
    "event_mentions": "event_idx, position",
    "event_quantities": "event_idx, position",
}


_DAY = re.compile(r"[12]\d{3}-\d\d-\d\d")


def event_date(record: Record, time_index: int | None) -> str | None:
    """The day an event happened: its time expression's value when that names a real day
    (``2024-08-06``, ``2024-08-06T10:00``), else the publication date."""
    if time_index is not None and 0 <= time_index < len(record.times):
        value = record.times[time_index].value or ""
        if _DAY.match(value):
            try:
                return publication_day(value[:10])
            except ValueError:  # "2024-02-30": not a day, so not the event's date
                pass
    return record.published


def _span(s: Span) -> Row:
    return (s.start, s.end, s.text)


_INT_TEXT = re.compile(r"-?\d+")


def number_text(number: float | int | None) -> str | None:
    """The exact text of a JSON number: every digit of an int; for a float ``repr``, the
    shortest text that reads back to the same bits (``-0.0``, ``5e-324``, ``1e+308``), and
    which always shows it is a float (a ``.``, ``e``) so ``3.0`` does not come back as ``3``."""
    if number is None:
        return None
    return repr(number) if isinstance(number, float) else str(int(number))


def number_from_text(text: str | None) -> float | int | None:
    """Invert ``number_text``: digits are an int, anything else a float."""
    if text is None:
        return None
    return int(text) if _INT_TEXT.fullmatch(text) else float(text)


def nearest_double(number: float | int | None) -> float | None:
    """The DOUBLE column's value: the nearest double (None beyond a double's range)."""
    if number is None:
        return None
    try:
        return float(number)
    except OverflowError:
        return None


def _numbers(q: Quantity) -> Row:
    """value, low, high as doubles (for SQL), then as exact text (for the record)."""
    numbers = (q.value, q.low, q.high)
    return (*map(nearest_double, numbers), q.unit, q.attribution, *map(number_text, numbers))


def _nul_field(obj: Any, where: str) -> str | None:
    """Where in ``obj`` (a record, its parts, lists of them) a string holds a NUL, if anywhere."""
    if isinstance(obj, str):
        return where if "\x00" in obj else None
    if isinstance(obj, list):
        return next((w for i, x in enumerate(obj) if (w := _nul_field(x, f"{where}[{i}]"))), None)
    if is_dataclass(obj):
        return next(
            (w for f in fields(obj) if (w := _nul_field(getattr(obj, f.name), f"{where}.{f.name}"))),
            None,
        )
    return None


def unstorable(record: Record) -> tuple[str, str] | None:
    """Why no backend can store ``record`` exactly, as (code, reason), or None.

    PostgreSQL text cannot hold NUL (DuckDB's can): both refuse it (E201), so the two stores
    never disagree about a record. A ``published`` set after the record was built is checked
    again (E112): the store holds calendar days only, which the timeline relies on.
    """
    try:
        day = publication_day(record.published)
    except ValueError as exc:
        return "E112", str(exc)
    if day != record.published:
        return "E112", f"published must be YYYY-MM-DD, got {record.published!r}"
    where = _nul_field(record, "record")
    if where is not None:
        where = where.removeprefix("record.")
        return "E201", f"could not store: {where} contains a NUL character, which cannot be stored"
    return None


def record_rows(record: Record, ingested_at: Any) -> dict[str, list[Row]]:
    """Every row one record adds, by table (``sources`` rows may already exist: upsert them)."""
    doc = record.id
    out: dict[str, list[Row]] = defaultdict(list)
    out["documents"].append(
        (doc, record.source, record.published, record.title, record.outlet, record.url,
         record.text, ingested_at, bool(record.published_guessed))
    )
    for i, e in enumerate(record.entities):
        out["entities"].append(
            (doc, i, *_span(e), e.label, e.canonical, e.country, bool(e.metonym))
        )
    sources: dict[str, Row] = {}

    def mention(a_idx: int, role: str, pos: int, s: Source) -> str:
        sid = source_id(s)
        name, canonical, kind, anonymous = source_key(s)
        sources.setdefault(sid, (sid, name, canonical, kind, anonymous))
        out["attribution_sources"].append(
            (doc, a_idx, role, pos, sid, *_span(s), s.descriptor, s.affiliation))
        return sid

    for i, a in enumerate(record.attributions):
        sid = mention(i, "source", 0, a.source) if a.source is not None else None
        for pos, v in enumerate(a.via):
            mention(i, "via", pos, v)
        for pos, h in enumerate(a.hedges):
            out["hedges"].append((doc, i, pos, *_span(h)))
        cue = _span(a.cue) if a.cue is not None else (None, None, None)
        out["attributions"].append((doc, i, a.id, a.type, sid, *cue, *_span(a.content)))
        kind, anonymous = (sources[sid][3], sources[sid][4]) if sid is not None else (None, None)
        out["claim_index"].append(
            (doc, i, a.type, record.published, record.outlet, sid, kind, anonymous))
    out["sources"] = list(sources.values())
    for i, q in enumerate(record.quantities):
        out["quantities"].append(
            (doc, i, *_span(q), *_numbers(q))
        )
    for i, t in enumerate(record.times):
        out["times"].append((doc, i, *_span(t), t.type, t.value))
    for i, p in enumerate(record.places):
        out["places"].append(
            (doc, i, *_span(p), p.name, p.kind, p.country, p.admin1, p.geonames_id, p.lat, p.lon)
        )
    for i, ev in enumerate(record.events):
        out["events"].append(
            (doc, i, ev.id, ev.type, *_span(ev.trigger), ev.place, ev.time, ev.attribution,
             event_date(record, ev.time), ev.polarity, ev.certainty, ev.tense, ev.fatalities)
        )
        for role, actor in (("actor", ev.actor), ("target", ev.target)):
            if actor is not None:
                out["event_actors"].append(
                    (doc, i, role, *_span(actor), actor.canonical, actor.country, actor.sector)
                )
        for pos, m in enumerate(ev.mentions):
            out["event_mentions"].append((doc, i, pos, *_span(m)))
        for pos, q_idx in enumerate(ev.quantities):
            out["event_quantities"].append((doc, i, pos, q_idx))
    out["document_counts"].append((doc, *(len(out[t]) for t in DOCUMENT_COUNTED)))
    return out


def _mk_span(row: dict[str, Any]) -> dict[str, Any]:
    return {"start": row["start_char"], "end": row["end_char"], "text": row["text"]}


def record_from_rows(
    document: dict[str, Any],
    tables: dict[str, list[dict[str, Any]]],
    sources: dict[str, dict[str, Any]],
) -> Record:
    """Rebuild the contract record from its rows (each table's rows in ``ORDER_BY`` order).

    ``sources`` maps source ids to their ``sources`` row (canonical, kind, anonymous).
    """
    mentions: dict[int, dict[str, list[Source]]] = defaultdict(lambda: {"source": [], "via": []})
    for m in tables.get("attribution_sources", []):
        s = sources[m["source_id"]]
        mentions[m["attribution_idx"]][m["role"]].append(
            Source(m["start_char"], m["end_char"], m["text"], canonical=s["canonical"],
                   kind=s["kind"], anonymous=bool(s["anonymous"]), descriptor=m["descriptor"],
                   affiliation=m["affiliation"])
        )
    hedges: dict[int, list[Span]] = defaultdict(list)
    for h in tables.get("hedges", []):
        hedges[h["attribution_idx"]].append(Span(**_mk_span(h)))
    actors: dict[int, dict[str, Actor]] = defaultdict(dict)
    for a in tables.get("event_actors", []):
        actors[a["event_idx"]][a["role"]] = Actor(
            **_mk_span(a), canonical=a["canonical"], country=a["country"], sector=a["sector"]
        )
    event_mentions: dict[int, list[Span]] = defaultdict(list)
    for m in tables.get("event_mentions", []):
        event_mentions[m["event_idx"]].append(Span(**_mk_span(m)))
    event_quantities: dict[int, list[int]] = defaultdict(list)
    for q in tables.get("event_quantities", []):
        event_quantities[q["event_idx"]].append(q["quantity_idx"])
    attributions = []
    for a in tables.get("attributions", []):
        i = a["idx"]
        cue = (
            Span(a["cue_start"], a["cue_end"], a["cue_text"]) if a["cue_start"] is not None
            else None
        )
        found = mentions[i]["source"]
        attributions.append(
            Attribution(
                id=a["id"], type=a["type"], source=found[0] if found else None, cue=cue,
                content=Span(a["content_start"], a["content_end"], a["content_text"]),
                via=mentions[i]["via"], hedges=hedges[i],
            )
        )
    return Record(
        id=document["id"],
        source=document["source"],
        published=document["published"],
        text=document["text"],
        title=document["title"],
        outlet=document["outlet"],
        url=document["url"],
        published_guessed=bool(document.get("published_guessed")),
        entities=[
            Entity(**_mk_span(e), label=e["label"], canonical=e["canonical"],
                   country=e["country"], metonym=bool(e["metonym"]))
            for e in tables.get("entities", [])
        ],
        attributions=attributions,
        quantities=[
            Quantity(
                **_mk_span(q),
                value=number_from_text(q["value_text"]),
                low=number_from_text(q["low_text"]),
                high=number_from_text(q["high_text"]),
                unit=q["unit"], attribution=q["attribution"],
            )
            for q in tables.get("quantities", [])
        ],
        times=[
            Time(**_mk_span(t), type=t["type"], value=t["value"]) for t in tables.get("times", [])
        ],
        places=[
            Place(
                **_mk_span(p), name=p["name"], kind=p["kind"], country=p["country"],
                admin1=p["admin1"], geonames_id=p["geonames_id"],
                lat=None if p["lat"] is None else float(p["lat"]),
                lon=None if p["lon"] is None else float(p["lon"]),
            )
            for p in tables.get("places", [])
        ],
        events=[
            Event(
                id=e["id"], type=e["type"],
                trigger=Span(e["trigger_start"], e["trigger_end"], e["trigger_text"]),
                actor=actors[e["idx"]].get("actor"), target=actors[e["idx"]].get("target"),
                place=e["place_idx"], time=e["time_idx"], attribution=e["attribution"],
                polarity=e["polarity"], certainty=e["certainty"], tense=e["tense"],
                mentions=event_mentions[e["idx"]], quantities=event_quantities[e["idx"]],
                fatalities=None if e["fatalities"] is None else int(e["fatalities"]),
            )
            for e in tables.get("events", [])
        ],
    )
