"""The gazetteer's lookup table ships built: start-up folds no place names.

Folding the 600,000 names and aliases of the GeoNames rows took 3-4 s of every process's start
(longer than loading the spaCy model); the build script writes the folded keys beside the rows.
"""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from claimgraph.extract.places import gazetteer


def _shipped(name: str) -> str:
    raw = resources.files("claimgraph.data").joinpath(name).read_bytes()
    return gzip.decompress(raw).decode("utf-8")


def test_shipped_name_index_is_the_folded_rows() -> None:
    """Fails when ``fold`` or the rows changed without `build_gazetteer.py --names`."""
    rows = gazetteer.data_lines(_shipped("gazetteer.tsv.gz"))
    assert _shipped("gazetteer_names.tsv.gz") == gazetteer.name_index(rows)


def test_loading_folds_no_place_names(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real_fold = gazetteer.fold

    def counting_fold(text: str) -> str:
        nonlocal calls
        calls += 1
        return real_fold(text)

    monkeypatch.setattr(gazetteer, "fold", counting_fold)
    gazetteer.load.cache_clear()
    try:
        loaded = gazetteer.load()
    finally:
        gazetteer.load.cache_clear()
    assert len(loaded) > 200_000
    assert calls < 1_000  # the demonyms table only (a few hundred)


@pytest.mark.parametrize(("name", "expected"), [
    ("Kyïv", "Kyiv"), ("the Kyiv's", "Kyiv"), ("St. Paris", "Saint Paris"), ("Ga.", "Georgia"),
])
def test_names_are_found_by_their_folded_key(name: str, expected: str) -> None:
    assert expected in {e.name for e in gazetteer.load().candidates(name)}


def test_an_unknown_name_has_no_candidates() -> None:
    found = gazetteer.load()
    assert found.candidates("Nowhereville Xq") == []
    assert "Nowhereville Xq" not in found
    assert "Zzzzzz" not in found  # past the last key
