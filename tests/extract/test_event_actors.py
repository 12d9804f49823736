"""Who acts, read off real news sentences: never a dateline, a town, the country an envoy is
posted to, or a country's name that is someone's first name."""

from __future__ import annotations

from spacy.language import Language

from claimgraph.record import Event


def _event(nlp: Language, text: str, trigger: str) -> Event:
    doc = nlp(text)
    return next(e for e in doc._.cg_events if e.trigger.text == trigger)


def test_an_ambassador_is_of_the_country_he_serves_not_the_one_he_is_posted_to(
        nlp: Language) -> None:
    event = _event(nlp, "China's ambassador to Britain Liu Xiaming spoke on Monday. "
                        "Liu threatened to deploy the army against the protesters.", "threatened")
    assert event.type == "THREATEN"
    assert event.actor is not None and (event.actor.text, event.actor.country) == ("Liu", "CHN")


def test_a_country_s_name_as_a_first_name_is_no_country(nlp: Language) -> None:
    event = _event(nlp, "Kevin McAleenan resigned and Chad Wolf has been named new DHS acting "
                        "secretary.", "resigned")
    assert event.actor is not None and event.actor.country is None  # not Chad (TCD)


def test_a_dateline_is_neither_actor_nor_target(nlp: Language) -> None:
    charged = _event(nlp, "WASHINGTON – Two federal prison officers were charged Tuesday with "
                          "falsifying records.", "charged")
    assert charged.actor is None
    assert charged.target is not None and charged.target.text == "Two federal prison officers"
    accused = _event(nlp, "LONDON (AP) — Britain's Conservative Party was accused Wednesday of "
                          "trying to deceive voters.", "accused")
    assert accused.actor is None
    assert accused.target is not None and accused.target.text == "Britain's Conservative Party"


def test_a_town_named_in_the_sentence_does_not_kidnap(nlp: Language) -> None:
    event = _event(nlp, "Police released video showing the rescue of an 8-year-old Fort Worth "
                        "girl who was ripped from her mother's arms and kidnapped in broad "
                        "daylight.", "kidnapped")
    assert event.type == "ASSAULT" and event.actor is None


def test_a_participle_coordinated_with_a_passive_is_passive_too(nlp: Language) -> None:
    text = ("The 48-year-old Australian was evicted in April and sentenced to 50 weeks in jail "
            "for breaching his bail conditions.")
    sentenced = _event(nlp, text, "sentenced")
    assert sentenced.actor is None
    assert sentenced.target is not None and sentenced.target.country == "AUS"


def test_a_verb_that_stands_alone_after_a_passive_keeps_its_subject(nlp: Language) -> None:
    protested = _event(nlp, "The journalist was arrested in March and protested against the "
                            "charges.", "protested")
    assert protested.actor is not None and protested.actor.text == "journalist"


def test_an_agentless_passive_leaves_the_actor_unknown(nlp: Language) -> None:
    # not Beijing, the other party the sentence happens to name
    event = _event(nlp, "Although the bill was withdrawn, the protests had broadened into a "
                        "resistance movement against the territory's government and Beijing.",
                   "withdrawn")
    assert event.type == "RETREAT" and event.actor is None


def test_he_is_the_person_named_before_not_a_country_named_near(nlp: Language) -> None:
    event = _event(nlp, "Neumann had resigned as CEO of the Japanese-backed company the "
                        "previous week. He also agreed to return the cash.", "agreed")
    assert event.actor is not None and (event.actor.text, event.actor.country) == ("He", None)


def test_whose_offer_it_is_provides(nlp: Language) -> None:
    event = _event(nlp, "A group of physicians, alarmed that the Trump administration is "
                        "denying flu vaccines to immigrants, is urging the Department of "
                        "Homeland Security to accept its offer to provide free flu shots.",
                   "provide")
    assert event.type == "AID"
    assert event.actor is not None and event.actor.text == "group"  # not the Trump administration


