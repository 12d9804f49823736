"""Word sense of a PLOVER trigger: a lexicon verb is coded only in the sense its category names,
read from what it acts on ("released *prisoners*", not "released *a letter*") and, for a refusal,
from what is refused ("refused *to deploy* troops", not "declined *to comment*").

Sentences are from news reports (some from real pages of the article-extraction benchmark).
Parsed with the bare spaCy model and :func:`find_events` run directly, as in ``test_events``.
A word left uncoded may still be an event (``type`` None); these tests read the coded types.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.extract.events import agency, find_events, lexicon, sense
from claimgraph.extract.events.coder import BARE_TRIGGERS
from claimgraph.extract.events.coref import uncode_unowned


@pytest.fixture(scope="module")
def parser(bare_parser: Language) -> Language:
    return bare_parser


def coded(parser: Language, text: str) -> dict[str, str]:
    return {e.trigger.text: e.type for e in find_events(parser(text)) if e.type}


def test_declining_to_comment_refuses_nothing(parser: Language) -> None:
    assert "declined" not in coded(parser, "A spokesperson for the attorney general declined to "
                                           "comment.")
    assert "declined" not in coded(parser, "WeWork declined to comment on the report.")


def test_refusing_an_act_between_parties_is_a_rejection(parser: Language) -> None:
    found = coded(parser, "Pakistan has refused to deploy peacekeepers in Iraq.")
    assert found.get("refused") == "REJECT"
    found = coded(parser, "Vice-President Moody Awori has declined to resign despite growing "
                          "pressure by the anti-corruption commission.")
    assert found.get("declined") == "REJECT"


def test_a_released_letter_is_published_not_set_free(parser: Language) -> None:
    assert "released" not in coded(parser, "The senator released a letter on Tuesday.")
    assert coded(parser, "The rebels released two hostages on Sunday.")["released"] == "RETREAT"


def test_force_on_a_disease_or_an_animal_is_no_assault(parser: Language) -> None:
    assert "fight" not in coded(parser, "He was given antibiotics to fight the disease.")
    text = "A hunter who killed and ate a wild rabbit has been hit by the bubonic plague."
    assert "killed" not in coded(parser, text)
    assert coded(parser, "Gunmen killed two soldiers near the border.")["killed"] == "ASSAULT"


def test_a_price_charged_is_no_charge_against_anyone(parser: Language) -> None:
    text = "Neumann had planned to charge WeWork almost $6 million to use his trademark."
    assert "charge" not in coded(parser, text)
    assert coded(parser, "Prosecutors charged the former mayor with fraud.")["charged"] \
        == "COERCE"


def test_the_object_of_an_of_phrase_may_be_what_is_acted_on(parser: Language) -> None:
    text = "Israel seized control of the territories in the 1967 Six-Day War."
    assert coded(parser, text).get("seized") is not None


@pytest.mark.parametrize(
    ("other_sense", "trigger", "event_sense", "event_trigger", "code"),
    [
        # signing is support only for an agreement
        ("The letter was signed by seven physicians.", "signed",
         "Libya and Bulgaria today signed a treaty of friendship.", "signed", "SUPPORT"),
        # pleading guilty is no appeal
        ("A New York man pleaded guilty to threatening a congresswoman.", "pleaded",
         "The doctors pleaded with the administration to reconsider.", "pleaded", "REQUEST"),
        # a relative clause's subject that cannot act makes no act
        ("This mortality rate constitutes an emergency which threatens the safety of children.",
         "threatens", "The militia, which threatened the villagers, fled.", "threatened",
         "THREATEN"),
        # asking a question is no appeal
        ("The moderators asked questions about the deficit.", "asked",
         "Omar asked the judge for compassion.", "asked", "REQUEST"),
        # sharing cooperates with someone
        ("Carson shared a syllabus on his Facebook page.", "shared",
         "Jordan shared intelligence with Israel about the attack.", "shared", "COOPERATE"),
        # inspecting a room is no inquiry
        ("The officers inspected the room and left.", "inspected",
         "The commission investigated the killings of the protesters.", "investigated", "ACCUSE"),
        # a happening causes harm but makes no deal
        ("McClatchy said its finances were so impaired that it was negotiating a takeover.",
         "negotiating", "A roadside bombing killed one soldier.", "killed", "ASSAULT"),
        ("Existing research shows it gives radiation protection.", "gives",
         "A roadside bombing killed one soldier.", "killed", "ASSAULT"),
        # a demand is made of someone who must act, not of no one or of a thing
        ("Richardson said that Rudolph should be disciplined by the league for his role.",
         "disciplined", "The Red Cross said US and British forces must ensure security.",
         "ensure", "REQUEST"),
        ("This verdict should be seen in a broader view, said Oza.", "seen",
         "The Red Cross said US and British forces must ensure security.", "ensure", "REQUEST"),
        # a quality put forward is no cooperation offered
        ("Nissan says it will offer better gas mileage.", "offer",
         "Japan offered asylum to the dissidents.", "offered", "AGREE"),
        # a team beaten in a game is no one assaulted
        ("Pierre-Luc Dubois had two goals, and Columbus beat Montreal.", "beat",
         "Police beat the protesters with batons.", "beat", "ASSAULT"),
    ],
)
def test_a_word_is_coded_in_its_event_sense_only(
    parser: Language, other_sense: str, trigger: str, event_sense: str, event_trigger: str,
    code: str,
) -> None:
    assert trigger not in coded(parser, other_sense)
    assert coded(parser, event_sense).get(event_trigger) == code


def test_object_kinds_are_data() -> None:
    kinds = sense.object_kinds()
    assert "person" in kinds["0841"] and "communication" not in kinds["0841"]
    assert "state" not in kinds["18"]  # a disease is not attacked


def test_object_kinds_name_wordnet_files_and_known_keys() -> None:
    files = {kind for kind, _ in agency.noun_kinds().values()}
    verbs = lexicon.load().verbs
    for key, kinds in sense.object_kinds().items():
        assert key.isdigit() or key in verbs, key
        assert kinds and kinds <= files, key


def test_a_meeting_needs_someone_met(parser: Language) -> None:
    assert "met" not in coded(parser, "The proposal was met with laughter in the chamber.")
    assert "met" not in coded(parser, "The company met the deadline.")
    # WordNet files "counterpart" under cognition (a copy); a counterpart is met all the same
    found = coded(parser, "The minister met with his counterpart on Monday.")
    assert found.get("met") == "CONSULT"


def test_a_warning_that_something_is_so_is_no_threat(parser: Language) -> None:
    text = "The doctors warned that migrants are not the only people at risk of illness."
    assert "warned" not in coded(parser, text)
    found = coded(parser, "The rebels warned that they would attack the capital.")
    assert "THREATEN" in found.values()


def test_what_is_released_as_it_is_a_thing(parser: Language) -> None:
    text = "His campaign had found the article and would release it."
    assert "release" not in coded(parser, text)


def test_seizing_on_a_remark_seizes_nothing(parser: Language) -> None:
    assert "seizing" not in coded(parser, "She went on the offensive, seizing on a remark "
                                          "the president made.")




def test_seeking_to_do_something_is_an_attempt_not_an_appeal(parser: Language) -> None:
    text = "Her campaign sought to minimize the blowback from its decision."
    assert "sought" not in coded(parser, text)
    assert coded(parser, "The doctors urged the agency to reopen the clinic.").get("urged") \
        == "REQUEST"
    assert coded(parser, "Iraqi Kurds sought refuge in Germany.").get("sought") == "REQUEST"


def test_help_with_something_that_is_no_act_is_no_aid(parser: Language) -> None:
    assert "help" not in coded(parser, "They hope for government funding to help pay the cost "
                                       "for vaccines.")


def test_agreeing_with_a_decision_is_an_opinion(parser: Language) -> None:
    text = "We are thankful for and agree with the judge's decision."
    assert "agree" not in coded(parser, text)
    assert coded(parser, "The two sides agreed on a ceasefire.").get("agreed") == "AGREE"


def test_we_must_is_no_demand_on_another(parser: Language) -> None:
    assert "teach" not in coded(parser, 'She added, "We must teach the defendant love."')


def test_a_light_verb_refused_refuses_only_an_event(parser: Language) -> None:
    text = "The officers repeatedly failed to conduct mandated checks on inmates."
    assert "failed" not in coded(parser, text)
    found = coded(parser, "The rebels refused to hold talks with the government.")
    assert "REJECT" in found.values()


def test_a_condition_is_no_event_that_happened(parser: Language) -> None:
    assert "convicted" not in coded(parser, "If convicted, he could face decades in jail.")
    found = coded(parser, "Iran will attack the ships if the United States imposes sanctions.")
    assert "imposes" not in found  # the condition
    assert found.get("attack") == "THREATEN"  # what is threatened on it


def test_a_question_asked_is_no_appeal(parser: Language) -> None:
    text = "\u201cAfter two more years of this,\u201d Doctor asks, \u201cwhat kind of products are left?\u201d"
    assert "asks" not in coded(parser, text)
    assert "asked" not in coded(parser, "The reporter asked whether the talks would resume.")
    assert "asking" not in coded(parser, "Guy keeps rushing me, he's asking for it.")
    assert coded(parser, "Omar asked for compassion in a letter.")["asked"] == "REQUEST"
    assert coded(parser, "The minister asked Israel to release the prisoners.")["asked"] \
        == "REQUEST"


def test_what_one_wishes_another_would_do_did_not_happen(parser: Language) -> None:
    text = "44 percent of Americans say they want the House to impeach and the Senate to convict."
    assert "convict" not in coded(parser, text)
    assert "investigate" not in coded(parser, "Most Americans want Congress to investigate Trump.")
    assert coded(parser, "Iran wants to hold talks with Iraq.")["hold"] == "AGREE"


def test_a_cooperative_act_that_did_not_take_place_is_no_refusal(parser: Language) -> None:
    events = {e.trigger.text: e for e in find_events(parser(
        "He hasn't taken part in these negotiations."))}
    assert (events["negotiations"].type, events["negotiations"].polarity) == \
        ("CONSULT", "negative")
    assert coded(parser, "Iran will not meet the envoy.")["meet"] == "REJECT"
    assert coded(parser, "Israel did not accept the proposal.")["accept"] == "REJECT"


def parties_coded(parser: Language, text: str) -> dict[str, str]:
    """Coded types after the component's last step: an event with no party keeps its type only
    when coreference gave it one."""
    doc = parser(text)
    events = uncode_unowned(find_events(doc), doc.user_data.get(BARE_TRIGGERS, frozenset()))
    return {e.trigger.text: e.type for e in events if e.type}


def test_an_event_with_no_party_at_all_is_not_coded(parser: Language) -> None:
    text = "For almost any news organization, the imperative is to invest in digital capabilities."
    assert "invest" not in parties_coded(parser, text)
    assert "surrender" not in parties_coded(parser, "They had no option but to come out and "
                                                    "surrender.")
    assert parties_coded(parser, "Japan will invest in Vietnam's ports.")["invest"] == "AGREE"



#: a lexicon verb in another sense, shown by its frame (issue 13, the hand-read pages): the
#: sentence, the trigger left uncoded
OTHER_SENSES = {
    "a protest verb with an object": (
        "Trump had demonstrated a fondness for brutal leaders like Saddam Hussein.",
        "demonstrated"),
    "a strike with an object": (
        "That struck me as different than other calls I had listened to, she said.", "struck"),
    "a protest verb with a clause": (
        "She struggled to demonstrate that she is as resistant to trade agreements as her "
        "opponent.", "demonstrate"),
    "rallying around someone": (
        "Conservative leaders discussed the possibility of rallying around a third-party "
        "candidate.", "rallying"),
    "force used on oneself": (
        "Police said the gang's leader, Benjamin Mondragon, had killed himself.", "killed"),
    "a fight to win something": (
        "All political parties are devoting much of their campaign spending to the digital "
        "realm as they battle to win the election.", "battle"),
    "a warning to do something": (
        "Officials have warned people to stay away from infected areas.", "warned"),
    "an insistence that something is so": (
        "Clinton's advisers have long insisted they thought the primary would become "
        "competitive.", "insisted"),
    "a demand how something could be": (
        "Maitlis repeatedly demanded how Andrew could be so sure what he was doing that night.",
        "demanded"),
    "a relative clause's noun is what its verb released": (
        "It was about a call the White House released last month.", "released"),
    "what a relative pronoun stands for was released": (
        "The senator read a letter that the prisoners had released.", "released"),
    "words deployed": (
        "She said her father had hopped a freight train to find work, deploying Mr. Biden's "
        "favorite adverb.", "deploying"),
    "a crime committed": (
        "The alleged criminals are conservatives who have committed the so-called offense of "
        "supporting Trump.", "committed"),
}
#: the same verbs in their PLOVER sense: sentence, trigger, type
PLOVER_SENSES = {
    "a strike with no object": ("Workers struck at the plant on Monday.", "struck", "PROTEST"),
    "a march": ("Thousands of protesters marched through the capital.", "marched", "PROTEST"),
    "a fight against someone": (
        "Rebels fought government troops for control of the town.", "fought", "ASSAULT"),
    "a warning of one's own act": (
        "Iran warned that it would retaliate against any attack.", "warned", "THREATEN"),
    "a demand in the subjunctive": (
        "The protesters demanded that the president resign.", "demanded", "REQUEST"),
    "people released": (
        "The rebels released the hostages they had held for a year.", "released", "RETREAT"),
    "troops deployed": (
        "Russia deployed troops to the border with Ukraine.", "deployed", "MOBILIZE"),
}


@pytest.mark.parametrize(("text", "trigger"), OTHER_SENSES.values(), ids=OTHER_SENSES.keys())
def test_a_verb_whose_frame_shows_another_sense_is_not_coded(parser: Language, text: str,
                                                             trigger: str) -> None:
    assert trigger not in coded(parser, text)


@pytest.mark.parametrize(("text", "trigger", "kind"), PLOVER_SENSES.values(),
                         ids=PLOVER_SENSES.keys())
def test_the_same_verbs_in_their_plover_sense_are_coded(parser: Language, text: str,
                                                        trigger: str, kind: str) -> None:
    assert coded(parser, text).get(trigger) == kind
