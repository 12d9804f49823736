"""Words of longer names that are not places, and a sea whose name the NER split.

Each sentence is of a kind read wrong on real news (issue 12): a capitalised common word at the
head of an institution's name was placed on the map ("the Supreme Court" in Supreme,
Louisiana), the first word of a name the NER cut in two was read as a lone town ("the Free" +
"Syrian Army" in Free State), and "the South China Sea" was lost because the NER tagged
"the South" and "China" apart.
"""

from __future__ import annotations

from claimgraph.evaluate.places import distance_km
from claimgraph.nlp.pipeline import parse
from claimgraph.record import Place


def places(nlp, text: str) -> list[Place]:  # type: ignore[no-untyped-def]
    return list(next(parse(nlp, [(text, None)]))._.cg_places)


def named(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in places(nlp, text)]


def test_adjective_heading_a_court_is_not_a_town(nlp) -> None:
    text = "Tamil Nadu on Saturday moved the Supreme Court to initiate contempt proceedings."
    assert "Supreme" not in named(nlp, text)


def test_adjective_heading_a_government_is_not_a_town(nlp) -> None:
    text = "The Central Government merely convened a meeting, Tamil Nadu said."
    assert "Central" not in named(nlp, text)


def test_first_word_of_a_name_the_ner_split_is_not_a_place(nlp) -> None:
    text = "Fighters of the Free Syrian Army crossed the border from Turkey."
    assert [p for p in named(nlp, text) if p.startswith("Free")] == []


def test_town_heading_its_police_department_is_still_a_place(nlp) -> None:
    text = "The Mansfield Police Department arrested two men in Mansfield, Ohio, on Friday."
    assert [p.admin1 for p in places(nlp, text) if p.text == "Mansfield"][:1] == ["US-OH"]


def test_sea_whose_name_the_ner_split_is_found_whole(nlp) -> None:
    found = [p for p in places(nlp, "Chinese warships sailed through the South China Sea on Monday.")
             if p.text == "South China Sea"]
    assert found and found[0].lat is not None and found[0].lon is not None
    assert distance_km(found[0].lat, found[0].lon, 13.0, 114.0) < 500


def test_sea_named_by_a_demonym_is_the_sea_not_the_country(nlp) -> None:
    found = [p for p in places(nlp, "Debris was found in the southern Indian Ocean on Monday.")
             if p.text.startswith("Indian")]
    assert [p.text for p in found] == ["Indian Ocean"] and found[0].country != "IN"


def test_region_of_unknown_size_beats_a_village_of_its_name(nlp) -> None:
    found = [p for p in places(nlp, "Flooding closed dozens of roads across Wales on Sunday.")
             if p.text == "Wales"]
    assert [(p.country, p.admin1) for p in found] == [("GB", "GB-WLS")]


def test_country_named_x_and_y_is_one_place(nlp) -> None:
    text = "Carnival crowds filled Port of Spain as Trinidad and Tobago celebrated on Tuesday."
    found = [(p.text, p.country) for p in places(nlp, text) if "Tobago" in p.text or "Trinidad" in p.text]
    assert found == [("Trinidad and Tobago", "TT")]


def test_portfolio_before_its_department_is_not_a_town(nlp) -> None:
    text = "The Justice Department said on Friday that it would appeal the ruling."
    assert "Justice" not in named(nlp, text)


def test_portfolio_before_its_secretary_is_not_a_town(nlp) -> None:
    text = "The Energy Department and Energy Secretary Rick Perry declined to comment."
    assert "Energy" not in named(nlp, text)


def test_language_name_before_a_noun_is_its_peoples_adjective(nlp) -> None:
    found = [p for p in places(nlp, "The attack took place in the southern English city of "
                                    "Salisbury on March 4.") if p.text == "English"]
    assert [(p.kind, p.name, p.country) for p in found] == [("demonym", "England", "GB")]
    assert "English" not in named(nlp, "She teaches English lessons at the school on Mondays.")


def test_region_whose_first_word_the_ner_read_as_a_language_is_whole(nlp) -> None:
    text = "He enjoys singing in rock bands, travelling throughout Latin America, and surfing."
    assert "Latin America" in named(nlp, text)


def test_middle_east_is_at_its_geonames_point(nlp) -> None:
    found = [p for p in places(nlp, "Tensions rose across the Middle East on Monday.")
             if p.text == "Middle East"]
    assert found and found[0].lat is not None and found[0].lon is not None
    assert distance_km(found[0].lat, found[0].lon, 33.14, 35.86) < 50


def test_building_named_as_a_place_is_at_the_articles_town(nlp) -> None:
    text = ("A man was arrested in Brooklyn on Thursday after a fight broke out near the "
            "Barclays Center. Police in Brooklyn said no one was hurt.")
    found = [p for p in places(nlp, text) if p.text == "Barclays Center"]
    assert found and found[0].lat is not None and found[0].lon is not None
    assert distance_km(found[0].lat, found[0].lon, 40.68, -73.94) < 30
    assert found[0].geonames_id is None  # the gazetteer knows no buildings


def test_court_is_an_institution_not_a_building(nlp) -> None:
    assert "Supreme Court" not in named(nlp, "The Supreme Court ruled on Monday in Ohio.")


def test_names_listed_together_are_of_one_kind(nlp) -> None:
    text = "After stops in Washington, New York and Boston, the crown prince flew to California."
    found = [p for p in places(nlp, text) if p.text == "New York"]
    assert found and found[0].lat is not None and found[0].lon is not None
    assert distance_km(found[0].lat, found[0].lon, 40.71, -74.01) < 30  # the city, not the state
    text = "The number of police officers in England and Wales has fallen by 19% since 2010."
    assert [(p.country, p.admin1) for p in places(nlp, text) if p.text == "Wales"] \
        == [("GB", "GB-WLS")]


def test_a_town_and_its_state_make_no_list(nlp) -> None:
    text = "A bakery in Tacoma, Washington shares tips for decorating cookies."
    assert [p.admin1 for p in places(nlp, text) if p.text == "Washington"] == ["US-WA"]


def test_a_name_the_ner_cut_into_two_places_is_one(nlp) -> None:
    text = ("Work on the infrastructure on the Tijuana River in Baja California will start in 10 "
            "days, the director said.")
    assert [(p.text, p.country) for p in places(nlp, text) if "Baja" in p.text] \
        == [("Baja California", "MX")]
