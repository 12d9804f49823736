"""Long texts are analysed in pieces and come back as one record of the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph import pieces
from claimgraph.analyze import _parse_one, analyze_documents
from claimgraph.errors import DocumentError
from claimgraph.ingest import Document
from claimgraph.pieces import analyze_in_pieces, cut_points
from claimgraph.record import Record

PARAGRAPHS = [
    "KYIV (Reuters) - Ukrainian President Volodymyr Zelenskiy said on Tuesday that his forces "
    "had pushed 30 kilometres into the Kursk region of Russia.",
    "Russia's Defence Ministry said its troops had shot down 35 drones over the Belgorod region "
    "overnight. Russian President Vladimir Putin called the incursion a provocation.",
    "The regional governor, Alexei Smirnov, said 2,000 people had been evacuated from the border "
    "town of Sudzha since the attack began last week, according to a statement on Telegram.",
    "Putin told reporters in Moscow that the offensive would be repelled. \"We will not stop,\" "
    "Zelenskiy said, adding that 12 villages were now under Ukrainian control.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def _in_pieces(nlp, text: str, limit: int) -> Record | DocumentError:
    document = Document(text, "long.txt", published="2024-08-13")
    return analyze_in_pieces(document, lambda d: _parse_one(nlp, d), limit=limit)


def _spans(record: Record):
    for a in record.attributions:
        yield from (s for s in (a.content, a.cue, a.source, *a.via, *a.hedges) if s is not None)
    for e in record.events:
        yield from (s for s in (e.trigger, e.actor, e.target) if s is not None)
    yield from (*record.entities, *record.quantities, *record.times, *record.places)


def test_cuts_fall_at_paragraph_breaks() -> None:
    text = "\n\n".join(f"Officials said {n} people left. The army said so too." for n in range(20))
    cuts = cut_points(text, 250)
    assert len(cuts) > 1
    for _, end in cuts[:-1]:
        assert text[end - 2 : end] == "\n\n"  # each piece ends with its paragraph break


def test_without_line_breaks_a_cut_falls_after_a_sentence() -> None:
    text = " ".join(f"Officials said {n} people left. The army said so too." for n in range(20))
    cuts = cut_points(text, 250)
    assert len(cuts) > 1
    for _, end in cuts[:-1]:
        assert text[end - 2 : end] == ". "


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=3000), st.integers(20, 400))
def test_pieces_cover_the_text_in_order_and_none_is_too_long(text: str, limit: int) -> None:
    cuts = cut_points(text, limit)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(0 < end - start <= limit for start, end in cuts) or text == ""


def test_every_span_of_a_record_made_in_pieces_indexes_the_whole_text(nlp) -> None:
    record = _in_pieces(nlp, TEXT, 300)
    assert isinstance(record, Record) and record.text == TEXT
    assert any(s.start > 300 for s in _spans(record))  # later pieces were moved, not dropped
    for span in _spans(record):
        assert TEXT[span.start : span.end] == span.text


def test_ids_and_links_are_those_of_an_analysis_in_one_parse(nlp) -> None:
    # event coreference reads one piece at a time (events of two pieces are never merged),
    # so it is off here: this is about ids and links moved to the whole text
    events = nlp.get_pipe("events")
    events.coreference = False
    try:
        whole = _parse_one(nlp, Document(TEXT, "long.txt", published="2024-08-13"))
        split = _in_pieces(nlp, TEXT, 300)
    finally:
        events.coreference = True
    assert isinstance(whole, Record) and isinstance(split, Record)
    assert [(a.id, a.content.start) for a in split.attributions] == [
        (a.id, a.content.start) for a in whole.attributions
    ]
    assert len({a.id for a in split.attributions}) == len(split.attributions)
    assert [(q.start, q.attribution) for q in split.quantities] == [
        (q.start, q.attribution) for q in whole.quantities
    ]
    assert [(e.id, e.place, e.time) for e in split.events] == [
        (e.id, e.place, e.time) for e in whole.events
    ]


def test_a_surname_in_a_later_piece_takes_the_full_name_from_an_earlier_one(nlp) -> None:
    record = _in_pieces(nlp, TEXT, 300)
    assert isinstance(record, Record)
    later = [e for e in record.entities if e.text == "Putin" and e.start > 450]
    assert later and {e.canonical for e in later} == {"Vladimir Putin"}


def test_a_text_longer_than_spacy_allows_is_analysed_not_rejected(nlp, monkeypatch) -> None:
    monkeypatch.setattr(nlp, "max_length", 350)  # spaCy's E088 below this text's length
    monkeypatch.setattr(pieces, "PIECE_CHARS", 300)
    [record] = analyze_documents([Document(TEXT, "long.txt", published="2024-08-13")], nlp)
    assert isinstance(record, Record) and record.text == TEXT
    assert record.attributions and record.attributions[-1].content.end > 350


def test_a_failing_piece_fails_the_document_and_says_where(nlp) -> None:
    def fail_second(document: Document) -> Record | DocumentError:
        if document.text.startswith("Russia"):
            return DocumentError("E110", document.source, "analysis failed: boom")
        return _parse_one(nlp, document)

    result = analyze_in_pieces(Document(TEXT, "long.txt"), fail_second, limit=300)
    assert isinstance(result, DocumentError) and result.code == "E110"
    assert result.source == "long.txt" and "characters" in result.reason and "boom" in result.reason


def test_the_event_indexes_the_join_remaps_are_all_there_are() -> None:
    """``pieces.join_pieces`` shifts ``place``, ``time`` and ``quantities`` (indexes into the record's
    lists) by the items of earlier pieces; an index field added to ``Event`` must be remapped
    there too."""
    import re
    from dataclasses import fields

    from claimgraph.record import Event

    counts = {"fatalities"}  # a number of people, not an index: nothing to shift
    assert {f.name for f in fields(Event) if re.search(r"\bint\b", str(f.type))} - counts == {
        "place", "time", "quantities"}


def test_an_event_in_a_later_piece_keeps_its_quantities_and_mentions() -> None:
    from claimgraph.record import Event, Quantity, Span

    def piece(text: str) -> Record:
        return Record(id="p", source="long.txt", published=None, text=text,
                      quantities=[Quantity(0, 1, text[0], value=int(text[0]))],
                      events=[Event(id="e", type="ASSAULT", trigger=Span(2, 8, "killed"),
                                    mentions=[Span(9, 13, "raid")], quantities=[0])])

    text = "5 killed raid\n\n3 killed raid"
    whole = pieces.join_pieces(Document(text, "long.txt"), [(0, piece(text[:13])), (15, piece(text[15:]))])
    assert [e.quantities for e in whole.events] == [[0], [1]]
    assert [whole.quantities[e.quantities[0]].text for e in whole.events] == ["5", "3"]
    assert [(m.start, m.text) for m in whole.events[1].mentions] == [(24, "raid")]
