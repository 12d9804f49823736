"""The orchestrator: copies, then stories, then each plugged-in stage, which sees what came before."""

from claimgraph.resolve.corpus import Copies, Relation, RelationEnd, Story
from claimgraph.resolve.resolver import Corpus, resolve_records
from tests.resolve.reports import QUAKE_A, QUAKE_A_COPY, QUAKE_B, report

ORIGINAL = report(QUAKE_A, "2018-02-06", "Quake kills nine in Taiwan")
COPY = report(QUAKE_A_COPY, "2018-02-07")
OTHER = report(QUAKE_B, "2018-02-06")


def test_copies_come_first_then_stories():
    kinds = [item.kind for item in resolve_records([COPY, OTHER, ORIGINAL], stages=[])]
    assert kinds == ["copies", "story", "story"]


def test_a_stage_reads_the_copies_stories_and_earlier_findings():
    seen = {}

    def stage(corpus: Corpus):
        seen["original"] = corpus.original_of(COPY.id)
        seen["same story"] = corpus.story_of(COPY.id) == corpus.story_of(ORIGINAL.id)
        seen["found"] = [type(item) for item in corpus.found]
        yield Relation("supports", RelationEnd(ORIGINAL.id), RelationEnd(COPY.id), "same report")

    def later(corpus: Corpus):
        seen["later sees"] = corpus.found[-1].kind
        return []

    out = list(resolve_records([COPY, OTHER, ORIGINAL], stages=[stage, later]))
    assert out[-1].kind == "relation"
    assert seen == {"original": ORIGINAL.id, "same story": True,
                    "found": [Copies, Story, Story], "later sees": "relation"}


def test_a_document_read_twice_counts_once():
    [story] = resolve_records([OTHER, OTHER], stages=[])
    assert story.documents == [OTHER.id]
