"""Event candidates: which verbs and nouns of a parse name an event, and how they frame each other.

1. every verb (and eventive noun) found in the lexicon is a candidate; the lexicon sense may depend
   on the verb's object ("lifted the curfew" concedes, "lifted the blockade" retreats);
2. light verbs take their type from their object noun ("launched an attack", "staged a rally");
3. a verb framed by an intent ("promised to send aid", "will withdraw", "vowed to fight") is an
   intended event (see :func:`claimgraph.extract.events.lexicon.intended`);
4. a verb's complement ("threatened *to ban*", "refused *to deploy*", "demanded that X *cancel*")
   is absorbed by the framing event, which takes the complement's target when it has none;
5. "X said Y must / should Z" is X's demand on Y.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.extract.events.roles import Candidate, reduced_relative, subject, target_head
from claimgraph.nlp.words import Word, words

INTENT_AUX = {"will", "would", "'ll", "shall", "wo"}
#: "could attack", "may impose sanctions": possible, not done (unless perfect: "may have fired")
POSSIBLE_AUX = {"could", "may", "might", "can", "ca"}
DEMAND_AUX = {"must", "should"}


def depth(tok: Token) -> int:
    """Steps from ``tok`` to the root of its sentence."""
    steps = 0
    while tok.head.i != tok.i and steps < 50:
        tok, steps = tok.head, steps + 1
    return steps


def _lemmas(tok: Token | Word) -> set[str]:
    out = {tok.lemma_.lower(), tok.lower_}
    out.update(c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod"})
    return out


def _of_lemmas(tok: Token | Word) -> set[str]:
    return {p.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"}


def object_lemmas(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on: objects, prepositional objects, a passive subject."""
    found: set[str] = set()
    if reduced_relative(verb):  # "a report *released* Tuesday"
        found |= _lemmas(verb.head)
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "nsubjpass", "attr", "oprd"}:
            found |= _lemmas(child)
            for conj in (c for c in child.children if c.dep_ == "conj"):  # "artillery, and
                found |= _lemmas(conj)                                      # rocket fire
            # "handed over 700 kg *of medicine*", "declared a state *of siege*"
            found |= _of_lemmas(child)
        elif child.dep_ in {"ccomp", "xcomp", "acomp"} and child.pos_ == "ADJ":
            found.add(child.lemma_.lower())  # "found the minister *guilty*"
            found |= {c.lemma_.lower() for c in child.children if c.dep_ == "nsubj"}
        elif child.dep_ in {"prep", "agent"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found |= _lemmas(pobj)
    return found


def verb_keys(verb: Token | Word) -> list[str]:
    """Lexicon keys to try, phrasal first ("call off"), then the lemma, then guesses from the
    surface form for the lemmatizer's slips ("staged" -> "stag")."""
    lemmas = [verb.lemma_.lower()]
    text = verb.lower_
    if text.endswith("ed"):
        lemmas += [text[:-1], text[:-2]]
    elif text.endswith("ing"):
        lemmas += [text[:-3], text[:-3] + "e"]
    keys = [f"{lemma} {c.lower_}" for lemma in lemmas for c in verb.children
            if c.dep_ in {"prt", "prep"}]
    return [*keys, *lemmas]


def _objects(verb: Token) -> list[Token]:
    """Direct and prepositional objects of a verb, and what a quantity object counts
    ("launched 10 days *of war games*", "began a wave *of strikes*")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        objects += [p for p in prep.children if p.dep_ == "pobj"]
    objects += [p for o in list(objects) for c in o.children if c.dep_ == "prep"
                and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return objects


def _event_noun(verb: Token, lexicon: lex_mod.Lexicon) -> tuple[Token, lex_mod.Sense] | None:
    """The eventive object of a light verb ("launched an *attack*", "went on *strike*")."""
    for noun in _objects(verb):
        # "launched an attack", and "launched a mediation effort": the modifier names the event
        for word in [noun, *(c for c in noun.children if c.dep_ == "compound")]:
            sense = lexicon.noun(word.lemma_.lower(), _lemmas(word) | _of_lemmas(word))
            if sense is not None:
                return word, sense
    return None


def _demand(verb: Word) -> bool:
    """"X said Y *must* cancel": a complement with "must"/"should" under another verb."""
    return any(c.dep_ == "aux" and c.lower_ in DEMAND_AUX for c in verb.children) \
        and verb.dep_ == "ccomp" and verb.head.pos_ == "VERB"


def find_candidates(doc: Doc, lexicon: lex_mod.Lexicon) -> list[Candidate]:
    verbal: dict[int, Candidate] = {}
    nominal: dict[int, Candidate] = {}
    consumed: set[int] = set()
    # the words are read as plain ``Word``s (:mod:`claimgraph.nlp.words`); a ``Token`` is made
    # only for a word the lexicon knows, the few that become candidates
    for w in words(doc):
        if w.pos_ == "VERB" and w.dep_ != "amod":  # "Israeli-*occupied* sector": a modifier
            keys = verb_keys(w)
            if not any(k in lexicon.verbs or k in lexicon.frames for k in keys):
                # no sense, no frame: only a demand ("X said Y *must* cancel") can be an event
                if _demand(w):
                    tok = doc[w.i]
                    verbal[tok.i] = Candidate(tok, tok, lex_mod.Sense("100"), True, demand=True)
                continue
            tok = doc[w.i]
            objects = object_lemmas(tok)
            sense = next((s for k in keys if (s := lexicon.verb(k, objects))), None)
            frame = next((lexicon.frames[k] for k in keys if k in lexicon.frames), None)
            found = _event_noun(tok, lexicon) if frame == "light" else None
            noun = found[0] if found is not None else None
            if noun is not None:
                consumed.add(noun.i)  # one event: "held talks", not "held" and "talks"
            if found is not None and (sense is None or not sense.context):
                verbal[tok.i] = Candidate(found[0], tok, found[1], True, noun=noun)
                continue
            if sense is not None:
                if sense.context and noun is None:  # "imposed *sanctions*": one event, not two
                    noun = next((o for o in _objects(tok) if o.lemma_.lower() in sense.context
                                 and o.lemma_.lower() in lexicon.nouns), None)
                    if noun is not None:
                        consumed.add(noun.i)
                verbal[tok.i] = Candidate(tok, tok, sense, True, noun=noun)
            elif _demand(w):
                verbal[tok.i] = Candidate(tok, tok, lex_mod.Sense("100"), True, demand=True)
        elif w.pos_ in {"NOUN", "PROPN"} and w.dep_ != "compound":
            if w.lemma_.lower() not in lexicon.nouns and w.lower_ not in lexicon.nouns:
                continue  # no sense to pick (most nouns): the context is not read
            context = _lemmas(w) | _of_lemmas(w)  # "suspension of air links"
            sense = lexicon.noun(w.lemma_.lower(), context) or lexicon.noun(w.lower_, context)
            if sense is not None:
                tok = doc[w.i]
                nominal[tok.i] = Candidate(tok, tok, sense, False)
    _frame(verbal, lexicon)
    return sorted(
        [*verbal.values(), *(c for i, c in nominal.items() if i not in consumed)],
        key=lambda c: c.trigger.i,
    )


def _frame(verbal: dict[int, Candidate], lexicon: lex_mod.Lexicon) -> None:
    """Intent, demand and complement framing between verbal candidates (in place)."""
    for i in sorted(verbal, key=lambda i: depth(verbal[i].clause)):
        cand = verbal.get(i)
        if cand is None:
            continue
        verb = cand.clause
        head = verb.head
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if auxes & INTENT_AUX or (auxes & POSSIBLE_AUX and "have" not in auxes):
            cand.intent = True
        framer = _intent_governor(verb, lexicon)
        if framer is not None:
            cand.intent, cand.governor = True, framer
            verbal.pop(framer.i, None)
            continue
        if verb.dep_ == "ccomp" and any(c.lower_ in DEMAND_AUX for c in verb.children
                                        if c.dep_ == "aux") and head.i not in verbal:
            cand.demand, cand.governor = True, head
            continue
        framer = _framing_event(verb, verbal)
        if framer is not None:
            frame = verbal[framer.i]
            if frame.absorbed_target is None:
                frame.absorbed_target = target_head(verb) or subject(verb, own_only=True)
            del verbal[i]


def _framing_event(verb: Token, verbal: dict[int, Candidate]) -> Token | None:
    """The event verb whose complement ``verb`` is, directly or through a verb that is no event
    ("refused *to let* inspectors *visit*"), or None."""
    tok = verb
    for _ in range(2):
        if tok.dep_ not in {"xcomp", "ccomp"} or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.i in verbal:
            return tok
    return None


def _intent_governor(verb: Token, lexicon: lex_mod.Lexicon) -> Token | None:
    """The intent verb framing ``verb`` through infinitives: "vowed *to fight*", "prepared to
    *resume shelling*" (through an aspectual verb), or None."""
    tok = verb
    for _ in range(2):
        infinitive = tok.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux"
                                                 for c in tok.children)
        if not (tok.dep_ == "xcomp" or infinitive) or tok.head.i == tok.i:
            return None
        tok = tok.head
        if any(lexicon.frames.get(k) == "intent" for k in verb_keys(tok)):
            return tok
    return None