def test_who_kidnapped_is_the_man_and_the_child_is_the_target(nlp: Language) -> None:
    event = _event(nlp, "CBS DFW reports the man who kidnapped the child, Michael Webb, was "
                        "sentenced to life in federal prison.", "kidnapped")
    assert event.actor is not None and event.actor.text == "man"
    assert event.target is not None and (event.target.text, event.target.sector) == ("child",
                                                                                      "CVL")


def test_a_company_or_a_pronoun_is_a_target_the_tables_need_not_know(nlp: Language) -> None:
    investigating = _event(nlp, "The New York State Attorney General is investigating WeWork, "
                                "according to two people familiar with the matter.",
                           "investigating")
    assert investigating.actor is not None and investigating.actor.sector == "GOV"  # no general
    assert investigating.target is not None and investigating.target.text == "WeWork"
    sentence = _event(nlp, "We are thankful for the Judge's decision to sentence him to life in "
                           "prison.", "sentence")
    assert sentence.target is not None and sentence.target.text == "him"


def test_police_in_a_title_is_no_town_in_poland(nlp: Language) -> None:
    doc = nlp("Senator Dino Melaye has dragged the Inspector-General of Police, Ibrahim Idris, "
              "to court. The police had invited Melaye to appear over alleged assaults on its "
              "men.")
    assert all(a.country != "POL" for e in doc._.cg_events for a in (e.actor, e.target) if a)


def test_a_visitor_is_not_of_the_place_visited(nlp: Language) -> None:
    event = _event(nlp, "The president said he will visit Moscow.", "visit")
    assert event.actor is not None and event.actor.country != "RUS"
    assert event.target is not None and event.target.country == "RUS"


def test_he_is_not_the_plural_subject_of_the_clause_around_him(nlp: Language) -> None:
    event = _event(nlp, "Audience members laughed when he urged voters to look at what he had "
                        "delivered.", "urged")
    assert event.actor is not None and event.actor.text == "he"


def test_what_is_sent_comes_from_its_sender_and_a_refusal_is_aimed_at_him(
        nlp: Language) -> None:
    request = _event(nlp, "In June, the then UK Home Secretary, Sajid Javid, formally approved "
                          "an extradition request from the US.", "request")
    assert request.actor is not None and request.actor.country == "USA"
    dismissed = _event(nlp, "Rebels in the Ivory Coast on Wednesday dismissed an appeal from "
                            "President Laurent Gbagbo to lay down their arms.", "dismissed")
    assert dismissed.target is not None and "Gbagbo" in dismissed.target.text


def test_an_envoy_to_a_country_is_not_of_it_but_militants_loyal_to_one_are(
        nlp: Language) -> None:
    met = _event(nlp, "Another diplomat, former special envoy to Ukraine Kurt Volker, "
                      "shifted his account. Volker met lawmakers on Tuesday.", "met")
    assert met.actor is not None and met.actor.country != "UKR"
    doc = nlp("Militants loyal to Iraq's Al-Qaeda frontman Abu Musab al-Zarqawi said they "
              "attempted to assassinate outgoing Prime Minister Iyad Allawi.")
    event = next(e for e in doc._.cg_events if e.type == "ASSAULT")
    assert event.actor is not None and event.actor.country == "IRQ"


def test_what_prosecutors_allege_is_aimed_at_whom_the_clause_says_did_it(nlp: Language) -> None:
    event = _event(nlp, "Federal prosecutors alleged that Tova Noel and Michael Thomas browsed "
                        "the Internet.", "alleged")
    assert event.type == "ACCUSE"
    assert event.target is not None and "Noel" in event.target.text


def test_what_a_request_asks_for_is_the_addressee_s_act(nlp: Language) -> None:
    event = _event(nlp, "Both Vindman and Williams told lawmakers that Trump's request to "
                        "Ukrainian president to investigate Democratic rivals was inappropriate.",
                   "investigate")
    assert event.actor is not None and event.actor.country == "UKR"  # not Trump


