""""I" and "we" in a quotation are its speaker.

News quotes parties in their own words: "We will ask the court to ...", said Palestinian chief
negotiator Saeb Erekat; "I don't blame him," Richardson said; "a man convicted of threatening
*my* life," Omar wrote. The parse gives such an event a pronoun, which names no one by itself,
and the country named nearest is a guess (Erekat's "we" coded as the UN of "the (UN) General
Assembly"). The attribution extractor has already found who says the quoted words: the event
whose trigger lies in an attribution's content takes that source for "I"/"we" as actor, and for
"me"/"us" as target, coded as any other phrase (a person the text affiliates keeps his country:
:mod:`.people`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimgraph.extract.events.actors import Mention, bare_actor, code_actor
from claimgraph.extract.span_index import SpanIndex
from claimgraph.record import Actor, Attribution

#: the speaker acting ("I", "we") and acted upon ("me", "us")
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
FIRST_PERSON_OBJECTS = frozenset({"me", "us"})
FIRST_PERSON_OWNERS = frozenset({"my", "our"})


def speaker_of(doc: Doc, trigger: Token, attributions: Sequence[Attribution],
               contents: SpanIndex, mentions: dict[int, Mention]) -> Actor | None:
    """The source of the innermost attribution whose content holds ``trigger``, coded as an
    actor; None when the trigger is quoted from no one, or from a pronoun no person of the text
    stands behind ("we said")."""
    start, end = trigger.idx, trigger.idx + len(trigger.text)
    found = contents.innermost(start, end)
    source = attributions[found].source if found is not None else None
    if source is None:
        return None
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or (span.root.pos_ == "PRON" and span.root.i not in mentions):
        return None  # a pronoun stands for someone only where people resolved it ("he added")
    return code_actor(span.root, mentions) or bare_actor(span.root)


def quoted_self(verb: Token, subject: Token | None) -> tuple[bool, bool]:
    """(the speaker acts, the speaker is acted upon): the subject is "I"/"we"; an object, a
    prepositional object or its possessor is "me"/"us"/"my"/"our" ("threatening *my* life")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children
                if p.dep_ == "pobj"]
    owners = [c for o in objects for c in o.children if c.dep_ == "poss"]
    acts = subject is not None and subject.lower_ in FIRST_PERSON_SUBJECTS
    acted_on = any(o.lower_ in FIRST_PERSON_OBJECTS for o in objects) or any(
        o.lower_ in FIRST_PERSON_OWNERS for o in owners)
    return acts, acted_on
