"""Countries the phrases leave out, filled in from the rest of the sentence and the story.

An actor phrase often names no country ("the president", "the rebels", "Judge Alejandro
Rivera"), or the parse finds no actor at all (an agentless passive, an event noun with no
owner). Event coders fill these from what they know; we fill them from the text, by role
(:func:`from_context`): whom or where a court acts on, the story's country for a body of the
state, never the target's country for a person. :func:`authority_of_place` codes agentless
coercion by the authorities of the place it happened in.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Token

from claimgraph.extract.events.actors import (
    STATE_SECTORS,
    Mention,
    after_dateline,
    mention_actor,
)
from claimgraph.record import Actor

#: prepositions of a place where something happens or goes ("in Beijing", "to Moscow")
LOCATIVE_PREPS = {"in", "at", "to", "into", "near", "from", "inside", "across", "outside"}
#: sectors whose power stops at the border: a judge or police officer acts on their own country
JURISDICTIONS = {"JUD", "COP"}
#: CAMEO roots of what a state does within its borders: investigate (09), coerce (17: seize,
#: ban, impose a curfew, arrest, expel, repress)
HOME_ROOTS = {"09", "17"}


def _overlaps(actor: Actor | None, mention: Mention, doc: Doc) -> bool:
    if actor is None:
        return False
    start, end = doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1])
    return start < actor.end and actor.start < end


def _locative(tok: Token) -> bool:
    """A place the event happens at or moves to ("in Beijing", "to Moscow"), not a party."""
    root = tok
    while root.dep_ in {"compound", "flat"} and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def from_context(
    clause: Token, actor: Actor | None, target: Actor | None, mentions: dict[int, Mention],
    *, visit: bool = False, tokens: list[int] | None = None, person: bool = False,
    at_home: bool = False, unstated: bool = False,
) -> tuple[Actor | None, Actor | None]:
    """Fill in countries the phrases leave out, from the rest of the sentence.

    Event coders code "President Yoweri Museveni" as UGA from what they know; we take the
    country the sentence names, as the "first country named" baseline does, but with the roles:

    - no actor found (a subject the parse lost, an event noun with a target but no owner)
      or a bare name ("The Homeland Union began collecting signatures to convince the
      Lithuanian Parliament"): the first country named that is neither in the target nor a place
      where something happens ("in Beijing"); "Kowalski said he would not help Israel"
      leaves Kowalski without, since Israel is the target;
    - a person the text names and nothing affiliates (``person``, see ``people``: "President
      Ali Rivera"), titled or not, is coded as a bare name: never by the target's country
      ("Esper accused *China*"), never by the story's; but a judge, prosecutor or police officer
      (:data:`JURISDICTIONS`), and any official in an event a state does ``at_home`` (arrest,
      ban, curfew, investigation: :data:`HOME_ROOTS`), takes the country of whom or where
      they act ("President X banned *Ugandan* opposition candidates");
    - a role with no country ("the president", "the rebels"): the first country named in its
      sentence, target or not (most reports are domestic, or name the actor's country first),
      except where a visitor went ("the president arrived *in Beijing*"); when the sentence
      names none, or only in the target ("the Justice Department accused *China*"), the first
      the story named before it (its dateline's);
    - a target without a country takes the first named outside the actor, else (a role: "the
      former minister") the actor's own; an event with no target takes the first other country
      named in the event's clause.

    - an actor the text leaves out on purpose (``unstated``: an agentless passive, "the
      bill was withdrawn", "the party was accused of deceiving voters") stays unknown: the
      sentence's other countries are bystanders as often as not;

    ``tokens`` is ``sorted(mentions)``, made once per document by the caller: the sentence's
    mentions are then found by bisection, not by reading every mention of the document.
    """
    doc = clause.doc
    sent = clause.sent
    tokens = sorted(mentions) if tokens is None else tokens
    inside = tokens[bisect_left(tokens, sent.start) : bisect_left(tokens, sent.end)]
    in_sentence = sorted({mentions[i].start: mentions[i] for i in inside}.values(),
                         key=lambda m: m.start)
    # a dateline ("WASHINGTON -", "LONDON (AP) -") says where the story was filed: no party
    parties = [m for m in in_sentence if m.start >= after_dateline(sent)]
    if (actor is None and not unstated) or (actor is not None and actor.country is None
                                            and (actor.sector is None or person)):
        # a town ("a Fort Worth girl", "in Kharkiv") is where, not who: it acts through its
        # people, whom the text would name (a capital acting is a seat: "Moscow said")
        found = next((m for m in parties if not _overlaps(target, m, doc)
                      and not _locative(doc[m.start]) and m.kind != "place"), None)
        if found is not None and actor is None:
            actor = mention_actor(found, doc)
        elif found is not None and actor is not None:
            actor = replace(actor, country=found.code)
        elif actor is not None and not visit and (
                (not person and not _a_name(actor, doc)) or actor.sector in JURISDICTIONS
                or (at_home and actor.sector in STATE_SECTORS)):
            # nothing better: where it happened ("a roadside bombing *near Samarra* killed one
            # U.S. soldier"); and a court, the police, or an official arresting, banning or
            # investigating act within their country, on its people, in its places ("Judge
            # Rivera opened investigations against 28 *Chilean* officials")
            found = next((m for m in in_sentence if person or not _overlaps(target, m, doc)),
                         None)
            actor = replace(actor, country=found.code) if found is not None else actor
    if actor is not None and actor.country is None and actor.sector is not None and not person:
        # a visitor is not of where they go ("the president will visit *Moscow*")
        found = next((m for m in in_sentence if not (visit and (
            _locative(doc[m.start]) or _overlaps(target, m, doc)))), None)
        if not visit and (found is None or _overlaps(target, found, doc)):
            # "The Justice Department accused China" in a story of the U.S.: a body of the
            # story's country, not of the one it acts on
            found = _story_country(mentions, sent.start) or found
        if found is not None:
            actor = Actor(actor.start, actor.end, actor.text, canonical=actor.canonical,
                          country=found.code, sector=actor.sector)
    if target is not None and target.country is None:
        # "rallied against the government", "arrested protesters": the country of the story
        found = next((m for m in in_sentence if not _overlaps(actor, m, doc)), None)
        country = found.code if found is not None else None
        if country is None and target.sector is not None and actor is not None \
                and actor.country not in {None, "IGO", "NGO", "IMG"}:
            country = actor.country  # "a Kenyan court found the former minister guilty"
        if country is not None:
            target = Actor(target.start, target.end, target.text, canonical=target.canonical,
                           country=country, sector=target.sector)
    if target is None and actor is not None:
        lo, hi = clause.left_edge.i, clause.right_edge.i
        found = next((m for m in parties if lo <= m.start <= hi and m.code != actor.country
                      and not _overlaps(actor, m, doc)), None)
        if found is not None:
            target = mention_actor(found, doc)
    return actor, target


def _a_name(actor: Actor, doc: Doc) -> bool:
    """The actor is a name ("Smith", "Wikileaks"): someone, whom the place of the event does
    not affiliate ("Smith has avoided extradition *to Sweden*"), unlike a happening or a
    group named by a common noun ("a roadside bombing *near Samarra*")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and span.root.pos_ == "PROPN" and span.root.ent_type_ != ""


def _story_country(mentions: dict[int, Mention], before: int) -> Mention | None:
    """The first country the story names before a sentence that names none (the dateline's:
    "KYIV (AP) - ... Police arrested 20 protesters"), for a role with no country."""
    earlier = [m for i, m in mentions.items() if i < before and m.kind != "group"]
    return min(earlier, key=lambda m: m.start) if earlier else None


def authority_of_place(clause: Token, mentions: dict[int, Mention]) -> Actor | None:
    """Who coerces when the text names no one: "was arrested *in Lebanon*" -> Lebanon (its
    authorities arrest, detain, deport and ban there), as event coders code agentless coercion."""
    for prep in clause.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for pobj in prep.children:
            mention = mentions.get(pobj.i)
            if pobj.dep_ == "pobj" and mention is not None and mention.kind in {"country", "seat"}:
                return mention_actor(mention, clause.doc)
    return None
