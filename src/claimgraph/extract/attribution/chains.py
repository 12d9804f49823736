"""Via chains: through whom a claim reached the text, nearest first.

An intermediary is whoever passed the claim on: the outlet or journalist told ("told Business
Insider", "told a Reuters correspondent"), the interviewer ("said in an interview with Deutsche
Welle"), the outlet that cites ("cited by Bloomberg", "Interfax reported, citing a source") and
the one that republishes ("…, diplomats said, according to Continental Wire"). Chains nest: a
cited party may itself cite someone ("Reuters reported, citing Interfax, which quoted a
ministry source" is the source via Interfax, then Reuters).

An outlet is one the news ruler knows (``media.tsv``), an outlet noun ("the newspaper"), or a
name ending in a word outlets are named with (``outlet_words.txt``: "Business Insider",
"Continental Wire"), so wire copy's many small outlets need no list of their own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.attribution.entities import entity_info_of
from claimgraph.extract.attribution.identity import outlet_name, source_kind
from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.extract.attribution.sources import CITE_LEMMAS, RELAY_LEMMAS, phrase, subject_of
from claimgraph.nlp.words import where

#: nouns of a conversation whose other party relays the claim ("in an interview with X")
INTERVIEW_NOUNS = {"interview", "conversation", "podcast", "appearance", "briefing"}
#: how deep a citing chain is followed ("citing X, which quoted Y, who cited Z …"): bounded, so a
#: misparse that loops can never run away
MAX_CHAIN = 8


def is_outlet(tok: Token) -> bool:
    """True when ``tok`` heads the name of a news outlet or is an outlet noun."""
    if tok.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART", "GPE") and entity_info_of(tok)[1] == "media":
        return True
    # an outlet noun ("the newspaper"), not a person who works for one ("reporters")
    kind = lexicon().source_kinds.get(tok.lemma_.lower())
    if kind is not None and kind[0] == "media" and not kind[1]:
        return True
    return outlet_name(tok)  # "Business Insider", "Continental Wire"


def _journalist(tok: Token) -> bool:
    """ "VOA Pentagon correspondent Carla Babb", "a Reuters reporter": a named journalist or one
    of a named outlet (a media noun that names nobody by itself, beside a person's name or an
    outlet). "told reporters" is the press at large, not an intermediary."""
    kinds = lexicon().source_kinds
    words = [tok, *(c for c in tok.subtree if c.dep_ in ("compound", "appos", "poss", "amod"))]
    journalist = any(
        (kind := kinds.get(t.lemma_.lower())) is not None and kind[0] == "media" and kind[1]
        for t in words
    )
    return journalist and (tok.ent_type_ == "PERSON" or any(is_outlet(t) for t in words if t is not tok))


def _relay(tok: Token) -> bool:
    return is_outlet(tok) or _journalist(tok)


def republisher(cue: Token) -> Span | None:
    """The outlet of "according to Reuters" (a republisher: "…, an official told Bloomberg,
    according to Reuters"), else None. A poll or a report is no republisher: "according to
    the poll, most voters want …" is the poll's finding."""
    if cue.lower_ != "according":
        return None
    mention = subject_of(cue)
    if mention is None:
        return None
    return mention if is_outlet(mention.root) or source_kind(mention) == "media" else None


def citing_of(cue: Token) -> Token | None:
    """ "…, citing two officials, …" under a cue (the parser may hang it on the content).

    "According to a report by Reuters, citing two diplomats, …": the participle hangs on the
    clause "according to" sits in, right after the phrase.
    """
    if not where(cue.doc, "citing"):
        return None  # nearly every document: no subtree walked
    for tok in cue.subtree:
        if tok.lower_ == "citing" and tok.dep_ in CITING_DEPS and tok.i != cue.i:
            return tok
    if cue.lower_ == "according":
        after = cue.right_edge.i
        for tok in cue.head.children:
            if tok.lower_ == "citing" and tok.dep_ in CITING_DEPS and after < tok.i <= after + 2:
                return tok
    return None


CITING_DEPS = ("advcl", "xcomp", "conj", "acl")


def _told(cue: Token) -> list[Span]:
    """Who the cue's speaker spoke to, when that one relays: "told Business Insider", "said in
    an interview with Deutsche Welle", "speaking to a Reuters correspondent"."""
    out: list[Span] = []
    for child in cue.children:
        if child.dep_ in ("dative", "dobj") and _relay(child):
            out.append(phrase(child))
        elif child.dep_ == "prep" and child.lower_ in ("to", "with"):
            out += [phrase(p) for p in child.children if p.dep_ == "pobj" and _relay(p)]
        elif child.dep_ == "prep" and child.lower_ in ("in", "during"):
            out += _interviewer(child)
    return out


def _interviewer(prep: Token) -> list[Span]:
    """ "in an interview with X" / "in an interview on CNN" / "in a CNN interview": X, CNN."""
    out: list[Span] = []
    for noun in prep.children:
        if noun.dep_ != "pobj" or noun.lemma_.lower() not in INTERVIEW_NOUNS:
            continue
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "on", "to"):
                out += [phrase(p) for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ in ("compound", "poss") and c.i < noun.i and is_outlet(c):
                out.append(phrase(c))
    return out


def _cited_by(mention: Span, cue: Token) -> list[Span]:
    """ "an official, cited by Bloomberg, said" / "quoted by Reuters" / "according to a draft
    seen by Reuters": the outlet, on the source or between it and the cue (where a misparse may
    have hung it)."""
    doc = cue.doc
    root = mention.root
    between = doc[mention.end : cue.i] if mention.end <= cue.i else doc[0:0]
    acls = {t.i: t for t in [*root.children, *between] if t.dep_ == "acl"}
    out: list[Span] = []
    for child in acls.values():
        if child.lemma_.lower() in RELAY_LEMMAS:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            outlet = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if outlet is not None:
                out.append(phrase(outlet))
    return out


def _cites(tok: Token) -> Token | None:
    """What a cited party cites in turn: "Interfax, which quoted a ministry source" / "Interfax,
    citing a source" -> the source."""
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in CITE_LEMMAS | {"citing"}:
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
            if obj is not None:
                return obj
    return None


def vias(cue: Token, mention: Span | None) -> tuple[Span | None, list[Span]]:
    """Intermediaries of an attribution; may swap the source ("Reuters reported, citing X").

    Returns the (possibly new) source mention and the via mentions, nearest first.
    """
    # "told Bloomberg", "said in an interview with CNN" ("according to Reuters" is the source)
    out = _told(cue) if cue.lower_ != "according" else []
    if mention is None:
        return mention, out
    out = _cited_by(mention, cue) + out
    # "Reuters reported, citing two officials": the officials speak, via Reuters; and whom they
    # cite in turn ("citing Interfax, which quoted a ministry source")
    citing = citing_of(cue)
    cited = next((c for c in citing.children if c.dep_ == "dobj"), None) if citing else None
    if cited is None or not (is_outlet(mention.root) or source_kind(mention) in ("media", "document")):
        return mention, out
    chain = [mention, *out]
    for _ in range(MAX_CHAIN):
        deeper = _cites(cited)
        if deeper is None:
            break
        chain.insert(0, phrase(cited, with_clauses=False))
        cited = deeper
    return phrase(cited), chain
