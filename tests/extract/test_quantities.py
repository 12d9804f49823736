"""claimgraph_quantities_v1: numbers in news sentences, with their bounds, units and claims."""

from __future__ import annotations

from decimal import Decimal

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimgraph.extract.quantities import QuantityTagger, find_quantities, link_attributions
from claimgraph.extract.quantities import units as unit_table
from claimgraph.extract.quantities.numbers import parse_words
from claimgraph.nlp import extensions
from claimgraph.nlp.pipeline import parse
from claimgraph.record import Attribution, Quantity, Span


def quantities(nlp: Language, text: str) -> list[Quantity]:
    doc = next(parse(nlp, [(text, "2024-08-06")]))
    found = extensions.results(doc, "cg_quantities")
    for q in found:
        assert q.text == text[q.start : q.end]
    return found


def only(nlp: Language, text: str) -> Quantity:
    found = quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_up_to_sets_value_and_upper_bound(nlp: Language) -> None:
    q = quantities(nlp, "Russia has deployed up to 2,000 service members and more than 200 armored vehicles.")[0]
    assert (q.text, q.value, q.low, q.high, q.unit) == (
        "up to 2,000 service members", 2000, None, 2000, "service members"
    )


def test_more_than_sets_lower_bound(nlp: Language) -> None:
    q = quantities(nlp, "Russia has deployed up to 2,000 service members and more than 200 armored vehicles.")[1]
    assert (q.text, q.value, q.low, q.high, q.unit) == (
        "more than 200 armored vehicles", 200, 200, None, "armored vehicles"
    )


def test_number_words_count_a_noun(nlp: Language) -> None:
    q = only(nlp, "Kyiv has moved six brigades to the front.")
    assert (q.text, q.value, q.unit) == ("six brigades", 6, "brigades")


def test_two_million(nlp: Language) -> None:
    q = only(nlp, "The war has displaced two million people.")
    assert (q.value, q.unit) == (2_000_000, "people")


def test_between_is_a_range_without_value(nlp: Language) -> None:
    q = only(nlp, "Prices rose by between 5 and 10 percent last year.")
    assert (q.text, q.value, q.low, q.high, q.unit) == (
        "between 5 and 10 percent", None, 5, 10, "percent"
    )


def test_dash_range_with_percent_sign(nlp: Language) -> None:
    q = only(nlp, "Turnout fell 5-10% in the east.")
    assert (q.low, q.high, q.unit) == (5, 10, "percent")


def test_range_shares_its_multiplier(nlp: Language) -> None:
    q = only(nlp, "The package is worth $5 to $10 billion, officials said.")
    assert (q.low, q.high, q.unit) == (5_000_000_000, 10_000_000_000, "USD")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Washington approved $1.5 billion in aid.", 1_500_000_000, "USD"),
        ("The EU pledged €10M for repairs.", 10_000_000, "EUR"),
        ("The fine was £2,000.", 2000, "GBP"),
        ("Kyiv asked for US$3bn more.", 3_000_000_000, "USD"),
        ("It cost 500 million rubles.", 500_000_000, "RUB"),
    ],
)
def test_currency_becomes_an_iso_code(nlp: Language, text: str, value: int, unit: str) -> None:
    q = only(nlp, text)
    assert (q.value, q.unit) == (value, unit)


def test_about_is_approximate_without_bounds(nlp: Language) -> None:
    q = only(nlp, "About 300 people were evacuated.")
    assert (q.text, q.value, q.low, q.high) == ("About 300 people", 300, None, None)


@pytest.mark.parametrize("modifier", ["nearly", "fewer than", "at most", "no more than"])
def test_upper_bound_modifiers(nlp: Language, modifier: str) -> None:
    q = only(nlp, f"Officials said {modifier} 40 civilians were hurt.")
    assert (q.value, q.low, q.high, q.unit) == (40, None, 40, "civilians")


def test_at_least_is_a_lower_bound(nlp: Language) -> None:
    q = only(nlp, "At least 12 soldiers were killed in the strike.")
    assert (q.text, q.low, q.high) == ("At least 12 soldiers", 12, None)


def test_or_more_after_the_number(nlp: Language) -> None:
    q = only(nlp, "The brigade lost 200 or more soldiers.")
    assert (q.value, q.low, q.unit) == (200, 200, "soldiers")


