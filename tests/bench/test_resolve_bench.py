"""The resolve benchmark: a synthetic corpus of the size asked, and the slope of its cost."""

from claimgraph.bench.resolve import Scaling, synthetic_corpus

ARTICLES = ["\n\n".join(f"Paragraph {i} of article {a}: " + "words that make it long enough " * 4
                        for i in range(8)) for a in range(5)]


def test_the_synthetic_corpus_has_the_size_asked_with_distinct_ids_and_dates():
    corpus = synthetic_corpus(ARTICLES, 60)
    assert len(corpus) == 60 == len({r.id for r in corpus})
    assert all(r.published and r.text for r in corpus)


def test_the_slope_is_one_when_cost_grows_linearly_and_two_when_quadratically():
    assert round(Scaling([1000, 10000], [1.0, 10.0]).slope, 6) == 1.0
    assert round(Scaling([1000, 10000], [1.0, 100.0]).slope, 6) == 2.0
