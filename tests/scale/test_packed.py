"""Packed records: a record held compressed reads as the record, and resolving packed records
gives exactly what resolving the whole records gives."""

from __future__ import annotations

import pickle

import pytest

from claimgraph.bench.resolve_corpus import synthetic_records
from claimgraph.record import Event, Record, Span
from claimgraph.resolve.resolver import resolve_records
from claimgraph.scale.packed import PackedRecord, pack
from tests.resolve.builders import Figure, Says, article

FILLER = "Residents described the scene to reporters as rescue teams worked through the night."


def _article(n: int) -> Record:
    text = (f"Flood in town {n} forces hundreds from their homes\n\n{FILLER} {FILLER}\n\n"
            f"The river rose {n + 2} metres overnight, the mayor of town {n} said on Monday as "
            f"the water kept rising.\n\nOfficials in town {n} said the dam would hold. "
            f"{FILLER} Paragraph four of article {n} closes the report.")
    record = article(f"doc-{n}", text,
                     [Says(f"the mayor of town {n}", "said", f"The river rose {n + 2} metres overnight"),
                      Says(f"Officials in town {n}", "said", "the dam would hold")],
                     figures=[Figure(f"{n + 2} metres", value=n + 2, unit="metres", said_by=0)])
    rose, told = text.index("rose"), text.index("described")
    record.events = [Event(id="e1", type="flood", trigger=Span(rose, rose + 4, "rose"),
                           quantities=[0], attribution=record.attributions[0].id),
                     Event(id="e2", type=None, trigger=Span(told, told + 9, "described"))]
    return record


@pytest.fixture(scope="module")
def corpus() -> list[Record]:
    """120 documents from 15 articles' paragraphs: new reports and copies on 200 outlets."""
    return list(synthetic_records([_article(n) for n in range(15)], 120))


def test_a_packed_record_reads_as_the_record_and_is_smaller(corpus: list[Record]) -> None:
    record = corpus[3]
    packed = PackedRecord(record)
    assert isinstance(packed, Record)
    assert packed.to_dict() == record.to_dict()
    assert packed.unpacked().to_dict() == record.to_dict()
    assert packed.packed_bytes < len(pickle.dumps(record))


def test_a_packed_record_cannot_be_changed(corpus: list[Record]) -> None:
    packed = PackedRecord(corpus[0])
    with pytest.raises(AttributeError):
        packed.text = "another text"


def test_a_packed_record_pickles_as_the_plain_record(corpus: list[Record]) -> None:
    again = pickle.loads(pickle.dumps(PackedRecord(corpus[5])))  # noqa: S301 - our own bytes
    assert type(again) is Record and again.to_dict() == corpus[5].to_dict()


def test_resolving_packed_records_gives_the_records_of_the_whole_ones(corpus: list[Record]) -> None:
    whole = [r.to_dict() for r in resolve_records(corpus)]
    assert {r["kind"] for r in whole} >= {"copies", "story", "event", "claim"}
    assert [r.to_dict() for r in resolve_records(pack(corpus))] == whole


def test_only_events_that_count_a_figure_are_held_for_later_stages(corpus: list[Record]) -> None:
    held = {}

    def later(corpus_so_far):  # type: ignore[no-untyped-def]
        held["events"] = [e for e in corpus_so_far.found if e.kind == "event"]
        return []

    from claimgraph.resolve.resolver import STAGES, resolve_events

    streamed = [e for e in resolve_records(corpus, [resolve_events, later]) if e.kind == "event"]
    assert STAGES[0] is resolve_events
    assert any(m.text == "described" for e in streamed for m in e.mentions)  # every one streams
    kept = [m for e in held["events"] for m in e.mentions]
    assert kept and {m.text for m in kept} == {"rose"}  # only the one counting the river's rise
    assert {e.id for e in held["events"]} <= {e.id for e in streamed}
