"""The ``claimgraph_times_v1`` spaCy component: ``doc._.cg_times`` from ``doc._.cg_published``.

``doc._.cg_published`` is not in ``requires``: no component assigns it (the caller sets it on
the bare ``Doc``, :func:`claimgraph.nlp.pipeline.make_docs`), and without it dates are still
found, only relative ones ("on Tuesday") stay unanchored.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.extract.times.finder import find_times
from claimgraph.nlp import extensions


class TimeTagger:
    """Finds and normalises temporal expressions; reads the publication date set on the Doc."""

    def __init__(self, name: str = "times") -> None:
        self.name = name
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        doc._.cg_times = find_times(doc, doc._.cg_published)
        return doc


@Language.factory(
    "claimgraph_times_v1",
    assigns=["doc._.cg_times"],
    requires=[*extensions.PARSE, "token.ent_type"],
    default_config={},
)
def make_times(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger(name)
