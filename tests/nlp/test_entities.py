"""claimgraph_entities_v1: every entity with its canonical name, in anyone's pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimgraph.record import Entity, Place
from tests.nlp.test_news_entities import ents


@pytest.fixture()
def blank():
    """A bare English pipeline with only the entities component: no model, no news ruler."""
    nlp = spacy.blank("en")
    nlp.add_pipe("claimgraph_entities_v1")
    return nlp


def by_hand(nlp, words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_any_pipeline_gets_canonical_entities_from_the_component(blank) -> None:
    doc = blank(by_hand(blank, ["Vladimir", "Putin", "spoke", ".", "Putin", "left", "."],
                        [(0, 2, "PERSON"), (4, 5, "PERSON")]))
    assert [(e.text, e.canonical) for e in doc._.cg_entities] == [
        ("Vladimir Putin", "Vladimir Putin"), ("Putin", "Vladimir Putin")]


def test_an_acronym_entity_takes_the_full_name_it_spells(blank) -> None:
    words = ["The", "Environmental", "Protection", "Agency", "ruled", ".", "The", "EPA", "agreed", "."]
    doc = blank(by_hand(blank, words, [(1, 4, "ORG"), (7, 8, "ORG")]))
    assert [e.canonical for e in doc._.cg_entities] == ["Environmental Protection Agency"] * 2


def test_an_entity_takes_the_name_and_country_of_the_place_found_at_it(blank) -> None:
    doc = by_hand(blank, ["Floods", "hit", "Paiporta", "."], [(2, 3, "PERSON")])
    start, end = doc[2].idx, doc[2].idx + len("Paiporta")
    doc._.cg_places = [Place(start, end, "Paiporta", name="Paiporta", kind="place", country="ES")]
    (entity,) = blank(doc)._.cg_entities
    assert entity == Entity(start, end, "Paiporta", label="GPE", canonical="Paiporta", country="ES")


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
