"""Relations between claims: which reports support or contradict which, side by side.

A relation (``claimgraph resolve``'s RELATION) joins two ends, each a document's attribution or
one of its figures; a page shows each end as a reader checks it: the outlet, the speaker, the
words or the figure, beside the reason resolve gave ("about 40 dead (health ministry) vs 12
(army)").
"""

from __future__ import annotations

from typing import Any

from claimgraph.query import corpus
from claimgraph.query import filters as spec
from claimgraph.query.filters import page, rows_and_total
from claimgraph.store.base import Store

RELATION_TYPES = ("contradicts", "supports")

_IN_STORY = "SELECT sd.document_id FROM story_documents sd WHERE sd.story_id = ?"
_CLAIM_DOCUMENTS = "SELECT cm.document_id FROM corpus_claim_mentions cm WHERE cm.claim_id = ?"
# the claim's documents first (an index probe each), then the exact attribution
_AT_CLAIM = (
    f"(r.a_document IN ({_CLAIM_DOCUMENTS}) OR r.b_document IN ({_CLAIM_DOCUMENTS})) AND"
    " EXISTS (SELECT 1 FROM corpus_claim_mentions cm WHERE cm.claim_id = ? AND"
    " ((cm.document_id = r.a_document AND cm.attribution = r.a_attribution)"
    " OR (cm.document_id = r.b_document AND cm.attribution = r.b_attribution)))"
)

_SELECT = "SELECT r.* FROM relations r"
# contradictions first: the types' own order (``RELATION_TYPES`` is sorted), so the index on
# (type, id) gives the page (PostgreSQL sorted 50,000 relations to skip 30,000: 233 ms)
_ORDER = "r.type, r.id"

RELATION_FILTERS = spec.FilterSet("relations", (
    spec.text("type", "Relation type: " + ", ".join(RELATION_TYPES) + ".",
              spec.equals("r.type = ?"), choices=RELATION_TYPES),
    spec.text("story", "Relations with an end in this story's documents (a story id).",
              spec.equals(f"(r.a_document IN ({_IN_STORY}) OR r.b_document IN ({_IN_STORY}))")),
    spec.text("claim", "Relations with an end at one of this claim's reports (a claim id).",
              spec.equals(_AT_CLAIM)),
    spec.text("document", "Relations with an end in this document (its id).",
              spec.equals("(r.a_document = ? OR r.b_document = ?)")),
    spec.text("q", "Words in the reason.", spec.words("r.reason")),
))


def _end(row: dict[str, Any], side: str) -> dict[str, Any]:
    quantity = row[f"{side}_quantity"]
    return {"document": row[f"{side}_document"], "attribution": row[f"{side}_attribution"],
            "quantity": None if quantity is None else int(quantity)}


def _shown(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The contract RELATION of each row with its ``id``, each end with what it says."""
    items = [{"id": r["id"], "kind": "relation", "type": r["type"], "a": _end(r, "a"),
              "b": _end(r, "b"), "reason": r["reason"]} for r in rows]
    ends = [item[side] for item in items for side in ("a", "b")]
    docs = corpus.documents(store, (e["document"] for e in ends))
    said = corpus.attributions(store, ((e["document"], e["attribution"]) for e in ends
                                       if e["attribution"] is not None))
    figures = corpus.quantities(store, ((e["document"], e["quantity"]) for e in ends
                                        if e["quantity"] is not None))
    for end in ends:
        end["report"] = corpus.report(docs, end["document"])
        end["said"] = said.get((end["document"], end["attribution"] or ""))
        end["figure"] = figures.get((end["document"], end["quantity"]))
    return items


def list_relations(
    store: Store, *, limit: int | None = 50, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """Relations, contradictions first, as ``{items, total, limit, offset}``.

    Filters: ``type`` (contradicts, supports), ``story``, ``claim``, ``document`` (an end is
    there), ``q`` (words in the reason). Each item is the contract RELATION with the store's
    ``id``; each end also has ``report`` (the document's id, title, outlet, published, url),
    ``said`` (the attribution's content, cue, source, source_id and via chain, or null) and
    ``figure`` (the quantity's text and unit, or null).
    """
    w = RELATION_FILTERS.where(RELATION_FILTERS.values(filters))
    rows, total = rows_and_total(store, _SELECT, w, _ORDER, limit, offset)
    return page(_shown(store, rows), total, limit, offset)
