"""The news entity ruler: outlets, seats of government, ministries, metonymic capitals."""

from __future__ import annotations

from claimgraph.analyze import entities_of


def ents(nlp, text):
    return {(e.text, e.label, e.canonical, e.country, e.metonym) for e in entities_of(nlp(text))}


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


def test_a_surname_takes_the_full_name_mentioned_earlier(nlp) -> None:
    found = ents(nlp, "Former President Donald Trump spoke in Ohio. Trump did not say how.")
    assert ("Trump", "PERSON", "Donald Trump", None, False) in found


def test_a_place_the_ruler_does_not_know_takes_the_geocoded_name_and_country(nlp) -> None:
    found = ents(nlp, "Floods killed at least 62 people in Paiporta, near Valencia, officials said.")
    assert ("Paiporta", "GPE", "Paiporta", "ES", False) in found


def test_a_geocoded_entity_the_tagger_took_for_a_person_is_a_place(nlp) -> None:
    text = (
        "VALENCIA, Spain (Continental Wire) - Floods killed at least 62 people in Paiporta, "
        "officials said. Residents have accused officials of failing to warn them in time. "
        "Valencia's regional leader Carlos Mazon said the alerts were sent as soon as possible."
    )
    found = ents(nlp, text)
    valencia = [e for e in found if e[0] == "Valencia"]
    assert valencia and all(e[1] == "GPE" and e[3] == "ES" for e in valencia)
    assert ("Carlos Mazon", "PERSON", "Carlos Mazon", None, False) in found
