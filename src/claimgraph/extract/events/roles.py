"""Who acts and who is acted upon: an event's actor and target from the dependency parse.

Active voice: the subject acts (PLOVER's source), the object or a prepositional object (against,
on, with, to ...) is the target; passive: the ``by`` agent acts, the subject is acted upon; a
verb without a subject borrows its governor's ("agreed *to allow*", "is prepared *to lift*"); a
pronoun subject borrows the subject of the verb governing its clause. Eventive nouns take their
actor from a possessive, a ``by`` phrase or a demonym ("Russia's attack", "a Russian strike"),
else from the clause they hang on ("wounded two soldiers *in a bomb attack*").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from claimgraph.extract.events import actors as actor_coding
from claimgraph.extract.events import agency
from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.knowledge import word_sets
from claimgraph.record import Actor

TARGET_DEPS = ("dative", "dobj")
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "into", "toward", "towards", "from",
                "over", "in")
#: relations through which a verb without a subject borrows its governor's ("agreed *to allow*",
#: "is prepared *to lift*", "are guilty *of violating*")
CLIMB_DEPS = {"xcomp", "conj", "advcl", "ccomp", "acomp", "pcomp", "prep"}
#: weapons are never an event's target ("fired two missiles into the sea")
MUNITIONS = word_sets("events/words.tsv")["munitions"]
#: verbs that judge someone for an act: the one judged did it ("accused Kiev *of shelling*")
JUDGING = word_sets("events/words.tsv")["judging"]
#: prepositions that name the act someone is judged for
JUDGED_FOR = {"of", "for", "with"}
#: prepositions that place a passive in the event it was part of ("killed *in* clashes")
EVENT_PREPS = {"in", "during", "amid"}
#: prepositions that put the clause's subject on the receiving end of an event noun ("Warren
#: was *under* attack", "the town came *under* fire", "is *under* investigation")
UNDERGOING_PREPS = {"under"}
#: prepositions that set an event noun beside the clause, not in it: the clause's subject is
#: no party to it ("ended the unrest *amid protests*", "protested *against* the attack",
#: "were questioned *after* the bombing")
CIRCUMSTANTIAL_PREPS = {"of", "about", "amid", "amidst", "despite", "after", "before",
                        "following", "since", "during", "against", "over", "without", "like"}
#: pronouns and named-entity labels a target the tables do not code may be ("him", "WeWork")
OBJECT_PRONOUNS = {"him", "her", "them"}
NAMED_TARGETS = {"PERSON", "ORG", "NORP"}
#: CAMEO roots whose target is the one a that-clause says did something: investigate (09),
#: disapprove and accuse (11)
CHARGING_ROOTS = {"09", "11"}
#: CAMEO roots of asking someone to act: appeal (02), demand (10)
ASKING_ROOTS = {"02", "10"}
#: CAMEO root of exhibiting force posture (mobilize, deploy, mass troops): PLOVER's MOBILIZE
POSTURE_ROOT = "15"
#: CAMEO roots of acts done to someone, never intransitive: coerce (17), assault (18)
DONE_TO_ROOTS = {"17", "18"}
#: pronouns that stand for one person the text named ("he", "she"): the subject is that person
PERSONAL_SUBJECTS = {"he", "she"}
STATE_PARTICIPLES = {"committed", "prepared", "determined", "engaged", "involved", "poised"}
RELATIVES = {"who", "whom", "that", "which"}
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
    noun: Token | None = None  # the event noun a light verb takes ("held *talks* with X")

    @property
    def head(self) -> Token:
        return self.governor or self.clause


def misparsed_subject(verb: Token) -> Token | None:
    """The sentence's root noun, when the parser has mistaken the main verb for a modifier of
    it or of the phrase hung on it ("An official Syrian newspaper *called* Thursday on Arabs
    to unite", "Doctors from two American aid groups *donated* $50,000"): a sentence has a
    verb, so a root noun is its subject. None when ``verb`` is no such modifier."""
    if verb.dep_ != "acl":
        return None
    noun = verb.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":  # "Doctors *from* ... groups"
        noun = noun.head.head
    if noun.dep_ == "ROOT" and noun.pos_ in {"NOUN", "PROPN"}:
        return noun
    return None


def reduced_relative(verb: Token) -> bool:
    """A past participle modifying a noun ("soldiers *killed* in Ukraine"), unless it is the
    main verb misparsed (:func:`misparsed_subject`)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and misparsed_subject(verb) is None


def subject(verb: Token, *, own_only: bool = False) -> Token | None:
    misparsed = misparsed_subject(verb)
    if misparsed is not None:
        return misparsed  # the root noun is the subject
    tok = verb
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
        if subj is None:
            # "to say Sondland *did*, in fact, discuss ...": the parser hung the subject on the
            # verb's auxiliary
            subj = next((s for a in tok.children if a.dep_ in {"aux", "auxpass"} and a.i < tok.i
                         for s in a.children if s.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.pos_ == "VERB":
            # "The Red Cross *operating* in Iraq said": a participle parsed as the subject
            # stands for the noun it describes
            subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
        if subj is not None:
            return subj
        if (tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in {"NOUN", "PROPN"}
                and agency.can_act(tok.head, conflict=False)):
            # "superdelegates *backing* Clinton": the noun it describes acts when it can (a
            # "declaration *demanding*" is its author's)
            return tok.head
        if not own_only and tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
            # "its offer *to provide* flu shots", "Russia's decision *to withdraw*": the one
            # whose offer or decision it is; but what is requested is the addressee's act
            # ("Trump's request *to Ukraine's president* to investigate")
            if _requested(tok.head):
                return next((p for c in tok.head.children if c.dep_ == "prep"
                             and c.lower_ in {"to", "on", "of"}
                             for p in c.children if p.dep_ == "pobj"), None)
            return next((c for c in tok.head.children if c.dep_ == "poss"), None)
        if own_only or tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return None
        judged = _judged(tok)
        if judged is not None:
            return judged
        tok = tok.head
    return None


def _requested(noun: Token) -> bool:
    """A noun of asking (CAMEO 02 appeal, 10 demand: a request, call, demand, appeal), whose
    infinitive is the act asked of someone else."""
    sense = lex_mod.load().noun(noun.lemma_.lower(), set())
    return sense is not None and sense.code[:2] in ASKING_ROOTS


def _judged(tok: Token) -> Token | None:
    """The one judged for the act ``tok`` names: "accused *Kiev* of shelling", "blamed *Russia*
    for attacking" (a passive judge has none here: "was accused of shelling" climbs to its
    subject)."""
    prep = tok.head
    if tok.dep_ not in {"pcomp", "pobj"} or prep.dep_ != "prep" or prep.lower_ not in JUDGED_FOR:
        return None
    judge = prep.head
    if judge.dep_ == "dobj" and judge.head.lemma_.lower() in JUDGING and (
            tok.dep_ == "pcomp" or judge.pos_ in {"PROPN", "PRON"}):
        # "convicting *Webb*, 51, of kidnapping": the parse hung "of" on the one judged (not
        # "condemned the wave *of attacks*": a noun's of-phrase)
        return judge
    if judge.lemma_.lower() not in JUDGING:
        return None
    if judge.dep_ == "acl" and judge.tag_ == "VBN" and judge.head.pos_ in {"NOUN", "PROPN"}:
        return judge.head  # "a *man* convicted of threatening my life": the noun judged
    return next((c for c in judge.children if c.dep_ == "dobj"), None)


def _resolve_pronoun(tok: Token) -> Token:
    """"Hungary has said *it* will support ...": a pronoun subject -> the governing subject;
    a relative pronoun -> the noun its clause describes ("the man *who* kidnapped the child")."""
    if tok.lower_ in RELATIVES:
        # "the only Republican *whom* Trump refused to endorse": the relative clause may hold
        # the verb through an infinitive
        clause = tok.head
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl" and clause.head.pos_ in {"NOUN", "PROPN"}:
            return clause.head
    if tok.lower_ not in PRONOUNS:
        return tok
    verb = tok.head
    for _ in range(4):
        if verb.head.i == verb.i:
            break
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and tok.lower_ in PERSONAL_SUBJECTS and (
                subj.tag_ in {"NNS", "NNPS"} or subj.ent_type_ in {"GPE", "NORP", "ORG"}):
            return tok  # "Audience members laughed when *he* urged voters": someone else
        if subj is not None and subj.lower_ not in PRONOUNS:
            return subj
    return tok


def target_head(verb: Token) -> Token | None:
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
    children = list(verb.children)  # read once, not once per dependency and preposition
    out = [c for dep in TARGET_DEPS for c in children if c.dep_ == dep]
    # "found *the minister* guilty": the subject of a small clause
    out += [s for c in children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "ADJ"
            for s in c.children if s.dep_ == "nsubj"]
    preps = [c for c in children if c.dep_ == "prep"]
    for prep_word in TARGET_PREPS:
        for prep in (c for c in preps if c.lower_ == prep_word):
            out += [p for p in prep.children if p.dep_ == "pobj"]
    return out


def _first_actor(heads: list[Token], mentions: dict[int, actor_coding.Mention]) -> Actor | None:
    """The first head coded with a country, else the first coded at all (each coded once)."""
    coded = []
    for head in heads:
        actor = actor_coding.code_actor(head, mentions)
        if actor is not None and actor.country is not None:
            return actor
        coded.append(actor)
    return next((actor for actor in coded if actor is not None), None)


def _can_be_target(tok: Token, mentions: dict[int, actor_coding.Mention]) -> bool:
    """Not weapons ("fired two missiles into the sea"), not an event noun, and not a capital or
    town that is only where something happened ("arrested protesters *in Tbilisi*")."""
    if tok.lemma_.lower() in MUNITIONS or tok.lemma_.lower() in lex_mod.load().nouns:
        return False  # weapons, and the event itself ("launched a military *offensive*")
    mention = mentions.get(tok.i)
    return not (mention is not None and mention.kind in {"seat", "place"} and tok.dep_ == "pobj"
                and tok.head.lower_ in {"in", "at", "from", "near", "into"})


def is_passive(cand: Candidate) -> bool:
    """Passive voice, except where the passive form is a state of its subject: "were engaged in
    fighting" (a light verb without agent), "is committed to" / "is prepared to"."""
    verb = cand.clause
    if reduced_relative(verb):
        return True  # "10 Russian soldiers *killed* in Ukraine": the noun is acted upon
    if _shared_passive(verb, done_to=cand.sense.code[:2] in DONE_TO_ROOTS) is not None:
        return True  # "was evicted in April and *sentenced* to 50 weeks"
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True
    return not (cand.trigger is not verb or verb.lower_ in STATE_PARTICIPLES)


def _shared_passive(verb: Token, *, done_to: bool = False) -> Token | None:
    """The passive verb a bare participle is coordinated with, sharing its subject and its
    auxiliary ("The Australian was evicted in April and *sentenced* to 50 weeks": sentenced
    too), or None. The tagger often reads such a participle as a past tense ("sentenced" VBD);
    that is trusted only for what is ``done_to`` someone (:data:`DONE_TO_ROOTS`: arrest,
    sentence, deport, kidnap, kill — with no object it is passive), not for verbs that stand
    alone ("was arrested and *protested*", "was attacked and *fought* back")."""
    head = verb.head
    tags = {"VBN", "VBD"} if done_to else {"VBN"}
    if verb.dep_ != "conj" or verb.tag_ not in tags or head.i == verb.i or any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative"}
            for c in verb.children):
        return None
    if any(c.dep_ == "auxpass" for c in head.children) \
            and any(c.dep_ == "nsubjpass" for c in head.children):
        return head
    return None


def verb_roles(cand: Candidate, mentions: dict[int, actor_coding.Mention],
               party: Callable[[Token], bool] | None = None,
               ) -> tuple[Actor | None, Actor | None]:
    """(actor, target) of a verbal candidate, following voice and framing. ``party`` says
    whether a common noun names someone who can be acted upon ("pleaded with *the
    administration*"), for a target the tables cannot code."""
    verb = cand.clause
    passive = is_passive(cand)
    actor_heads: list[Token | None]
    target_heads: list[Token | None]
    if cand.demand and cand.governor is not None:
        actor_heads = [subject(cand.governor)]
        target_heads = [subject(verb, own_only=True), *_target_candidates(verb)]
    elif passive:
        agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                 if p.dep_ == "pobj"]
        actor_heads = [*(agent or _event_party(verb))]
        shared = _shared_passive(verb, done_to=cand.sense.code[:2] in DONE_TO_ROOTS)
        target_heads = [c for c in (shared or verb).children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl":
            target_heads.append(verb.head)
        target_heads += _target_candidates(verb)
    else:
        actor_heads = [subject(cand.governor or verb)]
        target_heads = [*_target_candidates(verb)]
        if cand.noun is not None:  # light verb: "launched an attack on X", "held talks with X"
            target_heads = [*_nominal_targets(cand.noun), *target_heads]
    if cand.absorbed_target is not None:
        target_heads.append(cand.absorbed_target)
    if cand.sense.code.startswith(POSTURE_ROOT):
        # "deploy *Peoples Liberation Army forces* onto the streets", "the army could be
        # deployed": the forces moved are the actor's own, not whom the show of force is
        # aimed at (that is where they go: "to the border with Iraq")
        target_heads = [h for h in target_heads if h is None or not _own_forces(h, mentions)]
    if not passive and cand.sense.code[:2] in ASKING_ROOTS:
        # "pleaded with *the administration* to reconsider", parsed as the subject of the
        # infinitive: the one asked to act, before what the plea is set in ("*in a letter*")
        # "demanded *that the president* resign": the subject of the demanded clause
        asked: list[Token | None] = [
            c for x in verb.children if x.dep_ in {"advcl", "ccomp"}
            and any((a.dep_ == "aux" and a.lower_ == "to") or (
                a.dep_ == "mark" and a.lower_ == "that" and x.dep_ == "ccomp")
                for a in x.children)
            for c in x.children if c.dep_ == "nsubj"]
        target_heads = asked + target_heads
    if not passive and cand.sense.code[:2] in CHARGING_ROOTS:
        # "prosecutors alleged *that Noel and Thomas* browsed the Internet", "is examining
        # *whether Neumann* indulged": the one the clause says did it
        target_heads += [c for x in verb.children if x.dep_ == "ccomp"
                         for c in x.children if c.dep_ in {"nsubj", "nsubjpass"}]
    filed = actor_coding.after_dateline(verb.sent)  # "LONDON (AP) -" parsed as a subject
    actor_heads = [h for h in actor_heads if h is None or h.i >= filed]
    target_heads = [h for h in target_heads if h is None or h.i >= filed]
    subjects = [_resolve_pronoun(h) for h in actor_heads if h is not None]
    actor = _first_actor(subjects, mentions)
    if actor is None and subjects and (subjects[0].pos_ in {"NOUN", "PROPN"}
                                       or subjects[0].lower_ in PERSONAL_SUBJECTS):
        # "He also agreed": a person the text named acts, not the country named nearest
        actor = actor_coding.bare_actor(subjects[0])
    # an event noun is no target, but its own target is: "demanded a truce *with Moslem forces*",
    # "condemned the attack *on Kyiv*"
    nouns = lex_mod.load().nouns
    heads_found: list[Token] = [t for h in target_heads if h is not None
                                for t in (_nominal_targets(h) if h.lemma_.lower() in nouns else [h])]
    if not heads_found and not passive and cand.trigger is verb:
        # "threatened to use live ammunition *on them*", "vowed to punish *the rebels*": the
        # act a threat, promise or refusal names is aimed at the one it is aimed at
        # ("promised to protect *Medicaid*", "battle to win *the U.K.'s election*" name no
        # party): a pronoun, a country, group or person, or a sector noun only
        heads_found = [t for x in verb.children if x.dep_ == "xcomp" and x.pos_ == "VERB"
                       for t in _target_candidates(x) if t.lower_ in OBJECT_PRONOUNS | RELATIVES
                       or t.i in mentions or _party_head(t, mentions)]
    heads = [h for h in heads_found if (actor is None or not actor.start <= h.idx < actor.end)
             and _can_be_target(h, mentions)]
    # "him", "them" is someone other than the clause's subject ("threatened to use live
    # ammunition *on them*" is not the police)
    target = _first_actor([h if h.lower_ in OBJECT_PRONOUNS else _resolve_pronoun(h)
                           for h in heads], mentions) or _named_target(
        [_resolve_pronoun(h) if h.lower_ in RELATIVES else h for h in heads], party)
    if target is None:
        # "rejected *Assange's* attempt", "examined the conduct *of the staffers*": what is
        # acted on belongs to the party acted upon
        owners = [o for h in heads for o in _owners(h, actor)]
        target = _first_actor(owners, mentions) or _named_target(owners, party)
    return actor, target


def _owners(thing: Token, actor: Actor | None) -> list[Token]:
    """Who owns what a verb acts on, when that is a thing or an act: its possessor ("*Assange's*
    attempt", "*the party's* actions") or its of-phrase ("the conduct *of the staffers*"), not
    a pronoun and not the actor ("defended *its* policy")."""
    if thing.dep_ not in {"dobj", "nsubjpass"} or thing.pos_ != "NOUN":
        return []
    owners = [c for c in thing.children if c.dep_ == "poss"]
    owners += [p for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    return [o for o in owners if o.pos_ in {"NOUN", "PROPN"}
            and (actor is None or not actor.start <= o.idx < actor.end)]


def _own_forces(tok: Token, mentions: dict[int, actor_coding.Mention]) -> bool:
    """The phrase names armed forces ("troops", "the army", "PLA forces"): sector MIL."""
    actor = actor_coding.code_actor(tok, mentions)
    return actor is not None and actor.sector == "MIL"


def _party_head(tok: Token, mentions: dict[int, actor_coding.Mention]) -> bool:
    """The phrase names a party by its head: a sector noun ("the rebels", "police")."""
    actor = actor_coding.code_actor(tok, mentions)
    return actor is not None and actor.sector is not None


def _named_target(heads: list[Token], party: Callable[[Token], bool] | None = None
                  ) -> Actor | None:
    """A target the tables cannot code, but the text names: a person or an organisation
    ("investigating *WeWork*", "convicting *Webb*"), a pronoun for one ("sentence *him*"), or
    a common noun ``party`` says names people or a body ("pleaded with *the administration*").
    PLOVER's target is a party; a missing one leaves the event half told."""
    head = next((h for h in heads if h.lower_ in OBJECT_PRONOUNS or (
        h.pos_ == "PROPN" and h.ent_type_ in NAMED_TARGETS) or (
        party is not None and h.pos_ == "NOUN" and not h.ent_type_ and party(h))), None)
    return actor_coding.bare_actor(head) if head is not None else None


def _sent(noun: Token) -> bool:
    """An event noun that is sent, whose "from" phrase names its sender ("a request *from the
    US*", "an inquiry from the attorney general"), not where it moves away from ("the
    withdrawal *from* Gorazde": CAMEO 08, yield and retreat)."""
    sense = lex_mod.load().noun(noun.lemma_.lower(), set())
    return sense is not None and not sense.code.startswith("08")


def _nominal_targets(noun: Token, *, own: bool = False) -> list[Token]:
    """What an event noun acts on: "the attack *on Kyiv*", "talks *with Iran*", and for force
    the "of" phrase, which names the victim ("the bombing *of Guffa*", "the arrest *of two
    journalists*"), never the one who bombs or arrests. Of the noun ``own`` roles, a "from"
    phrase names the sender of what is sent (:func:`_sent`); the verb whose object the noun is
    acts on that sender ("dismissed an appeal *from* the president").
    """
    preps = TARGET_PREPS + (("of",) if _forceful(noun) else ())
    if own and _sent(noun):  # its sender; but "dismissed an appeal *from* X" is aimed at X
        preps = tuple(p for p in preps if p != "from")
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


def _forceful(noun: Token) -> bool:
    """An event noun of material conflict (CAMEO 14-20: protest, coercion, assault, fight)."""
    sense = lex_mod.load().noun(noun.lemma_.lower(), set())
    return sense is not None and sense.code_for(True)[:2] in lex_mod.CONFLICT_ROOTS | {"14"}


def _event_party(verb: Token) -> list[Token]:
    """The party an agentless passive's event noun names: killed "in clashes *with the
    police*", wounded "in an attack *by rebels*", "in *Russia's* shelling" (the victims are the
    subject, so the other side acted)."""
    nouns = lex_mod.load().nouns
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in EVENT_PREPS):
        for noun in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in nouns):
            out += [c for c in noun.children if c.dep_ == "poss"]
            out += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "with"}
                    for p in c.children if p.dep_ == "pobj"]
    return out