def test_the_one_convicted_of_a_kidnapping_did_it_wherever_the_parse_hangs_of(
        nlp: Language) -> None:
    kidnapping = _event(nlp, "A federal jury deliberated for less than 10 minutes before "
                             "convicting Webb, 51, of kidnapping the girl.", "kidnapping")
    assert kidnapping.actor is not None and kidnapping.actor.text == "Webb"
    assert kidnapping.target is not None and kidnapping.target.text == "girl"
    threatening = _event(nlp, "She called Carlineo, a man convicted of threatening my life.",
                         "threatening")
    assert threatening.actor is not None and threatening.actor.text == "man"


def test_a_threat_is_aimed_at_whom_the_threatened_act_is_aimed_at(nlp: Language) -> None:
    event = _event(nlp, "Hong Kong police have laid siege to a university, pinning 800 students "
                        "inside and threatened to use live ammunition on them.", "threatened")
    assert event.actor is not None and event.actor.text == "Hong Kong police"
    assert event.target is not None and event.target.text == "them"  # not the police again


def test_who_is_pleaded_with_is_the_target_even_parsed_as_the_infinitive_s_subject(
        nlp: Language) -> None:
    event = _event(nlp, "The doctors pleaded with the administration to reconsider its "
                        "decision.", "pleaded")
    assert event.target is not None and event.target.text == "administration"


def test_a_plea_set_in_a_letter_is_still_aimed_at_whom_it_pleads_with(nlp: Language) -> None:
    event = _event(nlp, "In a Nov. 5 letter, the doctors pleaded with the administration to "
                        "reconsider its decision to not vaccinate detained migrants.", "pleaded")
    assert event.target is not None and event.target.text == "administration"  # not the letter


def test_a_subject_the_parser_hung_on_the_auxiliary_acts(nlp: Language) -> None:
    event = _event(nlp, "Another diplomat, Kurt Volker, shifted his own account of the July 10 "
                        "meeting to say Sondland did, in fact, discuss investigations with the "
                        "visiting Ukrainians.", "discuss")
    assert event.actor is not None and event.actor.text == "Sondland"  # not "Another diplomat"


def test_a_person_serves_the_outermost_country_of_the_title_not_the_job_s_subject(
        nlp: Language) -> None:
    event = _event(nlp, "Former White House Russia expert Fiona Hill testified on Thursday. "
                        "Hill accused Republicans of spreading a fiction.", "accused")
    assert event.actor is not None and event.actor.country == "USA"  # not Russia


def test_a_body_named_inside_a_longer_name_is_not_the_body_of_the_tables(
        nlp: Language) -> None:
    event = _event(nlp, "Former National Security Council official Timothy Morrison accused "
                        "the envoy of lying.", "accused")
    assert event.actor is not None and event.actor.country != "IGO"  # not the UN's council
    condemned = _event(nlp, "The UN Security Council condemned the attack.", "condemned")
    assert condemned.actor is not None and condemned.actor.country == "IGO"


def test_the_forces_a_state_deploys_are_its_own_not_the_target(nlp: Language) -> None:
    event = _event(nlp, "Moscow deployed Russian troops to the border with Ukraine on Monday.",
                   "deployed")
    assert event.type == "MOBILIZE"
    assert event.target is not None and event.target.country == "UKR"  # not the Russian troops


def test_who_is_under_attack_is_attacked(nlp: Language) -> None:
    event = _event(nlp, "The Taliban stronghold came under attack from Afghan forces on Monday.",
                   "attack")
    assert event.actor is not None and (event.actor.text, event.actor.country) == (
        "Afghan forces", "AFG")
    assert event.target is not None and event.target.text == "Taliban stronghold"
    investigated = _event(nlp, "The minister is under investigation by prosecutors.",
                          "investigation")
    assert investigated.actor is not None and investigated.actor.text == "prosecutors"
    assert investigated.target is not None and investigated.target.text == "minister"


def test_an_official_of_a_department_is_of_the_story_s_country_a_cabinet_title_is_not(
        nlp: Language) -> None:
    doc = nlp("The U.S. has detained thousands of migrants. Doctors wrote to Kevin McAleenan, "
              "who was the acting director of the Department of Homeland Security. "
              "McAleenan resigned.")
    resigned = next(e for e in doc._.cg_events if e.trigger.text == "resigned")
    assert resigned.actor is not None
    assert (resigned.actor.country, resigned.actor.sector) == ("USA", "GOV")
    accused = _event(nlp, "China has detained thousands of Uighurs. Defense Secretary Mark Esper "
                          "accused China of repression.", "accused")
    assert accused.actor is not None and accused.actor.country is None  # never China



