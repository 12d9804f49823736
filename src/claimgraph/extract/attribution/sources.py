"""Sources: which words of the text name who a claim is attributed to.

The source is a mention in the text: the subject of the cue, the agent of a passive, the
object of "according to", the possessor of a noun cue ("Trump's statement"), or a speaker the
parser hung on the clause before its verb ("…, an official, cited by Bloomberg, said"). Who
that mention is (its kind, canonical name, antecedent) is :mod:`.identity`'s;
intermediaries are :mod:`.chains`'.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution.frames import marks
from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.extract.dateline import dateline_end
from claimgraph.nlp import extensions

CITE_LEMMAS = {"cite", "quote", "interview"}
#: what an outlet does to a document it passes on: "a draft seen by Reuters", "a memo obtained by
#: CNN" (the outlet is its intermediary, like one that cites a person)
RELAY_LEMMAS = CITE_LEMMAS | {"see", "obtain", "review"}


def subject_of(cue: Token) -> Span | None:
    """The source mention of a cue word, climbing to the governing verb for participles; None
    when the text names none, never an empty span (a phrase of punctuation alone, as "»" that
    the parser may take for the object of "according to", names nobody)."""
    mention = _subject_mention(cue)
    return mention if mention is not None and len(mention) else None


def _subject_mention(cue: Token) -> Span | None:
    doc = cue.doc
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        if to is None and cue.i + 1 < len(doc):
            to = doc[cue.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return phrase(pobj) if pobj is not None else None
    if cue.pos_ == "ADP" and cue.lower_ == "in":  # "In a CNN poll, …": the document
        pobj = next((c for c in cue.children if c.dep_ == "pobj"), None)
        return phrase(pobj) if pobj is not None else None
    if cue.text == ":":  # "Kerry: “…”"
        before = doc[cue.i - 1]
        chunk = _chunk_holding(doc, before.i, max(0, before.i - 12), before.i + 1)
        return chunk if chunk is not None else doc[before.i : before.i + 1]
    if cue.lemma_.lower() in lexicon().sourceless:
        return None  # "They appear to be unanimous": the subject is what is seen, not a source
    if _passive(cue):
        # "Asked about the vote, she said …", "he was asked": the subject is the one spoken to
        return _agent(cue)
    owner = _possessor_acts(cue)
    if owner is not None:
        return phrase(owner)  # "Trump is keeping up his criticism of …": Trump, not "his"
    tok: Token | None = cue
    for _ in range(3):
        if tok is None:
            break
        subject = _nearest_subject(tok)
        if subject is not None:
            return phrase(subject)
        for child in tok.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return phrase(pobj)
            if child.dep_ == "poss" and tok.pos_ == "NOUN":
                return phrase(child)
        if tok.pos_ == "NOUN":
            by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            if by is not None:
                pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return phrase(pobj)
            if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok is cue:
                tok = tok.head  # "Trump made several statements": the light verb's subject
                continue
            return None
        # "…, saying …", "stood up and said …", "declined to comment": the governing verb's subject
        if tok.dep_ in ("advcl", "conj", "xcomp", "acomp") and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "… won the state by bragging about …"
        elif tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "an item suggesting that …", "the senator, defending his vote, …"
            return phrase(tok.head, with_clauses=False)
        else:
            break
    return None


#: frames whose cue may name nobody: "reportedly", "according to" and a document's "in" name
#: their own source or none, a headline's and a signature's speaker is read off the line
UNNAMED_FRAMES = frozenset({"hearsay", "according", "in_document", "headline", "signed", "colon"})
#: the reader, whom the writer addresses: "if you want to …", "you'll see that …"
READER = frozenset({"you", "your", "yours", "yourself", "yourselves"})


def nobody_speaks(cue: Token, frame: str, mention: Span | None) -> bool:
    """True when a verb that needs a speaker names none the reader could count: no one at all
    ("Wondering how …", "Remember, …", "saying that Apple had a bad week is an
    understatement", an imperative "Aim to …", a raising verb's "the rodents seemed to have
    beaten Wintour": the writer's own hedge), the reader ("if you want to …", "you'll see
    that …") or a turn of phrase ("That said, …"). A passive or hearsay cue ("is believed to", "It is reported that") attributes to
    nobody named by design and stays. Read only outside public affairs: PolNeAR marks "seems
    to" and the reader's "you want to" as attributions.
    """
    if mention is not None and len(mention) == 1:
        if mention.root.lower_ in ("that", "this") and cue.lower_ == "said" and _comma_after(cue):
            return True  # "That said, the two companies might have made a good fit"
        return mention.root.lower_ in READER
    if mention is not None:
        return False
    return (
        cue.pos_ == "VERB"
        and frame not in UNNAMED_FRAMES
        and cue.tag_ != "VBN"  # a participle: "the claims made by", "is said to"
        and not _passive(cue)
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)  # "I'm considered"
    )


def _comma_after(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ","


def _passive(cue: Token) -> bool:
    """True when the cue is a passive participle whose subject, its own or the clause's it hangs
    on, is the one the act was done to ("he was asked", "Asked about the vote, she said")."""
    if cue.tag_ != "VBN":
        return False
    if any(c.dep_ == "auxpass" for c in cue.children):
        return True
    return cue.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in cue.children)


def _agent(cue: Token) -> Span | None:
    """The "by" phrase of a passive cue ("was criticized by Democrats"), else None."""
    for child in cue.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return phrase(pobj)
    return None


#: possessive pronouns: "his criticism", "their criticism"
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})


def _possessor_acts(cue: Token) -> Token | None:
    """ "Trump is keeping up his criticism of …", "Latino Republicans have been unsparing in
    their criticism": a noun cue owned by a pronoun, whose verb has a subject of its own, is
    that subject's act (the subject the pronoun stands for)."""
    if cue.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in cue.children):
        return None
    tok = cue
    for _ in range(4):
        if tok.dep_ not in ("dobj", "pobj", "prep", "acomp", "attr") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return _nearest_subject(tok)
    return None


