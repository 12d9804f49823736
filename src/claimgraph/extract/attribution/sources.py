"""Sources: who a claim is attributed to, what kind of source it is, and through whom.

The source is the mention in the text (the subject of the cue, the agent of a passive, the
object of "according to", the possessor of a noun cue: "Trump's statement"). Pronouns and bare
descriptions ("he", "the official", "the ministry") get a ``canonical`` name from the nearest
earlier named mention that fits (a person for he/she, an organisation for it/they and for
institutional nouns). Unnamed sources ("an unnamed Western official", "sources familiar with the
talks") are ``anonymous`` with their ``descriptor`` kept. Intermediaries are :mod:`.chains`'.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.extract.dateline import dateline_end
from claimgraph.nlp import extensions
from claimgraph.nlp.names import name_of
from claimgraph.record import Source

PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me"}
GROUP_PRONOUNS = {"it", "they", "them", "we", "us"}
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"you", "who", "which", "that"}
ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "government"}
CITE_LEMMAS = {"cite", "quote", "interview"}
#: what an outlet does to a document it passes on: "a draft seen by Reuters", "a memo obtained by
#: CNN" (the outlet is its intermediary, like one that cites a person)
RELAY_LEMMAS = CITE_LEMMAS | {"see", "obtain", "review"}
#: how far back an antecedent is looked for (sources, then words): bounded, so long articles
#: stay linear
LOOKBACK_SOURCES = 30
LOOKBACK_TOKENS = 400
_NEWS_KINDS = {"media", "government", "military", "group", "organization"}


def entity_info_of(ent: Span | Token) -> tuple[str | None, str | None]:
    """(canonical, kind) the news entity ruler knows for an entity or a token of one."""
    if not ent.ent_id_:
        return None, None
    try:
        from claimgraph.nlp.news_entities import entity_info
    except ImportError:  # pipeline without the news entity ruler
        return ent.ent_id_, None
    info = entity_info(ent.ent_id_)
    if info is None:
        return ent.ent_id_, None
    kind = info.kind if info.kind in _NEWS_KINDS else "government" if info.kind in ("country", "capital") else None
    return info.canonical, kind


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
    for t in doc[start : head.i]:
        if t.is_space and "\n" in t.text:
            start = t.i + 1
    for t in doc[head.i + 1 : end]:
        if t.is_space and "\n" in t.text:
            end = t.i
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


def _anonymity(mention: Span) -> tuple[bool, str | None]:
    """Whether ``mention`` names nobody (an unnamed official) and the words that describe it."""
    lex = lexicon()
    root = mention.root
    lower = " " + mention.text.lower() + " "
    marked = any(f" {m} " in lower or lower.strip().startswith(m) for m in lex.anonymity)
    if root.lower_ in PRONOUNS or root.pos_ == "PROPN" or root.ent_type_ == "PERSON":
        return False, None
    generic = lex.source_kinds.get(root.lemma_.lower(), ("", False))[1]
    if not (marked or (generic and not any(t.ent_type_ == "PERSON" for t in mention))):
        return False, None
    # descriptor: what follows the head ("familiar with the talks"), else the modifiers
    after = [t for t in mention if t.i > root.i]
    while after and (after[0].is_punct or after[0].is_space):
        after = after[1:]
    if after:
        return True, doc_text(after)
    before = [t for t in mention if t.i < root.i and t.dep_ not in ("det", "predet")]
    return True, doc_text(before + [root])


def doc_text(tokens: list[Token]) -> str:
    """The text from the first to the last of ``tokens`` (verbatim, whitespace kept)."""
    doc = tokens[0].doc
    # a span's text, not doc.text: spaCy joins every token of the doc for that
    return doc[tokens[0].i : tokens[-1].i + 1].text


def source_kind(mention: Span) -> str:
    """person / organization / government / military / media / group / document / unknown."""
    root = mention.root
    ent = _head_entity(mention)
    if ent is not None:
        _, kind = entity_info_of(root)
        if kind:
            return kind
    if outlet_name(root):
        return "media"  # "Business Insider", "Continental Wire"
    noun = lexicon().source_kinds.get(root.lemma_.lower())
    if noun and noun[0] == "document" and _institution_name(root):
        return "organization"  # "the U.S. Geological Survey" is an agency, "a survey" a document
    if noun:
        return noun[0]
    if root.lower_ in PERSON_PRONOUNS:
        return "person"
    if ent is not None and ent.label_ in ENTITY_KINDS:
        return ENTITY_KINDS[ent.label_]
    if root.lower_ in ("they", "we"):
        return "group"
    return "unknown"


def outlet_name(tok: Token) -> bool:
    """True when ``tok`` heads a proper name ending in an outlet's word (``outlet_words.txt``:
    "Business Insider", "Continental Wire"), whether or not the tagger saw an entity there."""
    if tok.pos_ != "PROPN" and not tok.ent_type_:
        return False
    ent = entity_at(tok)
    last = ent[-1] if ent is not None and ent.label_ != "PERSON" else tok
    return last.pos_ == "PROPN" and last.text in lexicon().outlet_words


def _institution_name(root: Token) -> bool:
    """A document noun written as the head of a proper name that names no person: "the U.S.
    Geological Survey" is an institution, "the Mueller Report" a document."""
    if root.pos_ != "PROPN" or not root.text[:1].isupper():
        return False
    modifiers = [c for c in root.children if c.dep_ in ("compound", "amod") and c.i < root.i]
    return bool(modifiers) and not any(
        t.ent_type_ == "PERSON" for c in modifiers for t in c.subtree
    )