@pytest.mark.parametrize(
    ("text", "low", "unit"),
    [
        ("Dozens of drones hit the city overnight.", 24, "drones"),
        ("Hundreds of residents fled.", 200, "residents"),
        ("Tens of thousands of troops massed on the border.", 20_000, "troops"),
        ("Several thousand protesters gathered.", 2000, "protesters"),
        ("Scores of people fled.", 40, "people"),
        ("Hundreds of millions of dollars were lost.", 200_000_000, "USD"),
    ],
)
def test_vague_amounts_have_a_lower_bound_only(nlp: Language, text: str, low: int, unit: str) -> None:
    q = only(nlp, text)
    assert (q.value, q.low, q.high, q.unit) == (None, low, None, unit)


def test_fraction_of_a_whole(nlp: Language) -> None:
    q = only(nlp, "Nearly half of all Ukrainians back the plan.")
    assert (q.text, q.value, q.high, q.unit) == ("Nearly half of all Ukrainians", 0.5, 0.5, "Ukrainians")


def test_bare_vague_amount(nlp: Language) -> None:
    found = quantities(nlp, "At least 12 people were killed and dozens injured.")
    assert [(q.text, q.value, q.low) for q in found] == [
        ("At least 12 people", 12, 12), ("dozens", None, 24)
    ]


def test_crore(nlp: Language) -> None:
    q = only(nlp, "The state will spend Rs 500 crore on roads.")
    assert (q.value, q.unit) == (5_000_000_000, "INR")


def test_units_of_measure_are_canonical(nlp: Language) -> None:
    found = quantities(nlp, "The convoy stretched 40 miles and moved at 20 kilometres per hour.")
    assert [(q.value, q.unit) for q in found] == [(40, "mile"), (20, "kilometre per hour")]


def test_in_is_an_inch_only_where_it_is_no_preposition(nlp: Language) -> None:
    found = quantities(nlp, "The shell killed 5 in Kyiv and pierced a door 2 in thick.")
    assert [(q.text, q.unit) for q in found] == [("5", None), ("2 in", "inch")]


def test_compound_unit_per_litre(nlp: Language) -> None:
    q = only(nlp, "Water samples held 5 mg/l of lead.")
    assert (q.value, q.unit) == (5, "milligram per litre")


def test_plus_minus_gives_both_bounds(nlp: Language) -> None:
    q = only(nlp, "The yield was estimated at 10 ± 2 kilotons.")
    assert (q.value, q.low, q.high, q.unit) == (10, 8, 12, "kiloton")


def test_two_modifiers_stack(nlp: Language) -> None:
    q = only(nlp, "Officials said more than about 300 people were evacuated.")
    assert (q.text, q.value, q.low, q.high) == ("more than about 300 people", 300, 300, None)


def test_within_is_an_upper_bound(nlp: Language) -> None:
    q = only(nlp, "Troops must leave within 72 hours.")
    assert (q.text, q.high, q.unit) == ("within 72 hours", 72, "hour")


def test_a_range_counts_its_noun(nlp: Language) -> None:
    q = only(nlp, "Between 2,000-3,000 troops crossed the border.")
    assert (q.low, q.high, q.unit) == (2000, 3000, "troops")


def test_an_age(nlp: Language) -> None:
    q = only(nlp, "A 63-year-old man was detained.")
    assert (q.text, q.value, q.unit) == ("63-year-old", 63, "year")


def test_glued_temperature(nlp: Language) -> None:
    q = only(nlp, "Temperatures hit 30C in Madrid.")
    assert (q.value, q.unit) == (30, "degree Celsius")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("Three out of four voters backed him.", 0.75, "voters"), ("One in five adults smokes.", 0.2, "adults")],
)
def test_a_share(nlp: Language, text: str, value: float, unit: str) -> None:
    q = only(nlp, text)
    assert (q.value, q.unit) == (value, unit)


def test_glued_currency_code(nlp: Language) -> None:
    q = only(nlp, "The deal is worth USD1.5bn.")
    assert (q.value, q.unit) == (1_500_000_000, "USD")


