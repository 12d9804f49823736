"""Five short reports analysed by the real pipeline, then resolved: a wire story, its copy on a
partner site, an agency citing the wire's anonymous source, a paper repeating the ministry's
toll, and an unrelated earthquake (``tests/resolve/data/market_strike.jsonl``, written for
these tests). Copies and stories are given here as the copies and stories stages would find them.
"""

from pathlib import Path

import pytest

from claimgraph.analyze import analyze_documents
from claimgraph.ingest.readers import read_path
from claimgraph.record import Record
from claimgraph.resolve.claims import find_claims
from claimgraph.resolve.copies import find_copies
from claimgraph.resolve.corpus import Copies, Story
from claimgraph.resolve.relations import find_relations
from claimgraph.resolve.stories import find_stories

DATA = Path(__file__).parent / "data" / "market_strike.jsonl"
COPIES = [Copies("copies:1", ["ap-strike", "yahoo-strike"], "ap-strike")]
STORIES = [
    Story("story:strike", ["ap-strike", "yahoo-strike", "reuters-strike", "guardian-strike"], "Market strike"),
    Story("story:quake", ["quake"], "Earthquake in Turkey"),
]


@pytest.fixture(scope="module")
def records(nlp) -> list[Record]:
    out = [r for r in analyze_documents(read_path(DATA), nlp) if isinstance(r, Record)]
    assert len(out) == 5
    return out


@pytest.fixture(scope="module")
def claims(records):
    return find_claims(records, COPIES, STORIES)


def _claim_about(claims, words):
    [claim] = [c for c in claims if words in c.content]
    return claim


def test_the_wire_sources_claim_carried_by_three_outlets_has_one_independent_source(claims):
    claim = _claim_about(claims, "Belgorod")
    assert {m.document for m in claim.mentions} == {"ap-strike", "yahoo-strike", "reuters-strike"}
    assert claim.independent_sources == 1
    assert claim.outlets == 3


def test_the_ministrys_toll_is_one_claim_first_reported_by_the_wire(claims):
    claim = _claim_about(claims, "40 people")
    assert {m.document for m in claim.mentions} == {"ap-strike", "yahoo-strike", "guardian-strike"}
    assert claim.first.document == "ap-strike"
    assert claim.story == "story:strike"


def test_the_ministry_and_the_army_disagree_on_the_toll(records, claims):
    contradictions = [r for r in find_relations(records, claims, COPIES, STORIES) if r.type == "contradicts"]
    assert [(r.a.document, r.b.document) for r in contradictions] == [("ap-strike", "reuters-strike")]
    assert "40" in contradictions[0].reason and "12" in contradictions[0].reason


def test_the_earthquake_claims_stay_in_their_own_story(claims):
    assert {c.story for c in claims if "earthquake" in c.content or "deaths" in c.content} == {"story:quake"}


def test_claimgraph_resolve_streams_the_claims_and_the_contradiction(records):
    from claimgraph.resolve.resolver import resolve_records

    found = list(resolve_records(records))
    kinds = [item.kind for item in found]
    assert kinds.index("claim") > kinds.index("story")
    assert kinds[-1] == "relation"
    [toll] = [item for item in found if item.kind == "relation" and item.type == "contradicts"]
    assert (toll.a.document, toll.b.document) == ("ap-strike", "reuters-strike")


def test_the_four_reports_of_the_strike_are_one_story_whatever_their_leads_and_tolls(records):
    # Reuters leads with the missile's origin and gives the army's toll (12), the Guardian leads
    # with the mourning: neither may found a story of its own, or the tolls are never compared
    stories = find_stories(records, find_copies(records))
    assert sorted(sorted(s.documents) for s in stories) == [
        ["ap-strike", "guardian-strike", "reuters-strike", "yahoo-strike"], ["quake"]]
