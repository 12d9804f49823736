"""Whether an event happened, by the text's own account: polarity, certainty and tense.

An analyst counts what happened, so "no one was killed", "ruled out any negotiations" and "may
attack" must not count like "killed" and "attacked". Factuality is read from the trigger token's
dependency context alone (FactBank and MEANTIME annotate it the same way), by pure functions:

- the *frame* of a trigger is the trigger and the words that frame it: the verb an open
  complement depends on ("failed *to reach*", "plans *to buy*"), and the verb an event noun is
  the object or subject of ("ruled out any *negotiations*", "will place an *order*");
- ``polarity`` is negative when the frame has a negation ("did not attack", "no agreement"), the
  trigger's subject or object is negative ("*no one* was killed"), a negating verb frames it
  ("denied sending", "refused to sign"), "without" governs it, or it is what a verb holds back
  from ("balking at committing", "refrained from attacking");
- ``certainty`` is possible for "may/might/could", probable for "should/would/must", for hedging
  verbs and adjectives ("is expected to", "likely to") and hedging adverbs ("reportedly"), and
  possible in a condition ("if the deal goes ahead");
- ``tense`` is future with "will/shall", under a verb of intent or schedule ("plans to",
  "is due to", "is going to"), also through a preposition ("plans *for* the launch", "will
  begin *with* the delivery"), or for an event noun marked "planned/proposed"; otherwise past
  or present from the verb's tag (an event noun takes its frame's).

The word lists are ``data/events/factuality.tsv``.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from claimgraph.knowledge import word_sets
from claimgraph.nlp.words import Word, word
from claimgraph.record import Certainty, Polarity, Tense

_WORDS = word_sets("events/factuality.tsv")
#: how a trigger hangs on the word that frames it ("will remain the first *stop*"); never as its
#: subject ("the attack killed five" says nothing of whether the attack happened)
_FRAMED = {"xcomp", "ccomp", "dobj", "nsubjpass", "acomp", "attr"}
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr"}
#: an infinitive's own clause ("a contract *to supply*", "tells airlines not *to buy*")
_INFINITIVE_CLAUSES = {"xcomp", "ccomp", "acl", "advcl", "relcl"}
_PAST_TAGS = {"VBD", "VBN"}
_PRESENT_TAGS = {"VBZ", "VBP", "VBG"}


class Factuality(NamedTuple):
    polarity: Polarity = "positive"
    certainty: Certainty = "certain"
    tense: Tense = "present"


def _keys(tok: Word) -> set[str]:
    """The names a word goes by in the lists: lemma, surface form, and verb + particle."""
    keys = {tok.lemma_.lower(), tok.lower_}
    keys |= {f"{tok.lemma_.lower()} {c.lower_}" for c in tok.children if c.dep_ == "prt"}
    return keys


def _known(tok: Word, words: frozenset[str]) -> bool:
    """Whether one of :func:`_keys` is in ``words`` (``bool(_keys(tok) & words)``, without
    building the set: the rules ask it of every word of every trigger's frame)."""
    lemma = tok.lemma_.lower()
    if lemma in words or tok.lower_ in words:
        return True
    return any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in words for c in tok.children)


def _shares_clause(tok: Word) -> bool:
    """A verb conjoined to another without a subject of its own shares that verb's subject,
    auxiliaries and frame: "no one was killed or *injured*", "will attack and *destroy*"."""
    return tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children)


