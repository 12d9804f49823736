"""Building WHERE clauses in the SQL both backends share, and the page envelope.

A ``Where`` collects ``(clause, params)`` pairs; ``contains`` makes a case-insensitive substring
pattern with the user's ``%``/``_`` escaped, so a search for "100%" finds "100%", not
everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph.errors import ClaimgraphError

#: Upper bound on one page, so a UI request cannot ask for the whole database at once.
MAX_LIMIT = 1000


def contains(term: str) -> str:
    """An ``ILIKE`` pattern matching ``term`` anywhere (``ESCAPE '\\'``)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_date(name: str, value: str | None) -> str | None:
    """``YYYY-MM-DD`` (or a prefix: ``YYYY``, ``YYYY-MM``) or None; a coded error otherwise."""
    if value is None:
        return None
    parts = value.split("-")
    ok = 1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() for p in parts)
    ok = ok and all(len(p) == 2 for p in parts[1:])
    if not ok:
        raise ClaimgraphError("E002", f"--{name} must be a date YYYY-MM-DD, got {value!r}")
    return value


def date_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Inclusive bounds for comparing ISO date strings: ``until=2024-08`` covers all of August."""
    since = check_date("since", since)
    until = check_date("until", until)
    if until is not None and len(until) == 4:
        until += "-12-31"
    elif until is not None and len(until) == 7:
        until += "-31"  # compared as strings: every day of the month sorts at or below it
    return since, until


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

    def dated(self, column: str, since: str | None, until: str | None) -> None:
        """``column`` (an ISO date) within the --since/--until bounds, either may be absent."""
        lo, hi = date_bounds(since, until)
        if lo:
            self.add(f"{column} >= ?", lo)
        if hi:
            self.add(f"{column} <= ?", hi)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def paging(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    """``LIMIT ? OFFSET ?`` for a page; no limit when ``limit`` is None (exports)."""
    if offset < 0 or (limit is not None and not 0 <= limit <= MAX_LIMIT):
        raise ClaimgraphError(
            "E002", f"limit must be between 0 and {MAX_LIMIT} and offset at least 0"
        )
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [limit, offset]


def page(items: list[dict[str, Any]], total: int, limit: int | None, offset: int) -> dict[str, Any]:
    """The envelope every list function returns: ``{items, total, limit, offset}``."""
    return {"items": items, "total": total, "limit": limit, "offset": offset}
