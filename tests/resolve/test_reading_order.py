"""What ``resolve`` says of a corpus never depends on the order its documents were read in:
resolving from the input files and from a store's rows must name every group the same."""

import random

from claimgraph.resolve.stories import find_stories
from tests.resolve.reports import QUAKE_A, QUAKE_A_OTHER, QUAKE_B, QUAKE_B_OTHER, report


def test_the_same_undated_documents_in_any_order_make_identical_stories():
    # undated, so which report founds (and names) each story is a tie only content can break
    records = [report(text, None) for text in (QUAKE_A, QUAKE_A_OTHER, QUAKE_B, QUAKE_B_OTHER)]
    expected = [s.to_dict() for s in find_stories(records)]
    for seed in range(6):
        shuffled = random.Random(seed).sample(records, len(records))
        assert [s.to_dict() for s in find_stories(shuffled)] == expected
