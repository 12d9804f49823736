"""The places scorer: gold readers for GeoWebNews and LGL, distances, end-to-end counting."""

from __future__ import annotations

import pytest

from claimgraph import evaluate
from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.places import GoldDoc, Toponym, distance_km, load, read, score
from claimgraph.record import Place

DATA = "geoparsing-pragmatic-guide/data"


def test_distance_paris_to_london_is_about_344_km() -> None:
    assert 340 < distance_km(48.8566, 2.3522, 51.5074, -0.1278) < 350


def _doc() -> GoldDoc:
    text = "Troops left Kursk for Kyiv, Ukrainian officials said."
    return GoldDoc("t", text, [Toponym(12, 17, "Kursk", "Literal", 51.73, 36.19),
                               Toponym(22, 26, "Kyiv", "Literal", 50.45, 30.52)],
                   ignored=[Toponym(28, 37, "Ukrainian", "Demonym", None, None)])


def test_a_gold_toponym_not_found_is_an_end_to_end_miss() -> None:
    found = [Place(12, 17, "Kursk", name="Kursk", lat=51.7, lon=36.2)]
    report = score(_doc(), found)
    assert report.values["accuracy_161km"] == (1, 2)
    assert report.values["resolution_161km"] == (1, 1)
    assert (report.counts["span"].tp, report.counts["span"].fn) == (1, 1)


def test_a_place_far_from_the_gold_point_is_found_but_wrong() -> None:
    found = [Place(22, 26, "Kyiv", name="Kyiv", lat=46.48, lon=30.73)]  # Odesa's point
    report = score(_doc(), found)
    assert report.values["accuracy_161km"] == (0, 2)
    assert report.counts["overlap"].tp == 1


def test_a_place_over_an_unscored_annotation_is_neither_right_nor_wrong() -> None:
    found = [Place(28, 37, "Ukrainian", name="Ukraine", kind="demonym", lat=49.0, lon=32.0)]
    assert score(_doc(), found).counts["span"].fp == 0


@pytest.mark.parametrize(("corpus", "articles"), [("GWN.xml", 200), ("Corpora/lgl.xml", 588)])
def test_both_corpora_read_with_offsets_into_their_text(corpus: str, articles: int) -> None:
    root = evaluate.evaldata_root()
    if root is None or not (root / DATA / corpus).exists():
        pytest.skip("no geoparsing gold data on this machine")
    docs = read(root / DATA / corpus)
    assert len(docs) == articles
    toponyms = [t for d in docs for t in d.toponyms]
    assert len(toponyms) > 2000
    assert all(t.lat is not None and t.text for t in toponyms)
    aligned = sum(t.text == t.phrase for t in toponyms)
    assert aligned / len(toponyms) > 0.99  # the gold offsets index the article text as read


@pytest.mark.parametrize("corpus", ["GWN.xml", "Corpora/lgl.xml"])
def test_a_fold_holds_only_its_half_of_the_articles(corpus: str) -> None:
    root = evaluate.evaldata_root()
    if root is None or not (root / DATA / corpus).exists():
        pytest.skip("no geoparsing gold data on this machine")
    whole = load(root / DATA / corpus)
    a, b = load(root / DATA / corpus, fold="a"), load(root / DATA / corpus, fold="b")
    assert len(a) + len(b) == len(whole) and len(a) > len(whole) / 3 and len(b) > len(whole) / 3
    assert {d.name for d in a}.isdisjoint(d.name for d in b)
    with pytest.raises(ClaimgraphError):
        load(root / DATA / corpus, fold="c")