def _takes_place(tok: Word) -> bool:
    """An event noun that is the subject of a verb saying only that it happens: "the first
    *flight* will take off", "the *meeting* did not take place" (any other verb says nothing of
    whether its subject happened: "the attack killed five", "the strike began a crisis")."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    verb = tok.head
    objects = {f"{verb.lemma_.lower()} {c.lower_}": c for c in verb.children if c.dep_ == "dobj"}
    phrases = _keys(verb) | objects.keys()  # "take place" is parsed as a verb and its object
    return bool(phrases & _WORDS["occurrence_verbs"]) \
        and objects.keys() <= _WORDS["occurrence_verbs"]


def _through_preposition(tok: Word) -> Word | None:
    """The word a prepositional object hangs on, when it frames it: "plans for the *launch*",
    "will begin with the *delivery*" (None otherwise)."""
    prep = tok.head
    if tok.dep_ not in {"pobj", "pcomp"} or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    if prep.lower_ in _WORDS["framing_prepositions"]:
        return prep.head if prep.head.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} else None
    return None


def frame(trigger: Word, *, prepositions: bool = False) -> list[Word]:
    """The trigger and the words that frame it, nearest first (at most four steps up);
    ``prepositions``: also the word a prepositional object hangs on (for tense only: "plans
    *for* the launch" places the launch ahead, but does not hedge or negate it)."""
    plain, through = _frames(trigger)
    return through if prepositions else plain


def _frames(trigger: Word) -> tuple[list[Word], list[Word]]:
    """:func:`frame` without and with ``prepositions``, in one walk: the first is the second
    up to its first step through a preposition."""
    chain = [trigger]
    plain: list[Word] | None = None
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        if (tok.dep_ in _FRAMED and head.pos_ in {"VERB", "AUX", "ADJ"}) or _shares_clause(tok) \
                or _takes_place(tok):
            tok = head
        elif (framer := _through_preposition(tok)) is not None:
            if plain is None:
                plain = chain[:]
            tok = framer
        else:
            break
        chain.append(tok)
    return (chain if plain is None else plain), chain


def _governed_by(chain: list[Word], words: frozenset[str]) -> bool:
    """Whether a word of ``words`` frames the trigger. A verb it is coordinated with lends it
    subject and auxiliaries, not its meaning: in "troops *stopped* the advance and *accused*
    Kiev", nothing stopped the accusing."""
    if len(chain) < 2:  # the trigger alone (two triggers in three): nothing frames it
        return False
    for below, tok in zip(chain, chain[1:], strict=False):
        if not (below.dep_ == "conj" and below.head.i == tok.i) and _known(tok, words):
            return True
    return False


def _has_child(tokens: list[Word], deps: set[str], words: frozenset[str]) -> bool:
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in deps and c.lower_ in words:
                return True
    return False


def polarity(trigger: Word, chain: list[Word] | None = None) -> Polarity:
    """``chain``: :func:`frame` of ``trigger``, when the caller has it."""
    # a negation of the trigger itself (or of the copula of "is *not* efficient", or of the
    # verb saying it happens: "the *meeting* did not take place"), not of a verb framing it:
    # "does not attempt *to compete*" leaves open whether it competes
    own = [trigger, trigger.head] if trigger.dep_ in {"acomp", "attr"} or _takes_place(trigger) \
        else [trigger]
    if _has_child(own, {"neg", "det"}, _WORDS["negation"]):
        return "negative"
    shared = [trigger, trigger.head] if _shares_clause(trigger) else [trigger]
    for tok in shared:
        for c in tok.children:
            if c.dep_ in _ARGUMENTS and (
                c.lower_ in _WORDS["negative_pronouns"]
                or _has_child([c], {"det"}, _WORDS["negative_determiners"])
            ):
                return "negative"
    if _governed_by(chain or frame(trigger), _WORDS["negating_governors"]):
        return "negative"
    if any(c.dep_ == "amod" and _known(c, _WORDS["negating_governors"]) for c in trigger.children):
        return "negative"  # "the now-*cancelled* deal"
    if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ in _WORDS["negating_prepositions"]:
        return "negative"
    if _refrained(trigger):
        return "negative"
    return "positive"


def _refrained(trigger: Word) -> bool:
    """The object of a verb that holds back from it: "balking *at* committing", "refrained
    *from* attacking", "stopped short *of* recognising"."""
    prep = trigger.head
    if trigger.dep_ not in {"pobj", "pcomp"} or prep.dep_ != "prep":
        return False
    verb = prep.head
    phrases = {f"{verb.lemma_.lower()} {prep.lower_}", f"{verb.lower_} {prep.lower_}"}
    phrases |= {f"{verb.lemma_.lower()} {c.lower_} {prep.lower_}" for c in verb.children
                if c.dep_ in {"advmod", "prt", "acomp"}}  # "stop short of", "back away from"
    if verb.dep_ in {"advmod", "prt", "acomp"}:  # the parse hangs "of" on "short"
        phrases.add(f"{verb.head.lemma_.lower()} {verb.lower_} {prep.lower_}")
    return bool(phrases & _WORDS["refraining_verbs"])


def _ability(chain: list[Word]) -> bool:
    """"an aircraft that *can* carry 500 people": "can" in a relative clause describes what
    something is able to do, not whether an event may happen."""
    return any(tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in _WORDS["ability_modals"]
                                           for c in tok.children) for tok in chain)