def _clause_verb(noun: Token) -> Token | None:
    """The verb an eventive noun hangs on through a preposition ("in an attack", "on alert")."""
    if noun.dep_ != "pobj" or noun.head.lower_ in CIRCUMSTANTIAL_PREPS:
        return None
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if noun.head.lower_ == "for" and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "blamed Israel for the bombing": the blamed one is not the bomber
    return verb


def noun_roles(cand: Candidate, mentions: dict[int, actor_coding.Mention],
               party: Callable[[Token], bool] | None = None,
               ) -> tuple[Actor | None, Actor | None]:
    """(actor, target) of an eventive noun: "Russia's attack on Kyiv", "a Russian strike"."""
    noun = cand.trigger
    actor_heads = [c for c in noun.children if c.dep_ == "poss"]
    actor_heads += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                    for p in c.children if p.dep_ == "pobj"]
    actor_heads += [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.i in mentions]
    # "a request *from the US*", "an inquiry *from the office of* the Attorney General": who
    # sends it (a "from" phrase is no target of an event noun)
    actor_heads += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                    and _sent(noun) for p in c.children if p.dep_ == "pobj"]
    judged = _judged(noun)  # "convicting Webb *of kidnapping* the girl"
    actor_heads += [judged] if judged is not None else []
    actor = _first_actor(actor_heads, mentions)
    if actor is None and actor_heads and actor_heads[0].pos_ == "PROPN":
        actor = actor_coding.bare_actor(actor_heads[0])
    target = _first_actor([h for h in _nominal_targets(noun, own=True)
                           if _can_be_target(h, mentions)],
                          mentions)
    verb = _clause_verb(noun)
    if verb is not None and noun.head.lower_ in UNDERGOING_PREPS:
        # "Warren was *under attack*", "came under fire *from the rebels*": the subject is
        # acted upon; a "from" phrase names who acts
        if actor is None:
            actor = _first_actor([p for c in noun.children if c.dep_ == "prep"
                                  and c.lower_ == "from" for p in c.children
                                  if p.dep_ == "pobj"], mentions)
        outer_subject = subject(verb)
        if target is None and outer_subject is not None:
            target = _first_actor([_resolve_pronoun(outer_subject)], mentions) \
                or _named_target([outer_subject], party)
        if target is None and outer_subject is not None and (
                outer_subject.pos_ == "PROPN" or outer_subject.lower_ in PERSONAL_SUBJECTS):
            target = actor_coding.bare_actor(outer_subject)  # "wealth under attack": no one
    elif actor is None and verb is not None:
        # "wounded two soldiers in a bomb attack", "troops remained on alert", "were engaged
        # in ethnic cleansing": the clause's subject acts
        outer = Candidate(verb, verb, cand.sense, True)
        actor, outer_target = verb_roles(outer, mentions, party)
        target = target or outer_target
    if actor is not None and target is not None and actor.start == target.start:
        target = None
    return actor, target
