"""SpanIndex answers exactly what the scans over every span it replaced answered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract.span_index import SpanIndex

spans = st.lists(st.one_of(st.none(), st.tuples(st.integers(0, 200), st.integers(0, 40)).map(
    lambda p: (p[0], p[0] + p[1]))), max_size=30)
stretch = st.tuples(st.integers(-10, 260), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1]))


def _live(items: list[tuple[int, int] | None]) -> list[tuple[int, tuple[int, int]]]:
    return [(i, span) for i, span in enumerate(items) if span is not None]


@given(spans, stretch)
def test_overlaps_is_any_overlap(items: list[tuple[int, int] | None], q: tuple[int, int]) -> None:
    start, end = q
    expected = any(s < end and start < e for _, (s, e) in _live(items))
    assert SpanIndex(items).overlaps(start, end) == expected


@given(spans, stretch)
def test_inside_and_holding_list_ids_in_order(items: list[tuple[int, int] | None],
                                              q: tuple[int, int]) -> None:
    lo, hi = q
    index = SpanIndex(items)
    assert index.inside(lo, hi) == [i for i, (s, e) in _live(items) if lo <= s and e <= hi]
    assert index.holding(lo, hi) == [i for i, (s, e) in _live(items) if s <= lo and hi <= e]


@given(spans, stretch)
def test_innermost_is_the_first_narrowest_holder(items: list[tuple[int, int] | None],
                                                 q: tuple[int, int]) -> None:
    start, end = q
    holders = [(i, e - s) for i, (s, e) in _live(items) if s <= start and end <= e]
    expected = min(holders, key=lambda h: h[1])[0] if holders else None
    assert SpanIndex(items).innermost(start, end) == expected


def test_added_spans_are_found_with_their_starts_and_ends() -> None:
    index = SpanIndex([(0, 5)])
    index.add(10, 20)
    assert index.overlaps(15, 16) and not index.overlaps(5, 10)
    assert index.starts == {0, 10} and index.ends == {5, 20}
