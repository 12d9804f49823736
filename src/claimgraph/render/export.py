"""Writing query results: a rich table, JSON Lines, CSV, Parquet; events as ACLED/GDELT rows.

Items are the JSON-ready dicts the query functions return. JSON Lines keeps them nested; the
flat formats (table, CSV, Parquet) flatten nested objects into dotted columns
(``source.canonical``) and write lists as JSON text, so every row has the same columns.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from claimgraph.errors import ClaimgraphError

FORMATS = ("table", "jsonl", "csv", "parquet")

#: The event export columns, as ACLED / GDELT event tables name them.
EVENT_COLUMNS = (
    "event_id", "date", "actor1", "actor1_country", "actor2", "actor2_country", "event_type",
    "place", "country", "lat", "lon", "source", "claimed_by", "polarity", "certainty", "tense",
    "fatalities",
)


def flatten(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"source": {"kind": "person"}}`` -> ``{"source.kind": "person"}``; lists as JSON."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list | tuple):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def _flat_rows(items: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    rows = [flatten(i) for i in items]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return rows, list(columns)


def _actor_name(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("canonical") or actor.get("text")


def event_rows(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """``list_events`` items as ACLED/GDELT-like rows with ``EVENT_COLUMNS``.

    actor1/actor2 are the actor and target (canonical name, else as written; countries ISO
    alpha-3), place/country/lat/lon the event's place, source the outlet (else URL, else the
    input), claimed_by the canonical name of the source of the attribution reporting it;
    polarity/certainty/tense say whether it happened (the list leaves out what did not unless
    asked with ``factual=False``); fatalities the dead the numbers tied to it count (the lowest
    figure reported, as ACLED records it), empty when none is.
    """
    rows = []
    for e in events:
        place = e.get("place_detail") or {}
        doc = e.get("document") or {}
        rows.append({
            "event_id": e["id"],
            "date": e.get("date"),
            "actor1": _actor_name(e.get("actor")),
            "actor1_country": (e.get("actor") or {}).get("country"),
            "actor2": _actor_name(e.get("target")),
            "actor2_country": (e.get("target") or {}).get("country"),
            "event_type": e["type"],
            "place": place.get("name"),
            "country": place.get("country"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "source": doc.get("outlet") or doc.get("url") or doc.get("source"),
            "claimed_by": e.get("claimed_by"),
            "polarity": e.get("polarity"),
            "certainty": e.get("certainty"),
            "tense": e.get("tense"),
            "fatalities": e.get("fatalities"),
        })
    return rows


def write_jsonl(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One JSON object per line; returns the number written."""
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(
    items: Iterable[dict[str, Any]], out: TextIO, columns: Sequence[str] | None = None
) -> int:
    """Flattened rows as CSV with a header; returns the number of rows."""
    rows, found = _flat_rows(items)
    writer = csv.DictWriter(out, fieldnames=list(columns or found), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def write_parquet(
    items: Iterable[dict[str, Any]], path: str | Path, columns: Sequence[str] | None = None
) -> int:
    """Flattened rows as a Parquet file (column types inferred by pyarrow)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows, found = _flat_rows(items)
    names = list(columns or found)
    table = pa.table({c: [r.get(c) for r in rows] for c in names}) if names else pa.table({})
    pq.write_table(table, str(path))
    return len(rows)


def render_table(
    items: Iterable[dict[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    out: TextIO | None = None,
    width: int = 60,
) -> int:
    """A rich table of flattened rows (long cells shortened at a word to about ``width``)."""
    from rich.console import Console
    from rich.table import Table

    from claimgraph.render.summary import shorten

    rows, found = _flat_rows(items)
    table = Table(title=title, show_lines=False)
    names = list(columns or found)
    for name in names:
        table.add_column(name, overflow="fold")
    for row in rows:
        cells = []
        for name in names:
            value = row.get(name)
            text = "" if value is None else str(value)
            cells.append(text if len(text) <= width else shorten(text, width))
        table.add_row(*cells)
    target = out or sys.stdout
    # A terminal sets the width; redirected output gets room instead of 80 folded columns.
    interactive = hasattr(target, "isatty") and target.isatty()
    Console(file=target, width=None if interactive else 200).print(table)
    return len(rows)


def write(
    items: list[dict[str, Any]],
    fmt: str,
    output: str | Path | None = None,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> int:
    """Write ``items`` in ``fmt`` to ``output`` (a path; stdout when None, except Parquet)."""
    if fmt not in FORMATS:
        raise ClaimgraphError("E002", f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "parquet":
        if output is None:
            raise ClaimgraphError("E002", "--format parquet needs --output FILE")
        return write_parquet(items, output, columns)
    if output is None:
        return _write_text(items, fmt, sys.stdout, columns, title)
    with open(output, "w", encoding="utf-8", newline="") as fh:
        return _write_text(items, fmt, fh, columns, title)


def _write_text(
    items: list[dict[str, Any]],
    fmt: str,
    out: TextIO,
    columns: Sequence[str] | None,
    title: str | None,
) -> int:
    if fmt == "jsonl":
        return write_jsonl(items, out)
    if fmt == "csv":
        return write_csv(items, out, columns)
    return render_table(items, columns=columns, title=title, out=out)
