"""Places with counts, for a map."""

from __future__ import annotations

from typing import Any

from claimgraph.query import filters as spec
from claimgraph.query.filters import Where, page, paging
from claimgraph.store.base import Store

_KEY = "p.name, p.country, p.admin1, p.geonames_id, p.lat, p.lon"


def _located(w: Where, located: bool) -> None:
    w.add("p.lat IS NOT NULL AND p.lon IS NOT NULL" if located
          else "(p.lat IS NULL OR p.lon IS NULL)")


#: filters on what a place is (its key), which the kept counts can answer
_ON_THE_PLACE = {"country", "located"}

PLACE_FILTERS = spec.FilterSet("places", (
    spec.text("country", "ISO 3166-1 alpha-2 country code.", spec.equals("p.country = upper(?)"),
              pattern=r"^[A-Za-z]{2}$"),
    spec.text("kind", "place, demonym or metonym.", spec.equals("p.kind = ?"),
              choices=("place", "demonym", "metonym")),
    spec.outlet("d.outlet"),
    spec.since("d.published"),
    spec.until("d.published"),
    spec.flag("located", "With (or without) coordinates.", _located, negative="unlocated"),
    spec.text("q", "Words in the name or the text as written.", spec.words("p.name", "p.text")),
))


def list_places(
    store: Store, *, limit: int | None = 100, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """Distinct places (name, country, admin1, geonames_id, lat, lon), most mentioned first,
    as ``{items, total, limit, offset}``; each with ``mentions``, ``documents`` and ``events``
    (events located there).

    Filters: ``country`` (ISO alpha-2), ``kind`` (place, demonym, metonym), ``outlet``,
    ``since``/``until`` (publication dates), ``located`` (True: only places with coordinates),
    ``q`` (words in the name or the text as written).

    Filtered by nothing but ``country`` and ``located`` (what the place itself is), the counts
    come from ``place_counts``, kept by the write path; grouping every mention per request
    took 16 s at 100,000 documents. Other filters group the matching mentions.
    """
    values = PLACE_FILTERS.values(filters)
    w = PLACE_FILTERS.where(values)
    if not {name for name, value in values.items() if value is not None} - _ON_THE_PLACE:
        # nothing asked of the mentions or their documents: the counts kept at write time
        grouped = (f"SELECT {_KEY}, p.mentions, p.documents, p.events FROM place_counts p"
                   f"{w.sql()}{' AND' if w.clauses else ' WHERE'} p.documents > 0")
    else:
        grouped = (
            f"SELECT {_KEY},"
            " count(DISTINCT p.document_id || ':' || CAST(p.idx AS TEXT)) AS mentions,"
            " count(DISTINCT p.document_id) AS documents, count(e.idx) AS events"
            " FROM places p JOIN documents d ON d.id = p.document_id"
            " LEFT JOIN events e ON e.document_id = p.document_id AND e.place_idx = p.idx"
            f"{w.sql()} GROUP BY {_KEY}"
        )
    total = store.query(f"SELECT count(*) AS n FROM ({grouped}) g", w.params)[0]["n"]
    tail, tail_params = paging(limit, offset)
    rows = store.query(
        f"{grouped} ORDER BY mentions DESC, p.name, p.country{tail}", [*w.params, *tail_params]
    )
    items = [
        {
            "name": r["name"], "country": r["country"], "admin1": r["admin1"],
            "geonames_id": r["geonames_id"],
            "lat": None if r["lat"] is None else float(r["lat"]),
            "lon": None if r["lon"] is None else float(r["lon"]),
            "mentions": int(r["mentions"]), "documents": int(r["documents"]),
            "events": int(r["events"] or 0),
        }
        for r in rows
    ]
    return page(items, int(total), limit, offset)