#: ``doc.user_data`` key of the document's noun chunks as (start, end) token offsets
_CHUNKS = "claimgraph.noun_chunks"


def _chunk_holding(doc: Doc, i: int, lo: int, hi: int) -> Span | None:
    """The first noun chunk inside tokens ``[lo, hi)`` that holds token ``i``: what
    ``next(c for c in doc[lo:hi].noun_chunks if c.start <= i < c.end)`` finds, without its cost.

    spaCy's ``Span.noun_chunks`` walks every chunk of the whole document (136 ms per ':' cue
    on a 300,000-character text). The chunks are read once per document instead; the English
    chunker yields them in the order of their last token, so the first ending after ``i`` is
    found by bisection and at most ``hi - i`` follow it inside the window.
    """
    chunks = doc.user_data.get(_CHUNKS)
    if chunks is None:
        chunks = doc.user_data[_CHUNKS] = [(c.start, c.end) for c in doc.noun_chunks]
    at = bisect_right(chunks, i, key=lambda c: c[1])
    for start, end in chunks[at:]:
        if end > hi:
            break
        if lo <= start <= i:
            return Span(doc, start, end, label="NP")  # as spaCy's chunker labels it
    return None


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject nearest to it, never one across a line break.

    A parse that glues the headline to the first line may give the verb two subjects, the
    headline's name first ("Dr. Ben Carson: Clinton ‘Not Fit’\n\nGOP candidate Dr. Ben Carson
    says …"): the one on the verb's own line speaks.
    """
    doc = verb.doc
    best: Token | None = None
    for child in verb.children:
        if child.dep_ not in ("nsubj", "csubj"):
            continue
        lo, hi = sorted((child.i, verb.i))
        if any(t.is_space and "\n" in t.text for t in doc[lo:hi]):
            continue
        if best is None or abs(child.i - verb.i) < abs(best.i - verb.i):
            best = child
    return best


def phrase(head: Token, *, with_clauses: bool = True) -> Span:
    """The noun phrase headed by ``head``; relative clauses and appositions kept or cut."""
    doc = head.doc
    if with_clauses:
        start, end = head.left_edge.i, head.right_edge.i + 1
        # "an official, cited by Bloomberg", "a draft seen by Reuters": the outlet is a via, not
        # part of the name
        cited = [c for c in head.rights if c.dep_ == "acl" and c.lemma_.lower() in RELAY_LEMMAS]
        if cited and any(a.dep_ == "agent" for a in cited[0].children) and head.pos_ != "PRON":
            end = cited[0].left_edge.i
    else:
        left = [t.i for t in head.subtree if t.i <= head.i]
        start, end = min(left), head.i + 1
    # a mention never runs across a line break (a headline the parser glued to the dateline)
    breaks = marks(doc)[1]
    for i in range(start, head.i):
        if breaks[i]:
            start = i + 1
    for i in range(head.i + 1, end):
        if breaks[i]:
            end = i
            break
    # "WASHINGTON — Sen. Bernie Sanders": the wire's dateline is where, not who
    opening = dateline_end(extensions.text_of(doc), doc[start].idx) if start < head.i else None
    if opening is not None and opening <= head.idx:
        while start < head.i and doc[start].idx < opening:
            start += 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # "Sen. Bernie Sanders (I-Vt.)": the bracket it opened closes
        end -= 1
    return doc[start:end]


def inverted_speaker(cue: Token) -> Span | None:
    """ "“…,” said Robert Reich, who served as labor secretary": the speaker named right after a
    finite cue verb that has no subject of its own, which the parser hung on a later verb.

    Only a name or a source noun heading the noun phrase that begins right after the verb.
    """
    doc = cue.doc
    if cue.tag_ not in FINITE_TAGS or cue.i + 1 >= len(doc) or cue.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in cue.children):
        return None
    if not (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote):
        return None  # "…,” said X" / "…, said X": the inverted order of a quotation's speaker
    chunk = _chunk_holding(doc, cue.i + 1, cue.i + 1, min(len(doc), cue.i + 13))
    if chunk is None or chunk.start != cue.i + 1:
        return None
    if chunk.end < len(doc) and doc[chunk.end].dep_ == "case" or chunk[-1].dep_ == "case":
        # "…, said The We Company's recently named executive chair Marcelo Claure": the owner is
        # not the speaker but what it owns, a phrase the parse may have cut from it
        owned = next(
            (c for i in range(chunk.end + 1, min(len(doc), chunk.end + 5))
             if (c := _chunk_holding(doc, i, chunk.end, min(len(doc), i + 8))) is not None and c.start == i),
            None,
        )
        if owned is not None and not any(t.is_punct for t in doc[chunk.end + 1 : owned.start]):
            chunk = owned
    root = chunk.root
    if root.ent_type_ in SPEAKER_LABELS or (root.pos_ == "NOUN" and root.lemma_.lower() in lexicon().source_kinds):
        return phrase(root, with_clauses=False)
    return None


def appositive_speaker(cue: Token) -> Span | None:
    """ "Russia lost 300 tanks, an official, cited by Bloomberg, said": a misparsed subject.

    With no subject of its own, a cue that ends its sentence takes the noun phrase that closes
    its clause complement when a comma sets it off just before: an appositive, or a source
    noun or name the parser hung on the clause as another object ("…, an unnamed Western
    intelligence official, cited by Bloomberg on Tuesday, said").
    """
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
    if comp is None:
        return None
    doc = cue.doc
    kinds = lexicon().source_kinds
    for tok in reversed(list(comp.subtree)):
        if tok.i <= comp.i or tok.dep_ not in SPEAKER_DEPS:
            continue
        if any(not t.is_punct for t in doc[tok.right_edge.i + 1 : cue.i]):
            continue  # words between it and the cue: not the phrase closing the clause
        first = tok.left_edge
        if first.i == 0 or doc[first.i - 1].text != ",":
            continue
        if tok.dep_ != "appos" and not (
            tok.lemma_.lower() in kinds or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        ):
            continue
        return phrase(tok, with_clauses=False)
    return None


#: how the parser may hang a speaker set off by commas on the clause before its verb
SPEAKER_DEPS = {"appos", "dobj", "npadvmod", "conj", "attr"}


#: verb forms that need a subject of their own (a participle or an infinitive borrows one)
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
#: entity labels that name a speaker
SPEAKER_LABELS = {"PERSON", "ORG", "NORP"}


def stranded_speaker(cue: Token) -> Span | None:
    """ "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that …":
    the speaker the parser hung on the phrase before a finite cue verb left without a subject.

    Only a name or a source noun ending just before the comma that opens the verb's clause,
    appositives climbed ("the minority leader" is Reid's), and only when the verb has no
    subject of its own.
    """
    doc = cue.doc
    if cue.tag_ not in FINITE_TAGS or cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in cue.children):
        return None
    last = doc[cue.i - 2]
    kinds = lexicon().source_kinds
    tok = last
    while tok.head.i != tok.i and tok.head.i < cue.i and tok.head.right_edge.i == last.i:
        is_speaker = tok.ent_type_ in SPEAKER_LABELS or (tok.pos_ == "NOUN" and tok.lemma_.lower() in kinds)
        if is_speaker and tok.dep_ != "appos":
            break
        tok = tok.head
    if tok.right_edge.i != last.i or tok.i >= cue.i:
        return None
    if not (tok.ent_type_ in SPEAKER_LABELS or (tok.pos_ == "NOUN" and tok.lemma_.lower() in kinds)):
        return None
    if tok.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return None  # a subject of its own verb: that verb's speaker, not this one's
    return phrase(tok)
