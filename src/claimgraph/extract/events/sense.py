"""Word sense of a PLOVER trigger verb, read from what it acts on.

A lexicon verb names its PLOVER category in one sense only, and what the sense is shows in its
arguments, the way a dictionary tells the senses apart ("release *prisoners*" / "release *a
statement*"): a party acts on another party or on what belongs to one. So:

- **Its object must be of a kind the category acts on** (``data/events/objects.tsv``): force
  (CAMEO 18-20) is used on people, groups, places and things, not on a disease ("fight the
  disease"), a number ("hitting 16") or an animal hunted ("killed a wild rabbit"); a person is
  released, arrested or met, not a letter, a fee or laughter ("released a letter", "charge WeWork
  $6 million", "met with laughter"). The kinds are WordNet's noun files of the object's two most
  frequent senses (``data/events/noun_kinds.tsv.gz``), so a word no rule names is judged too.
- **A refusal must refuse an act between parties, a threat threaten one**: "declined *to comment*", "failed *to check*
  on him", "refused *to say*" refuse nothing anyone asked of them; "refused *to deploy*
  peacekeepers", "declined *to resign*", "failed *to reach* agreement" do (the complement is an
  event verb of the lexicon). A refusal of a thing ("rejected the plan") is not judged here.
  Likewise a warning that something is so ("warned that migrants are at risk") is no threat
  unless what it says is an act, or one of the warner's side ("warned that *it* would respond").
- **A subject that cannot act makes no act** even when the parse reaches it only through a
  relative pronoun or a conjoined verb ("an emergency *which* threatens the safety of lives",
  "settlements ... present an obstacle and threaten the viability"):
  :func:`claimgraph.extract.events.agency.can_act` on the subject the parse gives.

- **Some senses show in the verb's frame**: a protest verb with an object ("*struck* me as",
  "*rallied* young people"), force used on oneself ("killed *himself*") or a fight *to* win
  something, a warning *to* stay away, an insistence that something *is* so or a demand *how*
  it could be are not acts of the category (:func:`protests_in_sense`, :func:`fights_someone`,
  :func:`warns_of_an_act`, :func:`demands_an_act`).

A trigger that fails stays an event, uncoded (``type`` None), when the mention model reads it as
one; it is only not filed under a PLOVER category.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from claimgraph.extract.events import agency
from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.extract.events.candidates import object_lemmas, verb_keys
from claimgraph.extract.events.roles import Candidate, is_passive, reduced_relative, subject
from claimgraph.knowledge import rows
from claimgraph.record import Actor

OBJECTS = "events/objects.tsv"
#: how many of an object's most frequent WordNet senses may give it an allowed kind
SENSES = 2
#: CAMEO roots whose verb's infinitive must be an act of the lexicon: refusals (REJECT) and aid
#: ("help")
ACT_COMPLEMENT_ROOTS = frozenset({"12", "07"})
#: what a named object is, by its entity label, in WordNet's noun files (a label not listed may
#: be anything): "beat *Montreal*" (a team by its city) beats no person
ENTITY_KINDS = {
    "PERSON": frozenset({"person"}),
    "NORP": frozenset({"person", "group"}),
    "ORG": frozenset({"group"}),
    "GPE": frozenset({"location", "group"}),
    "LOC": frozenset({"location", "object"}),
    "FAC": frozenset({"artifact", "location"}),
}
#: CAMEO root of appeals (REQUEST)
APPEAL_ROOT = "02"
#: the code of "X said Y must / should Z" (a demand) when Z is no event verb of the lexicon
DEMAND_CODE = "100"
#: subjects of a demanded clause that are the speaker's own side
FIRST_PERSON = frozenset({"we", "i"})
#: entity labels of an object that is an amount, not a party or a thing
AMOUNTS = frozenset({"MONEY", "PERCENT"})
#: object pronouns that stand for a thing, never a person ("would release *it*")
THINGS = frozenset({"it", "itself"})
#: CAMEO root of threats (THREATEN)
THREAT_ROOT = "13"
#: subjects of a warned clause that make it the warner's own act ("warned that *we* will not
#: sit on our hands")
OWN_SIDE = frozenset({"i", "we", "it", "they", "he", "she"})
#: subordinators of a clause of condition
CONDITIONS = frozenset({"if", "unless"})
#: dependencies that start a clause of their own (a condition above them is not theirs)
CLAUSE_BOUNDS = frozenset({"ccomp", "relcl", "acl", "xcomp", "csubj", "parataxis"})
#: relative pronouns that stand for the noun their clause describes
RELATIVES = frozenset({"which", "that"})
#: verbs that put a question as often as they appeal ("asked whether", "Doctor asks, 'what ...'")
QUESTION_VERBS = frozenset({"ask"})
#: verbs whose protest is intransitive: with a direct object they are in another sense
#: ("*struck* me as different", "*rallied* young people", "*demonstrated* a fondness")
INTRANSITIVE_PROTESTS = frozenset({"rally", "demonstrate", "march", "strike", "riot"})
#: rallying *around* or *behind* someone supports them
RALLYING = frozenset({"rally"})
RALLYING_PREPS = frozenset({"around", "behind"})
#: CAMEO root of protest (PROTEST)
PROTEST_ROOT = "14"
#: verbs of fighting: with an infinitive and no one fought they strive ("*battle* to win the
#: election", "*fighting* to survive")
FIGHTING = frozenset({"fight", "battle", "struggle"})
#: CAMEO roots of force used on someone (ASSAULT)
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: objects that are the actor themself: force used on oneself is no act between parties
#: ("killed *himself*"; a bomber who "blew *himself* up" attacks others, the verb "blow")
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves",
                        "yourself"})
SELF_HARM_KEPT = frozenset({"blow"})
#: verbs of warning: warning someone to do or not to do something advises, it threatens nothing
#: ("warned people *to stay away*", "warning candidates *against* moving to the left")
WARNING = frozenset({"warn"})
#: verbs of demanding that also assert or ask: a demand's clause is an obligation ("insisted
#: that he *must* resign", "demanded that he *resign*"), not a statement or a question
#: ("insisted *they thought* the primary would be competitive", "demanded *how* Andrew could
#: be so sure")
INSISTING = frozenset({"insist", "demand"})
OBLIGATION = frozenset({"must", "should", "shall", "ought", "need"})
#: tags of a verb that can only be indicative (a subjunctive is never past or "-s")
INDICATIVE = frozenset({"VBD", "VBZ"})
QUESTION_WORDS = frozenset({"how", "why", "what", "whether", "who", "when", "where", "which",
                            "if"})
#: verbs of wishing: what they wish of someone else is neither done nor intended ("want the
#: Senate *to convict*", "hope Congress *will investigate*")
WISHES = frozenset({"want", "wish", "hope", "prefer", "like"})


@lru_cache(maxsize=1)
def object_kinds() -> dict[str, frozenset[str]]:
    """Key (CAMEO code prefix or verb lemma) -> the WordNet noun files its object may be."""
    return {row[0]: frozenset(row[1].split()) for row in rows(OBJECTS)}


@lru_cache(maxsize=1)
def _noun_files() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[3].split(",")[:SENSES]) for row in rows(agency.NOUN_KINDS)
            if len(row) > 3}


def _allowed(cand: Candidate) -> frozenset[str] | None:
    table = object_kinds()
    lemma = cand.trigger.lemma_.lower()
    if lemma in table:
        return table[lemma]
    for code in cand.sense.code.split("|"):
        for size in range(len(code), 1, -1):
            if code[:size] in table:
                return table[code[:size]]
    return None


def _objects(cand: Candidate) -> list[Token]:
    """What the trigger verb acts on: direct objects (and their conjuncts), the passive subject,
    the noun a reduced relative describes ("a letter *signed* by seven physicians"), and for a
    meeting the one met *with*."""
    verb = cand.trigger
    found = [c for c in verb.children if c.dep_ == "dobj"]
    if not found:  # "killed and ate *a rabbit*": an object the conjoined verbs share
        found = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 for o in c.children if o.dep_ == "dobj"][:1]
    if is_passive(cand):
        found += [c for c in verb.children if c.dep_ == "nsubjpass"]
    if reduced_relative(verb):
        found.append(verb.head)
    elif verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        # "a call *the White House released*", "the record *that Trump provided*": the noun the
        # clause describes is what its verb acts on, when the clause has a subject of its own
        own = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVES]
        found = [verb.head if c.lower_ in RELATIVES else c for c in found]
        if own and not found:
            found.append(verb.head)
    if verb.lemma_.lower() == "meet":
        found += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj"]
    return found + [c for o in found for c in o.children if c.dep_ == "conj"]


def _of(tok: Token) -> Token | None:
    return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)


def _kind_fits(tok: Token, kinds: frozenset[str]) -> bool:
    """Whether ``tok`` may be acted on as ``kinds`` say; a name, a pronoun, a number or a word
    WordNet does not know may."""
    if tok.lower_ in THINGS:
        return bool(kinds & {"artifact", "object", "Tops"})
    if tok.ent_type_ in ENTITY_KINDS:
        return bool(ENTITY_KINDS[tok.ent_type_] & kinds)
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return True
    files = _noun_files().get(tok.lemma_.lower()) or _noun_files().get(tok.lower_)
    return files is None or any(f in kinds for f in files)


def acts_on_its_kind(cand: Candidate, target: Actor | None = None) -> bool:
    """The trigger verb's objects are of a kind its category acts on (or it has none); an
    object the actor coder gives a country or sector ("met his *Chinese counterpart*") is a
    party whatever WordNet says of its noun."""
    if not cand.verbal or cand.trigger.pos_ != "VERB" or cand.sense.context:
        # a light verb's event noun ("launched an *attack*") names the sense, and so does an
        # object the lexicon row lists ("violated the *ceasefire*", "seized the *town*")
        return True
    kinds = _allowed(cand)
    if kinds is None:
        return True
    objects = _objects(cand)
    if objects and all(ENTITY_KINDS.get(o.ent_type_, kinds).isdisjoint(kinds) for o in objects):
        return False  # a name of the wrong kind: "Columbus beat *Montreal*" (a team by its city)
    if target is not None and (target.country or target.sector) and any(
            target.start <= o.idx < target.end and not any(c.dep_ == "poss" for c in o.children)
            for o in objects):
        # not what a possessive gives a country ("deploying *Mr. Biden's* favorite adverb")
        return True
    if any(o.ent_type_ in AMOUNTS for o in objects):
        return False  # "charge WeWork *$6 million*", "hit *16 percent*": a price, a level
    # "seized control *of the territories*", "dozens *of protesters*": what the of-phrase names
    # may be what is acted on
    return not objects or any(_kind_fits(t, kinds) for o in objects for t in (o, _of(o)) if t)


def _refused_act(verb: Token, lexicon: lex_mod.Lexicon, steps: int = 2) -> bool:
    """Whether the infinitive ``verb`` names an act between parties: an event verb of the
    lexicon in its sense here, a light verb with an event noun ("refused to *hold talks*"),
    directly or through one more infinitive ("refused to let inspectors *visit*")."""
    objects = object_lemmas(verb)
    for key in verb_keys(verb):
        frame = lexicon.frames.get(key)
        if lexicon.verb(key, objects) is not None or frame == "intent" or \
                (frame == "light" and any(o in lexicon.nouns for o in objects)):
            return True  # "refused *to hold talks*"; not "failed *to conduct checks*"
    return steps > 1 and any(_refused_act(c, lexicon, steps - 1) for c in verb.children
                             if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB")


def complement_fits(cand: Candidate, lexicon: lex_mod.Lexicon) -> bool:
    """What an infinitive complement says the verb is: a refusal refuses an act between parties
    ("refused *to deploy* peacekeepers", not "declined *to comment*", "failed *to check*"); help
    helps do such an act ("helped Kiev *defend* itself", not "funding to *help pay* the cost");
    seeking or asking *to* do something oneself, with no one asked, is an attempt, not an appeal
    ("sought *to minimize* the blowback", "organizations that *seek to combat* misinformation";
    "asked the court *to free* him", "was asked *to respond*" ask someone)."""
    if not cand.verbal:
        return True
    verb = cand.trigger
    complements = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if not complements:
        return True
    root = cand.sense.code[:2]
    if root in ACT_COMPLEMENT_ROOTS:
        return any(_refused_act(c, lexicon) for c in complements)
    if root == APPEAL_ROOT:
        return any(c.dep_ in {"dobj", "dative", "nsubjpass"} for c in verb.children)
    return True


def agrees_to_something(cand: Candidate) -> bool:
    """Agreeing *with* someone's view or decision is an opinion, not an agreement to act ("agree
    with the Judge's decision"); agreeing to, on or that something is one ("agreed on a
    truce", "agreed to return the cash")."""
    verb = cand.trigger
    if not cand.verbal or verb.lemma_.lower() != "agree":
        return True
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    clauses = any(c.dep_ in {"xcomp", "ccomp", "dobj"} for c in verb.children)
    return clauses or "with" not in preps or bool(preps & {"on", "to", "upon"})


