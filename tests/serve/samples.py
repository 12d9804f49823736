"""Hand-written records for the API, UI and browser tests (no NLP: the offsets are found in
the text, so every span's ``text == record.text[start:end]`` by construction)."""

from __future__ import annotations

from claimgraph.ids import item_id, text_hash
from claimgraph.record import Actor, Attribution, Event, Place, Quantity, Record, Source, Span, Time

KYIV_TEXT = (
    "Russian forces struck Kharkiv on Monday, the Ukrainian Defence Ministry said.\n\n"
    "An unnamed Western official told Bloomberg that Moscow had reportedly moved up to "
    "3,000 troops towards Kursk.\n\n"
    "\"We will respond,\" President Volodymyr Zelensky said in Kyiv."
)

SCRIPT_TEXT = (
    "Hackers posted <script>window.__pwned = 1</script> on the site, police said.\n"
    "The <img src=x onerror=\"window.__pwned = 2\"> tag was removed on Tuesday, officials said."
)

CEASEFIRE_TEXT = (
    "Israel and Hamas agreed to a ceasefire in Gaza on Wednesday, according to Egyptian "
    "mediators.\n\nThe Ukrainian Defence Ministry said 40 drones were shot down overnight."
)


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def _source(text: str, words: str, **kw: object) -> Source:
    s = span(text, words)
    return Source(s.start, s.end, s.text, **kw)  # type: ignore[arg-type]


def _attr(key: str, text: str, type_: str, source: Source | None, cue: str | None, content: str,
          via: list[Source] | None = None, hedges: list[str] = ()) -> Attribution:  # type: ignore[assignment]
    c = span(text, content)
    return Attribution(
        id=item_id(key, "attr", c.start, c.end), type=type_, source=source,  # type: ignore[arg-type]
        cue=span(text, cue) if cue else None, content=c, via=via or [],
        hedges=[span(text, h) for h in hedges],
    )


def _place(text: str, words: str, name: str, country: str, lat: float, lon: float) -> Place:
    s = span(text, words)
    return Place(s.start, s.end, s.text, name=name, kind="place", country=country, lat=lat, lon=lon)


def _time(text: str, words: str, value: str) -> Time:
    s = span(text, words)
    return Time(s.start, s.end, s.text, type="DATE", value=value)


def kyiv_record() -> Record:
    t, key = KYIV_TEXT, text_hash(KYIV_TEXT)
    ministry = _source(t, "the Ukrainian Defence Ministry", canonical="Ukrainian Defence Ministry",
                       kind="military")
    official = _source(t, "An unnamed Western official", kind="government", anonymous=True,
                       descriptor="Western")
    zelensky = _source(t, "President Volodymyr Zelensky", canonical="Volodymyr Zelensky",
                       kind="person")
    attrs = [
        _attr(key, t, "indirect", ministry, "said", "Russian forces struck Kharkiv on Monday"),
        _attr(key, t, "indirect", official, "told",
              "Moscow had reportedly moved up to 3,000 troops towards Kursk",
              via=[_source(t, "Bloomberg", canonical="Bloomberg", kind="media")],
              hedges=["reportedly", "up to"]),
        _attr(key, t, "direct", zelensky, "said", "We will respond"),
    ]
    places = [_place(t, "Kharkiv", "Kharkiv", "UA", 49.99, 36.23),
              _place(t, "Kursk", "Kursk", "RU", 51.73, 36.19),
              _place(t, "Kyiv", "Kyiv", "UA", 50.45, 30.52)]
    times = [_time(t, "Monday", "2024-08-05")]
    strike = span(t, "struck")
    actor = span(t, "Russian forces")
    events = [Event(id=item_id(key, "event", strike.start, strike.end), type="ASSAULT",
                    trigger=strike, actor=Actor(actor.start, actor.end, actor.text,
                                                canonical="Russian Armed Forces", country="RUS",
                                                sector="MIL"),
                    place=0, time=0, attribution=attrs[0].id)]
    q = span(t, "up to 3,000 troops")
    quantities = [Quantity(q.start, q.end, q.text, value=None, low=None, high=3000,
                           unit="troops", attribution=attrs[1].id)]
    return Record(id=key, source="samples/kyiv.txt", published="2024-08-06", text=t,
                  title="Russian forces strike Kharkiv", outlet="Example Wire",
                  url="https://example.org/kharkiv", attributions=attrs, places=places,
                  times=times, events=events, quantities=quantities)


def ceasefire_record() -> Record:
    t, key = CEASEFIRE_TEXT, text_hash(CEASEFIRE_TEXT)
    ministry = _source(t, "The Ukrainian Defence Ministry", canonical="Ukrainian Defence Ministry",
                       kind="military")
    mediators = _source(t, "Egyptian mediators", kind="government", anonymous=True,
                        descriptor="Egyptian")
    attrs = [
        _attr(key, t, "according_to", mediators, "according to",
              "Israel and Hamas agreed to a ceasefire in Gaza on Wednesday"),
        _attr(key, t, "indirect", ministry, "said", "40 drones were shot down overnight"),
    ]
    agreed = span(t, "agreed")
    events = [Event(id=item_id(key, "event", agreed.start, agreed.end), type="AGREE",
                    trigger=agreed, place=0, time=0, attribution=attrs[0].id)]
    return Record(id=key, source="samples/ceasefire.txt", published="2024-08-08", text=t,
                  title="Ceasefire agreed in Gaza", outlet="Other Times",
                  attributions=attrs, places=[_place(t, "Gaza", "Gaza", "PS", 31.5, 34.47)],
                  times=[_time(t, "Wednesday", "2024-08-07")], events=events)


def script_record() -> Record:
    """An article whose text and title carry markup: the UI must show it, never run it."""
    t, key = SCRIPT_TEXT, text_hash(SCRIPT_TEXT)
    police = _source(t, "police", kind="government")
    officials = _source(t, "officials", kind="government", anonymous=True)
    attrs = [
        _attr(key, t, "indirect", police, "said",
              "Hackers posted <script>window.__pwned = 1</script> on the site"),
        _attr(key, t, "indirect", officials, "said",
              "The <img src=x onerror=\"window.__pwned = 2\"> tag was removed on Tuesday"),
    ]
    return Record(id=key, source="samples/script.txt", published="2024-08-07", text=t,
                  title="<script>window.__pwned = 3</script>Site defaced", outlet="<b>Wire</b>",
                  url="javascript:alert(1)", attributions=attrs,
                  times=[_time(t, "Tuesday", "2024-08-06")])


def sample_records() -> list[Record]:
    return [kyiv_record(), ceasefire_record(), script_record()]
