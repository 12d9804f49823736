"""The record boundary: what a ``Record`` (and a ``Document``) may hold, checked once, here.

A date is a real calendar day or nothing; a number is JSON's (an int of any size or a finite
float). Everything built from a record — JSON output, both stores, the timeline — relies on it.
"""

from __future__ import annotations

import math

import pytest

from claimgraph.contract import problems
from claimgraph.errors import DocumentError
from claimgraph.ingest import Document
from claimgraph.record import Event, Place, Quantity, Record, Span, publication_day

BAD_DATES = ["not a date", 99999, "2024-13-45", "0000-01-01", "2024-02-30", "20240813",
             "2024-W33-2", "2024-08-13 and more", "13/08/2024", 2024.5, True]


def test_a_day_is_kept() -> None:
    assert publication_day("2024-08-13") == "2024-08-13"


def test_an_iso_datetime_gives_its_day() -> None:
    assert publication_day("2024-08-13T09:30:00Z") == "2024-08-13"


def test_no_date_is_none() -> None:
    assert publication_day(None) is None and publication_day("") is None


@pytest.mark.parametrize("bad", BAD_DATES)
def test_anything_but_a_calendar_day_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="published must be a calendar day"):
        publication_day(bad)


@pytest.mark.parametrize("bad", ["2024-13-45", "0000-01-01", 99999])
def test_a_record_cannot_hold_a_bad_date(bad: object) -> None:
    with pytest.raises(ValueError, match="calendar day"):
        Record(id="a", source="s", published=bad, text="t")  # type: ignore[arg-type]


def test_a_record_read_from_json_cannot_hold_a_bad_date() -> None:
    with pytest.raises(ValueError, match="calendar day"):
        Record.from_dict({"id": "a", "source": "s", "published": "2024-13-45", "text": "t"})


def test_a_document_with_a_bad_date_is_a_coded_error() -> None:
    with pytest.raises(DocumentError) as caught:
        Document(text="Moscow said.", source="a.txt", published="2024-13-45")
    assert caught.value.code == "E112" and caught.value.source == "a.txt"


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
def test_a_quantity_is_a_json_number(bad: float) -> None:
    """JSON has no NaN or infinity: the record refuses them rather than write invalid JSON."""
    with pytest.raises(ValueError, match="JSON number"):
        Quantity(0, 1, "x", value=bad)


def test_a_place_coordinate_is_a_json_number() -> None:
    with pytest.raises(ValueError, match="JSON number"):
        Place(0, 1, "x", lat=math.nan)


def test_an_int_of_any_size_is_a_json_number() -> None:
    assert Quantity(0, 1, "x", value=10**40).value == 10**40


def test_an_event_factuality_outside_the_contract_is_refused() -> None:
    with pytest.raises(ValueError, match="polarity"):
        Event(id="e", type="ASSAULT", trigger=Span(0, 6, "struck"), polarity="maybe")


def test_an_event_in_json_without_factuality_breaks_the_contract() -> None:
    record = Record(id="d", source="s", published=None, text="struck",
                    events=[Event(id="e", type="ASSAULT", trigger=Span(0, 6, "struck"))]).to_dict()
    assert problems(record) == []
    del record["events"][0]["tense"]
    assert problems(record) == ["events/0: 'tense' is a required property"]


def test_an_uncoded_event_keeps_the_contract_and_reads_back() -> None:
    record = Record(id="d", source="s", published=None, text="An earthquake struck.",
                    quantities=[],
                    events=[Event(id="e", type=None, trigger=Span(3, 13, "earthquake"),
                                  mentions=[Span(14, 20, "struck")])])
    data = record.to_dict()
    assert problems(data) == []
    assert Record.from_dict(data) == record


def test_an_event_quantity_index_must_point_at_a_quantity() -> None:
    record = Record(id="d", source="s", published=None, text="struck",
                    events=[Event(id="e", type="ASSAULT", trigger=Span(0, 6, "struck"),
                                  quantities=[0])]).to_dict()
    assert problems(record) == ["events[0].quantities[0]: index 0 out of range"]
