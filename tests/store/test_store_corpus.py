"""The corpus records of ``claimgraph resolve`` in the store, on both backends.

What resolve emits is exactly what the store gives back (a hypothesis round trip with strategies
made from the record classes' type hints, as the document round trip does); a rerun replaces
instead of piling up; a story's counts stay what its events, claims and contradictions add up to.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import ClaimgraphError
from claimgraph.resolve.corpus import (
    Claim,
    ClaimMention,
    Copies,
    CorpusEvent,
    CorpusRecord,
    EventMention,
    FirstReport,
    Relation,
    RelationEnd,
    Story,
    corpus_id,
)
from claimgraph.store import Store
from claimgraph.store.corpus_rows import TABLE, record_key, relation_id
from tests.store.test_store_roundtrip import dataclass_strategy

KINDS = (Copies, Story, CorpusEvent, Claim, Relation)
RECORDS = st.lists(st.one_of(*(dataclass_strategy(k) for k in KINDS)), max_size=8)


def stored(store: Store) -> list[str]:
    """Every stored corpus record as JSON text, kind by kind, in id order."""
    return [json.dumps(r.to_dict(), ensure_ascii=False)
            for kind in TABLE for r in store.corpus_records(kind)]


def emitted(records: list[CorpusRecord]) -> list[str]:
    """What the store should give back: one record per kind and id (the last written wins)."""
    latest = {(r.kind, record_key(r)): r for r in records}
    return [json.dumps(latest[k].to_dict(), ensure_ascii=False)
            for kind in TABLE for k in sorted(k for k in latest if k[0] == kind)]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(records=RECORDS)
def test_what_resolve_emits_is_what_the_store_gives_back(store: Store, records) -> None:
    store.add_corpus(records, replace=True)  # each example a whole resolve run
    assert stored(store) == emitted(records)


# -- a small corpus, built by hand: a wire story republished, an earthquake, two death tolls --

WIRE, COPY, LOCAL = "doc-wire", "doc-copy", "doc-local"
COPIES = Copies(corpus_id("copies", [WIRE, COPY]), [WIRE, COPY], WIRE)
QUAKE = Story(corpus_id("story", [WIRE, COPY, LOCAL]), [WIRE, COPY, LOCAL],
              "Earthquake strikes eastern Turkey", "2024-08-06", "2024-08-07")
SHAKE = CorpusEvent("event:quake", QUAKE.id, "natural_disaster",
                    [EventMention(WIRE, "ev-1", 10, 20, "earthquake"),
                     EventMention(LOCAL, None, 4, 9, "quake")])
TOLL = Claim("claim:toll", QUAKE.id, "the health ministry", "at least 40 people died",
             [ClaimMention(WIRE, "attr-1"), ClaimMention(COPY, "attr-1")],
             FirstReport(WIRE, "2024-08-06"), independent_sources=1, outlets=2)
DISPUTE = Relation("contradicts", RelationEnd(WIRE, "attr-1", 0), RelationEnd(LOCAL, "attr-9", 2),
                   "at least 40 dead (health ministry) vs 12 (army)")


def story_counts(store: Store, story_id: str) -> tuple[int, int, int, int]:
    row = store.query("SELECT documents, events, claims, contradictions FROM stories"
                      " WHERE id = ?", [story_id])[0]
    return row["documents"], row["events"], row["claims"], row["contradictions"]


def test_resolving_the_same_documents_again_changes_nothing(store: Store) -> None:
    run = [COPIES, QUAKE, SHAKE, TOLL, DISPUTE]
    store.add_corpus(run)
    store.add_corpus(run)
    assert stored(store) == emitted(run)
    assert store.count("corpus_claim_mentions") == 2


def test_a_story_that_gained_an_article_replaces_the_stored_one(store: Store) -> None:
    store.add_corpus([QUAKE])
    later = "doc-later"
    grown = Story(corpus_id("story", [*QUAKE.documents, later]), [*QUAKE.documents, later],
                  QUAKE.title, "2024-08-06", "2024-08-09")
    store.add_corpus([grown])
    assert store.corpus_records("story") == [grown]


def test_a_claim_heard_in_one_more_outlet_replaces_the_stored_claim(store: Store) -> None:
    store.add_corpus([TOLL])
    echoed = Claim("claim:toll-3", QUAKE.id, TOLL.source, TOLL.content,
                   [*TOLL.mentions, ClaimMention(LOCAL, "attr-2")], TOLL.first, 2, 3)
    store.add_corpus([echoed])
    assert store.corpus_records("claim") == [echoed]


def test_resolving_the_whole_database_forgets_what_the_last_run_found(store: Store) -> None:
    store.add_corpus([COPIES, QUAKE, TOLL])
    store.add_corpus([QUAKE], replace=True)
    assert stored(store) == emitted([QUAKE])


def test_a_story_counts_its_events_claims_and_contradictions(store: Store) -> None:
    store.add_corpus([QUAKE, SHAKE, TOLL, DISPUTE])
    assert story_counts(store, QUAKE.id) == (3, 1, 1, 1)


def test_a_story_written_before_its_claims_is_counted_when_they_come(store: Store) -> None:
    store.add_corpus([QUAKE])
    assert story_counts(store, QUAKE.id) == (3, 0, 0, 0)
    store.add_corpus([SHAKE, TOLL])
    store.add_corpus([DISPUTE])
    assert story_counts(store, QUAKE.id) == (3, 1, 1, 1)


def test_a_claim_moved_to_another_story_leaves_the_first_story_uncounted(store: Store) -> None:
    store.add_corpus([QUAKE, TOLL])
    elsewhere = Claim(TOLL.id, "story:other", TOLL.source, TOLL.content, TOLL.mentions,
                      TOLL.first, 1, 2)
    store.add_corpus([elsewhere])
    assert story_counts(store, QUAKE.id)[2] == 0


def test_a_relation_is_kept_once_under_the_key_of_its_ends(store: Store) -> None:
    store.add_corpus([DISPUTE, DISPUTE])
    assert store.corpus_records("relation", [relation_id(DISPUTE)]) == [DISPUTE]
    assert store.count("relations") == 1


def test_an_unknown_kind_is_a_coded_error(store: Store) -> None:
    with pytest.raises(ClaimgraphError) as caught:
        store.corpus_records("storyline")
    assert caught.value.code == "E002"


def test_claims_stored_before_their_sort_key_get_one(db_url: str, monkeypatch) -> None:
    """A database whose claims were written before ``0016_corpus_claim_order`` lists them in
    the same order as one written after it."""
    from claimgraph.query import list_claims
    from claimgraph.store import base, open_store
    from claimgraph.store.schema import CORPUS_CLAIM_ORDER, MIGRATIONS

    before = MIGRATIONS.index(CORPUS_CLAIM_ORDER)
    old_row = ("claim:old", None, "police", "the road is closed", "doc-1", None, 1, 2, 1)
    with monkeypatch.context() as m:
        m.setattr(base, "MIGRATIONS", MIGRATIONS[:before])
        with open_store(db_url) as old:  # what 0011_corpus_records wrote: no seq
            old._execute("INSERT INTO corpus_claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", old_row)
    with open_store(db_url) as store:
        store.add_corpus([TOLL])
        claims = [c["id"] for c in list_claims(store)["items"]]
        same_counts = sorted([TOLL.id, "claim:old"],
                             key=lambda i: -store.query("SELECT seq FROM corpus_claims"
                                                        " WHERE id = ?", [i])[0]["seq"])
        assert claims == same_counts
        assert store.query("SELECT count(*) AS n FROM corpus_claims WHERE seq IS NULL")[0]["n"] == 0
