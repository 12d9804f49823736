"""The compact view (default of `analyze` and `show`) and the full view behind --full."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.record import (
    Attribution,
    Entity,
    Event,
    Place,
    Quantity,
    Record,
    Source,
    Span,
    Time,
)
from claimgraph.render.summary import (
    claims_by_source,
    event_line,
    place_counts,
    render_summary,
    shorten,
)
from claimgraph.render.terminal import render_record
from claimgraph.store import open_store

TEXT = (
    "Kyiv said on Monday that 40 drones were shot down over Kyiv. An unnamed official told "
    "Bloomberg the attack on Kyiv was probably the largest. Kyiv said repairs would take weeks."
)


def at(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span(start, start + len(words), words)


def source(words: str, nth: int = 0, **kw: object) -> Source:
    s = at(words, nth)
    return Source(s.start, s.end, s.text, **kw)  # type: ignore[arg-type]


def place(nth: int) -> Place:
    s = at("Kyiv", nth)
    return Place(s.start, s.end, s.text, name="Kyiv", country="UA", lat=50.45, lon=30.52)


def record() -> Record:
    monday, forty = at("Monday"), at("40 drones")
    return Record(
        id="kyiv-drones", source="kyiv.txt", published="2024-08-13", text=TEXT, title="Drones",
        attributions=[
            Attribution("a1", "indirect", source("Kyiv", 0, canonical="Government of Ukraine",
                                                 kind="government"),
                        at("said"), at("40 drones were shot down over Kyiv")),
            Attribution("a2", "indirect", source("An unnamed official", kind="government",
                                                 anonymous=True, descriptor="unnamed"),
                        at("told"), at("the attack on Kyiv was probably the largest"),
                        via=[source("Bloomberg", kind="organization")], hedges=[at("probably")]),
            Attribution("a3", "indirect", source("Kyiv", 3, canonical="Government of Ukraine",
                                                 kind="government"),
                        at("said", 1), at("repairs would take weeks")),
        ],
        places=[place(1), place(2)],
        times=[Time(monday.start, monday.end, monday.text, value="2024-08-12")],
        quantities=[Quantity(forty.start, forty.end, forty.text, value=40, unit="drones")],
        entities=[Entity(monday.start, monday.end, monday.text, label="DATE"),
                  Entity(forty.start, forty.start + 2, "40", label="CARDINAL"),
                  Entity(at("Bloomberg").start, at("Bloomberg").end, "Bloomberg", label="ORG")],
    )


def plain(renderable: object, width: int = 100) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_claims_are_grouped_by_source_once_each():
    groups = claims_by_source(record())
    assert [(g.name, len(g.claims)) for g in groups] == [("Government of Ukraine", 2),
                                                         ("An unnamed official", 1)]
    text = plain(render_summary(record()))
    assert text.count("Government of Ukraine") == 1
    assert "2 claims" in text


def test_a_claim_shows_its_via_chain_and_its_flags():
    text = plain(render_summary(record()))
    assert "anonymous: unnamed" in text
    assert "via Bloomberg" in text
    assert "hedged: probably" in text


def test_a_place_is_listed_once_with_its_count():
    assert place_counts(record()) == [("Kyiv", "UA", 2)]
    text = plain(render_summary(record()))
    assert "Kyiv (UA) ×2" in text


def test_dates_numbers_and_entities_are_only_counted_in_the_summary():
    text = plain(render_summary(record()))
    assert "1 numbers, 1 dates and times, 3 entities: see --full" in text
    assert "CARDINAL" not in text


def test_long_content_is_shortened_at_a_word():
    words = "the minister said " * 30
    short = shorten(words, 50)
    assert short.endswith(" …") and len(short) <= 52
    assert words.startswith(short[:-2]) and words[len(short) - 2] == " "


def words(text: str) -> list[str]:
    """The words of a rendered view, box-drawing characters left out."""
    return "".join(" " if c in "│╭╮╰╯─" else c for c in text).split()


def test_narrow_terminal_wraps_at_words_not_inside_them():
    assert words(plain(render_summary(record()), width=40)) == words(
        plain(render_summary(record()), width=200))


def test_full_view_lists_a_place_once_and_no_dates_or_numbers_among_entities():
    text = plain(render_record(record()), width=140)
    assert text.count("50.450, 30.520") == 1
    assert "Kyiv ×2" in text
    entities = text[text.index("Entities"):]
    assert "DATE" not in entities and "CARDINAL" not in entities and "Bloomberg" in entities


def test_show_is_compact_and_full_on_request(tmp_path: Path):
    db = str(tmp_path / "x.duckdb")
    with open_store(db) as store:
        store.add_records([record()])
    runner = CliRunner()
    compact = runner.invoke(app, ["show", "--db", db])
    full = runner.invoke(app, ["show", "--db", db, "--full"])
    assert compact.exit_code == 0 and full.exit_code == 0
    assert "Who says so" in compact.stdout and "Entities" not in compact.stdout
    assert "Entities" in full.stdout and "Dates and times" in full.stdout


def test_an_event_line_says_when_the_event_did_not_happen_for_certain():
    shot = Event(id="e", type="ASSAULT", trigger=at("shot down"), polarity="negative",
                 certainty="possible", tense="future")
    assert event_line(record(), shot) == 'ASSAULT · [negative · possible · future] ("shot down")'
    plain = Event(id="e", type="ASSAULT", trigger=at("shot down"), tense="past")
    assert event_line(record(), plain) == 'ASSAULT ("shot down")'


def test_an_uncoded_event_is_shown_as_an_event():
    quake = Event(id="e", type=None, trigger=at("shot down"), tense="past")
    assert event_line(record(), quake) == 'event ("shot down")'
