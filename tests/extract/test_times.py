"""Dates and times, normalised to TIMEX3 values against the article's publication date.

Each test is one construction in a news sentence, with the date the article was published.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.times import find_times
from claimgraph.extract.times.lexicon import lexicon, parse_number
from claimgraph.knowledge import json_table
from claimgraph.nlp.pipeline import parse
from claimgraph.record import Time


def times(nlp, text: str, published: str | None) -> list[Time]:  # type: ignore[no-untyped-def]
    doc = next(parse(nlp, [(text, published)]))
    found = doc._.cg_times
    for t in found:
        assert text[t.start : t.end] == t.text
    return found


def one(nlp, text: str, published: str | None, words: str) -> Time:  # type: ignore[no-untyped-def]
    found = [t for t in times(nlp, text, published) if t.text == words]
    assert found, f"{words!r} not found in {times(nlp, text, published)}"
    return found[0]


def test_month_and_day_takes_the_year_of_the_article(nlp) -> None:
    t = one(nlp, "The embassy was attacked on August 6, officials said.", "2024-08-13", "August 6")
    assert (t.type, t.value) == ("DATE", "2024-08-06")


def test_weekday_in_past_tense_is_the_most_recent_one(nlp) -> None:
    t = one(nlp, "The minister resigned on Tuesday after the vote.", "2024-08-15", "Tuesday")
    assert t.value == "2024-08-13"


def test_weekday_in_future_tense_is_the_coming_one(nlp) -> None:
    t = one(nlp, "The council will vote on Tuesday.", "2024-08-15", "Tuesday")
    assert t.value == "2024-08-20"


def test_last_week_is_the_iso_week_before_publication(nlp) -> None:
    t = one(nlp, "Talks collapsed last week in Geneva.", "2024-08-13", "last week")
    assert (t.type, t.value) == ("DATE", "2024-W32")


def test_a_month_is_a_duration(nlp) -> None:
    t = one(nlp, "The siege lasted a month.", "2024-08-13", "a month")
    assert (t.type, t.value) == ("DURATION", "P1M")


def test_every_year_is_a_set(nlp) -> None:
    t = one(nlp, "The festival is held every year in Kyiv.", "2024-08-13", "every year")
    assert (t.type, t.value) == ("SET", "P1Y")


def test_part_of_a_day_keeps_its_granularity(nlp) -> None:
    t = one(nlp, "Shelling began on the morning of August 6.", "2024-08-13", "the morning of August 6")
    assert (t.type, t.value) == ("TIME", "2024-08-06TMO")


def test_both_ends_of_a_range_are_dated(nlp) -> None:
    found = times(nlp, "Prices rose between March and May.", "2024-08-13")
    assert [t.value for t in found] == ["2024-03", "2024-05"]


def test_fiscal_quarter_before_publication(nlp) -> None:
    t = one(nlp, "The company reported third-quarter profit of $2 billion.", "2024-10-20", "third-quarter")
    assert t.value == "2024-Q3"


def test_quarter_with_its_year(nlp) -> None:
    t = one(nlp, "Sales fell in the fourth quarter of 2023.", "2024-10-20", "the fourth quarter of 2023")
    assert t.value == "2023-Q4"


def test_a_year_earlier_shifts_the_quarter_being_reported(nlp) -> None:
    found = times(nlp, "Profit rose in the third quarter from a year earlier.", "2024-10-20")
    assert [t.value for t in found] == ["2024-Q3", "2023-Q3"]


def test_fiscal_year(nlp) -> None:
    assert one(nlp, "The budget for fiscal 2025 was cut.", "2024-10-20", "fiscal 2025").value == "2025"


def test_year_and_decade(nlp) -> None:
    found = times(nlp, "The rebels fought in 1998 and through the 1990s.", "2024-08-13")
    assert [(t.text, t.value) for t in found] == [("1998", "1998"), ("the 1990s", "199")]


def test_yesterday(nlp) -> None:
    assert one(nlp, "Two soldiers were killed yesterday.", "2024-08-13", "yesterday").value == "2024-08-12"


def test_two_years_ago(nlp) -> None:
    assert one(nlp, "The dam was built two years ago.", "2024-08-13", "two years ago").value == "2022"


def test_next_month(nlp) -> None:
    assert one(nlp, "Elections are due next month.", "2024-08-13", "next month").value == "2024-09"


def test_now_is_the_present(nlp) -> None:
    t = one(nlp, "The city is now under curfew.", "2024-08-13", "now")
    assert (t.type, t.value) == ("DATE", "PRESENT_REF")


def test_clock_time_on_a_weekday(nlp) -> None:
    t = one(nlp, "The rebels must leave by 9 a.m. Tuesday.", "2024-08-15", "9 a.m. Tuesday")
    assert (t.type, t.value) == ("TIME", "2024-08-20T09:00")


def test_holiday(nlp) -> None:
    assert one(nlp, "Shops closed on Thanksgiving.", "2024-12-02", "Thanksgiving").value == "2024-11-28"


def test_without_a_publication_date_relative_values_are_null(nlp) -> None:
    found = times(nlp, "Talks collapsed last week, a year after the Aug. 7, 1998 bombing.", None)
    values = {t.text: (t.type, t.value) for t in found}
    assert values["last week"] == ("DATE", None)
    assert values["Aug. 7, 1998"] == ("DATE", "1998-08-07")


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "A quarter of the voters stayed home.",
        "Iraq imports about three-quarters of its food.",
        "The 6-year-old boy was rescued.",
        "He paid $2001 for the car.",
    ],
)
def test_words_that_only_look_like_times(nlp, text: str) -> None:
    assert times(nlp, text, "2024-08-13") == []


def test_find_times_works_on_a_bare_tokenized_doc(nlp) -> None:
    doc = nlp.make_doc("Officials met on Friday.")
    assert [(t.text, t.value) for t in find_times(doc, "2024-08-13")] == [("Friday", "2024-08-09")]


def test_number_words() -> None:
    assert parse_number("twenty-four") == 24
    assert parse_number("5 1/2") == 5.5
    assert parse_number("several") is None
    assert parse_number("a couple of") == 2  # an idiom of number_words.tsv, read by times only
    assert parse_number("zero") is None  # the time grammar counts from one


def test_time_words_are_well_formed() -> None:
    raw = json_table("time_words.json")
    lx = lexicon()
    assert set(lx.months.values()) == set(range(1, 13))
    assert set(lx.weekdays.values()) == set(range(7))
    assert set(lx.dayparts.values()) <= {"MO", "AF", "EV", "NI"}
    assert set(lx.seasons.values()) == {"SP", "SU", "FA", "WI"}
    assert set(lx.units.values()) <= set(lx.duration_letters)
    for name, rule in raw["holidays"].items():
        assert len(rule) in (1, 2, 3, 4), name
        if len(rule) >= 2:
            assert 1 <= rule[0] <= 12, name


def test_the_year_of_a_report_and_a_year_long_span(nlp) -> None:
    text = "For the year, sales rose 5%. Profit for the year ended June 30 fell."
    found = times(nlp, text, "2024-10-20")
    assert [(t.type, t.value) for t in found if t.text == "the year"] == [
        ("DATE", "2024"),
        ("DURATION", "P1Y"),
    ]


def test_a_wire_dateline_is_dated(nlp) -> None:
    text = "WASHINGTON, August 11 (Xinhua) --\n\nOfficials met on August 10."
    assert [t.value for t in times(nlp, text, "1998-08-11")] == ["1998-08-11", "1998-08-10"]


def test_vague_durations_keep_their_unit(nlp) -> None:
    found = times(nlp, "Losses may persist over the next couple of years, after several months of cuts.", "2024-08-13")
    assert [(t.text, t.value) for t in found] == [("the next couple of years", "P2Y"), ("several months", "PXM")]


def test_a_year_ago_in_an_earnings_report_is_the_same_quarter(nlp) -> None:
    text = ("Third-quarter profit rose 5%, the company said yesterday. "
            "Sales were $2 billion, up from $1.8 billion a year ago.")
    found = {t.text: t.value for t in times(nlp, text, "2024-10-20")}
    assert found["Third-quarter"] == "2024-Q3"
    assert found["a year ago"] == "2023-Q3"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The team planned to leave Nairobi on Thursday.", "2024-08-15"),
        ("Talks are set to resume Monday in Belfast.", "2024-08-19"),
        ("The offer had been due to expire Friday evening.", "2024-08-09TEV"),
    ],
)
def test_plans_point_ahead_past_perfect_does_not(nlp, sentence: str, value: str) -> None:
    assert [t.value for t in times(nlp, sentence, "2024-08-14")] == [value]


def test_halves_of_a_year(nlp) -> None:
    found = times(nlp, "Output fell in the first half of 2013 and rose in the second half.", "2013-10-01")
    assert [(t.text, t.value) for t in found] == [("the first half of 2013", "2013-H1"), ("the second half", "2013-H2")]


def test_hours_later_keeps_the_span_of_time(nlp) -> None:
    t = one(nlp, "Twelve hours later the fire was out.", "2024-08-13", "Twelve hours later")
    assert (t.type, t.value) == ("DURATION", "PT12H")


def test_both_ends_of_a_year_range_are_dated(nlp) -> None:
    found = times(nlp, "The 2009-2011 recession cut output.", "2024-08-13")
    assert [t.value for t in found] == ["2009", "2011"]


def test_dates_off_the_calendar_do_not_break_the_article(nlp) -> None:
    found = times(nlp, "Farming began 10,000 years ago; the ruling is due Feb. 30.", "2024-08-13")
    assert {t.text: t.value for t in found} == {"10,000 years ago": None, "Feb. 30": None}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list("0123456789 ,.-/:'aAmMpPJFSOND") + [
    " May ", " ago ", " years ", " last ", " Friday ", " a.m. ", " quarter ", " the ", " 1998 "]),
    max_size=40).map("".join))
def test_any_text_gives_spans_that_index_the_text(nlp, text: str) -> None:
    doc = nlp.make_doc(text)
    for t in find_times(doc, "2024-08-13"):
        assert text[t.start : t.end] == t.text and t.start < t.end


def test_an_adjectival_duration_leaves_its_article_out(nlp) -> None:
    found = times(nlp, "Unions began a two day strike after a 16-hour shift.", "2024-08-13")
    assert [(t.text, t.value) for t in found] == [("two day", "P2D"), ("16-hour", "PT16H")]
