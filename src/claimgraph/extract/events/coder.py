"""Finding and coding events in a parsed ``Doc``: trigger, PLOVER type, actor and target.

The approach is PETRARCH's (a verb dictionary over a dependency parse), kept small:

1. every verb (and eventive noun) found in the lexicon is a candidate; the lexicon sense may depend
   on the verb's object ("lifted the curfew" concedes, "lifted the blockade" retreats);
2. light verbs take their type from their object noun ("launched an attack", "staged a rally");
3. a verb framed by an intent ("promised to send aid", "will withdraw", "vowed to fight") is an
   intended event: AGREE when it cooperates, THREATEN when it is conflict; a negated cooperative
   verb ("will not accept") is REJECT, a negated conflict ("did not attack") is no event;
4. a verb's complement ("threatened *to ban*", "refused *to deploy*", "demanded that X *cancel*")
   is absorbed by the framing event, which takes the complement's target when it has none;
5. roles follow the voice: active subject = actor (PLOVER's source), object or prepositional
   object (against, on, with, to ...) = target; passive: the ``by`` agent acts, the subject is
   acted upon; a pronoun subject borrows the subject of the verb that governs its clause.

``find_events`` returns the events in text order; :func:`salience` orders them for picking the
main event of a sentence (verbal before nominal, nearest the root first).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.events import actors as actor_coding
from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.extract.events.links import link_attribution, link_place, link_time
from claimgraph.ids import item_id
from claimgraph.nlp import extensions
from claimgraph.record import Actor, Event, span_of

INTENT_AUX = {"will", "would", "'ll", "shall", "wo"}
DEMAND_AUX = {"must", "should"}
TARGET_DEPS = ("dative", "dobj")
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "into", "toward", "towards", "from",
                "over", "in")
#: relations through which a verb without a subject borrows its governor's ("agreed *to allow*",
#: "is prepared *to lift*", "are guilty *of violating*")
CLIMB_DEPS = {"xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep"}
MUNITIONS = {"missile", "rocket", "shell", "bomb", "mortar", "grenade", "round", "weapon",
             "projectile", "bullet", "munition", "warhead"}
STATE_PARTICIPLES = {"committed", "prepared", "determined", "engaged", "involved", "poised"}
PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "his", "her", "them"}


@dataclass(slots=True)
class Candidate:
    """An event before its roles are coded."""

    trigger: Token
    clause: Token  # the verb whose clause the event is in (itself, or the light verb)
    sense: lex_mod.Sense
    verbal: bool
    governor: Token | None = None  # the intent verb ("promised") whose subject acts
    intent: bool = False
    demand: bool = False
    absorbed_target: Token | None = None

    @property
    def head(self) -> Token:
        return self.governor or self.clause


def depth(tok: Token) -> int:
    """Steps from ``tok`` to the root of its sentence."""
    steps = 0
    while tok.head.i != tok.i and steps < 50:
        tok, steps = tok.head, steps + 1
    return steps


def salience(doc: Doc, event: Event) -> tuple[int, int, int, int]:
    """Sort key for the main event: verbal first, nearest the root, with an actor, earliest."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    tok = span.root if span is not None else doc[0]
    clause = tok.head if tok.dep_ in {"dobj", "pobj"} and tok.head.pos_ in {"VERB", "ADP"} else tok
    if clause.pos_ == "ADP":
        clause = clause.head
    nominal = 0 if tok.pos_ == "VERB" or clause.pos_ == "VERB" else 1
    return (nominal, depth(clause), 0 if event.actor else 1, event.trigger.start)


def main_event(doc: Doc, events: list[Event]) -> Event | None:
    """The event a one-sentence report is about (None when there is none)."""
    return min(events, key=lambda e: salience(doc, e)) if events else None


