"""Character spans found by position, so that extractors stay linear in the text's length.

"Does this stretch overlap anything found so far?", "which attribution's content holds this
number?", "which places lie in this sentence?" asked of a plain list cost the whole list for
each question: on a 300,000-character text that was ten million steps in the places component
alone. Kept sorted by start, the spans that can answer lie in a short run that a bisection
finds: a span holding or overlapping a stretch starts at most the longest span's length before
it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanIndex:
    """Half-open character spans ``[start, end)``, each with an id (its position in the
    sequence it was built from, unless given), asked by position.

    Every query answers exactly what the scan over all spans it replaces would, in the same
    order (ids ascending where several answer).
    """

    def __init__(self, spans: Iterable[tuple[int, int] | None] = ()) -> None:
        self._starts: list[int] = []  # sorted
        self._ends: list[int] = []  # the end of the span at the same position
        self._ids: list[int] = []
        self._longest = 0
        self.starts: set[int] = set()
        self.ends: set[int] = set()
        for id_, span in enumerate(spans):
            if span is not None:  # (a None keeps its id: an attribution with no content)
                self.add(*span, id_=id_)

    def add(self, start: int, end: int, *, id_: int | None = None) -> None:
        at = bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        self._ids.insert(at, len(self._ids) if id_ is None else id_)
        self._longest = max(self._longest, end - start)
        self.starts.add(start)
        self.ends.add(end)

    def _starting(self, lo: int, hi: int) -> range:
        """Positions (in start order) of the spans that start in ``[lo, hi]``."""
        return range(bisect_left(self._starts, lo), bisect_right(self._starts, hi))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``[s, e)`` has ``s < end and start < e``."""
        return any(self._starts[k] < end and start < self._ends[k]
                   for k in self._starting(start - self._longest, end))

    def inside(self, lo: int, hi: int) -> list[int]:
        """Ids of the spans with ``lo <= s and e <= hi``, ascending."""
        return sorted(self._ids[k] for k in self._starting(lo, hi) if self._ends[k] <= hi)

    def holding(self, start: int, end: int) -> list[int]:
        """Ids of the spans with ``s <= start and end <= e``, ascending."""
        return sorted(self._ids[k] for k in self._starting(end - self._longest, start)
                      if end <= self._ends[k])

    def innermost(self, start: int, end: int) -> int | None:
        """Id of the narrowest span holding ``[start, end)`` (the first of equals), or None."""
        found = [(self._ends[k] - self._starts[k], self._ids[k])
                 for k in self._starting(end - self._longest, start) if end <= self._ends[k]]
        return min(found)[1] if found else None

    def __len__(self) -> int:
        return len(self._starts)
