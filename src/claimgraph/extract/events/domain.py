"""What a document is about: public affairs, where a PLOVER word is read in its political sense,
or something else, where it mostly is not.

In a sports report a team "beat" another, "fired a shot", "rallied"; in business and technology
news a company "offers" a free version, "launches" a product, "invested" in a start-up, a deal is
"approved by shareholders", a laptop is "examined", and in a game review enemies "attack". Each
word has its political sense too, and which one a text uses shows less in the word's own
sentence than in the whole document's vocabulary: a page about a laptop's keyboard does not
report a visit of state. So a small model reads the document's lower-case words (their relative
frequencies; names are left out, they would teach who was in the news rather than what news is
about) and weighs the words of public affairs (politics, government, conflict, crime and
justice) in it: a document below a threshold is about something else. The weights (a logistic
regression's, the words that speak for public affairs) and the threshold are fitted by ``scripts/train_domain.py`` on documents labelled by what their corpus or
topic is about (PolNeAR, PLOVER records and the ECB+ topics on elections, riots and crimes
against MEANTIME business news, CoNLL++ sports reports and the other ECB+ topics) and shipped as
``data/events/domain_weights.tsv``.

A second model of the same kind (``data/events/sports_weights.tsv``, fitted by the same
script on the sports reports of CoNLL++ and the ECB+ topics on games and players against the
rest of those corpora) tells a sports report among the documents about something else. There a
country named is a team ("Australia beat Colombia", "Venezuela's Szymanski") and two parties
facing each other are players or clubs in a game ("Nelson fired a shot at Murray", "the Twins
beat the Rangers"): only a body of public affairs makes a PLOVER category ("police arrested
the striker").

A short text gives too little evidence: under :data:`MIN_WORDS` words it is not judged (a
one-sentence report is read as public affairs, as every text was before).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from claimgraph.extract.events import agency
from claimgraph.knowledge import countries, rows
from claimgraph.nlp.extensions import text_of
from claimgraph.record import Actor

WEIGHTS = "events/domain_weights.tsv"
#: the sports model's table: a word of sports reports, its weight
SPORTS_WEIGHTS = "events/sports_weights.tsv"
#: the row of the table that holds the threshold (no word: words are lower-case letters)
THRESHOLD = "_threshold"
#: the fewest words a document needs to be judged (a one-sentence report is not: it is read as
#: public affairs, as before); the frequencies are taken over at least as many
MIN_WORDS = 150
#: the fewest words a sentence is read as by :func:`game_sense`
SENTENCE_WORDS = 10
#: a lower-case word of letters (an apostrophe or hyphen inside)
_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]\b")
#: ``doc.user_data`` key of the document's judgement, computed once
_KEY = "claimgraph.events.public_affairs"
#: ``doc.user_data`` key of whether the document is a sports report
_SPORTS_KEY = "claimgraph.events.sports"


def words(text: str) -> list[str]:
    """The lower-case words of ``text`` (capitalised words, names and sentence starts, are not
    read)."""
    return _WORD.findall(text)


@lru_cache(maxsize=2)
def weights(name: str = WEIGHTS) -> tuple[float, dict[str, float]]:
    """The threshold, and each word of the model's class (public affairs; sports with
    :data:`SPORTS_WEIGHTS`) with its weight per relative frequency."""
    table = {row[0]: float(row[1]) for row in rows(name)}
    return table.pop(THRESHOLD, 0.0), table


def score(text: str, table: dict[str, float] | None = None) -> float:
    """How much of ``text`` is the vocabulary of public affairs: the weighted relative
    frequency of its words (over at least :data:`MIN_WORDS` words)."""
    return score_words(words(text), table)


def score_words(found: list[str], table: dict[str, float] | None = None) -> float:
    """:func:`score` of a text's words (:func:`words`)."""
    table = weights()[1] if table is None else table
    total = max(len(found), MIN_WORDS)
    return sum(table.get(w, 0.0) * n for w, n in Counter(found).items()) / total


def public_affairs(doc: Doc) -> bool:
    """Whether the document is about public affairs (or too short to tell), read once per
    ``Doc``."""
    if _KEY not in doc.user_data:
        found = words(text_of(doc))  # doc.text joins every token anew: ~0.4 ms a document
        threshold, _ = weights()
        doc.user_data[_KEY] = len(found) < MIN_WORDS or score_words(found) >= threshold
        sports_threshold, table = weights(SPORTS_WEIGHTS)
        doc.user_data[_SPORTS_KEY] = len(found) >= MIN_WORDS and \
            score_words(found, table) >= sports_threshold
    return bool(doc.user_data[_KEY])


def sports(doc: Doc) -> bool:
    """Whether the document is a sports report (too short a text is not), read once per
    ``Doc`` with :func:`public_affairs`."""
    public_affairs(doc)
    return bool(doc.user_data[_SPORTS_KEY])


