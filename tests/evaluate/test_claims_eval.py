"""The synthetic claim corpus of ``eval claims`` and its pairwise scorer."""

import random

from claimgraph.evaluate.claims import _pairs
from claimgraph.evaluate.rewording import GoldClaim, build, negate, renumber, reword
from claimgraph.resolve.wording import wording


def test_pairs_count_mentions_put_together_against_the_gold():
    label = {"a": "x", "b": "x", "c": "y", "d": "x"}
    counts = _pairs([["a", "b", "c"], ["d"]], label)
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 2)


def test_a_rewording_keeps_the_figures_and_the_polarity():
    rng = random.Random(3)
    original = wording("The army said 40 people were not evacuated from the town")
    for _ in range(20):
        again = wording(reword(original.text, rng))
        assert (again.numbers, again.negated) == (original.numbers, original.negated)


def test_a_hard_negative_flips_polarity_or_changes_the_figure():
    assert wording(negate("the plant will close")).negated
    assert not wording(negate("the plant will not close")).negated
    assert wording(renumber("40 people were killed")).numbers == {"83"}


def test_the_corpus_is_the_same_on_every_run():
    originals = [("nyt_2016-01-02_x", "nyt", "2016-01-02",
                  [GoldClaim("Mr. Smith", "the budget will pass next week"),
                   GoldClaim("officials", "the talks had stalled over 12 issues")])]
    one, two = build(originals), build(originals)
    assert [r.text for r in one.records] == [r.text for r in two.records]
    assert one.label == two.label
