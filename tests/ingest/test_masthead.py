"""A plain text's headline and dateline (issue 12 item 4): the headline is the record's title,
the dateline is parsed into place, date and outlet."""

from __future__ import annotations

from claimgraph.ingest.document import Document
from claimgraph.ingest.masthead import dateline_end, parse_dateline, title_of

LEAD = "KYIV, Aug 13 (Reuters) - Ukrainian forces advanced further into Russia on Tuesday."


def test_a_first_line_without_final_punctuation_over_a_blank_line_is_the_title() -> None:
    text = "Ukraine pushes deeper into Russia's Kursk Region\n\nUkrainian forces advanced."
    assert title_of(text) == "Ukraine pushes deeper into Russia's Kursk Region"


def test_a_first_line_over_a_dateline_is_the_title() -> None:
    assert title_of(f"Ukraine pushes deeper into Kursk\n{LEAD}") == "Ukraine pushes deeper into Kursk"


def test_a_first_sentence_is_not_a_title() -> None:
    assert title_of("Ukrainian forces advanced on Tuesday.\n\nRussia said it held.") is None
    assert title_of("Ukrainian forces advanced on Tuesday\nand Russia said it held.") is None
    assert title_of(f"{LEAD}\n\nRussia said it held.") is None  # a lead with a dateline
    assert title_of("Just one line without a full stop") is None


def test_a_plain_text_document_takes_its_headline_as_title_unless_metadata_gives_one() -> None:
    text = f"Ukraine pushes deeper into Kursk\n\n{LEAD}"
    assert Document(text=text, source="a.txt").title == "Ukraine pushes deeper into Kursk"
    assert Document(text=text, source="a.html", title="From the page").title == "From the page"


def test_a_wire_dateline_is_parsed_into_place_date_and_outlet() -> None:
    dateline = parse_dateline(LEAD, 0)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.outlet) == ("KYIV", "Aug 13", "Reuters")
    assert LEAD[dateline.end :].startswith("Ukrainian forces")


def test_datelines_without_date_or_agency() -> None:
    washington = parse_dateline("WASHINGTON — Sen. Bernie Sanders said.", 0)
    assert washington is not None and (washington.place, washington.date, washington.outlet) == (
        "WASHINGTON", None, None)
    kyiv = parse_dateline("KYIV, Ukraine — Ukrainian forces advanced.", 0)
    assert kyiv is not None and (kyiv.place, kyiv.date) == ("KYIV, Ukraine", None)
    moscow = parse_dateline("MOSCOW, August 13 (Continental Wire) — The Kremlin said.", 0)
    assert moscow is not None
    assert (moscow.place, moscow.date, moscow.outlet) == ("MOSCOW", "August 13", "Continental Wire")


def test_a_dateline_under_a_headline_is_found_where_it_starts() -> None:
    text = f"Ukraine pushes deeper into Kursk\n\n{LEAD}"
    start = text.index("KYIV")
    end = dateline_end(text, start)
    assert end is not None and text[end:].startswith("Ukrainian forces")


def test_a_plain_text_document_takes_its_datelines_agency_as_outlet() -> None:
    text = f"Ukraine pushes deeper into Kursk\n\n{LEAD}"
    assert Document(text=text, source="a.txt").outlet == "Reuters"
    assert Document(text="WASHINGTON — Sen. Bernie Sanders said.", source="b.txt").outlet is None


def test_capitals_opening_a_sentence_before_a_hyphen_are_no_dateline() -> None:
    assert parse_dateline("US forces at the al-Tanf base in southern Syria came under fire.", 0) is None
    assert parse_dateline("UN officials said – for the second time – that aid had stopped.", 0) is None
