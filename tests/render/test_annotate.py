"""The annotated article: a record's overlapping spans cut the text into covered segments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.render.annotate import Annotation, annotations_of, segments
from tests.serve.samples import KYIV_TEXT, sample_records


def test_overlapping_spans_split_into_segments():
    anns = [Annotation("content", 0, 10, "", {}), Annotation("place", 4, 8, "", {})]
    got = [(s.text, s.kinds) for s in segments("0123456789 rest", anns)]
    assert got == [("0123", ["content"]), ("4567", ["content", "place"]), ("89", ["content"]),
                   (" rest", [])]


def test_spans_outside_the_text_are_dropped():
    got = segments("short", [Annotation("time", 3, 99, "", {}), Annotation("time", 4, 2, "", {})])
    assert [(s.text, s.kinds) for s in got] == [("short", [])]


def test_every_record_span_becomes_an_annotation():
    kinds = [a.kind for a in annotations_of(sample_records()[0].to_dict())]
    assert kinds.count("content") == 3 and kinds.count("hedge") == 2 and kinds.count("via") == 1
    assert {"time", "place", "quantity", "event"} <= set(kinds)


@given(st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=12))
def test_segments_rebuild_the_text_and_cover_exactly(pairs):
    text = KYIV_TEXT[:70]
    anns = [Annotation("content", a, b, "", {}) for a, b in pairs]
    segs = segments(text, anns)
    assert "".join(s.text for s in segs) == text
    at = 0
    for seg in segs:
        covering = {i for i, a in enumerate(anns) if 0 <= a.start < a.end <= len(text)
                    and a.start <= at and at + len(seg.text) <= a.end}
        assert set(seg.annotations) == covering
        at += len(seg.text)