def _lemmas(tok: Token) -> set[str]:
    out = {tok.lemma_.lower(), tok.lower_}
    out.update(c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod"})
    return out


def _of_lemmas(tok: Token) -> set[str]:
    return {p.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"}


def object_lemmas(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on: objects, prepositional objects, a passive subject."""
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "nsubjpass", "attr", "oprd"}:
            found |= _lemmas(child)
            # "handed over 700 kg *of medicine*", "declared a state *of siege*"
            found |= _of_lemmas(child)
        elif child.dep_ in {"prep", "agent"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found |= _lemmas(pobj)
    return found


def _verb_keys(verb: Token) -> list[str]:
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


def _event_noun(verb: Token, lexicon: lex_mod.Lexicon) -> tuple[Token, lex_mod.Sense] | None:
    """The eventive object of a light verb ("launched an *attack*", "went on *strike*")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        objects += [p for p in prep.children if p.dep_ == "pobj"]
    # "launched 10 days of war games", "began a wave of strikes"
    objects += [p for o in list(objects) for c in o.children if c.dep_ == "prep"
                and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for noun in objects:
        # "launched an attack", and "launched a mediation effort": the modifier names the event
        for word in [noun, *(c for c in noun.children if c.dep_ == "compound")]:
            sense = lexicon.noun(word.lemma_.lower(), _lemmas(word) | _of_lemmas(word))
            if sense is not None:
                return word, sense
    return None


def find_candidates(doc: Doc, lexicon: lex_mod.Lexicon) -> list[Candidate]:
    verbal: dict[int, Candidate] = {}
    nominal: dict[int, Candidate] = {}
    consumed: set[int] = set()
    for tok in doc:
        if tok.pos_ == "VERB":
            keys = _verb_keys(tok)
            known = any(k in lexicon.verbs or k in lexicon.frames for k in keys)
            objects = object_lemmas(tok) if known else set()
            sense = next((s for k in keys if (s := lexicon.verb(k, objects))), None)
            frame = next((lexicon.frames[k] for k in keys if k in lexicon.frames), None)
            if frame == "light" and (sense is None or not sense.context):
                found = _event_noun(tok, lexicon)
                if found is not None:
                    noun, noun_sense = found
                    consumed.add(noun.i)
                    verbal[tok.i] = Candidate(noun, tok, noun_sense, True)
                    continue
            if sense is not None:
                verbal[tok.i] = Candidate(tok, tok, sense, True)
            elif any(c.dep_ == "aux" and c.lower_ in DEMAND_AUX for c in tok.children) \
                    and tok.dep_ == "ccomp" and tok.head.pos_ == "VERB":
                verbal[tok.i] = Candidate(tok, tok, lex_mod.Sense("100"), True, demand=True)
        elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound":
            context = _lemmas(tok) | _of_lemmas(tok)  # "suspension of air links"
            sense = lexicon.noun(tok.lemma_.lower(), context) or lexicon.noun(tok.lower_, context)
            if sense is not None:
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
        if any(c.dep_ == "aux" and c.lower_ in INTENT_AUX for c in verb.children):
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
        if verb.dep_ in {"xcomp", "ccomp"} and head.i in verbal:
            frame = verbal[head.i]
            if frame.absorbed_target is None:
                frame.absorbed_target = _target_head(verb) or _subject(verb, own_only=True)
            del verbal[i]


def _intent_governor(verb: Token, lexicon: lex_mod.Lexicon) -> Token | None:
    """The intent verb framing ``verb`` through infinitives: "vowed *to fight*", "prepared to
    *resume shelling*" (through an aspectual verb), or None."""
    tok = verb
    for _ in range(2):
        infinitive = tok.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux"
                                                 for c in tok.children)
        if not (tok.dep_ == "xcomp" or infinitive) or tok.head is tok:
            return None
        tok = tok.head
        if any(lexicon.frames.get(k) == "intent" for k in _verb_keys(tok)):
            return tok
    return None


def _subject(verb: Token, *, own_only: bool = False) -> Token | None:
    tok = verb
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
        if subj is not None:
            return subj
        if own_only or tok.dep_ not in CLIMB_DEPS or tok.head is tok:
            return None
        tok = tok.head
    return None


def _resolve_pronoun(tok: Token) -> Token:
    """"Hungary has said *it* will support ...": a pronoun subject -> the governing subject."""
    if tok.lower_ not in PRONOUNS:
        return tok
    verb = tok.head
    for _ in range(4):
        if verb.head is verb:
            break
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in PRONOUNS:
            return subj
    return tok


def _target_head(verb: Token) -> Token | None:
    for dep in TARGET_DEPS:
        tok = next((c for c in verb.children if c.dep_ == dep), None)
        if tok is not None:
            return tok
    for prep_word in TARGET_PREPS:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep_word):
            pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _target_candidates(verb: Token) -> list[Token]:
    out = [c for dep in TARGET_DEPS for c in verb.children if c.dep_ == dep]
    for prep_word in TARGET_PREPS:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep_word):
            out += [p for p in prep.children if p.dep_ == "pobj"]
    return out


def _first_actor(heads: list[Token], mentions: dict[int, actor_coding.Mention]) -> Actor | None:
    for head in heads:
        actor = actor_coding.code_actor(head, mentions)
        if actor is not None and actor.country is not None:
            return actor
    for head in heads:
        actor = actor_coding.code_actor(head, mentions)
        if actor is not None:
            return actor
    return None


def _can_be_target(tok: Token, mentions: dict[int, actor_coding.Mention]) -> bool:
    """Not weapons ("fired two missiles into the sea") and not a capital that is only where
    something happened ("arrested protesters *in Tbilisi*")."""
    if tok.lemma_.lower() in MUNITIONS:
        return False
    mention = mentions.get(tok.i)
    return not (mention is not None and mention.kind in {"seat", "place"} and tok.dep_ == "pobj"
                and tok.head.lower_ in {"in", "at", "from", "near", "into"})


def _passive(cand: Candidate) -> bool:
    """Passive voice, except where the passive form is a state of its subject: "were engaged in
    fighting" (a light verb without agent), "is committed to" / "is prepared to"."""
    verb = cand.clause
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    return not (cand.trigger is not verb or verb.lower_ in STATE_PARTICIPLES)


def verb_roles(cand: Candidate, mentions: dict[int, actor_coding.Mention]
               ) -> tuple[Actor | None, Actor | None]:
    """(actor, target) of a verbal candidate, following voice and framing."""
    verb = cand.clause
    passive = _passive(cand)
    if cand.demand and cand.governor is not None:
        actor_heads = [_subject(cand.governor)]
        target_heads = [_subject(verb, own_only=True), *_target_candidates(verb)]
    elif passive:
        agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                 if p.dep_ == "pobj"]
        actor_heads = agent
        target_heads = [c for c in verb.children if c.dep_ == "nsubjpass"]
        target_heads += _target_candidates(verb)
    else:
        actor_heads = [_subject(cand.governor or verb)]
        target_heads = _target_candidates(verb)
        if cand.trigger is not verb:  # light verb: "launched an attack on X"
            target_heads = _nominal_targets(cand.trigger) + target_heads
    if cand.absorbed_target is not None:
        target_heads.append(cand.absorbed_target)
    subjects = [_resolve_pronoun(h) for h in actor_heads if h is not None]
    actor = _first_actor(subjects, mentions)
    if actor is None and subjects and subjects[0].pos_ in {"NOUN", "PROPN"}:
        actor = actor_coding.bare_actor(subjects[0])
    heads = [h for h in target_heads if h is not None and (actor is None or
             not actor.start <= h.idx < actor.end) and _can_be_target(h, mentions)]
    target = _first_actor([_resolve_pronoun(h) for h in heads], mentions)
    return actor, target


