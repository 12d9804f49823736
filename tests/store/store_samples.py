"""Hand-built records for the store and query tests: three short news reports.

Built with ``span_of`` so every span's text is the record text at its offsets, as the
extractors produce them; nothing here is copied from program output.
"""

from __future__ import annotations

from typing import Any

from claimgraph.record import (
    Actor,
    Attribution,
    Entity,
    Event,
    Place,
    Quantity,
    Record,
    Source,
    Time,
    span_of,
)


def _at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _source(text: str, words: str, **kw: object) -> Source:
    s, e = _at(text, words)
    return Source(s, e, words, **kw)  # type: ignore[arg-type]


def kursk() -> Record:
    text = (
        "Ukrainian troops have advanced 10 kilometres into the Kursk region, an unnamed Western "
        "official told Bloomberg. The Russian Defence Ministry said on Tuesday that its forces "
        "had repelled the attack near Sudzha."
    )
    official = _source(text, "an unnamed Western official", kind="government", anonymous=True,
                       descriptor="Western")
    bloomberg = _source(text, "Bloomberg", canonical="Bloomberg", kind="media")
    ministry = _source(text, "The Russian Defence Ministry", canonical="Russian Defence Ministry",
                       kind="military", affiliation="Russia")
    a1 = Attribution(
        id="attribution-k1", type="indirect", source=official, cue=span_of(text, *_at(text, "told")),
        content=span_of(text, *_at(text, "Ukrainian troops have advanced 10 kilometres into the Kursk region")),
        via=[bloomberg],
    )
    a2 = Attribution(
        id="attribution-k2", type="indirect", source=ministry, cue=span_of(text, *_at(text, "said")),
        content=span_of(text, *_at(text, "its forces had repelled the attack near Sudzha")),
        hedges=[],
    )
    kursk_place = Place(*_at(text, "Kursk"), "Kursk", name="Kursk", country="RU", admin1="RU-KRS",
                        geonames_id=538560, lat=51.73, lon=36.19)
    sudzha = Place(*_at(text, "Sudzha"), "Sudzha", name="Sudzha", country="RU", admin1="RU-KRS",
                   geonames_id=485660, lat=51.19, lon=35.27)
    tuesday = Time(*_at(text, "Tuesday"), "Tuesday", type="DATE", value="2024-08-06")
    return Record(
        id="doc-kursk", source="kursk.txt", published="2024-08-07", text=text,
        title="Kursk incursion", outlet="Daily Ledger", url="https://ledger.example/kursk",
        entities=[Entity(*_at(text, "Bloomberg"), "Bloomberg", label="ORG", canonical="Bloomberg")],
        attributions=[a1, a2],
        quantities=[Quantity(*_at(text, "10 kilometres"), "10 kilometres", value=10,
                             unit="kilometres", attribution="attribution-k1")],
        times=[tuesday],
        places=[kursk_place, sudzha],
        events=[
            Event(id="event-k1", type="ASSAULT", trigger=span_of(text, *_at(text, "attack")),
                  actor=Actor(*_at(text, "Ukrainian troops"), "Ukrainian troops",
                              canonical="Ukrainian Armed Forces", country="UKR", sector="MIL"),
                  target=None, place=1, time=0, attribution="attribution-k2"),
        ],
    )


def gaza() -> Record:
    text = (
        "Aid trucks reportedly reached Rafah, officials said, but the World Health Organization "
        "said the situation in Gaza remained catastrophic, according to Reuters."
    )
    officials = _source(text, "officials", kind="government", anonymous=True)
    who = _source(text, "the World Health Organization", canonical="World Health Organization",
                  kind="organization")
    reuters = _source(text, "Reuters", canonical="Reuters", kind="media")
    return Record(
        id="doc-gaza", source="gaza.html", published="2024-03-05", text=text,
        title="Aid reaches Rafah", outlet="Harbor Times", url=None,
        attributions=[
            Attribution(id="attribution-g1", type="indirect", source=officials,
                        cue=span_of(text, *_at(text, "said")),
                        content=span_of(text, *_at(text, "Aid trucks reportedly reached Rafah")),
                        hedges=[span_of(text, *_at(text, "reportedly"))]),
            Attribution(id="attribution-g2", type="indirect", source=who,
                        cue=span_of(text, *_at(text, "said", 1)),
                        content=span_of(text, *_at(text, "the situation in Gaza remained catastrophic")),
                        via=[reuters]),
        ],
        places=[Place(*_at(text, "Rafah"), "Rafah", name="Rafah", country="PS", lat=31.29, lon=34.25),
                Place(*_at(text, "Gaza"), "Gaza", name="Gaza", country="PS", lat=31.5, lon=34.47)],
        events=[Event(id="event-g1", type="AID", trigger=span_of(text, *_at(text, "reached")),
                      place=0, attribution="attribution-g1")],
    )


def brussels() -> Record:
    text = (
        "EU foreign ministers will meet in Brussels next week, diplomats said. "
        "The Russian Defence Ministry said the talks were pointless."
    )
    diplomats = _source(text, "diplomats", kind="government", anonymous=True)
    ministry = _source(text, "The Russian Defence Ministry", canonical="Russian Defence Ministry",
                       kind="military")
    return Record(
        id="doc-brussels", source="wire.jsonl:3", published="2024-09-17", text=text,
        title=None, outlet="Continental Wire", url="https://wire.example/eu",
        attributions=[
            Attribution(id="attribution-b1", type="indirect", source=diplomats,
                        cue=span_of(text, *_at(text, "said")),
                        content=span_of(text, *_at(text, "EU foreign ministers will meet in Brussels next week"))),
            Attribution(id="attribution-b2", type="indirect", source=ministry,
                        cue=span_of(text, *_at(text, "said", 1)),
                        content=span_of(text, *_at(text, "the talks were pointless"))),
        ],
        places=[Place(*_at(text, "Brussels"), "Brussels", name="Brussels", country="BE",
                      lat=50.85, lon=4.35)],
        times=[Time(*_at(text, "next week"), "next week", type="DATE", value="2024-W39")],
        events=[Event(id="event-b1", type="CONSULT", trigger=span_of(text, *_at(text, "meet")),
                      actor=Actor(*_at(text, "EU foreign ministers"), "EU foreign ministers",
                                  canonical="European Union", country="EUR", sector="GOV"),
                      place=0, time=0, attribution="attribution-b1")],
    )


def corpus() -> list[Record]:
    return [kursk(), gaza(), brussels()]


def old_event_store(db_url: str, migrations: tuple[Any, ...], monkeypatch: Any) -> None:
    """A database at ``migrations`` (an older schema) holding what that version wrote: one
    document, "Troops attacked.", with one ASSAULT event row and only the columns it had."""
    from claimgraph.store import base, open_store

    with monkeypatch.context() as m:
        m.setattr(base, "MIGRATIONS", migrations)
        with open_store(db_url) as old:
            old._execute(
                "INSERT INTO documents (id, source, published, title, outlet, url, text,"
                " ingested_at) VALUES ('old', 'old.txt', '2024-08-13', NULL, NULL, NULL,"
                " 'Troops attacked.', '2024-08-14 10:00:00')"
            )
            old._execute(
                "INSERT INTO events (document_id, idx, id, type, trigger_start, trigger_end,"
                " trigger_text, place_idx, time_idx, attribution, date)"
                " VALUES ('old', 0, 'e', 'ASSAULT', 7, 15, 'attacked', NULL, NULL, NULL, NULL)"
            )