def test_we_in_a_quotation_is_its_speaker_not_a_country_named_near(nlp: Language) -> None:
    event = _event(nlp, '"We are going to the UN General Assembly and we will ask the court to '
                        'open an investigation," said Palestinian chief negotiator Saeb Erekat.',
                   "ask")
    assert event.actor is not None and "Erekat" in event.actor.text
    assert event.actor.country == "PSE"  # not the UN of "the UN General Assembly"


def test_the_office_of_an_official_is_that_official_and_a_company_s_spokesperson_no_government(
        nlp: Language) -> None:
    doc = nlp("We received an inquiry from the office of the New York State Attorney General "
              "and are cooperating in the matter, said a WeWork spokesperson.")
    inquiry = next(e for e in doc._.cg_events if e.trigger.text == "inquiry")
    assert inquiry.actor is not None
    assert inquiry.actor.text == "New York State Attorney General"  # not the state "New York"
    assert (inquiry.actor.country, inquiry.actor.sector) == ("USA", "GOV")
    cooperating = next(e for e in doc._.cg_events if e.trigger.text == "cooperating")
    assert cooperating.actor is not None and cooperating.actor.sector != "GOV"
    kremlin = _event(nlp, "A Kremlin spokesman accused Ukraine of lying.", "accused")
    assert kremlin.actor is not None and (kremlin.actor.country, kremlin.actor.sector) == (
        "RUS", "GOV")


def test_a_name_is_not_of_the_country_it_is_sent_to(nlp: Language) -> None:
    event = _event(nlp, "Smith has avoided extradition to Sweden for seven years after seeking "
                        "refuge at the Ecuadorean embassy in London.", "seeking")
    assert event.actor is not None and event.actor.text == "Smith"
    assert event.actor.country != "SWE"


def test_a_rank_is_of_the_body_it_serves(nlp: Language) -> None:
    police = _event(nlp, "Authorities have charged 22 police officers with involvement in the "
                         "crime.", "charged")
    assert police.target is not None and police.target.sector == "COP"  # not MIL
    prison = _event(nlp, "Two federal prison officers were charged Tuesday with falsifying "
                         "records.", "charged")
    assert prison.target is not None and prison.target.sector is None  # no soldiers
    rebel = _event(nlp, "The U.S. killed Ahmed Abdi Godane, the leader of the al-Shabaab "
                        "insurgent group in Somalia, in an airstrike.", "killed")
    assert rebel.target is not None and rebel.target.sector == "REB"  # no government's
    group = _event(nlp, "Hamas leaders rejected the Israeli proposal.", "rejected")
    assert group.actor is not None and group.actor.sector == "REB"  # the group's, not GOV


def test_the_owner_of_what_is_acted_on_is_the_target(nlp: Language) -> None:
    rejected = _event(nlp, "Last month, a judge rejected Assange's attempt to delay the full "
                           "extradition hearing.", "rejected")
    assert rejected.target is not None and rejected.target.text == "Assange"
    accused = _event(nlp, "Grisham also accused the Democrats of being blinded by their hatred "
                          "for President Trump.", "accused")
    assert accused.target is not None and accused.target.text == "Democrats"
    demanded = _event(nlp, "The protesters demanded that the president resign.", "demanded")
    assert demanded.target is not None and demanded.target.text == "president"


def test_whom_a_relative_clause_acts_on_is_the_noun_it_describes(nlp: Language) -> None:
    arrested = _event(nlp, "The journalist whom the police arrested was released.", "arrested")
    assert arrested.target is not None and arrested.target.text == "journalist"
    refused = _event(nlp, "They named the activists whom the government refused to release.",
                     "refused")
    assert refused.target is not None and refused.target.text == "activists"
