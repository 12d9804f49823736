"""Event mentions: which words of a parse report an event, coded or not, in their event sense.

NewsReader (MEANTIME) and ECB+ annotate as events the actions and states a text reports: verbs
("said", "struck", "rose") and event nouns ("the attack", "the merger", "an earthquake"), PLOVER
category or not. Whether a word is one is a matter of its sense in context: "demand" in "supply
and demand" names no happening, "the attack" does; "fire" a network is "battling" is a figure
of speech. A list of words cannot say it, and a stop-list per error would never end; so a small
logistic regression decides, over the lemma and what surrounds it (part of speech, dependency,
determiner, the head it hangs on, its subject's and its own entity type, its suffix, whether
the PLOVER lexicon knows it). Its weights are fitted on MEANTIME's and ECB+'s gold mentions
against the non-mentions of the same words, with the PLOVER records' triggers as positives, by
``scripts/train_event_mentions.py`` (design fold only; the other fold confirms), and shipped as
``data/events/mention_weights.tsv``. Without the file no word is an event mention.

:func:`mention_probability` gives P(event mention | token); :func:`find_mentions` the tokens of
a ``Doc`` at or above the threshold. The coder (:mod:`.coder`) makes the uncoded ones events
with ``type`` None and drops a coded trigger the model reads in another sense.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import repeat

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.extract.events.factuality import factuality
from claimgraph.extract.events.lexicon import noun_senses
from claimgraph.extract.events.roles import Candidate, is_passive, subject
from claimgraph.ids import item_id
from claimgraph.knowledge import rows
from claimgraph.nlp.extensions import text_of
from claimgraph.nlp.words import Word, word, words
from claimgraph.record import Event, span_of

#: where an event happened, when, and who reports it: (place, time, attribution) of a trigger
#: in its sentence
Links = Callable[[Word, Span], tuple[int | None, int | None, str | None]]

WEIGHTS = "events/mention_weights.tsv"
#: the parts of speech a mention can have (a copula's adjective: "was *dead*", "is *open*")
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "AUX"})
BIAS = "bias"
_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "this", "that", "who", "which"}


def _entity(tok: Word | None) -> str:
    if tok is None:
        return "none"
    if tok.lower_ in _PRONOUNS:
        return "pron"
    return tok.ent_type_ or ("noun" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_.lower())


#: the dependencies of a word's subject (its first child with one of them), for ``subj=``
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
#: the dependencies of children that are features of their own (``child=``), in this order
_CHILD_FEATURES = ("compound", "amod", "prep", "nummod", "aux", "auxpass", "neg", "dobj", "ccomp",
                   "xcomp", "cop")


def features(tok: Token | Word, lexicon: lex_mod.Lexicon | None = None) -> list[str]:
    """The names of the features of ``tok`` the weights are read for (shared with the trainer)."""
    lexicon = lexicon or lex_mod.load()
    tok = word(tok)  # read once per Doc: this runs for most words of every text
    lemma = tok.lemma_.lower()
    pos, dep, head = tok.pos_, tok.dep_, tok.head
    # the children read once (most words have none): their dependencies, the first
    # determiner, the subject
    children: set[str] = set()
    det = "none"
    subj: Word | None = None
    for c in tok.children:
        child_dep = c.dep_
        if child_dep == "det" and "det" not in children:
            det = c.lower_
        elif subj is None and child_dep in _SUBJECT_DEPS:
            subj = c
        children.add(child_dep)
    out = [
        BIAS, f"pos={pos}", f"tag={tok.tag_}", f"dep={pos}|{dep}", f"lemma={lemma}|{pos}",
        f"head={pos}|{head.pos_}|{dep}", f"ent={pos}|{tok.ent_type_ or '-'}",
        f"subj={pos}|{_entity(subj)}",
    ]
    if pos in ("NOUN", "PROPN"):
        out += [f"suffix3={lemma[-3:]}", f"suffix4={lemma[-4:]}",
                f"det={det if det in ('the', 'a', 'an', 'this', 'that', 'none') else 'other'}"]
        if head.dep_ == "prep" or dep == "pobj":
            out.append(f"pobj_of={head.lower_}")
        if head.pos_ == "VERB" and dep in ("dobj", "nsubj", "nsubjpass"):
            out.append(f"arg_of_light={lexicon.frames.get(head.lemma_.lower(), '-')}|{dep}")
        if lemma in lexicon.nouns:
            out.append("plover_noun")
        first, share = noun_senses().get(lemma, ("-", "none"))
        out += [f"wordnet_first={first}", f"wordnet_happening={share}"]
    if pos == "VERB" and (lemma in lexicon.verbs or lemma in lexicon.frames):
        out.append("plover_verb")
    if children:
        out += [f"child={pos}|{child}" for child in _CHILD_FEATURES if child in children]
    if dep == "conj":
        out.append(f"conj_of={pos}|{head.pos_}|{'event' if head.pos_ == 'VERB' else head.ent_type_ or '-'}")
    if tok.is_title and tok.i > tok.sent_start:
        out.append(f"title_case={pos}")
    return out


@lru_cache(maxsize=1)
def weights() -> tuple[dict[str, float], dict[str, float]]:
    """Feature weights, and the thresholds (rows ``threshold``: an uncoded word is an event
    at or above it; ``coded_threshold``: a PLOVER trigger is kept at or above it), read once."""
    table: dict[str, float] = {}
    thresholds = {"threshold": 1.0, "coded_threshold": 0.0}
    try:
        found = rows(WEIGHTS)
    except FileNotFoundError:
        return {}, thresholds
    for name, value in found:
        if name in thresholds:
            thresholds[name] = float(value)
        else:
            table[name] = float(value)
    return table, thresholds


def mention_probability(tok: Token | Word, lexicon: lex_mod.Lexicon | None = None) -> float:
    """P(``tok`` reports an event here): 0 for words outside :data:`CANDIDATE_POS`."""
    if tok.pos_ not in CANDIDATE_POS:
        return 0.0
    table, _ = weights()
    if not table:
        return 0.0
    score = sum(map(table.get, features(tok, lexicon), repeat(0.0)))  # in order: the same sum
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def in_event_sense(tok: Token, lexicon: lex_mod.Lexicon | None = None) -> bool:
    """Whether a PLOVER trigger is read in its event sense here ("the *attack* on Kursk"), not
    in another ("supply and *demand*"): a looser bar than an uncoded word's, as the lexicon
    already vouches for the word."""
    _, thresholds = weights()
    return mention_probability(tok, lexicon) >= thresholds["coded_threshold"]


#: WordNet files of a noun's first sense that make it a happening ("a fire", "inflation"): when
#: it is what is fought, the fight is no party's act on another (PLOVER codes one party acting on
#: another)
NOBODYS = frozenset({"event", "phenomenon", "process"})
#: CAMEO roots whose object is the opponent (assault, fight, mass violence), not a means ("set
#: *fire* to the station" coerces)
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: nouns whose most frequent WordNet sense is a force of nature ("earthquake", "storm"), built by
#: ``scripts/build_noun_senses.py``
NATURAL_NOUNS = "events/natural_nouns.tsv.gz"


@lru_cache(maxsize=1)
def natural_nouns() -> frozenset[str]:
    return frozenset(row[0] for row in rows(NATURAL_NOUNS))


def _common(tok: Token, lexicon: lex_mod.Lexicon) -> bool:
    """A common noun the PLOVER lexicon does not code ("the quake", not "the bombing")."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and tok.lemma_.lower() not in lexicon.nouns