def _conditional(chain: list[Word]) -> bool:
    """A clause of condition whose consequence lies ahead or is only possible ("*if* the deal
    goes ahead, prices will fall", "if there came a day ..., I would be the first"): not a
    fact. Under a present or past consequence it states a general rule, as news uses it ("are
    required if a new airliner is to be viable"), and says nothing of whether it happened."""
    for tok in chain:
        if tok.dep_ == "advcl" and _has_child([tok], {"mark"}, _WORDS["conditional_markers"]):
            consequence = [tok.head, *frame(tok.head)[1:]]
            return _has_child(consequence, {"aux"}, _WORDS["hypothetical_aux"])
    return False


def certainty(trigger: Word, chain: list[Word] | None = None) -> Certainty:
    """``chain``: :func:`frame` of ``trigger``, when the caller has it."""
    chain = chain or frame(trigger)
    if _has_child(chain, {"aux"}, _WORDS["possible_modals"]) and not _ability(chain) \
            or _conditional(chain) or _governed_by(chain, _WORDS["trying_verbs"]):
        return "possible"
    if _has_child(chain, {"aux"}, _WORDS["probable_modals"]) \
            or _has_child(chain, {"advmod"}, _WORDS["hedging_adverbs"]) \
            or _governed_by(chain, _WORDS["hedging_governors"]):
        return "probable"
    return "certain"


def _infinitive(trigger: Word) -> bool:
    """An infinitive in a clause of its own, or the object of one ("*to fund* the search"); a
    headline's "Apple *to give* refunds" is news of what is ahead. Not under a verb of saying
    or belief: "is said *to be* faster", "claims *to possess*" speak of the present."""
    verb = trigger.head if trigger.dep_ == "dobj" else trigger
    if not (verb.dep_ in _INFINITIVE_CLAUSES or verb.dep_ == "ROOT"):
        return False
    if verb.dep_ == "xcomp" and _known(verb.head, _WORDS["raising_verbs"]):
        return False
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "TO" for c in verb.children)


def _obliged(chain: list[Word]) -> bool:
    """What should or must be done lies ahead ("airlines should not *purchase* European
    aircraft"); "must have *known*" is a guess about the past."""
    for tok in chain:
        aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
        if aux & _WORDS["deontic_aux"]:
            return not aux & {"have", "'ve"}
    return False


def _when_ahead(chain: list[Word]) -> bool:
    """A clause of time under a clause about the future is about the future too, whatever its
    own tense ("will wear the livery when it *arrives*", "would be replaced before the tour
    *commenced*")."""
    return any(tok.dep_ == "advcl" and tok.head.i != tok.i
               and any(c.dep_ in {"mark", "advmod"} and c.lower_ in _WORDS["temporal_markers"]
                       for c in tok.children)
               and tense(tok.head) == "future" for tok in chain)


def tense(trigger: Word, chain: list[Word] | None = None) -> Tense:
    """``chain``: :func:`frame` of ``trigger`` with ``prepositions``, when the caller has it."""
    chain = chain or frame(trigger, prepositions=True)
    if _has_child(chain, {"aux"}, _WORDS["future_aux"]) \
            or _governed_by(chain, _WORDS["future_governors"]) or _infinitive(trigger) \
            or _has_child([trigger], {"amod"}, _WORDS["future_modifiers"]) \
            or _obliged(chain) or _when_ahead(chain):
        return "future"
    for tok in chain:
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        tags = {tok.tag_} | {c.tag_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
        if tags & _PAST_TAGS:
            return "past"
        if tags & _PRESENT_TAGS:
            return "present"
    return "present"


def factuality(trigger: Token | Word) -> Factuality:
    """Polarity, certainty and tense of the event ``trigger`` names (read off the ``Doc``'s
    :class:`~claimgraph.nlp.words.Word` objects: every rule walks heads and children)."""
    w = word(trigger)
    plain, through = _frames(w)  # the trigger's frame, walked once
    return Factuality(polarity(w, plain), certainty(w, plain), tense(w, through))
