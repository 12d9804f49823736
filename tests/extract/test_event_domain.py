"""What a document is about decides how much a PLOVER word needs: in a product review, a sports
report or a page of business news "offer", "release", "attack", "fired a shot" are mostly not
the political acts PLOVER codes, so there an event keeps its category only when a state or a body
of public affairs takes part, or two parties who can act face each other.

The texts are written for these tests in the manner of the pages the hand-read check reads
(``scripts/hand_read.py`` sets ``design-np``, ``design-np2``). Parsed with the bare spaCy model
and :func:`find_events` run directly, as in ``test_event_sense``. A word left uncoded may still
be an event (``type`` None); these tests read the coded types.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.extract.events import domain, find_events
from claimgraph.record import Actor

REVIEW = (
    "The new laptop is thinner than the last one, and the keyboard is much better to type on. "
    "The screen is bright, the speakers are loud and the battery lasted eleven hours in our "
    "test, which is one hour more than the older model. The trackpad is large and accurate, "
    "and the fans stay quiet unless you push the processor hard with a long video export. "
    "We ran our usual benchmarks and the graphics card kept up with games at high settings, "
    "though the chassis got warm on the left side. The base model comes with sixteen gigabytes "
    "of memory and a fast drive, and you can pay more for a bigger drive or a faster chip. "
    "There are four ports for charging and accessories, a headphone jack and a fingerprint "
    "reader in the power button. The webcam is still poor in low light, and the price is high "
    "for what you get compared with rival machines that have better cameras and more ports. "
    "{} Most buyers will be happy with the base configuration, and the storage upgrades are "
    "worth it only if you edit video or keep a large photo library on the machine."
)
SPORTS = (
    "The home side won the game in overtime after a tense third period in which both teams "
    "traded goals and the goaltenders made save after save in front of a loud crowd. {} The "
    "coach said after the game that his players had shown character, that the power play was "
    "still not good enough and that the team would need to be sharper on the road next week. "
    "The visitors have now lost four games in a row and sit last in the division, two points "
    "behind their rivals with a game in hand. Their captain missed practice on Monday with a "
    "sore knee and is day to day, and the club recalled a young forward from the minor league "
    "team to take his place on the fourth line for the next two games of the season. Fans "
    "cheered the rookie, who scored his first goal in his third game, and the league named "
    "him the first star of the week after he added two assists on Saturday night."
)


@pytest.fixture(scope="module")
def parser(bare_parser: Language) -> Language:
    return bare_parser


def coded(parser: Language, text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in find_events(parser(text)) if e.type}


def test_names_and_sentence_starts_are_not_read() -> None:
    assert domain.words("Police in Minneapolis arrested the man's brother-in-law.") == \
        ["in", "arrested", "the", "man's", "brother-in-law"]


def test_a_review_or_a_game_is_about_something_else(parser: Language) -> None:
    assert not domain.public_affairs(parser(REVIEW.format("")))
    assert not domain.public_affairs(parser(SPORTS.format("")))


def test_a_report_on_public_affairs_is(parser: Language) -> None:
    text = (
        "Police arrested dozens of protesters on Sunday after the government banned a march "
        "against the new security law, and the opposition accused the authorities of using "
        "force against peaceful demonstrators. The interior minister said officers had been "
        "attacked with stones and that the ban would stay until the election. Lawmakers from "
        "the ruling party called for an inquiry into the violence, while rights groups urged "
        "the president to release those detained and to meet opposition leaders for talks. "
        "The prime minister warned that the army could be deployed if the unrest spread to "
        "other cities, and foreign diplomats urged both sides to show restraint. Courts "
        "charged eleven people with rioting, and prosecutors said more charges would follow. "
        "The protest movement vowed to return to the streets next week and threatened a "
        "general strike, and union leaders said they would support it. Several countries "
        "condemned the crackdown and the United Nations human rights office demanded an "
        "independent investigation into the deaths of two demonstrators in the capital."
    )
    assert domain.public_affairs(parser(text))


def test_a_short_text_is_not_judged(parser: Language) -> None:
    sentence = "Dashlane offers a free version of its software."
    assert domain.public_affairs(parser(sentence))
    assert coded(parser, sentence).get("offers") == "AGREE"  # as every text was before


def test_in_a_review_a_product_offered_makes_no_agreement(parser: Language) -> None:
    text = REVIEW.format("Dashlane offers a free version of its software.")
    assert "offers" not in coded(parser, text)


def test_a_state_or_its_police_still_act_there(parser: Language) -> None:
    found = coded(parser, REVIEW.format("Police arrested the founder of the company in May."))
    assert found.get("arrested") == "COERCE"
    found = coded(parser, REVIEW.format("China banned the sale of the laptop last year."))
    assert found.get("banned") is not None


def test_two_parties_facing_each_other_keep_their_category(parser: Language) -> None:
    found = coded(parser, SPORTS.format("Garrett hit Rudolph in the head with a helmet."))
    assert found.get("hit") == "ASSAULT"
    found = coded(parser, SPORTS.format("The visitors attacked the net again and again."))
    assert "attacked" not in found


def test_there_an_offer_or_help_between_a_company_and_its_customers_is_commerce(
        parser: Language) -> None:
    sentence = "Amazon is offering Prime members a free gift card."
    assert coded(parser, sentence).get("offering") == "AGREE"  # alone: not judged
    assert "offering" not in coded(parser, REVIEW.format(sentence))


def test_a_game_report_is_a_sports_report_and_a_review_is_not(parser: Language) -> None:
    assert domain.sports(parser(SPORTS.format("")))
    assert not domain.sports(parser(REVIEW.format("")))


def test_in_a_sports_report_a_country_is_a_team(parser: Language) -> None:
    sentence = "France beat Belgium 1-0."
    assert coded(parser, sentence).get("beat") == "ASSAULT"  # alone: two states, not judged
    assert "beat" not in coded(parser, SPORTS.format(sentence))


def test_there_two_players_in_a_sentence_about_the_game_play_it(parser: Language) -> None:
    found = coded(parser, SPORTS.format(
        "Nelson won it in overtime when he fired a shot at Murray from the blue line."))
    assert "fired" not in found
    assert domain.game_sense("Stich beat Haas 6-3 1-6 7-6 in the second round.")
    assert not domain.game_sense("Garrett hit Rudolph in the head with a helmet.")


def test_there_the_police_still_act_and_a_captain_is_no_officer(parser: Language) -> None:
    found = coded(parser, SPORTS.format("Police arrested the striker outside a nightclub."))
    assert found.get("arrested") == "COERCE"
    captain = Actor(0, 7, "captain", sector="MIL")
    assert domain.public_party(captain)
    assert not domain.public_party(captain, states=False)


@pytest.mark.parametrize("table", [domain.WEIGHTS, domain.SPORTS_WEIGHTS])
def test_the_weight_tables_are_well_formed(table: str) -> None:
    threshold, weights = domain.weights(table)
    assert threshold > 0
    assert weights and all(w > 0 for w in weights.values())
    assert all(domain.words(word) == [word] for word in weights)


def test_there_a_visit_or_a_request_between_persons_is_everyday_life(parser: Language) -> None:
    assert "visited" not in coded(parser, REVIEW.format("Ford visited his editor at her office."))
    assert "asked" not in coded(parser, REVIEW.format("Apple asked its suppliers for more units."))
    found = coded(parser, REVIEW.format("Swift accused the company of blocking her songs."))
    assert found.get("accused") == "ACCUSE"  # conflict between two parties keeps its category
