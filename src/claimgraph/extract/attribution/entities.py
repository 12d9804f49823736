"""The named entity a source word belongs to, and who it is.

Read off the IOB tags (never ``Span.ents``, which scans the whole document), then named: the
news ruler's canonical name and kind ("the FBI" is the Federal Bureau of Investigation, an
organisation), a person's one name across the document (:mod:`claimgraph.nlp.names`: "Esper" is
"Mark Esper"), and a one-word name the tagger mislabelled that the document shows is a person
("Figgins declined" after "Montell Figgins", "the 14th-ranked Schwartzman said he …").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.nlp.names import (
    name_of,
    organization_name,
    organization_names,
    person_by_surname,
    person_names,
    person_words,
)

ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "government"}


_NEWS_KINDS = {"media", "government", "military", "group", "organization"}


def entity_info_of(ent: Span | Token) -> tuple[str | None, str | None]:
    """(canonical, kind) the news entity ruler knows for an entity or a token of one, or for the
    organisation its acronym or full name stands for elsewhere in the document (the
    "Federal Bureau of Investigation" is the ruler's FBI)."""
    name = ent.ent_id_ or _organization_of(ent if isinstance(ent, Token) else ent[0])
    if not name:
        return None, None
    try:
        from claimgraph.nlp.news_entities import entity_info
    except ImportError:  # pipeline without the news entity ruler
        return name, None
    info = entity_info(name)
    if info is None:
        return name, None
    kind = info.kind if info.kind in _NEWS_KINDS else "government" if info.kind in ("country", "capital") else None
    return info.canonical, kind


def _organization_of(tok: Token) -> str | None:
    """The one name of the organisation whose acronym or full name ``tok`` is part of
    (:func:`claimgraph.nlp.names.organization_names`), else None."""
    ent = entity_at(tok)
    return organization_names(tok.doc).get(ent.start) if ent is not None else None


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


def head_entity(mention: Span) -> Span | None:
    """The named entity the mention's head word belongs to ("Ukrainian troops" has none)."""
    ent = entity_at(mention.root)
    return ent if ent is not None and mention.start <= ent.start and ent.end <= mention.end else None


def entity_name(ent: Span) -> str:
    """Who an entity is: the news ruler's canonical name, a person's cluster name ("Esper" ->
    "Mark Esper", :mod:`claimgraph.nlp.names`), else the entity as written."""
    canonical, _ = entity_info_of(ent[0])
    if canonical:
        return canonical
    return name_of(ent) if ent.label_ == "PERSON" and ent.start in person_names(ent.doc) else organization_name(ent.text)


def surname_person(mention: Span) -> str | None:
    """The person a one-word proper name heading ``mention`` is when the tagger did not call it
    a person but the document names someone in full with that surname ("Claure" after "Marcelo
    Claure"); None for a name the entity tables know ("Jordan", "Xinhua")."""
    root = mention.root
    # the tagger may take a surname for a plural noun ("Figgins declined"): a capitalised entity
    named = root.pos_ == "PROPN" or (root.ent_type_ != "" and root.text[:1].isupper())
    if not named or root.ent_type_ in ("PERSON", "NORP") or entity_info_of(root)[0]:
        return None
    ent = entity_at(root)
    if ent is not None and ent.start in person_names(root.doc):
        return person_names(root.doc)[ent.start]  # "Montell Figgins", whom the tagger called an ORG
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.children):
        return None
    if ent is not None and len(ent) > 1:
        return None
    return one_word_person(root)


def one_word_person(tok: Token) -> str | None:
    """The person a one-word name is: the one the document names in full with that surname, else
    the word itself when the document shows it is a person ("the 14th-ranked Schwartzman said he
    …": :func:`claimgraph.nlp.names.person_words`), else None."""
    person = person_by_surname(tok.doc, tok.text, tok.i)
    if person is None and tok.text in person_words(tok.doc):
        return tok.text
    return person


def speaker_entity(tok: Token) -> tuple[str | None, str | None]:
    """(kind, name) of the entity ``tok`` is part of as a speaker: a one-word name the document
    names a person by is that person, whatever the tagger's label."""
    kind = ENTITY_KINDS.get(tok.ent_type_)
    if kind is None:
        return None, None
    ent = entity_at(tok)
    if ent is None:
        return kind, tok.text
    if ent.label_ != "PERSON" and ent.start in person_names(tok.doc):
        return "person", person_names(tok.doc)[ent.start]
    if ent.label_ != "PERSON" and len(ent) == 1 and not entity_info_of(tok)[0]:
        person = one_word_person(tok)
        if person is not None:
            return "person", person
    return kind, entity_name(ent)
