"""The town a story was filed from: geocoded as a town, read off the parsed dateline.

Each text is of a kind read wrong on GeoWebNews (issue 12, item 4): the NER cut "ST. LOUIS"
into two places and neither was found; a state of the same name took the town ("NEW YORK (AP)"
as New York State); a dateline after a byline was not known for one ("The Associated Press.
WASHINGTON (AP) -" placed in Washington State).
"""

from __future__ import annotations

from claimgraph.evaluate.places import distance_km
from claimgraph.nlp.pipeline import parse
from claimgraph.record import Place


def place(nlp, text: str, words: str) -> Place:  # type: ignore[no-untyped-def]
    found = [p for p in next(parse(nlp, [(text, None)]))._.cg_places if p.text == words]
    assert found, f"{words!r} not found in {text!r}"
    return found[0]


def near(p: Place, lat: float, lon: float) -> bool:
    return p.lat is not None and p.lon is not None and distance_km(p.lat, p.lon, lat, lon) <= 161


def test_abbreviated_dateline_town_is_one_place(nlp) -> None:
    text = "ST. LOUIS – St. Louis Police announced the arrest of two burglary suspects on Monday."
    assert near(place(nlp, text, "ST. LOUIS"), 38.63, -90.20)


def test_dateline_names_the_town_not_the_state_of_its_name(nlp) -> None:
    text = ("NEW YORK (AP) - Ultimate fighting star Conor McGregor was charged with assault "
            "on Friday after an attack on a bus.")
    assert near(place(nlp, text, "NEW YORK"), 40.71, -74.01)


def test_dateline_after_a_byline_is_still_the_filing_town(nlp) -> None:
    text = ("Matthew Daly, The Associated Press. WASHINGTON (AP) - An effort to restrict "
            "methane emissions on federal lands is off again, officials said on Tuesday.")
    assert near(place(nlp, text, "WASHINGTON"), 38.90, -77.04)


def test_capitals_opening_a_sentence_are_no_dateline_town(nlp) -> None:
    text = "US forces at the al-Tanf base in southern Syria came under fire on Sunday."
    assert place(nlp, text, "US").country == "US"
