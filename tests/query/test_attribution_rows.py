"""A page of claims is read by plain selects of its documents joined in Python
(``attributions.described``): each claim gets exactly the columns, and the via mentions, that
the SQL join of ``attributions._FROM`` gives it, on both backends."""

from __future__ import annotations

from dataclasses import replace

from claimgraph import query
from claimgraph.query import attributions
from claimgraph.store import Store
from tests.store.test_store_list_counts import dated_records


def relayed_records():
    """The dated records, the claims of every other one relayed through their own source."""
    records = dated_records()
    for record in records[::2]:
        for claim in record.attributions:
            if claim.source is not None:
                claim.via = [replace(claim.source, canonical="Interfax", kind="media",
                                     anonymous=False)]
    return records


def test_every_claim_described_has_the_columns_of_the_sql_join(store: Store) -> None:
    store.add_records(relayed_records())
    joined = store.query(f"{attributions._COLUMNS} {attributions._FROM}"
                         " ORDER BY a.document_id, a.idx")
    keys = [(r["document_id"], r["idx"]) for r in joined]
    described = attributions.described(store, keys)
    assert [{k: v for k, v in r.items() if k != "_via"} for r in described] == joined
    assert any(r["s_id"] is not None for r in joined) and any(r["_via"] for r in described)


def test_the_page_and_the_filtered_join_list_the_same_via_and_hedges(store: Store) -> None:
    """``q=`` filters the SQL join (the words of the claim), the other filters choose the page
    from ``claim_index``: both give a claim the same via chain and hedges."""
    store.add_records(relayed_records())
    every = query.list_attributions(store, limit=None)["items"]
    for claim in every:
        if claim["via"] or claim["hedges"]:
            found = query.list_attributions(store, limit=None, q=claim["content"]["text"][:40],
                                            document=claim["document"]["id"])["items"]
            assert claim in found
    assert any(c["via"] for c in every) and any(c["hedges"] for c in every)
