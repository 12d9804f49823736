"""Deleting a document takes it out of every corpus record that held it, on both backends.

The corpus: a Taiwan earthquake report, republished twice by partner sites, and a second
report of the same quake by another outlet; a Mexico earthquake report is a story of its own.
The officials' toll in the wire report is carried by its copies; the army's figure in the
other report contradicts it. Deleting the wire report must leave no record naming it, and what
the records count must be counted again from what is left.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from claimgraph.resolve.corpus import Claim, Copies, Relation, Story
from claimgraph.resolve.resolver import resolve_records
from claimgraph.store import Store
from claimgraph.store.corpus_rows import TABLE
from tests.resolve.builders import Figure, Says, article
from tests.resolve.reports import QUAKE_A, QUAKE_A_COPY, QUAKE_A_OTHER, QUAKE_B

TOLL = "killing at least nine people"
OFFICIALS = Says("officials", "said", TOLL, anonymous=True)
ARMY_TEXT = QUAKE_A_OTHER + "\n\nThe army said 5 people were killed in the Hualien earthquake."


def _toll(doc_id: str, text: str, outlet: str, published: str, title: str | None = None):
    record = article(doc_id, text, [OFFICIALS], outlet=outlet, published=published,
                     figures=[Figure("at least nine people", value=9, low=9, unit="people",
                                     said_by=0)])
    return replace(record, title=title)


WIRE = _toll("wire", QUAKE_A, "Reuters", "2018-02-06", "Quake kills nine in Taiwan")
COPY = _toll("copy", QUAKE_A_COPY, "Taipei Times", "2018-02-07")
COPY_2 = _toll("copy-2", QUAKE_A_COPY.replace("Deadly quake", "Killer quake"), "Focus Taiwan",
               "2018-02-08")
ARMY = article("army", ARMY_TEXT,
               [Says("The army", "said", "5 people were killed in the Hualien earthquake")],
               figures=[Figure("5 people", value=5, unit="people", said_by=0)],
               outlet="BBC", published="2018-02-07")
MEXICO = article("mexico", QUAKE_B, [], outlet="AP", published="2017-09-19")
RECORDS = [WIRE, COPY, COPY_2, ARMY, MEXICO]


@pytest.fixture
def resolved(store: Store) -> Store:
    """The corpus stored and resolved; what the tests below rely on is checked here."""
    store.add_records(RECORDS)
    store.add_corpus(list(resolve_records(RECORDS)), replace=True)
    [copies] = store.corpus_records("copies")
    assert copies.original == WIRE.id and set(copies.documents) == {WIRE.id, COPY.id, COPY_2.id}
    assert any(r.a.document == WIRE.id for r in _relations(store))
    return store


def _relations(store: Store) -> list[Relation]:
    return [r for r in store.corpus_records("relation") if isinstance(r, Relation)]


def _story_of(store: Store, document: str) -> Story:
    [story] = [s for s in store.corpus_records("story")
               if isinstance(s, Story) and document in s.documents]
    return story


def _toll_claim(store: Store) -> Claim:
    [claim] = [c for c in store.corpus_records("claim")
               if isinstance(c, Claim) and c.content == TOLL]
    return claim


def test_no_corpus_record_names_a_deleted_document(resolved: Store) -> None:
    resolved.delete_documents([WIRE.id])
    stored = json.dumps([r.to_dict() for kind in TABLE for r in resolved.corpus_records(kind)])
    assert f'"{WIRE.id}"' not in stored


def test_a_copy_group_that_lost_its_original_names_the_earliest_copy(resolved: Store) -> None:
    resolved.delete_documents([WIRE.id])
    [copies] = resolved.corpus_records("copies")
    assert isinstance(copies, Copies)
    assert (copies.documents, copies.original) == ([COPY.id, COPY_2.id], COPY.id)


def test_a_copy_group_left_with_one_document_is_removed(resolved: Store) -> None:
    resolved.delete_documents([WIRE.id, COPY_2.id])
    assert resolved.corpus_records("copies") == []


def test_a_story_is_dated_and_titled_by_what_is_left(resolved: Store) -> None:
    before = _story_of(resolved, COPY.id)
    assert before.title == WIRE.title
    resolved.delete_documents([WIRE.id])
    after = _story_of(resolved, COPY.id)
    assert after.id == before.id
    assert WIRE.id not in after.documents
    assert after.first_published == "2018-02-07"
    assert after.title == "Deadly quake leaves Taiwan hotel tilting; dozens still trapped"


def test_a_story_whose_documents_are_all_deleted_is_removed(resolved: Store) -> None:
    mexico = _story_of(resolved, MEXICO.id)
    resolved.delete_documents([MEXICO.id])
    assert mexico.id not in {s.id for s in resolved.corpus_records("story")}


def test_a_claim_is_counted_again_from_its_remaining_mentions(resolved: Store) -> None:
    """The unnamed officials carried by the wire and its copies stay one source: the earliest
    copy, the group's new original, heard them first."""
    before = _toll_claim(resolved)
    assert (before.first.document, before.outlets) == (WIRE.id, 3)
    resolved.delete_documents([WIRE.id])
    after = _toll_claim(resolved)
    assert after.id == before.id
    assert [m.document for m in after.mentions] == [COPY.id, COPY_2.id]
    assert (after.first.document, after.first.published) == (COPY.id, "2018-02-07")
    assert (after.outlets, after.independent_sources) == (2, 1)


def test_relations_with_an_end_in_a_deleted_document_are_removed(resolved: Store) -> None:
    resolved.delete_documents([WIRE.id])
    assert all(WIRE.id not in (r.a.document, r.b.document) for r in _relations(resolved))


def test_a_story_counts_what_is_left_after_a_deletion(resolved: Store) -> None:
    story = _story_of(resolved, ARMY.id)
    resolved.delete_documents([WIRE.id, COPY.id, COPY_2.id])
    row = resolved.query("SELECT documents, contradictions FROM stories WHERE id = ?", [story.id])
    assert row == [{"documents": 1, "contradictions": 0}]
