"""The news entity ruler: outlets, seats of government, ministries, metonymic capitals."""

from __future__ import annotations


def ents(nlp, text):
    """(text, label, canonical, country, metonym) of each entity the pipeline leaves on the doc."""
    return {(e.text, e.label, e.canonical, e.country, e.metonym) for e in nlp(text)._.cg_entities}


def test_an_outlet_is_an_organisation_not_a_person(nlp) -> None:
    found = ents(nlp, "An unnamed Western official told Bloomberg the plan had changed.")
    assert ("Bloomberg", "ORG", "Bloomberg", None, False) in found


def test_ministries_are_organisations_of_their_country(nlp) -> None:
    found = ents(nlp, "Russia's Defense Ministry and the Ministry of Defence of Ukraine disagreed.")
    assert ("Russia's Defense Ministry", "ORG", "Russian Defense Ministry", "RU", False) in found
    assert ("Ministry of Defence of Ukraine", "ORG", "Ukrainian Defense Ministry", "UA", False) in found


def test_a_capital_that_speaks_is_its_government(nlp) -> None:
    found = ents(nlp, "Moscow warned on Tuesday that talks would fail.")
    assert ("Moscow", "GPE", "Government of Russia", "RU", True) in found


def test_a_capital_that_is_a_location_stays_a_city(nlp) -> None:
    found = ents(nlp, "Talks were held in Moscow on Tuesday.")
    assert ("Moscow", "GPE", "Moscow", "RU", False) in found


def test_seats_of_government_are_metonyms(nlp) -> None:
    found = ents(nlp, "The Kremlin said the Pentagon was lying.")
    assert ("The Kremlin", "ORG", "Government of Russia", "RU", True) in found
    assert ("the Pentagon", "ORG", "United States Department of Defense", "US", True) in found


def test_serbia_is_coded_rs() -> None:
    from claimgraph.nlp.news_entities import entity_info

    info = entity_info("Serbia")  # SR is Suriname's code
    assert info is not None and info.country == "RS"
