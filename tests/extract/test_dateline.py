"""The wire dateline: where a story was filed, never part of what anyone said."""

from __future__ import annotations

from claimgraph.extract.dateline import dateline_end


def test_agency_dateline_ends_after_its_dash() -> None:
    text = "BRUSSELS (Continental Wire) - European Union ministers agreed."
    end = dateline_end(text, 0)
    assert end is not None and text[end:].startswith("European Union")


def test_city_and_country_dateline_with_an_em_dash() -> None:
    text = "KYIV, Ukraine — Ukrainian forces advanced."
    end = dateline_end(text, 0)
    assert end is not None and text[end:].startswith("Ukrainian forces")


def test_an_ordinary_sentence_has_no_dateline() -> None:
    assert dateline_end("European Union ministers agreed - at last - on sanctions.", 0) is None
    assert dateline_end("The UN said the convoy - 31 trucks - arrived.", 0) is None
