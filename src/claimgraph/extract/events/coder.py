"""Finding and coding events in a parsed ``Doc``: trigger, PLOVER type, actor and target.

The approach is PETRARCH's (a verb dictionary over a dependency parse), kept small:
:mod:`~claimgraph.extract.events.candidates` finds the event words and how they frame each other,
:mod:`~claimgraph.extract.events.roles` finds actor and target, :mod:`.actors` codes them to
country and sector (:mod:`.context` fills in what the phrases leave out), :mod:`.links` ties
the event to its place, time and attribution, :mod:`.counts` to the numbers that count its
dead, injured, displaced or arrested; here the type is settled: the lexicon sense (which may depend on whether the actor is a state), then an
intended event is AGREE when it cooperates and THREATEN when it is conflict, a negated
cooperative event ("will not accept") is REJECT and a negated conflict ("did not attack") is no
event at all.

``find_events`` returns the events in text order; :func:`salience` orders them for picking the
main event of a sentence (verbal before nominal, nearest the root first).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph.extract.events import actors as actor_coding
from claimgraph.extract.events import agency, context, domain, people, sense, speakers
from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.extract.events import mentions as mention_model
from claimgraph.extract.events.candidates import depth, find_candidates
from claimgraph.extract.events.counts import tie_quantities
from claimgraph.extract.events.factuality import factuality
from claimgraph.extract.events.links import (
    contents_of,
    link_attribution,
    link_place,
    link_time,
    spans_of,
)
from claimgraph.extract.events.roles import (
    Candidate,
    is_passive,
    noun_roles,
    subject,
    verb_roles,
)
from claimgraph.ids import item_id
from claimgraph.nlp import extensions
from claimgraph.nlp.extensions import text_of
from claimgraph.nlp.words import Word
from claimgraph.record import Event, span_of


def salience(doc: Doc, event: Event) -> tuple[int, int, int, int, int]:
    """Sort key for the main event: what happened by the text's account first (a sentence
    that reports an attack and a denied one is about the attack), then verbal (a verb, or the
    object of a light verb: "launched an *attack*"), nearest the root, with an actor, earliest."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    tok = span.root if span is not None else doc[0]
    clause = tok
    if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        clause = tok.head
    elif tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and \
            lex_mod.load().frames.get(tok.head.head.lemma_.lower()) == "light":
        clause = tok.head.head  # "went on *strike*", "engaged in *fighting*"
    nominal = 0 if clause.pos_ == "VERB" else 1
    negative = 0 if event.polarity == "positive" else 1
    return (negative, nominal, depth(clause), 0 if event.actor else 1, event.trigger.start)


def main_event(doc: Doc, events: list[Event]) -> Event | None:
    """The PLOVER-coded event a one-sentence report is about (None when there is none)."""
    coded = [e for e in events if e.type is not None]
    return min(coded, key=lambda e: salience(doc, e)) if coded else None


#: ``doc.user_data`` key: where the coded event nouns that name no one start ("the protests")
BARE_TRIGGERS = "claimgraph.events.bare_triggers"
#: verbs whose complement did not happen, by the framer's account ("denied attacking")
DENIALS = {"deny", "refute", "reject", "dismiss"}


def _negated(cand: Candidate) -> bool:
    """Negated: "did not attack", "vowed not to return"."""
    tokens = [cand.clause] + ([cand.governor] if cand.governor is not None else [])
    return any(c.dep_ == "neg" for tok in tokens for c in tok.children)


def _denied(cand: Candidate) -> bool:
    """Denied by the one who would have done it: "denied that its forces shelled the town",
    "Tehran denied sending drones" (a negative event, cooperative or not: no refusal)."""
    head = cand.head
    return head.dep_ in {"xcomp", "ccomp", "pcomp"} and head.head.lemma_.lower() in DENIALS


#: CAMEO root of intent to cooperate: "did not accept" refuses whenever it was said
ACCEPTING_ROOT = "03"


def _refusal(cand: Candidate, code: str) -> bool:
    """A negated cooperative act is a refusal when it is announced ("will not meet"), a stance
    ("does not recognize") or an acceptance withheld ("did not accept"); a cooperative act that
    did not take place ("hasn't taken part in these negotiations", "did not offer a response")
    is that act with negative polarity, not a REJECT."""
    return cand.intent or code.startswith(ACCEPTING_ROOT) or \
        factuality(cand.clause).tense != "past"