def entity_at(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of, read off the IOB tags (``Span.ents`` would scan
    every entity of the document, which makes long articles quadratic)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _head_entity(mention: Span) -> Span | None:
    """The named entity the mention's head word belongs to ("Ukrainian troops" has none)."""
    ent = entity_at(mention.root)
    return ent if ent is not None and mention.start <= ent.start and ent.end <= mention.end else None


def _named(mention: Span) -> str | None:
    """The name a mention carries itself: its head entity's canonical form or text, else the
    name in apposition to its head ("A Pentagon spokesperson, Major General Pat Ryder")."""
    ent = _head_entity(mention)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC"):
        return entity_name(ent)
    return _appositive_name(mention)


def entity_name(ent: Span) -> str:
    """Who an entity is: the news ruler's canonical name, a person's cluster name ("Esper" ->
    "Mark Esper", :mod:`claimgraph.nlp.names`), else the entity as written."""
    canonical, _ = entity_info_of(ent[0])
    if canonical:
        return canonical
    return name_of(ent) if ent.label_ == "PERSON" else ent.text


def _is_person_appositive(mention: Span) -> bool:
    return any(
        app.dep_ == "appos" and app.ent_type_ == "PERSON" and mention.start <= app.i < mention.end
        for app in mention.root.children
    )


def _appositive_name(mention: Span) -> str | None:
    """The named entity an appositive of the mention's head is (a person, or an organisation)."""
    for app in mention.root.children:
        if app.dep_ != "appos" or not (mention.start <= app.i < mention.end):
            continue
        ent = entity_at(app)
        if ent is not None and ent.label_ in ("PERSON", "ORG") and ent.end <= mention.end:
            return entity_info_of(app)[0] or ent.text
    return None


def make_source(mention: Span, history: list[Source]) -> Source:
    """A ``Source`` for ``mention``; ``history`` (earlier sources, text order) resolves it."""
    anonymous, descriptor = _anonymity(mention)
    kind = source_kind(mention)
    canonical = _named(mention)
    if canonical is not None and _head_entity(mention) is None and _is_person_appositive(mention):
        kind = "person"  # "a senior official, John Smith": a person, whatever the noun says
    if canonical is None and not anonymous:
        canonical = _resolve(mention, kind, history)
    return Source(
        mention.start_char, mention.end_char, mention.text,
        canonical=canonical, kind=kind, anonymous=anonymous, descriptor=descriptor,  # type: ignore[arg-type]
    )


def _resolve(mention: Span, kind: str, history: list[Source]) -> str | None:
    """Antecedent of a pronoun or description: nearest earlier named source that fits."""
    root = mention.root
    lower = root.lower_
    doc = mention.doc
    if lower in PERSON_PRONOUNS:
        wanted = {"person"}
    elif lower in GROUP_PRONOUNS:
        wanted = {"organization", "government", "military", "media", "group"}
    elif root.pos_ == "NOUN" and any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in root.children):
        wanted = {kind}
    else:
        return None
    earlier = next(
        (src for src in reversed(history[-LOOKBACK_SOURCES:])
         if src.canonical and src.kind in wanted and not src.anonymous),
        None,
    )
    # a named subject of the right kind after that source is more recent ("Zelenskiy said …
    # Biden met reporters. He said …": he is Biden)
    subject = _recent_subject(mention, wanted, earlier.end if earlier is not None else -1)
    if subject is not None:
        return subject
    if earlier is not None:
        return earlier.canonical
    # no earlier source: the nearest named entity of the right kind shortly before the mention
    for i in range(mention.start - 1, max(-1, mention.start - 1 - LOOKBACK_TOKENS), -1):
        tok = doc[i]
        if tok.ent_iob_ != "B":
            continue
        ent_kind = ENTITY_KINDS.get(tok.ent_type_)
        if ent_kind and (ent_kind in wanted or (ent_kind == "organization" and "government" in wanted)):
            ent = entity_at(tok)
            return entity_name(ent) if ent is not None else tok.text
    return None


def _recent_subject(mention: Span, wanted: set[str], after: int) -> str | None:
    """The last named main-clause subject of a kind in ``wanted`` between offset ``after`` and
    the mention (bounded by ``LOOKBACK_TOKENS``)."""
    doc = mention.doc
    for i in range(mention.start - 1, max(-1, mention.start - 1 - LOOKBACK_TOKENS), -1):
        tok = doc[i]
        if tok.idx < after:
            break
        kind = ENTITY_KINDS.get(tok.ent_type_)
        # a main clause's subject: "Biden said Putin lied. He …" is still Biden
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT" or kind is None:
            continue
        if kind in wanted or (kind == "organization" and "government" in wanted):
            ent = entity_at(tok)
            return entity_name(ent) if ent is not None else tok.text
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
