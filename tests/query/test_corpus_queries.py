"""Reading what ``claimgraph resolve`` stored, on both backends: stories, claims across outlets,
and the relations between them, over the hand-built corpus of ``tests/serve/corpus_samples``
(a wire report, its partner's copy and a local paper's contradicting figure)."""

from __future__ import annotations

import pytest

from claimgraph import query
from claimgraph.errors import ClaimgraphError
from claimgraph.store import Store
from tests.serve.corpus_samples import (
    local_record,
    partner_copy,
    resolved_corpus,
    resolved_documents,
)
from tests.serve.samples import kyiv_record


@pytest.fixture
def resolved(store: Store) -> Store:
    store.add_records(resolved_documents())
    store.add_corpus(resolved_corpus())
    return store


def kursk_story(store: Store) -> dict:
    return query.list_stories(store, q="Kursk")["items"][0]


def test_stories_come_latest_report_first_with_their_counts(resolved: Store) -> None:
    stories = query.list_stories(resolved)
    assert [s["last_published"] for s in stories["items"]] == ["2024-08-08", "2024-08-07"]
    assert stories["items"][0]["counts"] == {
        "documents": 3, "events": 1, "claims": 2, "contradictions": 1}


def test_the_story_of_a_document(resolved: Store) -> None:
    found = query.list_stories(resolved, document=local_record().id)["items"]
    assert [s["title"] for s in found] == ["Russian troops move towards Kursk"]


def test_a_story_lists_its_reports_earliest_first_and_marks_the_copy(resolved: Store) -> None:
    story = query.get_story(resolved, kursk_story(resolved)["id"])
    wire = kyiv_record()
    assert [(r["outlet"], r["copy_of"]) for r in story["reports"]] == [
        ("Example Wire", None), ("Partner Daily", wire.id), ("Kursk Courier", None)]


def test_a_story_dates_each_event_by_its_earliest_report(resolved: Store) -> None:
    story = query.get_story(resolved, kursk_story(resolved)["id"])
    assert [(e["type"], e["date"]) for e in story["events"]] == [("MOBILIZE", "2024-08-06")]
    assert [m["report"]["outlet"] for m in story["events"][0]["mentions"]] == [
        "Example Wire", "Kursk Courier"]


def test_a_story_shows_both_figures_of_a_contradiction(resolved: Store) -> None:
    story = query.get_story(resolved, kursk_story(resolved)["id"])
    (dispute,) = story["contradictions"]
    assert (dispute["a"]["figure"]["text"], dispute["b"]["figure"]["text"]) == (
        "up to 3,000 troops", "about 1,000 troops")
    assert dispute["a"]["said"]["via"] == ["Bloomberg"]


def test_claims_come_most_independent_sources_first(resolved: Store) -> None:
    claims = query.list_claims(resolved, story=kursk_story(resolved)["id"])["items"]
    assert [(c["outlets"], c["reports"]) for c in claims] == [(2, 2), (1, 1)]
    assert claims[0]["first"]["outlet"] == "Example Wire"


def test_a_claim_shows_who_echoed_it_and_through_which_chain(resolved: Store) -> None:
    top = query.list_claims(resolved, q="3,000 troops")["items"][0]
    claim = query.get_claim(resolved, top["id"])
    assert [(m["report"]["outlet"], m["copy_of"]) for m in claim["mentions"]] == [
        ("Example Wire", None), ("Partner Daily", kyiv_record().id)]
    assert claim["mentions"][1]["said"]["via"] == ["Bloomberg"]
    assert claim["first"]["outlet"] == "Example Wire"
    assert claim["story_title"] == "Russian troops move towards Kursk"


def test_a_claim_spreads_over_days_and_outlets(resolved: Store) -> None:
    top = query.list_claims(resolved, q="3,000 troops")["items"][0]
    spread = query.get_claim(resolved, top["id"])["spread"]
    assert spread["days"] == [{"day": "2024-08-06", "reports": 1},
                              {"day": "2024-08-07", "reports": 1}]
    assert [(o["outlet"], o["first_day"]) for o in spread["outlets"]] == [
        ("Example Wire", "2024-08-06"), ("Partner Daily", "2024-08-07")]


def test_a_claim_lists_the_claims_that_contradict_it(resolved: Store) -> None:
    top = query.list_claims(resolved, q="1,000 troops")["items"][0]
    relations = query.get_claim(resolved, top["id"])["relations"]
    assert [r["type"] for r in relations] == ["contradicts"]


def test_relations_filter_by_document(resolved: Store) -> None:
    assert query.list_relations(resolved, document=partner_copy(kyiv_record()).id)["total"] == 0
    assert query.list_relations(resolved, document=local_record().id)["total"] == 1


def test_an_unknown_story_or_claim_is_none(resolved: Store) -> None:
    assert query.get_story(resolved, "story:nothing") is None
    assert query.get_claim(resolved, "claim:nothing") is None


def test_a_report_deleted_since_resolve_ran_leaves_its_story(resolved: Store) -> None:
    story_id = kursk_story(resolved)["id"]
    before = [r["id"] for r in query.get_story(resolved, story_id)["reports"]]
    resolved.delete_documents([local_record().id])
    after = [r["id"] for r in query.get_story(resolved, story_id)["reports"]]
    assert local_record().id in before
    assert after == [i for i in before if i != local_record().id]


def test_a_negative_count_filter_is_a_coded_error(resolved: Store) -> None:
    with pytest.raises(ClaimgraphError) as caught:
        query.list_claims(resolved, min_sources=-1)
    assert caught.value.code == "E002"


def test_relations_list_contradictions_first_then_by_id(store: Store) -> None:
    from claimgraph.bench.corpus import corpus_records
    from claimgraph.query.relations import RELATION_TYPES

    docs = [f"doc-{i:02d}" for i in range(40)]
    store.add_corpus(corpus_records(docs, dict.fromkeys(docs, "2024-03-01"), seed=3))
    listed = query.list_relations(store, limit=None)["items"]
    kinds = [r["type"] for r in listed]
    assert tuple(sorted(RELATION_TYPES)) == RELATION_TYPES  # the index's order is theirs
    assert kinds == sorted(kinds, key=lambda t: t != "contradicts")
    assert "contradicts" in kinds and "supports" in kinds
    for kind in RELATION_TYPES:
        ids = [r["id"] for r in listed if r["type"] == kind]
        assert ids == sorted(ids)
