"""What the API and the UI read from: one small interface, two implementations.

Route handlers call a ``Backend`` and nothing else, so they stay thin and the same handlers
serve a database (through ``claimgraph.query``, see ``serve/query_backend.py``) or a JSON Lines
file of records held in memory (``RecordsBackend``: ``claimgraph serve --db out.jsonl`` after
``claimgraph analyze --json``, and the fixture database of the tests).

Every method returns JSON-ready dicts; list methods return a ``Page`` (the items and the total
count before pagination) so the envelope can tell the client where the next page starts.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from claimgraph.errors import ClaimgraphError
from claimgraph.ids import text_hash
from claimgraph.record import Attribution, Record, Source


@dataclass(slots=True)
class Page:
    items: list[dict[str, Any]]
    total: int


@dataclass(slots=True)
class AttributionFilter:
    """Filters of ``/api/attributions`` and the claims explorer; ``None`` means any."""

    source: str | None = None  # a source id
    document: str | None = None
    type: str | None = None
    anonymous: bool | None = None
    hedged: bool | None = None
    q: str | None = None  # words in the content, cue or source (case-insensitive)


@dataclass(slots=True)
class EventFilter:
    type: str | None = None
    document: str | None = None
    since: str | None = None  # 'YYYY-MM-DD', inclusive, on the event's date
    until: str | None = None


class Backend(Protocol):
    """The read (and one write) operations the API and UI need."""

    def documents(self, *, limit: int, offset: int) -> Page: ...
    def document(self, doc_id: str) -> dict[str, Any] | None: ...
    def attributions(self, flt: AttributionFilter, *, limit: int, offset: int) -> Page: ...
    def sources(self, *, q: str | None, limit: int, offset: int) -> Page: ...
    def source(self, source_id: str) -> dict[str, Any] | None: ...
    def events(self, flt: EventFilter, *, limit: int, offset: int) -> Page: ...
    def places(self, *, limit: int, offset: int) -> Page: ...
    def add(self, record: Record) -> str: ...


def source_name(source: Source) -> str:
    """How a source is shown and grouped: its canonical name, else its words as written."""
    return (source.canonical or source.text).strip()


def source_id(source: Source) -> str:
    """A stable id for a source across documents: the hash of its lower-cased name."""
    return "src-" + text_hash(source_name(source).lower(), 12)


def event_date(record: Record, time_index: int | None) -> str | None:
    """The day an event happened: its time's TIMEX value when that is a day, else the
    publication date (a report is dated by its publication when the text gives no date)."""
    if time_index is not None and 0 <= time_index < len(record.times):
        value = record.times[time_index].value or ""
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return value[:10]
    return record.published


def document_summary(record: Record) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title,
        "outlet": record.outlet,
        "published": record.published,
        "url": record.url,
        "source": record.source,
        "snippet": record.text[:200],
        "counts": {
            "attributions": len(record.attributions),
            "events": len(record.events),
            "quantities": len(record.quantities),
            "times": len(record.times),
            "places": len(record.places),
        },
    }


def _page(items: list[dict[str, Any]], limit: int, offset: int) -> Page:
    return Page(items[offset : offset + limit], len(items))


@dataclass
class _SourceStats:
    name: str
    kind: str
    claims: list[tuple[Record, Attribution]] = field(default_factory=list)


class RecordsBackend:
    """Records held in memory, indexed once: for JSON Lines files and tests."""

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._records: dict[str, Record] = {}
        for record in records:
            self.add(record)

    @classmethod
    def from_jsonl(cls, path: Path) -> RecordsBackend:
        if not path.is_file():
            raise ClaimgraphError("E101", f"{path}: no such records file")
        records = []
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    records.append(Record.from_dict(json.loads(line)))
                except (ValueError, KeyError, TypeError) as exc:
                    raise ClaimgraphError(
                        "E107", f"{path}:{n}: not a claimgraph record ({type(exc).__name__}: {exc})"
                    ) from exc
        return cls(records)

    def add(self, record: Record) -> str:
        self._records[record.id] = record
        return record.id

    # --- documents -----------------------------------------------------------------------
    def _ordered(self) -> list[Record]:
        return sorted(self._records.values(), key=lambda r: (r.published or "", r.id), reverse=True)

    def documents(self, *, limit: int, offset: int) -> Page:
        return _page([document_summary(r) for r in self._ordered()], limit, offset)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        record = self._records.get(doc_id)
        return record.to_dict() if record else None

    # --- attributions and sources ----------------------------------------------------------
    def _claim(self, record: Record, attribution: Attribution) -> dict[str, Any]:
        item = attribution.to_dict()
        item["source_id"] = source_id(attribution.source) if attribution.source else None
        item["document"] = {"id": record.id, "title": record.title, "outlet": record.outlet,
                            "published": record.published}
        return item

    def _matches(self, flt: AttributionFilter, record: Record, a: Attribution) -> bool:
        if flt.document and record.id != flt.document:
            return False
        if flt.type and a.type != flt.type:
            return False
        if flt.source and (a.source is None or source_id(a.source) != flt.source):
            return False
        if flt.anonymous is not None and (a.source is not None and a.source.anonymous) != flt.anonymous:
            return False
        if flt.hedged is not None and bool(a.hedges) != flt.hedged:
            return False
        if flt.q:
            hay = " ".join(
                x for x in (a.content.text, a.cue.text if a.cue else "",
                            source_name(a.source) if a.source else "") if x
            ).lower()
            if flt.q.lower() not in hay:
                return False
        return True

    def attributions(self, flt: AttributionFilter, *, limit: int, offset: int) -> Page:
        items = [
            self._claim(r, a)
            for r in self._ordered()
            for a in r.attributions
            if self._matches(flt, r, a)
        ]
        return _page(items, limit, offset)

    def _source_stats(self) -> dict[str, _SourceStats]:
        stats: dict[str, _SourceStats] = {}
        for record in self._ordered():
            for a in record.attributions:
                if a.source is None:
                    continue
                sid = source_id(a.source)
                entry = stats.setdefault(sid, _SourceStats(source_name(a.source), a.source.kind))
                entry.claims.append((record, a))
        return stats

    @staticmethod
    def _source_summary(sid: str, st: _SourceStats) -> dict[str, Any]:
        outlets = Counter(r.outlet for r, _ in st.claims if r.outlet)
        anonymous = sum(1 for _, a in st.claims if a.source is not None and a.source.anonymous)
        return {
            "id": sid,
            "name": st.name,
            "kind": st.kind,
            "claims": len(st.claims),
            "documents": len({r.id for r, _ in st.claims}),
            "outlets": [{"name": k, "claims": v} for k, v in outlets.most_common()],
            "anonymous_share": anonymous / len(st.claims) if st.claims else 0.0,
        }

    def sources(self, *, q: str | None, limit: int, offset: int) -> Page:
        items = [
            self._source_summary(sid, st)
            for sid, st in self._source_stats().items()
            if not q or q.lower() in st.name.lower()
        ]
        items.sort(key=lambda s: (-s["claims"], s["name"].lower()))
        return _page(items, limit, offset)

    def source(self, source_id_: str) -> dict[str, Any] | None:
        st = self._source_stats().get(source_id_)
        if st is None:
            return None
        detail = self._source_summary(source_id_, st)
        detail["attributions"] = [self._claim(r, a) for r, a in st.claims]
        via: Counter[str] = Counter(
            " → ".join(source_name(v) for v in a.via) for _, a in st.claims if a.via
        )
        detail["via_chains"] = [{"chain": k, "claims": v} for k, v in via.most_common()]
        return detail

    # --- events and places -------------------------------------------------------------------
    def events(self, flt: EventFilter, *, limit: int, offset: int) -> Page:
        items = []
        for record in self._records.values():
            if flt.document and record.id != flt.document:
                continue
            for e in record.events:
                if flt.type and e.type != flt.type:
                    continue
                date = event_date(record, e.time)
                if flt.since and (date is None or date < flt.since):
                    continue
                if flt.until and (date is None or date > flt.until):
                    continue
                item = e.to_dict()
                item["date"] = date
                item["place_name"] = (
                    record.places[e.place].name
                    if e.place is not None and 0 <= e.place < len(record.places) else None
                )
                item["document"] = {"id": record.id, "title": record.title,
                                    "published": record.published}
                items.append(item)
        items.sort(key=lambda x: (x["date"] is None, x["date"] or "", x["id"]))
        return _page(items, limit, offset)

    def places(self, *, limit: int, offset: int) -> Page:
        mentions: Counter[tuple[Any, ...]] = Counter()
        docs: defaultdict[tuple[Any, ...], set[str]] = defaultdict(set)
        for record in self._records.values():
            for p in record.places:
                key = (p.name, p.country, p.admin1, p.geonames_id, p.lat, p.lon)
                mentions[key] += 1
                docs[key].add(record.id)
        items = [
            {"name": k[0], "country": k[1], "admin1": k[2], "geonames_id": k[3], "lat": k[4],
             "lon": k[5], "mentions": n, "documents": len(docs[k])}
            for k, n in mentions.items()
        ]
        items.sort(key=lambda x: (-x["mentions"], x["name"]))
        return _page(items, limit, offset)


def open_backend(db_url: str) -> Backend:
    """The backend for ``--db``: a ``.jsonl`` file of records, else a database via the store."""
    path = Path(db_url)
    if path.suffix in (".jsonl", ".json"):
        return RecordsBackend.from_jsonl(path)
    from claimgraph.serve.query_backend import QueryBackend

    return QueryBackend(db_url)