def demands_of_another(cand: Candidate) -> bool:
    """"X said *we* must Z" exhorts the speaker's own side, and demands nothing of another
    ("She added, 'We must teach the defendant love'"); "X said Y must Z", Z no event verb of
    the lexicon, demands Z of Y only when Y is someone who can act, in the active voice."""
    if not cand.demand:
        return True
    subj = subject(cand.clause, own_only=True)
    if cand.sense.code == DEMAND_CODE and (
            is_passive(cand) or subj is None or not agency.can_act(subj, conflict=False)):
        # a demand is made of someone who must act ("forces must *ensure* security"): not of
        # no one ("Rudolph should be *disciplined*", "should not be *forced* to endure"), nor
        # of a thing ("this verdict should be *seen*", "hopes should not *turn into* ...")
        return False
    return subj is None or subj.lower_ not in FIRST_PERSON


def threatens_an_act(cand: Candidate, lexicon: lex_mod.Lexicon) -> bool:
    """A warning that something is so is a threat only when what it says is an act of the
    lexicon or one of the warner's side ("warned that *it* would respond"): not "warned that
    migrants are not the only people at risk", "warn that the central bank could undermine
    growth" (a threat with no clause, "threatened to kill", is not judged)."""
    if not cand.verbal or not cand.sense.code.startswith(THREAT_ROOT):
        return True
    clauses = [c for c in cand.trigger.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
    if not clauses or any(c.dep_ in {"xcomp", "dobj"} for c in cand.trigger.children):
        return True
    return any(_refused_act(c, lexicon) or _own_side(c) for c in clauses)


def _own_side(verb: Token) -> bool:
    subj = subject(verb, own_only=True)
    return subj is not None and subj.lower_ in OWN_SIDE


def _antecedent(tok: Token) -> Token:
    """"an emergency *which* threatens": the noun a relative pronoun stands for."""
    if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def subject_acts(cand: Candidate) -> bool:
    """The subject the parse gives the trigger verb can act (or it has none); for an event
    whose roles found no actor (a coded actor, "Serb forces", acts by definition)."""
    if not cand.verbal or cand.trigger.pos_ != "VERB" or is_passive(cand) or cand.demand:
        return True
    subj = subject(cand.governor or cand.clause)
    if subj is None:
        return True
    subj = _antecedent(subj)
    return subj.pos_ != "NOUN" or agency.can_act(subj, conflict=agency.conflict(cand.sense.code))


def in_a_condition(trigger: Token) -> bool:
    """The trigger is in a clause of condition: what would have to happen, not what did or was
    announced ("*if* peace talks are ever revived", "*If convicted*, he could face decades")."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in tok.children)
        if tok.dep_ in CLAUSE_BOUNDS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def asks_for_something(cand: Candidate) -> bool:
    """"Ask" appeals when someone is asked to act or something is asked for ("asked the court
    *to free* him", "asked *for* compassion", "asked *that* he be released", "asked Washington
    for help"); a question put is no appeal ("asked *whether* the talks would resume",
    "Doctor asks, 'what is left?'", "when asked about the decision"), nor is "asking *for it*"
    (deserving it)."""
    verb = cand.trigger
    if not cand.verbal or verb.lemma_.lower() not in QUESTION_VERBS:
        return True
    deps = {c.dep_ for c in verb.children}
    if "xcomp" in deps:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(
            p.dep_ == "pobj" and p.lower_ not in THINGS for p in c.children)
           for c in verb.children):
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:  # a that-clause asks for an act; a wh-clause or a quotation is a question
        return any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children)
    return bool(deps & {"dobj", "dative"})  # "asked permission" is judged by its object's kind


def wished_of_another(cand: Candidate) -> bool:
    """The trigger is what someone wishes another would do ("44 percent want the House to
    impeach and *the Senate to convict*", "want Congress *to investigate* Trump"): neither done
    nor intended by anyone, so no event of its category. The wisher's own act stays intended
    ("wants *to hold* talks")."""
    clause = cand.clause
    if not cand.verbal or clause.dep_ not in {"ccomp", "xcomp", "advcl"}:
        return False
    wisher = clause.head
    if wisher.lemma_.lower() not in WISHES or wisher.i == clause.i:
        return False
    own = subject(clause, own_only=True)
    other = next((c for c in wisher.children if c.dep_ in {"dobj", "dative"}), None)
    return own is not None or (other is not None and clause.dep_ in {"xcomp", "advcl"})


def protests_in_sense(cand: Candidate, code: str) -> bool:
    """A protest verb whose protest takes no object (:data:`INTRANSITIVE_PROTESTS`) protests
    only without one: "workers *struck*", "thousands *marched*"; "that *struck me* as
    different", "*rallied* young people", "*demonstrated* a fondness", "*demonstrate that* she
    is resistant" (a clause) and rallying *around* someone (support) are other senses.
    ``code``: the category settled for the actor ("strike" is force for a state)."""
    verb = cand.trigger
    lemma = verb.lemma_.lower()
    if not cand.verbal or not code.startswith(PROTEST_ROOT) or cand.sense.context \
            or lemma not in INTRANSITIVE_PROTESTS:
        return True
    return not any(c.dep_ in {"dobj", "ccomp"} or (
        lemma in RALLYING and c.dep_ == "prep" and c.lower_ in RALLYING_PREPS)
        for c in verb.children)


def fights_someone(cand: Candidate) -> bool:
    """Force is used on someone: not on oneself ("killed *himself*"), and a fight with an
    infinitive and no one fought is a struggle for something ("*battle* to win the U.K.'s
    election", "*fighting* to survive")."""
    verb = cand.trigger
    if not cand.verbal or verb.pos_ != "VERB" or cand.sense.code[:2] not in FORCE_ROOTS:
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects and all(o.lower_ in REFLEXIVES for o in objects) \
            and verb.lemma_.lower() not in SELF_HARM_KEPT:
        return False
    if verb.lemma_.lower() in FIGHTING and not objects:
        opponents = [c for c in verb.children if c.dep_ == "prep"
                     and c.lower_ in {"against", "with", "for"}]
        strives = any(c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)
        return not strives or bool(opponents)
    return True


def warns_of_an_act(cand: Candidate) -> bool:
    """Warning someone to do something, or against doing it, advises; it threatens nothing
    ("warned people *to stay away*", "warning candidates *against* moving to the left")."""
    verb = cand.trigger
    if not cand.verbal or verb.lemma_.lower() not in WARNING:
        return True
    return not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "against")
                   for c in verb.children)


def demands_an_act(cand: Candidate) -> bool:
    """"Insist" and "demand" with a clause demand only what the clause says must happen
    ("insisted that he *must* resign", "demanded that he *resign*"); an indicative clause is
    an assertion ("insisted they *thought* ..."), a question word makes a question ("demanded
    *how* Andrew could be so sure"). With an object or "on" they demand ("demanded his
    release", "insisted on a recount")."""
    verb = cand.trigger
    if not cand.verbal or verb.lemma_.lower() not in INSISTING or cand.demand:
        return True
    if any(c.dep_ in {"dobj", "xcomp"} or (c.dep_ == "prep" and c.lower_ in {"on", "upon"})
           for c in verb.children):
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return True
    for clause in clauses:
        if clause.left_edge.lower_ in QUESTION_WORDS:
            continue
        auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in OBLIGATION for a in auxes) or (
                all(a.tag_ == "VB" for a in auxes) and clause.tag_ not in INDICATIVE):
            # "must resign", "that he *step* down", "that control *be taken* away" (the
            # subjunctive; the tagger reads some as present tense)
            return True
    return False


def in_plover_sense(cand: Candidate, lexicon: lex_mod.Lexicon,
                    target: Actor | None = None) -> bool:
    """Whether a candidate's verb is used in the sense its PLOVER category names, by what it
    acts on (``target``: the one its roles found); its subject is judged apart
    (:func:`subject_acts`, when the roles found no actor)."""
    return acts_on_its_kind(cand, target) and complement_fits(cand, lexicon) and \
        threatens_an_act(cand, lexicon) and agrees_to_something(cand) and \
        demands_of_another(cand) and asks_for_something(cand) and fights_someone(cand) and \
        warns_of_an_act(cand) and demands_an_act(cand) and \
        not wished_of_another(cand) and not in_a_condition(cand.trigger)
