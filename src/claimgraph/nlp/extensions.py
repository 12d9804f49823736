"""The ``Doc`` extensions claimgraph reads and writes.

Every extractor puts its results on one of these attributes as a list of
:mod:`claimgraph.record` data classes with character offsets into ``doc.text``; the record is
assembled from them (:func:`claimgraph.analyze.record_from_doc`) in the list order, so an index
into ``doc._.cg_places`` is the same index into ``record.places``.

Defaults are ``None`` (never a shared mutable list); read them with :func:`results`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from claimgraph.ids import text_hash

#: attribute name -> what sets it
EXTENSIONS: dict[str, str] = {
    "cg_published": "the caller, before the pipeline runs: publication date 'YYYY-MM-DD' or None",
    "cg_attributions": "claimgraph_attribution: list[Attribution]",
    "cg_quantities": "claimgraph_quantities: list[Quantity]",
    "cg_times": "claimgraph_times: list[Time]",
    "cg_places": "claimgraph_places: list[Place]",
    "cg_events": "claimgraph_events: list[Event]",
}


def _doc_key(doc: Doc) -> str:
    return text_hash(doc.text)


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
