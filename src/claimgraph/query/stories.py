"""Stories: the reports of one real-world happening, with its events, claims and disputes.

A story (``claimgraph resolve``'s STORY) groups documents; its page is what an analyst reads
before the articles: which reports there are (and which are copies of another), what happened
in date order, what was claimed and by how many independent sources, and where claimants
disagree. The list reads one row per story: its counts were written by the store.
"""

from __future__ import annotations

from typing import Any

from claimgraph.query import corpus
from claimgraph.query import filters as spec
from claimgraph.query.claims import list_claims
from claimgraph.query.filters import page, rows_and_total
from claimgraph.query.relations import list_relations
from claimgraph.store.base import Store

#: claims and contradictions shown on a story's page (their lists page through the rest)
SHOWN = 200
_COUNTED = ("documents", "events", "claims", "contradictions")

_SELECT = "SELECT s.* FROM stories s"
_ORDER = "s.last_published DESC NULLS LAST, s.id"

STORY_FILTERS = spec.FilterSet("stories", (
    spec.text("q", "Words in the story's title.", spec.words("s.title")),
    spec.since("s.last_published", "date of the story's latest report"),
    spec.until("s.first_published", "date of the story's first report"),
    spec.Filter("min_documents", int, "At least this many reports.",
                spec.equals("s.documents >= ?"), ge=0, le=spec.MAX_COUNT),
    spec.text("document", "The story this document belongs to (its id).", spec.equals(
        "s.id IN (SELECT sd.story_id FROM story_documents sd WHERE sd.document_id = ?)")),
))


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "title": row["title"], "first_published": row["first_published"],
            "last_published": row["last_published"],
            "counts": {c: int(row[c]) for c in _COUNTED}}


def list_stories(
    store: Store, *, limit: int | None = 50, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """Stories, latest report first, as ``{items, total, limit, offset}``.

    Filters: ``q`` (words in the title), ``since`` (the latest report on or after), ``until``
    (the first report on or before), ``min_documents``, ``document`` (the story holding it).
    Each item: id, title, first_published, last_published and ``counts`` of documents,
    events, claims and contradictions.
    """
    w = STORY_FILTERS.where(STORY_FILTERS.values(filters))
    rows, total = rows_and_total(store, _SELECT, w, _ORDER, limit, offset)
    return page([_summary(r) for r in rows], total, limit, offset)


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story, or None: the contract STORY with ``counts``, its ``reports`` (each document's
    id, title, outlet, published, url and ``copy_of``, earliest first), its ``events`` in date
    order (the contract EVENT with a ``date`` and each mention's ``report``), its ``claims``
    (most independent sources first) and ``contradictions`` (relations of type contradicts with
    an end in the story), each at most ``SHOWN``."""
    rows = store.query("SELECT * FROM stories WHERE id = ?", [story_id])
    found = store.corpus_records("story", [story_id])
    if not rows or not found:
        return None
    story = {**found[0].to_dict(), "counts": _summary(rows[0])["counts"]}
    docs = corpus.documents(store, story["documents"])
    copied = corpus.copies_of(store, story["documents"])
    reports = [{**corpus.report(docs, d), "id": d, "copy_of": copied.get(d)}
               for d in story["documents"]]
    story["reports"] = sorted(reports, key=lambda r: (r["published"] is None,
                                                      r["published"] or "", r["id"]))
    story["events"] = _events(store, story_id, docs)
    story["claims"] = list_claims(store, story=story_id, limit=SHOWN)["items"]
    story["contradictions"] = list_relations(store, story=story_id, type="contradicts",
                                             limit=SHOWN)["items"]
    return story


def _events(store: Store, story_id: str, docs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The story's events, each dated by the earliest day its reports give it (the document
    event's date, else the report's publication date), in date order, undated last."""
    ids = [r["id"] for r in store.query(
        "SELECT id FROM corpus_events WHERE story_id = ? ORDER BY id", [story_id])]
    events = [e.to_dict() for e in store.corpus_records("event", ids)]
    coded = {(r["document_id"], r["id"]): r["date"] for r in store.query(
        "SELECT e.document_id, e.id, e.date FROM events e JOIN story_documents sd"
        " ON sd.document_id = e.document_id WHERE sd.story_id = ?", [story_id])}
    for event in events:
        days = []
        for m in event["mentions"]:
            m["report"] = corpus.report(docs, m["document"])
            day = coded.get((m["document"], m["event"])) or m["report"]["published"]
            if day:
                days.append(day)
        event["date"] = min(days) if days else None
    return sorted(events, key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