def find_events(
    doc: Doc,
    *,
    scheme: str = "plover",
    lexicon: lex_mod.Lexicon | None = None,
) -> list[Event]:
    """The events of ``doc`` in text order, linked to its places, times and attributions."""
    if not doc.has_annotation("DEP"):
        return []  # no parse, no roles: a pipeline without the parser codes no events
    lexicon = lexicon or lex_mod.load()
    mentions = actor_coding.find_actor_mentions(doc)
    places = extensions.results(doc, "cg_places")
    actor_coding.entity_mentions(doc, mentions)
    actor_coding.place_mentions(doc, places, mentions)
    people.person_mentions(doc, mentions)
    times = extensions.results(doc, "cg_times")
    attributions = extensions.results(doc, "cg_attributions")
    # indexed once: each event asks for its sentence's places and times, not for all of them
    place_spans, time_spans = spans_of(places), spans_of(times)
    tokens = sorted(mentions)  # the mentions are complete here: indexed once for from_context
    content_spans = contents_of(attributions)
    events: list[Event] = []
    seen: set[tuple[int, int]] = set()
    bare_triggers: set[int] = set()
    for cand in find_candidates(doc, lexicon):
        if not mention_model.in_event_sense(cand.trigger, lexicon) \
                or mention_model.nobodys_act(cand, lexicon):
            continue  # "the quake *struck*", "battling a new fire": not the event sense
        actor, target = (verb_roles if cand.verbal else noun_roles)(cand, mentions,
                                                                    agency.party_noun)
        if cand.verbal and len(content_spans) and (actor is None or target is None):
            # "*We* will ask the court", said Erekat: the quotation's speaker
            acts, acted_on = speakers.quoted_self(cand.clause, subject(cand.head))
            if (acts and actor is None) or (acted_on and target is None):
                speaker = speakers.speaker_of(doc, cand.trigger, attributions, content_spans,
                                              mentions)
                actor = speaker if acts and actor is None else actor
                target = speaker if acted_on and target is None else target
        # a bare event noun ("the protests", "the inquiry") names no one: its actor is not
        # guessed from the sentence; coreference may give it one (``coref.uncode_unowned``)
        bare = not cand.verbal and actor is None and target is None
        if not agency.acts(doc, actor, code=cand.sense.code) or (actor is None and not sense.subject_acts(cand)):
            continue  # a bond "hitting" 16, evidence that "supports": not the lexicon's sense
        if not sense.in_plover_sense(cand, lexicon, target):
            continue  # "released a letter", "declined to comment": not the lexicon's sense
        if actor is None and cand.verbal and is_passive(cand) and not cand.demand \
                and cand.sense.code_for(False).startswith("17"):
            # "was arrested *in Lebanon*": its authorities coerce (before the sentence's other
            # countries: "for collaborating with Israel")
            actor = context.authority_of_place(cand.clause, mentions)
        # whether a state acts is read from the phrase the parse gave; a country guessed for a
        # missing or bare actor from the rest of the sentence says whose side, not what kind
        state = actor_coding.is_state(actor)
        guessed = actor is None or (actor.country is None and actor.sector is None)
        if not bare:
            actor, target = context.from_context(
                cand.head, actor, target, mentions, visit=cand.sense.code.startswith("04"),
                tokens=tokens, person=people.named_person(doc, actor, mentions),
                at_home=cand.sense.code[:2] in context.HOME_ROOTS,
                unstated=actor is None and cand.verbal and is_passive(cand))
        if not guessed:
            state = actor_coding.is_state(actor)
        if actor is not None and target is not None and actor.start == target.start:
            target = None
        code = "100" if cand.demand else cand.sense.code_for(state)
        if cand.intent:
            code = lex_mod.intended(code)
        denied = _denied(cand)
        refused = False
        if not denied and _negated(cand) and _refusal(cand, code):
            refusal = lex_mod.negated(code)
            refused = refusal is not None
            code = refusal or code
        kind = lexicon.plover(code, scheme)
        if kind is None or not sense.protests_in_sense(cand, code) or \
                not domain.codes_here(doc, actor, target, code, cand.trigger.sent.text):
            continue  # a document about something else: "Dashlane *offers* a free version",
            # "we're *examining* the MacBook Pro", enemies in a game that "*attack*" you
        trigger = cand.trigger
        start, end = trigger.idx, trigger.idx + len(trigger.text)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        if bare or (actor is None and target is None and not is_passive(cand)):
            # no party at all, even from the sentence ("to invest in digital capabilities",
            # "had no option but to surrender"): PLOVER codes who did what to whom, so the
            # type waits for coreference to join a mention that names someone; an agentless
            # passive states that someone did it ("the bill was withdrawn")
            bare_triggers.add(start)
        taken = [a for a in (actor, target) if a is not None]
        sent: Span = trigger.sent
        fact = factuality(trigger)
        if refused:  # "will not accept": the refusal is stated, so it happened, now
            fact = fact._replace(polarity="positive",
                                 tense="present" if fact.tense == "future" else fact.tense)
        elif denied or _negated(cand):
            fact = fact._replace(polarity="negative")
        events.append(Event(
            id=item_id(doc._.cg_key, "event", start, end),
            type=kind,
            trigger=span_of(text_of(doc), start, end),
            actor=actor,
            target=target,
            place=link_place(places, sent, cand.head, trigger, taken, index=place_spans),
            time=link_time(times, sent, cand.head, trigger, index=time_spans),
            attribution=link_attribution(attributions, start, end, index=content_spans),
            polarity=fact.polarity, certainty=fact.certainty, tense=fact.tense,
        ))

    def links(tok: Word, sent: Span) -> tuple[int | None, int | None, str | None]:
        start, end = tok.idx, tok.idx + len(tok.text)
        return (link_place(places, sent, tok, tok, index=place_spans),
                link_time(times, sent, tok, tok, index=time_spans),
                link_attribution(attributions, start, end, index=content_spans))

    # every other reported event, with no PLOVER category ("an earthquake", "the merger")
    events += mention_model.uncoded_events(doc, events, links, lexicon)
    doc.user_data[BARE_TRIGGERS] = frozenset(bare_triggers)
    events.sort(key=lambda e: e.trigger.start)
    return tie_quantities(doc, events, extensions.results(doc, "cg_quantities"))
