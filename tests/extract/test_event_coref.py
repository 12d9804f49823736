"""Within-document event coreference: one event with all its mentions, different events apart."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.extract.events.coref import cluster, mention_of
from claimgraph.nlp import extensions


def _words(doc: Doc, *words: str) -> list[Token]:
    """The tokens spelled ``words``, each the first not taken yet, in text order."""
    taken: list[Token] = []
    for word in words:
        taken.append(next(t for t in doc if t.text == word and t not in taken))
    return sorted(taken, key=lambda t: t.i)


def _events(doc: Doc, tokens: list[Token]) -> list[list[str]]:
    places = extensions.results(doc, "cg_places")
    times = extensions.results(doc, "cg_times")
    mentions = [mention_of(t, places=places, times=times) for t in tokens]
    return [[f"{tokens[i].text}@{tokens[i].i}" for i in group] for group in cluster(mentions)]


def test_the_attack_after_an_attack_on_a_town_is_that_attack(nlp: Language) -> None:
    doc = nlp("Militants launched an attack on a police post in Kandahar on Monday. "
              "The attack killed three officers, police said.")
    first, second = _words(doc, "attack", "attack")
    assert len(_events(doc, [first, second])) == 1


def test_the_explosion_is_the_bomb_that_exploded(nlp: Language) -> None:
    doc = nlp("A car bomb exploded outside the ministry in Baghdad. The explosion shattered windows.")
    assert len(_events(doc, _words(doc, "exploded", "explosion"))) == 1


def test_two_attacks_on_different_towns_stay_two_events(nlp: Language) -> None:
    doc = nlp("Gunmen attacked a checkpoint in Kandahar on Monday. "
              "Gunmen also attacked a police station in Herat on Tuesday.")
    attacks = [e for e in doc._.cg_events if e.trigger.text == "attacked"]
    assert len(attacks) == 2 and attacks[0].mentions == attacks[1].mentions == []


def test_attacks_by_different_people_are_different_events() -> None:
    from claimgraph.extract.events.coref import Mention

    first = Mention(0, 8, 0, family="attack", verbal=True, type="ASSAULT",
                    participants={"PERSON": frozenset({"john smith"})})
    second = Mention(50, 58, 1, family="attack", verbal=True, type="ASSAULT",
                     participants={"PERSON": frozenset({"mary jones"})})
    same = Mention(90, 96, 2, family="attack", verbal=False, definite=True, type="ASSAULT",
                   participants={"PERSON": frozenset({"smith"})})
    assert cluster([first, second, same]) == [[0, 2], [1]]


def test_another_attack_is_a_new_event(nlp: Language) -> None:
    doc = nlp("An attack on the base killed two soldiers. Another attack wounded five.")
    assert len(_events(doc, _words(doc, "attack", "attack"))) == 2


def test_each_said_is_its_own_act_of_saying(nlp: Language) -> None:
    doc = nlp("The minister said the talks would resume. The army said it had withdrawn.")
    assert len(_events(doc, _words(doc, "said", "said"))) == 2


def test_the_events_component_reports_one_attack_with_all_its_mentions(nlp: Language) -> None:
    doc = nlp("Militants launched an attack on a police post in Kandahar on Monday. "
              "The attack killed three officers, police said. The assault was the deadliest this year.")
    attack = next(e for e in doc._.cg_events if e.trigger.text == "attack")
    assert attack.trigger.start < attack.mentions[0].start  # the earliest mention is the trigger
    assert [m.text for m in attack.mentions] == ["attack", "assault"]


def test_a_definite_noun_renames_the_event_named_by_a_noun_not_the_verb_between() -> None:
    from claimgraph.extract.events.coref import Mention

    attack = Mention(0, 6, 0, family="attack", verbal=False, indefinite=True, type="ASSAULT")
    killed = Mention(20, 26, 1, family="kill", verbal=True, type="ASSAULT")
    assault = Mention(40, 47, 2, family="assault", verbal=False, definite=True, type="ASSAULT")
    assert cluster([attack, killed, assault]) == [[0, 2], [1]]


def test_a_mention_is_compared_only_with_the_events_it_could_join(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Clustering asks whether two mentions disagree only for an event the mention would join
    (same action, or a definite noun of its type), not for every event in the window: a report
    with many events in a few sentences cost the square of them."""
    from claimgraph.extract.events import coref

    calls = []
    real = coref.compatible
    monkeypatch.setattr(coref, "compatible", lambda a, b: calls.append(1) or real(a, b))
    mentions = [coref.Mention(10 * i, 10 * i + 5, 0, family=f"action{i}", verbal=True,
                              type="ASSAULT") for i in range(40)]
    mentions.append(coref.Mention(500, 505, 1, family="action3", verbal=True, type="ASSAULT"))
    assert len(coref.cluster(mentions)) == 40
    assert len(calls) == 1


