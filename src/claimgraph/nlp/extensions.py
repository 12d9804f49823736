"""The ``Doc`` extensions claimgraph reads and writes.

Every extractor puts its results on one of these attributes as a list of
:mod:`claimgraph.record` data classes with character offsets into ``doc.text``; the record is
assembled from them (:func:`claimgraph.analyze.record_from_doc`) in the list order, so an index
into ``doc._.cg_places`` is the same index into ``record.places``.

Defaults are ``None`` (never a shared mutable list); read them with :func:`results`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from spacy.tokens import Doc, Span

from claimgraph.ids import text_hash

#: attribute name -> what sets it
EXTENSIONS: dict[str, str] = {
    "cg_published": "the caller, before the pipeline runs: publication date 'YYYY-MM-DD' or None",
    "cg_entities": "claimgraph_entities_v1: list[Entity] (doc.ents with canonical names)",
    "cg_attributions": "claimgraph_attribution_v1: list[Attribution]",
    "cg_quantities": "claimgraph_quantities_v1: list[Quantity]",
    "cg_times": "claimgraph_times_v1: list[Time]",
    "cg_places": "claimgraph_places_v1: list[Place]",
    "cg_events": "claimgraph_events_v1: list[Event]",
}


#: what a component that reads the dependency parse requires of the trained pipeline (spaCy's
#: ``requires``): declared once, so every extractor asks for the parse in the same words
PARSE = ["doc.sents", "token.dep", "token.head", "token.is_sent_start", "token.lemma",
         "token.pos", "token.tag"]
#: what a component that reads the named entities (and the news ruler's canonical ids) requires
ENTITIES = ["doc.ents", "token.ent_type", "token.ent_iob", "token.ent_id"]


#: ``doc.user_data`` keys of values computed once per doc (a doc's text never changes)
_TEXT = "claimgraph.text"
_KEY = "claimgraph.key"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token anew on each access to ``doc.text``,
    which costs more than most extractors when read per mention."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


#: ``doc.user_data`` key: ``doc.ents`` held while a component runs (:func:`holding_ents`)
_ENTS = "claimgraph.ents"


def ents_of(doc: Doc) -> Sequence[Span]:
    """``doc.ents``, or the tuple a running component holds (:func:`holding_ents`): spaCy
    builds the entities anew from the tokens on each access to ``doc.ents`` (~50 µs a Doc), and
    the places, entities and attribution components read them ~20 times a Doc between them."""
    held: Sequence[Span] | None = doc.user_data.get(_ENTS)
    return held if held is not None else doc.ents


@contextmanager
def holding_ents(doc: Doc) -> Iterator[None]:
    """Hold ``doc.ents`` for :func:`ents_of` while the body runs: a component that changes no
    entity wraps its work in it. The hold ends with the body, so a later ``doc.ents = …``
    (another component, a test) is read as it is."""
    if _ENTS in doc.user_data:  # held already by an enclosing component
        yield
        return
    doc.user_data[_ENTS] = doc.ents
    try:
        yield
    finally:
        del doc.user_data[_ENTS]


def _doc_key(doc: Doc) -> str:
    key = doc.user_data.get(_KEY)
    if key is None:
        key = doc.user_data[_KEY] = text_hash(text_of(doc))
    return key


def register() -> None:
    """Register the extensions once; safe to call many times."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("cg_key"):
        Doc.set_extension("cg_key", getter=_doc_key)


def results(doc: Doc, name: str) -> list[Any]:
    """The list an extractor left on ``doc`` (empty when that extractor did not run)."""
    value = getattr(doc._, name)
    return list(value) if value else []


register()
