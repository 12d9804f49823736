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
    assert len(_events(doc, _words(doc, "attacked", "attacked"))) == 2


def test_another_attack_is_a_new_event(nlp: Language) -> None:
    doc = nlp("An attack on the base killed two soldiers. Another attack wounded five.")
    assert len(_events(doc, _words(doc, "attack", "attack"))) == 2


def test_each_said_is_its_own_act_of_saying(nlp: Language) -> None:
    doc = nlp("The minister said the talks would resume. The army said it had withdrawn.")
    assert len(_events(doc, _words(doc, "said", "said"))) == 2