def nobodys_act(cand: Candidate, lexicon: lex_mod.Lexicon) -> bool:
    """The PLOVER trigger is used of a happening, not of a party: "the quake *struck*", "the
    earthquake ... *killing* five" (a force of nature acts: ``natural_nouns``; "the explosion
    wounded two" may be a bomb's), "ESPN is *battling* a new fire", "*fighting* inflation" (a
    happening is fought: conflict with no opponent)."""
    if cand.verbal:
        verb = cand.head
        if is_passive(cand):
            doers = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                     if p.dep_ == "pobj"]
        else:
            doer = subject(verb)
            doers = [doer] if doer is not None else []
        natural = natural_nouns()
        if doers and all(_common(d, lexicon) and d.lemma_.lower() in natural for d in doers):
            return True
    if cand.sense.code[:2] not in FORCE_ROOTS:
        return False
    fought = [c for c in cand.trigger.children if c.dep_ == "dobj"]
    fought += [p for c in cand.trigger.children if c.dep_ == "prep" and c.lower_ == "against"
               for p in c.children if p.dep_ == "pobj"]
    senses = noun_senses()
    return bool(fought) and all(
        _common(f, lexicon) and senses.get(f.lemma_.lower(), ("-", ""))[0] in NOBODYS
        for f in fought)


def find_mentions(doc: Doc, lexicon: lex_mod.Lexicon | None = None) -> dict[int, float]:
    """The tokens of ``doc`` that report an event, by index, with their probability."""
    threshold = weights()[1]["threshold"]
    found: dict[int, float] = {}
    for tok in words(doc):
        p = mention_probability(tok, lexicon)
        if p >= threshold:
            found[tok.i] = p
    return found


def uncoded_events(doc: Doc, coded: list[Event], links: Links,
                   lexicon: lex_mod.Lexicon | None = None) -> list[Event]:
    """Events with ``type`` None for the mentions no coded event has as trigger ("an
    earthquake", "the merger", "said"), with their factuality, place, time and attribution."""
    taken = {(e.trigger.start, e.trigger.end) for e in coded}
    text = text_of(doc)
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    starts = [s.start for s in sents]  # a token's sentence by bisection, not Token.sent's scan
    out = []
    found = words(doc)
    for i in find_mentions(doc, lexicon):
        tok = found[i]
        start, end = tok.idx, tok.idx + len(tok.text)
        if (start, end) in taken:
            continue
        place, time, attribution = links(tok, sents[bisect_right(starts, i) - 1])
        fact = factuality(tok)
        out.append(Event(
            id=item_id(doc._.cg_key, "event", start, end), type=None,
            trigger=span_of(text, start, end), place=place, time=time, attribution=attribution,
            polarity=fact.polarity, certainty=fact.certainty, tense=fact.tense,
        ))
    return out
