"""The filters of every list, declared once; the WHERE clauses they build; the page envelope.

A ``Filter`` is one filter's whole declaration: its name, type, help text, bounds and how it
narrows the query. Each list function's ``FilterSet`` (``DOCUMENT_FILTERS`` beside
``list_documents``, and so on) is the single truth that the query function checks its keywords
against, ``claimgraph query`` turns into options and the API turns into query parameters, so a
filter added to a set appears in all three (datasette declares a facet once, the same way).

A ``Where`` collects ``(clause, params)`` pairs; ``contains`` makes a case-insensitive substring
pattern with the user's ``%``/``_`` escaped, so a search for "100%" finds "100%", not
everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimgraph.errors import ClaimgraphError

#: Upper bound on one page, so a UI request cannot ask for the whole database at once.
MAX_LIMIT = 1000
#: Upper bound on an offset or a count filter: far beyond any corpus, far inside the 64-bit
#: integers both databases take, so an absurd number is a coded E002 (an API 400), not an
#: overflow inside the database (a 500).
MAX_COUNT = 1_000_000_000
#: Longest text a filter takes (words, names, ids).
MAX_TEXT = 200
#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the inclusive date bounds ``since``/``until``.
PERIOD_PATTERN = r"^\d{4}(-\d{2}){0,2}$"


def contains(term: str) -> str:
    """An ``ILIKE`` pattern matching ``term`` anywhere (``ESCAPE '\\'``)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def inclusive_end(until: str) -> str:
    """The upper bound for comparing ISO date strings: ``2024-08`` covers all of August."""
    if len(until) == 4:
        return until + "-12-31"
    if len(until) == 7:
        return until + "-31"  # compared as strings: every day of the month sorts at or below it
    return until


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def like_any(self, columns: list[str], term: str) -> None:
        """``term`` appears (case-insensitively) in any of ``columns``."""
        pattern = contains(term)
        self.add(
            "(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")",
            *([pattern] * len(columns)),
        )

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""

    def aliases(self) -> set[str]:
        """The table aliases the clauses name (``e`` of ``e.type = ?``): a list can answer from
        fewer tables (a summary, the page before the joins) when its filters need no others."""
        return set(re.findall(r"\b([a-z]{1,2})\.[a-z_]", " ".join(self.clauses)))


