"""Who can act: PLOVER codes what people, groups and states do to each other.

A PLOVER category is a political act — an attack, an accusation, a visit, an arrest — and its
source is an agent: a person ("Esper", "he"), a group or organisation ("the doctors", "police",
"the committee", "Hamas"), a state or its capital ("China", "Moscow"). When the parse gives the
verb a subject that cannot act, the verb is in another sense than the lexicon's: a bond "hitting"
16, the plague that "hit" a hunter, evidence that "supports" suicide, a case that "demonstrates"
free speech, a system that "failed". Such a word still reports something (it stays an event,
uncoded), but coding it would file a market move as an ASSAULT.

What can act is read from the parse and from WordNet (``data/events/noun_kinds.tsv.gz``, built by
``scripts/build_noun_senses.py``): a named entity of an agent label, a personal pronoun, a proper
noun, a word WordNet does not know (a name the tagger took for a noun: "Wikileaks"), or a common
noun one of whose two most frequent senses is a person or a group ("doctors", "police", "the
administration"). A subject the lexicon of actors codes (a country, a sector word: "prosecutors")
acts by definition, and so does a happening that causes another ("a roadside *bombing* killed one
soldier", "the *explosion* wounded two": most of the noun's senses are happenings, or the event
lexicon knows it). An event whose agent the text leaves out ("was stabbed", "the protests") is
not judged here: nothing says it cannot act.

"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.extract.events.lexicon import noun_senses
from claimgraph.knowledge import rows, word_sets
from claimgraph.record import Actor

NOUN_KINDS = "events/noun_kinds.tsv.gz"
#: named-entity labels of things that act (a facility or a law does not)
AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: WordNet noun files whose members act
AGENT_FILES = frozenset({"person", "group"})
#: pronouns that stand for someone who can act ("it" is a company or a state as often as a thing)
PERSONAL = frozenset({"i", "you", "he", "she", "we", "they", "who", "it", "everyone", "someone",
                      "anyone", "nobody", "none", "both", "each", "all", "others", "many"})
#: how far down WordNet's frequency order an agent sense may come ("administration": 2)
AGENT_RANK = 2


@lru_cache(maxsize=1)
def noun_kinds() -> dict[str, tuple[str, int]]:
    """WordNet's nouns: the file of the most frequent sense and the rank of the first sense
    that is a person or a group (0: none)."""
    return {row[0]: (row[1], int(row[2])) for row in rows(NOUN_KINDS)}


def _kind(tok: Token) -> tuple[str, int] | None:
    kinds = noun_kinds()
    return kinds.get(tok.lemma_.lower()) or kinds.get(tok.lower_)


def agent_noun(tok: Token) -> bool:
    """A common noun that names someone who can act ("doctors", "police", "critics"), or
    stands for them ("a group *of physicians*")."""
    kind = _kind(tok)
    if kind is None:
        return True  # WordNet does not know it: a name more often than not
    if kind[0] == "Tops" or tok.lower_ in PARTITIVES:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        member = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if member is not None:
            return can_act(member)  # "a group of physicians", "members of the committee"
    return 0 < kind[1] <= AGENT_RANK


def party_noun(tok: Token) -> bool:
    """A common noun whose most frequent sense in WordNet is a person ("a political *rival*",
    "the *accuser*"): a party an event may be aimed at. Stricter than :func:`agent_noun`:
    WordNet's groups include a "settlement" reached and a "clinic" operated."""
    kind = _kind(tok)
    return kind is not None and kind[0] == "person"


#: nouns that take their kind from an of-phrase ("a *group* of physicians", "dozens of")
PARTITIVES = word_sets("events/words.tsv")["quantity_heads"]


def can_act(head: Token, *, conflict: bool = True) -> bool:
    """Whether the phrase headed by ``head`` names an agent; a happening is one only for
    material conflict (``conflict``): "a roadside *bombing* killed one soldier", but "its
    *finances* were negotiating", "*research* gives protection", "Google's *foray* arrived"
    are no party's acts."""
    if head.ent_type_:
        return head.ent_type_ in AGENT_LABELS
    if head.pos_ == "PRON" or head.lower_ in PERSONAL:
        return head.lower_ in PERSONAL
    if head.pos_ == "PROPN":
        return True  # a name the recogniser did not label: "Hamas", "the Taliban"
    if head.pos_ == "NOUN":
        return agent_noun(head) or head.lemma_.lower() in sector_nouns() or \
            (conflict and happening(head))
    return False  # a determiner or a number standing alone: "That struck me", "All but four"


@lru_cache(maxsize=1)
def sector_nouns() -> frozenset[str]:
    """Nouns the actor coder gives a sector ("forces", "police", "prosecutors"): they act by
    definition, whatever WordNet's most frequent senses of the word are ("force")."""
    return frozenset(row[0].lower() for row in lex_mod.rows("sectors.tsv"))


def happening(tok: Token) -> bool:
    """An event noun, which can cause another event ("a roadside *bombing* killed")."""
    lemma = tok.lemma_.lower()
    return noun_senses().get(lemma, ("", "none"))[1] in {"most", "all"} or \
        lemma in lex_mod.load().nouns


#: CAMEO roots of material conflict (protest to mass violence): what a happening may cause
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def conflict(code: str) -> bool:
    """Whether a CAMEO code (or "A|B" pair) is material conflict, which a happening may cause."""
    return code[:2] in CONFLICT_ROOTS


def acts(doc: Doc, actor: Actor | None, *, code: str = "18") -> bool:
    """Whether the parse's actor of an event of CAMEO ``code`` can act; no actor is no
    evidence against it."""
    if actor is None or actor.country is not None or actor.sector is not None:
        return True
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is None or can_act(span.root, conflict=conflict(code))