def test_durations_are_quantities(nlp: Language) -> None:
    q = only(nlp, "The ceasefire lasted 72 hours.")
    assert (q.value, q.unit) == (72, "hour")


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1991.",
        "The attack came on March 3 at 2 pm.",
        "The 3rd brigade moved north.",
        "Article 5 of the treaty applies.",
        "Ukraine wants F-16 jets.",
        "The 2024 election is close.",
        "No one was hurt at 14:30.",
        "The 1990s were calm.",
        "The 9/11 plotter was killed.",
        "He tweeted at three o'clock.",
        "Control lines 16 and 17 were stained.",
        "Read it at www.example.com/story?id=265672 today.",
        "The samples were dated by 14C analysis.",
    ],
)
def test_dates_times_ordinals_and_labels_are_not_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    ["Madrid won 3-1 on Sunday.", "The Senate voted 51-49.", "After a 17 - 14 victory, they were 8-8."],
)
def test_scores_and_votes_are_not_ranges(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_glued_m_before_a_plural_noun_is_million(nlp: Language) -> None:
    found = quantities(nlp, "The war has created 2m refugees behind a 10m wall.")
    assert [(q.value, q.unit) for q in found] == [(2_000_000, "refugees"), (10, "metre")]


def test_a_rate_per_day(nlp: Language) -> None:
    q = only(nlp, "The strikes kill 50 people a day.")
    assert (q.text, q.value, q.unit) == ("50 people a day", 50, "people per day")


def test_listed_numbers_share_the_unit(nlp: Language) -> None:
    found = quantities(nlp, "Doses of 45 and 50 mg were given.")
    assert [(q.value, q.unit) for q in found] == [(45, "milligram"), (50, "milligram")]


def test_a_plural_count_that_looks_like_a_year_is_kept(nlp: Language) -> None:
    q = only(nlp, "Russia has lost 1500 tanks.")
    assert (q.value, q.unit) == (1500, "tanks")


def test_quantity_in_a_claim_links_to_its_attribution() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Officials said 40 civilians died. Another 12 were hurt.")
    content = Attribution("attribution-a", "indirect", None, None, Span(15, 32, "40 civilians died"))
    doc._.cg_attributions = [content]
    found = QuantityTagger()(doc)._.cg_quantities
    assert [(q.text, q.attribution) for q in found] == [("40", "attribution-a"), ("12", None)]


def test_the_innermost_attribution_wins() -> None:
    outer = Attribution("outer", "indirect", None, None, Span(0, 100, ""))
    inner = Attribution("inner", "direct", None, None, Span(10, 30, ""))
    q = Quantity(12, 20, "", value=5)
    assert link_attributions([q], [outer, inner])[0].attribution == "inner"


def test_an_empty_document_has_no_quantities(nlp: Language) -> None:
    assert quantities(nlp, "") == []


def test_link_off_leaves_attribution_null() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Officials said 40 civilians died.")
    doc._.cg_attributions = [Attribution("a", "indirect", None, None, Span(15, 32, ""))]
    assert QuantityTagger(link=False)(doc)._.cg_quantities[0].attribution is None


@pytest.mark.parametrize(
    ("words", "value", "used"),
    [
        ("a hundred and two", 102, 17),
        ("three million, two hundred & forty", 3_000_240, 34),
        ("two and a half miles", Decimal("2.5"), 14),
        ("twenty-one years", 21, 10),
        ("two, three", 2, 3),
    ],
)
def test_number_words(words: str, value: Decimal | int, used: int) -> None:
    assert parse_words(words) == (value, used)


def test_unit_table_is_well_formed() -> None:
    rows = unit_table.table()
    assert len(rows) > 200
    for surface, row in rows.items():
        assert surface == surface.strip() and row.canonical and row.kind in unit_table.KINDS
        if row.kind == "currency" and row.canonical not in ("cent", "penny", "dime"):
            assert len(row.canonical) == 3 and row.canonical.isupper(), surface


_PIECES = st.sampled_from(
    list("0123456789 ,.-–/$€£%×^+−±∼<>()") + [
        " million", " and ", " to ", "between ", "up to ", " percent", " km", "two", "half",
        " of ", "dozens", "hundred", "a ", "more than ", "bn", "m ",
    ]
)
_BLANK = spacy.blank("en")


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_spans_index_the_text_in_order_without_overlap(text: str) -> None:
    last = -1
    for q in find_quantities(_BLANK(text)):
        assert q.text == text[q.start : q.end]
        assert q.start >= last
        last = q.end
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


def test_a_number_beyond_a_double_is_not_a_quantity(nlp: Language) -> None:
    """'1e400' would be infinity, which the contract (JSON) cannot carry: it is left out."""
    assert quantities(nlp, "Officials said 1e400 grains were counted.") == []


def test_an_integer_above_two_to_the_53_keeps_every_digit(nlp: Language) -> None:
    q = only(nlp, "Officials said 672138506081275904 people were counted in Paris on Monday.")
    assert q.value == 672138506081275904 and type(q.value) is int


def test_month_and_day_names_are_not_counted_their_abbreviations_may_be() -> None:
    from claimgraph.extract.quantities.phrases import NOT_COUNTED

    # the full names come from the time grammar's table: "5 September" counts no Septembers
    assert {"september", "may", "sunday"} <= NOT_COUNTED
    assert not {"sept", "jan", "sun"} & NOT_COUNTED  # abbreviations, as before: full names only
