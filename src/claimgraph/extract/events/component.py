"""The ``claimgraph_events_v1`` spaCy component: codes events onto ``doc._.cg_events``.

It runs last (after times, places and attribution), because events link to what those leave on
the ``Doc``. The logic is :func:`claimgraph.extract.events.coder.find_events`, then within-document
coreference (:func:`claimgraph.extract.events.coref.merge_events`, switched off by
``coreference = false``); this only attaches.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import ClaimgraphError
from claimgraph.extract.events.coder import BARE_TRIGGERS, find_events
from claimgraph.extract.events.coref import merge_events, uncode_unowned
from claimgraph.extract.events.lexicon import SCHEMES, load
from claimgraph.nlp import extensions


class EventCoder:
    """Find events, code them to PLOVER (``scheme``: "plover" or "gsr") and set ``cg_events``."""

    def __init__(self, name: str = "events", *, scheme: str = "plover",
                 coreference: bool = True) -> None:
        if scheme not in SCHEMES:
            raise ClaimgraphError(
                "E002", f"unknown PLOVER scheme {scheme!r} for {name}: use one of {SCHEMES}"
            )
        self.name = name
        self.scheme = scheme
        self.coreference = coreference
        self.lexicon = load()

    def __call__(self, doc: Doc) -> Doc:
        events = find_events(doc, scheme=self.scheme, lexicon=self.lexicon)
        if self.coreference:  # "the attack" after "an attack on X": one event, two mentions
            events = merge_events(doc, events, places=extensions.results(doc, "cg_places"),
                                  times=extensions.results(doc, "cg_times"))
        # "the protests" with no one named, and no mention that names someone: no PLOVER type
        events = uncode_unowned(events, doc.user_data.get(BARE_TRIGGERS, frozenset()))
        doc._.cg_events = events
        return doc


@Language.factory(
    "claimgraph_events_v1",
    assigns=["doc._.cg_events"],
    requires=[*extensions.PARSE, *extensions.ENTITIES, "doc._.cg_places", "doc._.cg_times",
              "doc._.cg_attributions", "doc._.cg_quantities"],
    default_config={"scheme": "plover", "coreference": True},
)
def make_events(nlp: Language, name: str, scheme: str, coreference: bool) -> EventCoder:
    extensions.register()
    return EventCoder(name, scheme=scheme, coreference=coreference)
