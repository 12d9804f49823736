"""Read functions shared by the CLI, the REST API and the web UI.

Every function takes an open ``Store`` (``claimgraph.store.open_store(db)``) and keyword-only
filters, and returns JSON-ready dicts; list functions return the page envelope
``{"items": [...], "total": n, "limit": l, "offset": o}`` (``limit=None``: every row, for
exports). Dates are ISO strings; ``since``/``until`` are inclusive and accept ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``. Bad filter values raise ``ClaimgraphError`` ``E002``.

Signatures (stable; new filters are added as new keywords):

- ``list_documents(store, *, limit=50, offset=0, outlet, since, until, q)``
- ``get_document(store, document_id)`` -> the contract record or None
- ``list_attributions(store, *, limit=50, offset=0, source, source_id, via_id, outlet, kind,
  anonymous, since, until, place, country, event_type, type, hedged, document, q, text)``
- ``list_sources(store, *, limit=50, offset=0, min_claims=0, q, kind, anonymous, outlet, since,
  until)`` -> page + ``summary`` (anonymity share)
- ``get_source(store, source_id, *, limit=None)`` -> summary + ``attributions``, ``relayed_claims``,
  ``via_chains`` or None
- ``list_events(store, *, limit=50, offset=0, type, since, until, country, place, actor,
  outlet, claimed_by, document, q)``
- ``list_places(store, *, limit=100, offset=0, country, kind, outlet, since, until, located, q)``
- ``list_outlets(store)``, ``list_rejected(store)``

Across documents (what ``claimgraph resolve`` stored; a *claim* here is one claim however many
outlets carry it, while an *attribution* is one report's wording of it):

- ``list_stories(store, *, limit=50, offset=0, q, since, until, min_documents, document)``
- ``get_story(store, story_id)`` -> the STORY with ``counts``, ``reports``, ``events``,
  ``claims``, ``contradictions``, or None
- ``list_claims(store, *, limit=50, offset=0, story, q, source, min_sources, document)``
- ``get_claim(store, claim_id)`` -> the CLAIM with each mention's report and words, its
  ``spread`` and ``relations``, or None
- ``list_relations(store, *, limit=50, offset=0, type, story, claim, document, q)``

Each list function's filters are declared once, as a ``FilterSet`` exported beside it
(``DOCUMENT_FILTERS``, ``ATTRIBUTION_FILTERS``, ``SOURCE_FILTERS``, ``EVENT_FILTERS``,
``PLACE_FILTERS``, ``STORY_FILTERS``, ``CLAIM_FILTERS``, ``RELATION_FILTERS``; see ``claimgraph.query.filters``): the CLI's options and the API's query
parameters are made from them.

Output helpers are in ``claimgraph.render.export`` (table, JSONL, CSV, Parquet, ACLED-like event
rows).
"""

from claimgraph.query.attributions import ATTRIBUTION_FILTERS, list_attributions, via_chains
from claimgraph.query.claims import CLAIM_FILTERS, get_claim, list_claims
from claimgraph.query.documents import (
    DOCUMENT_FILTERS,
    get_document,
    list_documents,
    list_outlets,
    list_rejected,
)
from claimgraph.query.events import EVENT_FILTERS, list_events
from claimgraph.query.places import PLACE_FILTERS, list_places
from claimgraph.query.relations import RELATION_FILTERS, list_relations
from claimgraph.query.sources import SOURCE_FILTERS, get_source, list_sources
from claimgraph.query.stories import STORY_FILTERS, get_story, list_stories

__all__ = [
    "list_documents",
    "get_document",
    "list_attributions",
    "list_sources",
    "get_source",
    "list_events",
    "list_places",
    "list_outlets",
    "list_rejected",
    "via_chains",
    "DOCUMENT_FILTERS",
    "ATTRIBUTION_FILTERS",
    "SOURCE_FILTERS",
    "EVENT_FILTERS",
    "PLACE_FILTERS",
    "list_stories",
    "get_story",
    "list_claims",
    "get_claim",
    "list_relations",
    "STORY_FILTERS",
    "CLAIM_FILTERS",
    "RELATION_FILTERS",
]
