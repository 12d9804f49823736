"""Events for a timeline: what happened, when, where, between whom, and who says so."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from claimgraph.query import filters as spec
from claimgraph.query.filters import page, paging
from claimgraph.query.pages import Window, slot_window
from claimgraph.store import event_list
from claimgraph.store.base import Store
from claimgraph.store.list_counts import BUCKET, CODED, FACTUAL

# Every list reads ``event_list`` (``store/event_list.py``): one row per event, with its
# document, time, place, actor, target and the source of the claim reporting it, written with
# the event. An event's date (``rows.event_date``): its time expression when that names a day,
# else the publication date.
_DATE = "e.date"

# A day's events by the slice of the day they are counted in (``list_counts.BUCKET``: the end
# of the document id) first, so a page placed inside a crowded day sorts its slices only.
_ORDER = f"e.date NULLS LAST, {BUCKET}, e.document_id, e.idx"

#: what a page reads of each row: the item and the source to name in it
_COLUMNS = "e.claimed_by_id, e.item"
#: what the rows of a page's slots are read with: the page's own columns, those the filters
#: that leave a page to the slots read (date, factuality, coding) and those it is sorted by
_SLOT_COLUMNS = "document_id, idx, date, type, polarity, certainty, tense, claimed_by_id, item"

# ``FACTUAL``: what an analyst counts by default (issue 13), events that happened by the text's
# account. "No one was killed", "may attack" and "will deploy" are kept in the store and shown
# with ``factual=False``. It and ``CODED`` are declared with the day counts that count by them.


def _factual(w: spec.Where, value: bool) -> None:
    if value:
        w.add(FACTUAL)


def _coded(w: spec.Where, value: bool) -> None:
    if value:
        w.add(CODED)


EVENT_FILTERS = spec.FilterSet("events", (
    spec.text("type", "PLOVER event type, e.g. ASSAULT.", spec.equals("e.type = upper(?)"),
              max_length=50),
    spec.since(_DATE, "event date"),
    spec.until(_DATE, "event date"),
    spec.text("country", "Country of the place (ISO alpha-2) or of the actor or target (alpha-3).",
              spec.equals("(e.place_country = upper(?) OR e.actor_country = upper(?)"
                          " OR e.target_country = upper(?))"),
              pattern=r"^[A-Za-z]{2,3}$"),
    spec.text("place", "Words in the place name.", spec.words("e.place_name", "e.place_text")),
    spec.text("actor", "Words in the actor or target.",
              spec.words("e.actor_text", "e.actor_canonical", "e.target_text",
                         "e.target_canonical")),
    spec.outlet("e.outlet"),
    spec.text("claimed_by", "A source id: events in its claims.", spec.equals("e.claimed_by_id = ?")),
    spec.text("document", "One document's events (its id).", spec.equals("e.document_id = ?")),
    spec.text("q", "Words in the trigger or the title.", spec.words("e.trigger_text", "e.title")),
    replace(spec.flag("factual", "Only events that happened by the text's account: positive,"
                      " certain or probable, not future (the default); --any-factuality shows"
                      " negated, possible and future ones too.", _factual,
                      negative="any-factuality"), default=True),
    # What speaks PLOVER (the timeline, the ACLED/GDELT-like export) counts coded events; an
    # earthquake or a merger is an event of the record with ``type`` null (issue 13).
    replace(spec.flag("coded", "Only PLOVER-coded events (the default); --any-type shows events"
                      " PLOVER has no category for (an earthquake, a merger) too.", _coded,
                      negative="any-type"), default=True),
))


def list_events(
    store: Store, *, limit: int | None = 50, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """Events in date order (undated last), as ``{items, total, limit, offset}``.

    Filters: ``type`` (PLOVER, e.g. ASSAULT), ``since``/``until`` (on the event's ``date``: its
    time expression when that names a day, else the publication date), ``country`` (ISO
    alpha-2 of the place, or alpha-3 of the actor or target), ``place`` (words in the place
    name), ``actor`` (words in the actor or target), ``outlet``, ``claimed_by`` (a source id),
    ``document``, ``q`` (words in the trigger or title), ``factual`` (default True: only
    positive, certain-or-probable, non-future events; False: every event), ``coded`` (default
    True: only events with a PLOVER type; False: uncoded ones, ``type`` null, too).

    Each item: the contract EVENT (``place``/``time``/``quantities`` stay indexes into the
    record) plus
    ``date``, ``time_text``, ``time_value``, ``place_name``, ``place_detail`` ({name, country,
    admin1, geonames_id, lat, lon} or None), ``claimed_by`` (the name of the source of the
    attribution reporting it), ``claimed_by_id`` and ``document``.
    """
    values = EVENT_FILTERS.values(filters)
    w = EVENT_FILTERS.where(values)
    window = _window(store, values, limit, offset)
    if window is None:
        total = store.query(f"SELECT count(*) AS n FROM event_list e{w.sql()}", w.params)[0]["n"]
        slots, source, params = "", "event_list", []
    else:
        # the page's slots looked up alone, then filtered and sorted: with the filters beside
        # it, DuckDB scanned the table instead of looking the slots up in the index
        slots = (f"WITH slots AS MATERIALIZED (SELECT {_SLOT_COLUMNS} FROM event_list"
                 f" WHERE {window.clause}) ")
        source, params, total = "slots", window.params, window.total
    tail, tail_params = paging(limit, offset if window is None else window.offset)
    rows = store.query(f"{slots}SELECT {_COLUMNS} FROM {source} e{w.sql()} ORDER BY {_ORDER}"
                       f"{tail}", [*params, *w.params, *tail_params])
    names = _source_names(store, {r["claimed_by_id"] for r in rows} - {None})
    items = [event_list.parsed(r["item"]) for r in rows]
    for listed in items:
        listed["claimed_by"] = names.get(listed["claimed_by_id"])
    return page(items, int(total), limit, offset)


def _source_names(store: Store, ids: set[str]) -> dict[str, str]:
    """The names of the sources of the page's claims (a source row is shared by every
    document citing it, so ``event_list`` keeps its id only)."""
    wanted = sorted(ids)
    names: dict[str, str] = {}
    for i in range(0, len(wanted), 500):  # an export (no limit) names every source
        chunk = wanted[i : i + 500]
        names.update((r["id"], r["name"]) for r in store.query(
            f"SELECT id, name FROM sources WHERE id IN ({', '.join('?' for _ in chunk)})", chunk))
    return names


def _window(
    store: Store, values: dict[str, Any], limit: int | None, offset: int
) -> Window | None:
    """Where the page lies by the kept day and bucket counts, when the filters are only the
    event's date and the flags the counts count apart (factual, coded); None otherwise."""
    if {name for name, value in values.items() if value is not None} - {
            "since", "until", "factual", "coded"}:
        return None
    factual, coded = bool(values["factual"]), bool(values["coded"])
    count = "events" + "_factual" * factual + "_coded" * coded
    kinds = [event_list.kind(f, c) for f in (True,) + (False,) * (not factual)
             for c in (True,) + (False,) * (not coded)]
    return slot_window(store, "slot", count, kinds, limit=limit, offset=offset,
                       since=values["since"], until=values["until"])
