"""Whom a source speaks for (``SOURCE.affiliation``, issue 12 item 1), on sentences written for
these tests: the body the text names, else the state; one per entity in a document."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.nlp import extensions
from claimgraph.record import Source


def sources(nlp: Language, text: str) -> dict[str, Source]:
    """Each attribution's source, by its text."""
    found = extensions.results(nlp(text), "cg_attributions")
    return {a.source.text: a.source for a in found if a.source is not None}


@pytest.mark.parametrize(("text", "mention", "affiliation"), [
    # a body the words name, by its canonical name
    ("A Pentagon spokesperson said the troops would stay.", "A Pentagon spokesperson",
     "United States Department of Defense"),
    ("Kremlin spokesman Dmitry Peskov said Moscow was ready.", "Kremlin spokesman Dmitry Peskov",
     "Government of Russia"),
    ("A senior Hamas official said the talks had failed.", "A senior Hamas official", "Hamas"),
    ("John Smith, a spokesman for the European Commission, said the rules were clear.",
     "John Smith, a spokesman for the European Commission", "European Commission"),
    # an organisation the tagger did not tag, written as a name ending in an organisation's noun
    ("Michael Rubin, a specialist with the American Enterprise Institute, said it was bad.",
     "Michael Rubin, a specialist with the American Enterprise Institute",
     "American Enterprise Institute"),
    ("A Secret Service spokesperson declined to comment, saying the review was under way.",
     "A Secret Service spokesperson", "Secret Service"),
    # else the state
    ("U.S. Defense Secretary Mark Esper said the troops would stay.",
     "U.S. Defense Secretary Mark Esper", "United States"),
    # "according to" names whose words, not where someone is posted
    ('According to Moroccan reporter Youssef Lakhdar, "the border must close."',
     "Moroccan reporter Youssef Lakhdar", "Morocco"),
    # an adjective before nouns joined by "and" is all of theirs
    ("South Korean officials and analysts said the leader was ill.",
     "South Korean officials and analysts", "South Korea"),
    # the country a person is posted to is not theirs
    ("China's ambassador to Britain Liu Xiaoming said London should stop.",
     "China's ambassador to Britain Liu Xiaoming", "China"),
    # a title the tagger misparsed is still read off the words before the name
    ("Doctors in Mosul cannot test for Ebola.\n\nWHO spokeswoman Christy Feig said the organization "
     "is reaching out.", "WHO spokeswoman Christy Feig", "World Health Organization"),
    # many unnamed speakers are of the country they are in
    ("Security officials in Lebanon said the army had detained her.", "Security officials in Lebanon",
     "Lebanon"),
    # an organisation: whose its possessive or its "of" says, or a state before a state body's name
    ("Russia's Defense Ministry said its forces repelled the attack.", "Russia's Defense Ministry",
     "Russia"),
    ("Hamas's armed wing said it fired the rockets.", "Hamas's armed wing", "Hamas"),
    ("The Nigerian government said the girls would be freed.", "The Nigerian government", "Nigeria"),
])
def test_a_source_belongs_to_the_body_else_the_state_its_words_name(
    nlp: Language, text: str, mention: str, affiliation: str
) -> None:
    assert sources(nlp, text)[mention].affiliation == affiliation


@pytest.mark.parametrize(("text", "mention"), [
    ("NATO said the alliance would respond.", "NATO"),  # an organisation is not its own
    ("The Pentagon said the troops would stay.", "The Pentagon"),
    ("Later, the Reuters news agency reported that the talks had failed.", "the Reuters news agency"),
    # a country in the name of a body that is no state's is not its parent (a think tank in Seoul)
    ("North Korea Intellectuals Solidarity revealed that she had been promoted.",
     "North Korea Intellectuals Solidarity"),
    # a country that leads the body is not whom the official serves
    ("The incursion will not last, according to an official with the US-led military bloc.",
     "an official with the US-led military bloc"),
    ("Diplomats said the talks had failed.", "Diplomats"),
    # a clause on the source says what it knows or does, not whose it is
    ("The source, who has close ties to Beijing, said the leader was ill.",
     "The source, who has close ties to Beijing"),
    ("One website, run by North Korean defectors, reported that he was ill.",
     "One website, run by North Korean defectors"),
    # a person is no body (the document names Snyder in full), and a leader's name alone says
    # nothing the text wrote
    ("Gov. Rick Snyder met the mayor. Snyder spokesman Dave Murray said the governor was busy.",
     "Snyder spokesman Dave Murray"),
    ("Putin said the talks had failed.", "Putin"),
    # a document of two bodies is neither's alone
    ("Carbon taxes barely hurt growth, according to a study by economists at Duke University and "
     "the University of Ottawa.", "a study by economists at Duke University and the University of Ottawa"),
    # a country's name inside a longer place's is not that country
    ("Johnson, a two-term governor of New Mexico, said he would run.",
     "Johnson, a two-term governor of New Mexico"),
    # nor the birthplace of someone else the words describe
    ("The British-born hostage's sister, Lucy, told reporters he had been killed.",
     "The British-born hostage's sister, Lucy"),
    # a title the tagger took for a body ("Interior")
    ("Interior Minister Nouhad Mashnuq told the channel that she was travelling.",
     "Interior Minister Nouhad Mashnuq"),
])
def test_a_source_the_text_affiliates_with_nothing_has_none(
    nlp: Language, text: str, mention: str
) -> None:
    assert sources(nlp, text)[mention].affiliation is None


def test_a_surname_and_a_pronoun_take_the_affiliation_of_the_first_mention(nlp: Language) -> None:
    # the title is given in a sentence that attributes nothing
    found = sources(nlp, "U.S. Defense Secretary Mark Esper on Tuesday met allies in Brussels. "
                         "Esper said the United States would respond. He added that allies agreed.")
    assert (found["Esper"].affiliation, found["He"].affiliation) == ("United States", "United States")


def test_a_description_takes_the_affiliation_of_the_body_it_stands_for(nlp: Language) -> None:
    found = sources(nlp, "Ukraine's defense ministry said 20 drones were shot down. "
                         "The ministry said two more had hit a power plant.")
    assert found["The ministry"].affiliation == "Ukraine"


def test_the_official_is_the_last_official_named_before(nlp: Language) -> None:
    found = sources(nlp, "A Jordanian government official told Al Arabiya that the king was not "
                         "flying missions. The official also said the pilots were ready.")
    assert found["The official"].affiliation == "Jordan"
