"""Whether an event happened, by the text's own account: polarity, certainty and tense.

An analyst counts what happened, so "no one was killed", "ruled out any negotiations" and "may
attack" must not count like "killed" and "attacked". Factuality is read from the trigger token's
dependency context alone (FactBank and MEANTIME annotate it the same way), by pure functions:

- the *frame* of a trigger is the trigger and the words that frame it: the verb an open
  complement depends on ("failed *to reach*", "plans *to buy*"), and the verb an event noun is
  the object or subject of ("ruled out any *negotiations*", "will place an *order*");
- ``polarity`` is negative when the frame has a negation ("did not attack", "no agreement"), the
  trigger's subject or object is negative ("*no one* was killed"), a negating verb frames it
  ("denied sending", "refused to sign") or "without" governs it;
- ``certainty`` is possible for "may/might/could", probable for "should/would/must", for hedging
  verbs and adjectives ("is expected to", "likely to") and hedging adverbs ("reportedly"), and
  possible in a condition ("if the deal goes ahead");
- ``tense`` is future with "will/shall", under a verb of intent or schedule ("plans to",
  "is due to", "is going to") or for an event noun marked "planned/proposed"; otherwise past or
  present from the verb's tag (an event noun takes its frame's).

The word lists are ``data/events/factuality.tsv``.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from claimgraph.knowledge import word_sets

_WORDS = word_sets("events/factuality.tsv")
#: how an open complement or an event noun hangs on the verb that frames it
_FRAMED = {"xcomp", "dobj", "nsubjpass", "nsubj", "attr", "oprd"}
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr"}
_PAST_TAGS = {"VBD", "VBN"}
_PRESENT_TAGS = {"VBZ", "VBP", "VBG"}


class Factuality(NamedTuple):
    polarity: str = "positive"  # "positive" | "negative"
    certainty: str = "certain"  # "certain" | "probable" | "possible"
    tense: str = "present"      # "past" | "present" | "future"


def _keys(tok: Token) -> set[str]:
    """The names a word goes by in the lists: lemma, surface form, and verb + particle."""
    keys = {tok.lemma_.lower(), tok.lower_}
    keys |= {f"{tok.lemma_.lower()} {c.lower_}" for c in tok.children if c.dep_ == "prt"}
    return keys


def frame(trigger: Token) -> list[Token]:
    """The trigger and the words that frame it, nearest first (at most four steps up)."""
    chain = [trigger]
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ in _FRAMED and head.pos_ in {"VERB", "AUX", "ADJ"}:
            chain.append(head)
        elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "ADJ"}:
            chain.append(head.head)  # "ruled out any *talks* on X", "is due for *delivery*"
            tok = head
        else:
            break
        tok = chain[-1]
    return chain


def _governed_by(chain: list[Token], words: frozenset[str]) -> bool:
    return any(_keys(tok) & words for tok in chain[1:])


def polarity(trigger: Token) -> str:
    chain = frame(trigger)
    for tok in chain:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in _WORDS["negation"])
               for c in tok.children):
            return "negative"
    for c in trigger.children:
        if c.dep_ in _ARGUMENTS and (
            c.lower_ in _WORDS["negative_pronouns"]
            or any(d.dep_ == "det" and d.lower_ in _WORDS["negative_determiners"] for d in c.children)
        ):
            return "negative"
    if _governed_by(chain, _WORDS["negating_governors"]):
        return "negative"
    if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ in _WORDS["negating_prepositions"]:
        return "negative"
    return "positive"


def certainty(trigger: Token) -> str:
    chain = frame(trigger)
    for tok in chain:
        for c in tok.children:
            if c.dep_ == "aux" and c.lower_ in _WORDS["possible_modals"]:
                return "possible"
            if c.dep_ == "mark" and c.lower_ in _WORDS["conditional_markers"]:
                return "possible"
    for tok in chain:
        for c in tok.children:
            if c.dep_ == "aux" and c.lower_ in _WORDS["probable_modals"]:
                return "probable"
            if c.dep_ == "advmod" and c.lower_ in _WORDS["hedging_adverbs"]:
                return "probable"
    if _governed_by(chain, _WORDS["hedging_governors"]):
        return "probable"
    return "certain"


def tense(trigger: Token) -> str:
    chain = frame(trigger)
    for tok in chain:
        if any(c.dep_ == "aux" and c.lower_ in _WORDS["future_aux"] for c in tok.children):
            return "future"
    if _governed_by(chain, _WORDS["future_governors"]):
        return "future"
    if any(c.dep_ == "amod" and c.lower_ in _WORDS["future_modifiers"] for c in trigger.children):
        return "future"
    for tok in chain:
        tags = {tok.tag_} | {c.tag_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
        if tags & _PAST_TAGS and tok.pos_ in {"VERB", "AUX"}:
            return "past"
        if tags & _PRESENT_TAGS and tok.pos_ in {"VERB", "AUX"}:
            return "present"
    return "present"


def factuality(trigger: Token) -> Factuality:
    """Polarity, certainty and tense of the event ``trigger`` names."""
    return Factuality(polarity(trigger), certainty(trigger), tense(trigger))