def test_the_body_introduces_with_an_the_event_its_headline_named(nlp: Language) -> None:
    doc = nlp("Airbus wins Qatar Airways order worth $15bn\n"
              "Airbus has won an order from Qatar Airways for 80 A350 jets.")
    assert len(_events(doc, _words(doc, "order", "order"))) == 1


def test_another_attack_after_a_headline_is_still_a_new_event(nlp: Language) -> None:
    doc = nlp("Bomb attack in Kabul\nAnother attack hit the city on Tuesday.")
    assert len(_events(doc, _words(doc, "attack", "attack"))) == 2


def test_the_announcement_is_the_act_of_announcing_before_it(nlp: Language) -> None:
    doc = nlp("Apple announced on Monday that Jobs would take medical leave. "
              "The announcement sent its shares down.")
    assert len(_events(doc, _words(doc, "announced", "announcement"))) == 1


def test_a_duration_does_not_date_an_event(nlp: Language) -> None:
    """"a 27-year contract to supply" says how long, not when: it cannot keep the supply apart
    from the headline's supply dated 2008."""
    from claimgraph.extract.events.coref import Mention
    from claimgraph.record import Event, Span, Time

    doc = nlp("EADS signed a 27-year contract to supply 14 tankers.")
    supply = next(t for t in doc if t.text == "supply")
    span = Span(supply.idx, supply.idx + len(supply.text), supply.text)
    event = Event(id="e1", type="AID", trigger=span, time=0)
    later = mention_of(supply, event=event, times=[Time(14, 21, "27-year", "DURATION", "P27Y")])
    headline = Mention(0, 6, 0, family=later.family, verbal=True, type="AID",
                       times=frozenset({"2008"}))
    assert later.times == frozenset() and len(cluster([headline, later])) == 1


def test_an_event_noun_that_names_no_one_is_an_event_without_a_plover_type(nlp: Language) -> None:
    # the protests' actor was once guessed from the nearest country (China, which backs the bill)
    doc = nlp("The protests began peacefully in June and were sparked by a bill that China backed.")
    protests = next(e for e in doc._.cg_events if e.trigger.text == "protests")
    assert protests.type is None and protests.actor is None
    backed = next(e for e in doc._.cg_events if e.trigger.text == "backed")
    assert backed.type == "SUPPORT" and backed.actor is not None and backed.actor.country == "CHN"


def test_an_event_noun_keeps_its_type_when_a_later_mention_names_who_acts(nlp: Language) -> None:
    doc = nlp("The protests began peacefully in June. "
              "Students protested against the bill outside the legislature on Monday.")
    protests = next(e for e in doc._.cg_events if e.trigger.text == "protests")
    assert protests.type == "PROTEST" and [m.text for m in protests.mentions] == ["protested"]
    assert protests.actor is not None and protests.actor.text == "Students"


def test_protests_amid_which_a_state_acts_are_not_the_state_s_protests(nlp: Language) -> None:
    doc = nlp("China's ambassador said that China has the power to end Hong Kong unrest amid protests.")
    protests = next(e for e in doc._.cg_events if e.trigger.text == "protests")
    assert protests.actor is None and protests.type is None


def test_a_mention_completes_a_role_only_when_the_other_role_agrees(nlp: Language) -> None:
    doc = nlp("Neumann had resigned as CEO the previous week. He also agreed to return the cash "
              "he received from the use of We.\n\nWeWork agreed to a rescue by its largest "
              "shareholder, Japanese technology investment company SoftBank Group Corp, last "
              "month.")
    agreed = next(e for e in doc._.cg_events if e.trigger.text == "agreed")
    assert agreed.actor is not None and agreed.actor.text == "He"
    assert agreed.target is None  # not the Japanese of WeWork's rescue
