"""Numbers tied to events: "killing at least five people" counts the event's dead.

An analyst counting an attack wants its toll with it, as ACLED's ``fatalities`` field has it, not
a number somewhere in the article. The quantities component has already read the numbers, with
their bounds and claimant ("at least five people": low 5; "dozens of protesters": low 24); here
each is read off the dependency parse for what happened to the people it counts, by the word
that says so (``data/events/casualties.tsv``):

- the number is the object or passive subject of a casualty verb ("*killed* 12 civilians",
  "12 were *wounded*", "*arrested* dozens of protesters"), the subject of dying ("three soldiers
  *died*"), or a casualty participle or adjective modifies it ("five people *killed*", "20
  *dead*", "left 20 *dead*"); a conjunct counts as its first conjunct does ("killed five
  soldiers and three civilians");
- it is tied to the event that word names (the killing), to the event whose clause the word
  continues ("attacked the village and *killed* 12", "struck on Monday, *killing* five") and to
  the event noun that is the word's subject ("the *bombing* killed 20", "the blast left 20 dead").

``Event.quantities`` lists what is tied, in text order; ``fatalities`` is the sum of the lower
bounds of the counts of the dead (ACLED records the lowest reported figure), or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from claimgraph.extract.events.triggers import root_word
from claimgraph.knowledge import word_sets
from claimgraph.record import Event, Quantity

_WORDS = word_sets("events/casualties.tsv")
#: what happened to the people counted, in the order a word is looked up
KINDS = ("killed", "injured", "displaced", "arrested")
#: how a casualty word continues the clause of an event before it
_CONTINUES = {"conj", "advcl", "xcomp", "ccomp", "relcl", "acl", "oprd", "acomp"}


def _kind(tok: Token) -> str | None:
    words = {tok.lemma_.lower(), tok.lower_}
    return next((kind for kind in KINDS if words & _WORDS[kind]), None)


def casualty(head: Token) -> tuple[str, Token] | None:
    """(what happened, the word that says it) to the people a number headed by ``head``
    counts, or None when the parse says nothing of the kind."""
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "five soldiers and *three civilians*"
        tok = tok.head
    for child in tok.children:  # "five people *killed*", "20 *dead*"
        if child.dep_ in {"acl", "amod", "relcl"} and (kind := _kind(child)):
            return kind, child
    verb = tok.head
    if tok.dep_ == "nummod" and (kind := _kind(verb)):
        return kind, verb  # "left 20 *dead*" parsed with "dead" as the noun counted
    if tok.dep_ in {"dobj", "nsubjpass", "nsubj"} and (kind := _kind(verb)):
        return kind, verb  # "killed 12", "12 were wounded", "three soldiers died", "20 dead"
    if tok.dep_ in {"dobj", "nsubj"} and verb.lemma_.lower() in _WORDS["outcome_verbs"]:
        for child in verb.children:  # "left 20 *dead*"
            if child.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} and (kind := _kind(child)):
                return kind, child
    return None


def _continues(tok: Token) -> bool:
    """``tok`` carries on the clause of its head: "attacked and *killed*", "struck, *killing*",
    "left 20 *dead*"."""
    if tok.head.i == tok.i:
        return False
    return tok.dep_ in _CONTINUES or (
        tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WORDS["outcome_verbs"])


def _anchors(word: Token) -> list[Token]:
    """The casualty word and the words whose event it continues, nearest first, with the
    event nouns that are their subjects or agents ("the *bombing* killed", "displaced by the
    *fighting*"); not another casualty word on the way ("killing five and *injuring* 30": the
    30 are not the killing's)."""
    chain = [word]
    tok = word
    for _ in range(3):
        if not _continues(tok):
            break
        tok = tok.head
        chain.append(tok)
    parties = [c for t in chain for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
    parties += [p for t in chain for c in t.children if c.dep_ == "agent"
                for p in c.children if p.dep_ == "pobj"]
    return [word] + [t for t in chain[1:] + parties if _kind(t) is None]


def tie_quantities(doc: Doc, events: Sequence[Event],
                   quantities: Sequence[Quantity]) -> list[Event]:
    """``events`` with ``quantities`` (indexes into ``quantities``) and ``fatalities`` set."""
    if not events or not quantities:
        return list(events)
    at: dict[int, list[int]] = {}  # token index of a trigger -> indexes of its events
    for n, event in enumerate(events):
        trigger = root_word(doc, event.trigger.start, event.trigger.end)
        if trigger is not None:
            at.setdefault(trigger.i, []).append(n)
    tied: dict[int, list[tuple[int, str]]] = {}
    for q_index, quantity in enumerate(quantities):
        span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        found = casualty(span.root) if span is not None and len(span) else None
        if found is None:
            continue
        kind, word = found
        for n in dict.fromkeys(n for tok in _anchors(word) for n in at.get(tok.i, [])):
            tied.setdefault(n, []).append((q_index, kind))
    out = list(events)
    for n, links in tied.items():
        dead = [_lowest(quantities[q]) for q, kind in links if kind == "killed"]
        known = [d for d in dead if d is not None]
        out[n] = replace(out[n], quantities=[q for q, _ in links],
                         fatalities=sum(known) if known else None)
    return out


def _lowest(quantity: Quantity) -> int | None:
    """The lowest figure a count gives ("at least five": 5, "12": 12), as a whole number of
    people, or None ("scores of" gives no figure)."""
    value = quantity.low if quantity.low is not None else quantity.value
    if value is None or value < 0 or value != int(value):
        return None
    return int(value)