#: CAMEO roots of cooperation (its quad classes of verbal and material cooperation): statements,
#: appeals, intent to cooperate, consultation, diplomatic and material cooperation, aid, yielding
COOPERATION_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "07", "08"})
#: object pronouns that stand for a person ("them" is a thing as often: "fire *them* off to
#: friends")
PERSONS = frozenset({"him", "her", "me", "us"})
#: entity labels of places: a party only when it is a state the phrase names
PLACES = frozenset({"GPE", "LOC", "FAC"})
#: sectors of parties to public affairs: the state's bodies, rebels and armed groups, the
#: opposition, criminals (civilians, business, media, education: not by themselves)
PUBLIC_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "OPP", "CRM"})
#: sectors a sports report gives by the game's titles: the ranks of the military table are a
#: team's ("defensive *captain*", "*general* manager", "*major* league")
GAME_SECTORS = frozenset({"MIL"})


def public_party(actor: Actor | None, *, states: bool = True) -> bool:
    """A state the phrase names ("China", "Moscow") or a body of public affairs ("police", "the
    ministry") acts or is acted on: what makes a PLOVER category in a document about something
    else ("China banned the phones", "police arrested the striker"). A country guessed from the
    sentence or the story ("Apple" TWN beside "a Taiwanese publication"), a town's ("visited
    *Minneapolis*") or a people's ("Belgian fans") is no state acting; with ``states`` false
    (a sports report: "Australia beat Colombia") no state the phrase names is either, nor a
    military rank (:data:`GAME_SECTORS`)."""
    if actor is None:
        return False
    if actor.sector is not None:
        return actor.sector in (PUBLIC_SECTORS if states else PUBLIC_SECTORS - GAME_SECTORS)
    return states and actor.country is not None and actor.canonical in country_names()


def between_parties(doc: Doc, actor: Actor | None, target: Actor | None, *,
                    states: bool = True) -> bool:
    """Both sides are named and each can act, a person or a body ("Garrett hit *Rudolph*", "the
    league suspended *Garrett*", "Swift accused *the company*"): a PLOVER category holds between
    them whatever the document is about. One side alone, or a thing acted on, is no such act in
    a document about something else ("Dashlane *offers* a free version", "we're *examining* the
    MacBook Pro", "enemy *attacks* track you"), nor is a town ("visited Mike *in Minneapolis*"),
    nor with ``states`` false a country (a sports report's team)."""
    if actor is None or target is None:
        return False
    for party in (actor, target):
        span = doc.char_span(party.start, party.end, alignment_mode="expand")
        if span is None:
            return False
        if span.root.lower_ not in PERSONS and not agency.can_act(span.root, conflict=False):
            return False
        if span.root.ent_type_ in PLACES and not public_party(party, states=states):
            return False  # a town is where, not whom: "offered to fly the cat *to Portland*"
    return True


def game_sense(sentence: str) -> bool:
    """Whether a sentence is written in the words of the game: its own words score as a sports
    report does (:data:`SPORTS_WEIGHTS`, over the sentence's words alone). There two players
    facing each other play ("Nelson won it when he *fired* a shot at Murray", "Stich *beat* Haas
    6-3 1-6 7-6"); a sentence of another kind reports what they did off the game ("Garrett *hit*
    Rudolph in the head with his helmet"). A short sentence is read as :data:`SENTENCE_WORDS`
    words long: one word of the game ("head") does not make a short sentence the game's."""
    found = words(sentence)
    threshold, table = weights(SPORTS_WEIGHTS)
    total = max(len(found), SENTENCE_WORDS)
    return sum(table.get(w, 0.0) for w in found) / total >= threshold


def codes_here(doc: Doc, actor: Actor | None, target: Actor | None, code: str = "",
               sentence: str = "") -> bool:
    """Whether an event of CAMEO ``code`` between ``actor`` and ``target``, told in
    ``sentence``, keeps its PLOVER category: in a document about public affairs always; in one
    about something else when a state or a body of public affairs takes part, or, for an act
    that is no cooperation, two parties who can act face each other. Cooperation there (an
    offer, a promise, help, an investment: CAMEO 03, 05-07) is commerce or kindness ("Amazon is
    *offering* Prime members a gift card", "he is focused on *helping* the Steelers"), not
    PLOVER's. In a sports report (:func:`sports`) a country named is a team, and two parties
    keep the category only in a sentence not about the game (:func:`game_sense`)."""
    if public_affairs(doc):
        return True
    game = sports(doc)
    if public_party(actor, states=not game) or public_party(target, states=not game):
        return True
    if code[:2] in COOPERATION_ROOTS or not between_parties(doc, actor, target, states=not game):
        return False
    return not game or not game_sense(sentence)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The countries' names, as an actor's ``canonical`` gives a country the phrase names (a
    capital comes with the sector GOV)."""
    return frozenset(c.name for c in countries())
