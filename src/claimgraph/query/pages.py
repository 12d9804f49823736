"""A page of a large list without sorting or joining the corpus: its days, then its rows.

Two things made list pages cost in proportion to the corpus at 100,000 documents:

- **Deep offsets.** ``ORDER BY published DESC ... OFFSET 300000`` sorts every row to skip most
  of them (380 ms of CPU for the events). The lists in date order (documents, claims, events)
  read instead the per-day counts kept by the write path (``store/list_counts.py``, a row per
  day), find the days the page spans and sort only their rows: ``day_window``.
- **Joins before the page.** Joining a page's rows to the tables that describe them (places,
  actors, sources ...) lets a planner build its hash tables over every row of those tables: a
  list chooses its page's keys first and reads only their rows (the events from their own
  table, ``store/event_list.py``; the claims by plain selects, ``attributions.described``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimgraph.query.filters import Where, inclusive_end
from claimgraph.store.base import Store
from claimgraph.store.rank_counts import bucket_range


@dataclass(frozen=True)
class Window:
    """Where a page lies: a clause keeping only the rows of its days, the offset within them,
    and how many rows the list has in all."""

    clause: str
    params: list[Any]
    offset: int
    total: int


def day_window(
    store: Store, column: str, count: str, *, descending: bool, limit: int | None,
    offset: int, since: str | None = None, until: str | None = None,
) -> Window | None:
    """The window of one page of a list ordered by ``column`` (a day, NULL last) first, whose
    rows per day ``day_counts.count`` counts (an SQL expression over its columns), narrowed
    by ``since``/``until`` as the list's own filters narrow ``column``. None for an export
    (no ``limit``): it reads every row anyway."""
    if limit is None:
        return None
    days, total, spanned = _placed(store, count, offset, limit, descending=descending, since=since,
                                   until=until)
    if spanned is None:  # past the end: no row is on the page
        return Window("1 = 0", [], 0, total)
    first, last, before = spanned
    span = [d for d, _ in days[first : last + 1]]
    dated = [d for d in span if d != ""]
    parts, params = [], []
    if dated:
        parts.append(f"{column} BETWEEN ? AND ?")
        params += [dated[-1], dated[0]] if descending else [dated[0], dated[-1]]
    if "" in span:
        parts.append(f"{column} IS NULL")
    return Window("(" + " OR ".join(parts) + ")", params, offset - before, total)


def _days(store: Store, count: str, *, descending: bool, since: str | None,
          until: str | None) -> list[tuple[str, int]]:
    """The days of ``day_counts`` (``''``: none, last) with their rows (``count``, an SQL
    expression over its columns), in the list's order, narrowed by ``since``/``until``; days
    without rows left out."""
    w = Where()
    if since is not None:
        w.add("b.day_key >= ?", since)
    if until is not None:
        w.add("b.day_key <= ?", inclusive_end(until))
    if w.clauses:  # a date range leaves out the rows without a date
        w.add("b.day_key <> ''")
    w.add(f"{count} > 0")
    # ordered by the database, as the rows are: the same collation puts the days in order
    return [(d["day_key"], int(d["n"])) for d in store.query(
        f"SELECT b.day_key, {count} AS n FROM day_counts b{w.sql()}"
        f" ORDER BY b.day_key = '', b.day_key{' DESC' if descending else ''}", w.params)]


def _placed(
    store: Store, count: str, offset: int, limit: int, *, descending: bool, since: str | None,
    until: str | None,
) -> tuple[list[tuple[str, int]], int, tuple[int, int, int] | None]:
    """The days of a list (``_days``), its rows in all, and the days its page spans."""
    days = _days(store, count, descending=descending, since=since, until=until)
    return days, sum(n for _, n in days), _spanned([n for _, n in days], offset, limit)


def _spanned(counts: list[int], offset: int, limit: int) -> tuple[int, int, int] | None:
    """Which groups (of ``counts`` rows each, in order) the rows ``offset .. offset + limit
    - 1`` fall in: the first group, the last, and the rows before the first; None past the
    end."""
    before, first = 0, None
    for i, n in enumerate(counts):
        if first is None and before + n > offset:
            first, start = i, before
        before += n
        if first is not None and before >= offset + limit:
            return first, i, start
    return None if first is None else (first, len(counts) - 1, start)


def slot_window(
    store: Store, column: str, count: str, kinds: list[str], *, limit: int | None,
    offset: int, since: str | None = None, until: str | None = None,
) -> Window | None:
    """As ``day_window`` (ascending, NULL last) for the events list, ordered by day, then
    the day's slice (``list_counts.BUCKET``), whose rows per day and slice
    ``event_day_buckets.count`` counts: the page is the rows of the slots (``day/bucket/kind``,
    ``event_list.slot``, of the ``kinds`` the count counts) it spans, looked up by
    ``column IN (...)`` (DuckDB looks an ``IN``
    list up in an index; it scans for a range), so a page inside a crowded day reads and
    sorts a few slices' rows. None (the caller counts and sorts the rows themselves) when the
    bucket counts read disagree with the day counts read before them: a write committed
    between the two reads."""
    if limit is None:
        return None
    days, total, spanned = _placed(store, count, offset, limit, descending=False, since=since,
                                   until=until)
    if spanned is None:  # past the end: no row is on the page
        return Window("1 = 0", [], 0, total)
    first, last, before = spanned
    span = days[first : last + 1]
    slots = _slots(store, count, [d for d, _ in span])
    by_day: dict[str, int] = {}
    for day, _, n in slots:
        by_day[day] = by_day.get(day, 0) + n
    if by_day != dict(span):
        return None
    found = _spanned([n for _, _, n in slots], offset - before, limit)
    if found is None:
        return None
    lo, hi, skipped = found
    keys = [f"{d}/{b}/{k}" for d, b, _ in slots[lo : hi + 1] for k in kinds]
    return Window(f"{column} IN ({', '.join('?' for _ in keys)})", keys,
                  offset - before - skipped, total)


def _slots(store: Store, count: str, days: list[str]) -> list[tuple[str, str, int]]:
    """The buckets of some days (in the list's order) with their rows, in order."""
    marks = ", ".join("?" for _ in days)
    return [(r["day_key"], r["bucket"], int(r["n"])) for r in store.query(
        f"SELECT b.day_key, b.bucket, {count} AS n FROM event_day_buckets b"
        f" WHERE b.day_key IN ({marks}) AND {count} > 0"
        " ORDER BY b.day_key = '', b.day_key, b.bucket", days)]


def rank_window(
    store: Store, *, limit: int | None, offset: int, min_sources: int | None = None
) -> Window | None:
    """The window of one page of the claim list (``independent_sources DESC, outlets DESC,
    seq DESC``), narrowed to claims of at least ``min_sources`` independent sources (the start
    of the list), from the kept ``claim_rank_counts`` (``store/rank_counts.py``): the pairs
    (sources, outlets) in order with their claims, then the buckets of the pairs the page
    starts and ends in, so only the claims of the buckets it spans are sorted. None for an
    export (no ``limit``)."""
    if limit is None:
        return None
    w = Where()
    w.add("r.claims > 0")
    if min_sources is not None:
        w.add("r.independent_sources >= ?", min_sources)
    pairs = [(int(p["s"]), int(p["o"]), int(p["n"])) for p in store.query(
        "SELECT r.independent_sources AS s, r.outlets AS o, sum(r.claims) AS n"
        f" FROM claim_rank_counts r{w.sql()} GROUP BY r.independent_sources, r.outlets"
        " ORDER BY r.independent_sources DESC, r.outlets DESC", w.params)]
    total = sum(n for _, _, n in pairs)
    end = min(offset + max(limit, 1), total)  # the page's rows are positions offset .. end - 1
    spanned, before = [], 0  # (sources, outlets, the list position of the pair's first claim)
    for s, o, n in pairs:
        if before + n > offset and before < end:
            spanned.append((s, o, before))
        before += n
    if not spanned:  # past the end: no row is on the page
        return Window("1 = 0", [], 0, total)
    read: dict[tuple[int, int], list[dict[str, Any]]] = {}

    def bucket_at(s: int, o: int, first: int, at: int) -> tuple[int, int]:
        """The bucket of pair (s, o) holding list position ``at``, and the position of its
        first claim (the pair's buckets read once)."""
        if (s, o) not in read:
            read[(s, o)] = store.query(
                "SELECT seq_bucket, claims FROM claim_rank_counts WHERE independent_sources = ?"
                " AND outlets = ? AND claims > 0 ORDER BY seq_bucket DESC", [s, o])
        for b in read[(s, o)]:
            if first + int(b["claims"]) > at:
                return int(b["seq_bucket"]), first
            first += int(b["claims"])
        raise ValueError(f"claim_rank_counts of ({s}, {o}) disagree with their sum")

    top, first_row = bucket_at(*spanned[0], offset)
    bottom, _ = bucket_at(*spanned[-1], end - 1)
    parts: list[str] = []
    params: list[Any] = []
    for i, (s, o, _) in enumerate(spanned):
        clause = "c.independent_sources = ? AND c.outlets = ?"
        params += [s, o]
        if i == 0:  # from the bucket the page starts in
            clause += " AND c.seq <= ?"
            params.append(bucket_range(top)[1])
        if i == len(spanned) - 1:  # down to the bucket it ends in
            clause += " AND c.seq >= ?"
            params.append(bucket_range(bottom)[0])
        parts.append(f"({clause})")
    return Window("(" + " OR ".join(parts) + ")", params, offset - first_row, total)
