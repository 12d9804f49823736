"""Claims across outlets: one speaker saying one thing, with who carried it, when and through whom.

These are the corpus claims of ``claimgraph resolve`` (the contract's CLAIM): forty reports of a
ministry's casualty figure are one claim here. A single report's claim, as one article words it,
is an *attribution* (``query/attributions.py``, ``/api/attributions``, the UI's claims
explorer); a claim's ``mentions`` are such attributions.

The list reads one row per claim (``independent_sources``, ``outlets`` and the number of reports
were written by the store), most independent sources first; one claim's page adds every report
of it, earliest first, with its speaker and via chain, and its spread over days and outlets.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from claimgraph.query import corpus
from claimgraph.query import filters as spec
from claimgraph.query.filters import page, rows_and_total
from claimgraph.query.pages import rank_window
from claimgraph.query.relations import list_relations
from claimgraph.store.base import Store

#: relations shown on a claim's page (the relations list pages through the rest)
RELATIONS_SHOWN = 200

_SELECT = "SELECT c.* FROM corpus_claims c"
# ties in a fixed, hash-like order (``seq``): sorting by integers alone is what keeps the
# list fast (``store.corpus_rows.claim_seq``)
_ORDER = "c.independent_sources DESC, c.outlets DESC, c.seq DESC"

CLAIM_FILTERS = spec.FilterSet("claims", (
    spec.text("story", "Claims of this story (a story id).", spec.equals("c.story_id = ?")),
    spec.text("q", "Words in the claim's content.", spec.words("c.content")),
    spec.text("source", "Words in the speaker's name.", spec.words("c.source")),
    spec.Filter("min_sources", int, "At least this many independent sources.",
                spec.equals("c.independent_sources >= ?"), ge=0, le=spec.MAX_COUNT),
    spec.text("document", "Claims this document reports (its id).", spec.equals(
        "c.id IN (SELECT cm.claim_id FROM corpus_claim_mentions cm WHERE cm.document_id = ?)")),
))


def _summary(row: dict[str, Any], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row["id"], "story": row["story_id"], "source": row["source"],
        "content": row["content"],
        "first": {**corpus.report(docs, row["first_document"], key="document"),
                  "published": row["first_published"]},
        "independent_sources": int(row["independent_sources"]), "outlets": int(row["outlets"]),
        "reports": int(row["mentions"]),
    }


def list_claims(
    store: Store, *, limit: int | None = 50, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """Claims across outlets, most independent sources first, as ``{items, total, limit,
    offset}``.

    Filters: ``story``, ``q`` (words in the content), ``source`` (words in the speaker),
    ``min_sources`` (at least this many independent sources), ``document`` (claims it reports).
    Each item: id, story, source, content, ``first`` (the contract's document and published,
    with the first report's title, outlet and url), independent_sources, outlets and
    ``reports`` (how many reports carry it; ``get_claim`` lists them).
    """
    values = CLAIM_FILTERS.values(filters)
    w = CLAIM_FILTERS.where(values)
    window = None
    if {name for name, value in values.items() if value is not None} <= {"min_sources"}:
        # the page's place in the list from the kept rank counts: only the claims of the
        # buckets it spans are sorted (sorting all 800,000 to skip 400,000: 270 ms on DuckDB,
        # 3.1 s on PostgreSQL)
        window = rank_window(store, limit=limit, offset=offset, min_sources=values["min_sources"])
    if window is None:
        rows, total = rows_and_total(store, _SELECT, w, _ORDER, limit, offset)
    else:
        w.add(window.clause, *window.params)
        rows, total = rows_and_total(store, _SELECT, w, _ORDER, limit, window.offset,
                                     total=window.total)
    docs = corpus.documents(store, (r["first_document"] for r in rows))
    return page([_summary(r, docs) for r in rows], total, limit, offset)


def get_claim(store: Store, claim_id: str) -> dict[str, Any] | None:
    """One claim across outlets, or None: the contract CLAIM, ``story_title``, its
    ``mentions`` earliest first (each also with ``report`` — the document's id, title, outlet,
    published, url —, ``said`` — content, cue, source, source_id and ``via`` chain —, and
    ``copy_of``, the original when the report is a republished copy), its ``spread`` (reports
    by ``days`` and by ``outlets``, each outlet with its first day) and ``relations`` to other
    claims (at most ``RELATIONS_SHOWN``; ``relations_total`` counts them all)."""
    found = store.corpus_records("claim", [claim_id])
    if not found:
        return None
    claim = found[0].to_dict()
    keys = [(m["document"], m["attribution"]) for m in claim["mentions"]]
    docs = corpus.documents(store, (k[0] for k in keys))
    said = corpus.attributions(store, keys)
    copied = corpus.copies_of(store, (k[0] for k in keys))
    mentions = [{**m, "report": corpus.report(docs, m["document"]),
                 "said": said.get((m["document"], m["attribution"])),
                 "copy_of": copied.get(m["document"])} for m in claim["mentions"]]
    # earliest first; undated reports last, each group in resolve's order
    order = sorted(range(len(mentions)), key=lambda i: (
        mentions[i]["report"]["published"] is None, mentions[i]["report"]["published"] or "", i))
    claim["mentions"] = [mentions[i] for i in order]
    claim["first"] = {**corpus.report(docs, claim["first"]["document"], key="document"),
                      "published": claim["first"]["published"]}
    claim["story_title"] = None
    if claim["story"] is not None:
        titles = store.query("SELECT title FROM stories WHERE id = ?", [claim["story"]])
        claim["story_title"] = titles[0]["title"] if titles else None
    claim["spread"] = _spread(claim["mentions"])
    relations = list_relations(store, claim=claim_id, limit=RELATIONS_SHOWN)
    claim["relations"], claim["relations_total"] = relations["items"], relations["total"]
    return claim


def _spread(mentions: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """How the reports spread: how many a day (dated ones), and per outlet how many and from
    which day (outlets in the order they first carried it)."""
    days = Counter(m["report"]["published"] for m in mentions if m["report"]["published"])
    outlets: dict[str, dict[str, Any]] = {}
    for m in mentions:  # earliest first
        name = m["report"]["outlet"] or "(unknown outlet)"
        entry = outlets.setdefault(name, {"outlet": name, "reports": 0,
                                          "first_day": m["report"]["published"]})
        entry["reports"] += 1
    return {"days": [{"day": d, "reports": n} for d, n in sorted(days.items())],
            "outlets": list(outlets.values())}
