"""Quantities: numbers with their bounds, units and the claim they belong to.

``find_quantities(doc)`` (in :mod:`.finder`) reads every number in a parsed ``Doc`` into a
:class:`~claimgraph.record.Quantity`; :func:`link_attributions` ties each one to the
attribution whose content contains it. Beneath: :mod:`.numbers` (digits and number words),
:mod:`.units` (the unit table, currencies, modifiers), :mod:`.phrases` (the counted noun from
the parse), :mod:`.vague` ("dozens of", "half of"). The component ``claimgraph_quantities_v1`` runs both and
stores the result on ``doc._.cg_quantities``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.extract.quantities.finder import find_quantities
from claimgraph.extract.span_index import SpanIndex
from claimgraph.nlp import extensions
from claimgraph.record import Attribution, Quantity

__all__ = ["find_quantities", "link_attributions", "QuantityTagger", "make_quantities"]


def link_attributions(
    quantities: Sequence[Quantity], attributions: Sequence[Attribution]
) -> list[Quantity]:
    """Set ``attribution`` on each quantity to the id of the attribution whose content span
    contains it (the innermost one when contents nest: a quote inside a report; the first of
    equals). The contents are indexed once, so a long text costs no quantities x attributions."""
    contents = SpanIndex((a.content.start, a.content.end) if a.content is not None else None
                         for a in attributions)
    for q in quantities:
        found = contents.innermost(q.start, q.end)
        q.attribution = attributions[found].id if found is not None else None
    return list(quantities)


class QuantityTagger:
    """spaCy component: find quantities, link them to attributions, store them on the Doc."""

    def __init__(self, *, link: bool = True) -> None:
        self.link = link

    def __call__(self, doc: Doc) -> Doc:
        found = find_quantities(doc)
        if self.link:
            found = link_attributions(found, extensions.results(doc, "cg_attributions"))
        doc._.cg_quantities = found
        return doc


@Language.factory(
    "claimgraph_quantities_v1",
    assigns=["doc._.cg_quantities"],
    requires=[*extensions.PARSE, "doc._.cg_attributions"],
    default_config={"link": True},
)
def make_quantities(nlp: Language, name: str, link: bool) -> QuantityTagger:
    """Numbers with bounds and units; ``link`` ties each to the attribution that claims it."""
    return QuantityTagger(link=link)