def paging(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """``LIMIT ? OFFSET ?`` for a page; no limit when ``limit`` is None (exports)."""
    if not 0 <= offset <= MAX_COUNT or (limit is not None and not 0 <= limit <= MAX_LIMIT):
        raise ClaimgraphError(
            "E002", f"limit must be between 0 and {MAX_LIMIT} and offset between 0 and {MAX_COUNT}"
        )
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [limit, offset]


def rows_and_total(
    store: Any, select: str, w: Where, order: str, limit: int | None, offset: int,
    total: int | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of ``select`` (``SELECT x.* FROM table x``, keyed by ``x.id``) narrowed by ``w``
    in ``order``, and how many rows match in all (counted here unless the caller knows
    ``total`` from kept counts): a list that reads one table (its counts written with it).
    The page's ids are sorted first and only its rows read: sorting whole rows (a claim's
    words) to skip 100,000 of them cost several times more."""
    source = select.split(" FROM ", 1)[1]
    alias = select.split()[1].split(".")[0]
    if total is None:
        total = store.query(f"SELECT count(*) AS n FROM {source}{w.sql()}", w.params)[0]["n"]
    tail, tail_params = paging(limit, offset)
    ids = [r["id"] for r in store.query(f"SELECT {alias}.id FROM {source}{w.sql()} ORDER BY"
                                        f" {order}{tail}", [*w.params, *tail_params])]
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):  # an export (no limit) reads every row
        chunk = ids[i : i + 500]
        found.update((r["id"], r) for r in store.query(
            f"{select} WHERE {alias}.id IN ({', '.join('?' for _ in chunk)})", chunk))
    return [found[i] for i in ids], int(total)


def page(items: list[dict[str, Any]], total: int, limit: int | None, offset: int) -> dict[str, Any]:
    """The envelope every list function returns: ``{items, total, limit, offset}``."""
    return {"items": items, "total": total, "limit": limit, "offset": offset}


Narrow = Callable[[Where, Any], None]


@dataclass(frozen=True)
class Filter:
    """One filter of a list, declared once.

    ``type`` is ``str``, ``bool`` or ``int``; ``narrow(where, value)`` adds its clause (None:
    the list function reads the value itself, as ``min_claims`` in a HAVING). ``flag`` is the
    CLI spelling when it is not ``--name`` (``"--anonymous/--named"`` for a bool with two
    words). The bounds (``pattern``, ``choices``, ``max_length``, ``ge``/``le``) are checked by
    the query function and published in the API's schema.
    """

    name: str
    type: type
    help: str
    narrow: Narrow | None
    flag: str | None = None
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    ge: int | None = None
    le: int | None = None
    default: Any = None

    def check(self, value: Any) -> Any:
        """``value`` if it is within this filter's bounds; a coded E002 otherwise."""
        if self.type is bool:
            ok = isinstance(value, bool)
        elif self.type is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
            ok = ok and (self.ge is None or value >= self.ge)
            ok = ok and (self.le is None or value <= self.le)
        else:
            ok = isinstance(value, str)
            ok = ok and (self.max_length is None or len(value) <= self.max_length)
            ok = ok and (self.pattern is None or re.match(self.pattern, value) is not None)
            ok = ok and (not self.choices or value in self.choices)
        if not ok:
            raise ClaimgraphError("E002", f"filter {self.name!r} {self.expects()}, got {value!r}")
        return value

    def expects(self) -> str:
        """What a good value looks like, for the error message."""
        if self.type is bool:
            return "must be true or false"
        if self.type is int:
            return f"must be a whole number from {self.ge} to {self.le}"
        if self.choices:
            return "must be one of " + ", ".join(self.choices)
        if self.pattern == PERIOD_PATTERN:
            return "must be a date YYYY, YYYY-MM or YYYY-MM-DD"
        shape = f" matching {self.pattern}" if self.pattern else ""
        return f"must be text{shape} of at most {self.max_length} characters"


@dataclass(frozen=True)
class FilterSet:
    """The filters of one list function, in the order the CLI and the API show them."""

    what: str
    filters: tuple[Filter, ...]

    def __iter__(self) -> Iterator[Filter]:
        return iter(self.filters)

    def names(self) -> list[str]:
        return [f.name for f in self.filters]

    def values(self, given: dict[str, Any]) -> dict[str, Any]:
        """Every filter's checked value (its default where not given); E002 for a keyword that
        is no filter of this list or a value out of bounds. None and "" mean "not given"."""
        unknown = sorted(set(given) - set(self.names()))
        if unknown:
            known = ", ".join(self.names())
            raise ClaimgraphError(
                "E002", f"{self.what} have no filter {unknown[0]!r} (filters: {known})"
            )
        chosen = {}
        for f in self.filters:
            value = given.get(f.name)
            chosen[f.name] = f.default if value is None or value == "" else f.check(value)
        return chosen

    def where(self, values: dict[str, Any]) -> Where:
        """The WHERE clause of ``values`` (from ``values()``); unset filters add nothing."""
        w = Where()
        for f in self.filters:
            if f.narrow is not None and values[f.name] is not None:
                f.narrow(w, values[f.name])
        return w


def words(*columns: str) -> Narrow:
    """Narrow to rows where the value appears (case-insensitively, literally) in any column."""
    return lambda w, value: w.like_any(list(columns), value)


def equals(clause: str) -> Narrow:
    """Narrow by ``clause`` with each ``?`` bound to the value (``"s.kind = ?"``)."""
    return lambda w, value: w.add(clause, *([value] * clause.count("?")))


def text(name: str, help: str, narrow: Narrow, **bounds: Any) -> Filter:
    """A text filter (at most ``MAX_TEXT`` characters unless ``bounds`` say otherwise)."""
    return Filter(name, str, help, narrow, **{"max_length": MAX_TEXT, **bounds})


def outlet(column: str) -> Filter:
    return text("outlet", "Only this outlet (case-insensitive).",
                equals(f"lower({column}) = lower(?)"))


def since(column: str, what: str = "publication date") -> Filter:
    def narrow(w: Where, value: str) -> None:
        w.add(f"{column} >= ?", value)

    return text("since", f"From this {what} (YYYY, YYYY-MM or YYYY-MM-DD).", narrow,
                pattern=PERIOD_PATTERN)


def until(column: str, what: str = "publication date") -> Filter:
    def narrow(w: Where, value: str) -> None:
        w.add(f"{column} <= ?", inclusive_end(value))

    return text("until", f"Up to this {what}, inclusive (YYYY, YYYY-MM or YYYY-MM-DD).",
                narrow, pattern=PERIOD_PATTERN)


def flag(name: str, help: str, narrow: Narrow, negative: str) -> Filter:
    """A yes/no filter: ``--name`` for True, ``--negative`` for False, unset for both."""
    return Filter(name, bool, help, narrow, flag=f"--{name.replace('_', '-')}/--{negative}")