def _nominal_targets(noun: Token) -> list[Token]:
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
            for p in c.children if p.dep_ == "pobj"]


def _clause_verb(noun: Token) -> Token | None:
    """The verb an eventive noun hangs on through a preposition ("in an attack", "on alert")."""
    if noun.dep_ != "pobj" or noun.head.lower_ in {"of", "about"}:
        return None
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if noun.head.lower_ == "for" and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "blamed Israel for the bombing": the blamed one is not the bomber
    return verb


def noun_roles(cand: Candidate, mentions: dict[int, actor_coding.Mention]
               ) -> tuple[Actor | None, Actor | None]:
    """(actor, target) of an eventive noun: "Russia's attack on Kyiv", "a Russian strike"."""
    noun = cand.trigger
    actor_heads = [c for c in noun.children if c.dep_ == "poss"]
    actor_heads += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                    for p in c.children if p.dep_ == "pobj"]
    actor_heads += [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i in mentions]
    actor = _first_actor(actor_heads, mentions)
    target = _first_actor(_nominal_targets(noun), mentions)
    verb = _clause_verb(noun)
    if actor is None and verb is not None:
        # "wounded two soldiers in a bomb attack", "troops remained on alert", "were engaged
        # in ethnic cleansing": the clause's subject acts
        outer = Candidate(verb, verb, cand.sense, True)
        actor, outer_target = verb_roles(outer, mentions)
        if any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
                c.dep_ == "agent" for c in verb.children):
            subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
            actor = _first_actor([subject], mentions) if noun.dep_ == "pobj" else actor
            outer_target = None
        target = target or outer_target
    if actor is not None and target is not None and actor.start == target.start:
        target = None
    return actor, target


def _negated(cand: Candidate) -> bool:
    tokens = [cand.clause] + ([cand.governor] if cand.governor is not None else [])
    return any(c.dep_ == "neg" for tok in tokens for c in tok.children)


def find_events(
    doc: Doc,
    *,
    scheme: str = "plover",
    lexicon: lex_mod.Lexicon | None = None,
) -> list[Event]:
    """The events of ``doc`` in text order, linked to its places, times and attributions."""
    lexicon = lexicon or lex_mod.load()
    mentions = actor_coding.find_mentions(doc)
    places = extensions.results(doc, "cg_places")
    actor_coding.place_mentions(doc, places, mentions)
    times = extensions.results(doc, "cg_times")
    attributions = extensions.results(doc, "cg_attributions")
    events: list[Event] = []
    seen: set[tuple[int, int]] = set()
    for cand in find_candidates(doc, lexicon):
        actor, target = (verb_roles if cand.verbal else noun_roles)(cand, mentions)
        active = cand.verbal and not _passive(cand)
        actor, target = actor_coding.from_context(cand.head, actor, target, mentions,
                                                  active=active)
        if actor is not None and target is not None and actor.start == target.start:
            target = None
        code = "100" if cand.demand else cand.sense.resolve(actor_coding.is_state(actor))
        if cand.intent:
            code = lex_mod.intended(code)
        if _negated(cand):
            negated = lex_mod.negated(code)
            if negated is None:
                continue
            code = negated
        if actor is None and code.startswith("17"):
            actor = actor_coding.authority_of_place(cand.clause, mentions)
        kind = lexicon.plover(code, scheme)
        if kind is None:
            continue
        trigger = cand.trigger
        start, end = trigger.idx, trigger.idx + len(trigger.text)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        taken = [a for a in (actor, target) if a is not None]
        sent: Span = trigger.sent
        events.append(Event(
            id=item_id(doc._.cg_key, "event", start, end),
            type=kind,
            trigger=span_of(doc.text, start, end),
            actor=actor,
            target=target,
            place=link_place(places, sent, cand.head, trigger, taken),
            time=link_time(times, sent, cand.head, trigger),
            attribution=link_attribution(attributions, start, end),
        ))
    return events
