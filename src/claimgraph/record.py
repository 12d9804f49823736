"""The document record: the output contract of ``claimgraph analyze --json`` as typed data.

One place defines what a record is (``../shared/design/output.md``): extractors build these
data classes, the CLI serialises them, the stores flatten them and the API returns them. Every
span carries character offsets into ``Record.text`` (Python ``str`` indices), so a reader can
always go back from a field to the words it came from.

Why plain data classes and not pydantic: they cost nothing on the hot path (an article yields
hundreds of spans) and ``to_dict`` is a handful of lines; the JSON Schema in
``claimgraph/data/record.schema.json`` is the machine-checkable form, tested against these.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal, get_args

SourceKind = Literal[
    "person", "organization", "government", "military", "media", "group", "document", "unknown"
]
AttributionType = Literal["direct", "indirect", "mixed", "according_to", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
PlaceKind = Literal["place", "demonym", "metonym"]
Polarity = Literal["positive", "negative"]
Certainty = Literal["certain", "probable", "possible"]
Tense = Literal["past", "present", "future"]

SOURCE_KINDS: tuple[str, ...] = SourceKind.__args__  # type: ignore[attr-defined]
ATTRIBUTION_TYPES: tuple[str, ...] = AttributionType.__args__  # type: ignore[attr-defined]


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def publication_day(value: object) -> str | None:
    """The contract's publication date, ``'YYYY-MM-DD'``, from a day or an ISO 8601 date-time.

    The one check of a date every way in goes through (CLI ``--published``, a JSON Lines row,
    HTML metadata, the API, ``Record`` and ``Document`` themselves), so a value the store,
    the timeline or the time tagger could not read never gets in. ``None`` or ``""`` is "no
    date"; anything else must be a real calendar day (years 0001-9999, as ``datetime.date``),
    optionally followed by an ISO time: ``2024-08-13``, ``2024-08-13T09:30:00Z``. Raises
    ``ValueError`` (saying what was given) for ``"not a date"``, ``99999``, ``2024-13-45``,
    ``0000-01-01``; a caller that reads a guess (HTML metadata) catches it and keeps no date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        if _DAY.fullmatch(text[:10]):
            try:
                day = date.fromisoformat(text[:10])
                if len(text) > 10:
                    datetime.fromisoformat(text)  # the rest must be an ISO time
                return day.isoformat()
            except ValueError:
                pass
    raise ValueError(f"published must be a calendar day YYYY-MM-DD, got {value!r}")


def check_number(name: str, value: object) -> None:
    """A contract number is JSON's: an int or a finite float (JSON has no NaN or infinity), or
    None. Raises ``ValueError`` naming the field otherwise."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return
    if isinstance(value, float) and math.isfinite(value):
        return
    raise ValueError(f"{name} must be a JSON number (an int or a finite float), got {value!r}")


#: the types most values of a record are, returned as they are without further questions
_SCALARS = frozenset({str, int, float, bool, type(None)})
#: data class -> its fields' names in order, read once per class (``fields`` builds a tuple of
#: ``Field`` objects on every call: most of the cost of serialising a record)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _as_dict(obj: Any) -> Any:
    """Serialise data classes, lists and scalars into JSON-ready values (field order kept)."""
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    if isinstance(obj, list | tuple):
        return [_as_dict(x) for x in obj]
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not hasattr(obj, "__dataclass_fields__"):
            return obj
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(obj))
    out = {}
    for name in names:
        value = getattr(obj, name)
        out[name] = value if type(value) in _SCALARS else _as_dict(value)
    return out


@dataclass(slots=True)
class Span:
    """A stretch of the record's text: ``text == record.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


@dataclass(slots=True)
class Entity(Span):
    """A named entity. ``country`` (ISO 3166-1 alpha-2) is set for ministries, armed forces,
    capitals and countries; ``metonym`` marks a place or building standing for its government
    ("the Kremlin said", "Moscow warned")."""

    label: str = ""
    canonical: str | None = None
    country: str | None = None
    metonym: bool = False


@dataclass(slots=True)
class Source(Span):
    """Who a claim is attributed to ("an unnamed Western official", "Bloomberg")."""

    canonical: str | None = None
    kind: SourceKind = "unknown"
    anonymous: bool = False
    descriptor: str | None = None
    #: whom the source speaks for or belongs to, as the text says it: the body it names, else
    #: the state ("a Pentagon spokesperson" -> "United States Department of Defense", "China's
    #: ambassador to Britain" -> "China"); one per entity in a document ("Esper", "he" take
    #: "U.S. Defense Secretary Mark Esper"'s "United States"); None when the text gives none
    affiliation: str | None = None


@dataclass(slots=True)
class Attribution:
    """A claim tied to its source, cue and content, with intermediaries and hedges."""

    id: str
    type: AttributionType
    source: Source | None
    cue: Span | None
    content: Span
    via: list[Source] = field(default_factory=list)
    hedges: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


@dataclass(slots=True)
class Quantity(Span):
    """A number in the text. ``value``/``low``/``high`` keep their JSON type and every digit
    (a tweet id 672138506081275904 stays that int; the stores keep it exactly)."""

    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    attribution: str | None = None

    def __post_init__(self) -> None:
        for name in ("value", "low", "high"):
            check_number(f"quantity {name}", getattr(self, name))


@dataclass(slots=True)
class Time(Span):
    type: TimeType = "DATE"
    value: str | None = None


@dataclass(slots=True)
class Place(Span):
    name: str = ""
    kind: PlaceKind = "place"
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None

    def __post_init__(self) -> None:
        check_number("place lat", self.lat)
        check_number("place lon", self.lon)


@dataclass(slots=True)
class Actor(Span):
    canonical: str | None = None
    country: str | None = None
    sector: str | None = None


#: the values each factuality field of an event may take (the contract's, in EVENT)
FACTUALITY: dict[str, tuple[str, ...]] = {
    "polarity": get_args(Polarity), "certainty": get_args(Certainty), "tense": get_args(Tense),
}


@dataclass(slots=True)
class Event:
    """Something that happened or holds, as the text reports it (``output.md``: EVENT).

    ``type`` is its PLOVER category (ASSAULT, AGREE, ...) or None for an event PLOVER has no
    category for (an earthquake, a merger, a product launch): every reported event is kept,
    and what speaks PLOVER (timeline, ACLED/GDELT-like export) reads the coded ones.
    ``mentions`` are the other spans of the text that report the same event ("the attack",
    "the operation"); ``quantities`` index ``Record.quantities`` for the numbers that count it
    ("killing at least five people"); ``fatalities`` is the dead they count, as ACLED's field
    (the lowest figure reported), or None when no number of dead is tied to it.
    """

    id: str
    type: str | None
    trigger: Span
    actor: Actor | None = None
    target: Actor | None = None
    place: int | None = None
    time: int | None = None
    attribution: str | None = None
    #: whether it happened, by the text's account ("no one was killed": negative; "may attack":
    #: possible; "will deploy": future), see ``extract/events/factuality.py``
    polarity: Polarity = "positive"
    certainty: Certainty = "certain"
    tense: Tense = "present"
    mentions: list[Span] = field(default_factory=list)
    quantities: list[int] = field(default_factory=list)
    fatalities: int | None = None

    def __post_init__(self) -> None:
        for name, allowed in FACTUALITY.items():
            if getattr(self, name) not in allowed:
                raise ValueError(f"event {name} must be one of {', '.join(allowed)}: {getattr(self, name)!r}")
        dead = self.fatalities
        if dead is not None and not (isinstance(dead, int) and not isinstance(dead, bool)
                                     and 0 <= dead < 2**63):
            raise ValueError(f"event fatalities must be a whole number of people or null: {dead!r}")

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]


@dataclass(slots=True)
class Record:
    """Everything claimgraph knows about one document."""

    id: str
    source: str
    published: str | None
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    #: ``published`` was read from the article's text ("the 2016 general"), not its metadata
    published_guessed: bool = False
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A record holds a day or nothing: a datetime is cut to its day, a bad date refused.
        self.published = publication_day(self.published)

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Rebuild a record from its JSON form (what the stores and the API read back)."""

        def src(d: dict[str, Any] | None) -> Source | None:
            return Source(**d) if d else None

        def span(d: dict[str, Any] | None) -> Span | None:
            return Span(**d) if d else None

        def actor(d: dict[str, Any] | None) -> Actor | None:
            return Actor(**d) if d else None

        return cls(
            id=data["id"],
            source=data["source"],
            published=data.get("published"),
            text=data["text"],
            title=data.get("title"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published_guessed=bool(data.get("published_guessed", False)),
            entities=[Entity(**e) for e in data.get("entities", [])],
            attributions=[
                Attribution(
                    id=a["id"],
                    type=a["type"],
                    source=src(a.get("source")),
                    cue=span(a.get("cue")),
                    content=Span(**a["content"]),
                    via=[Source(**v) for v in a.get("via", [])],
                    hedges=[Span(**h) for h in a.get("hedges", [])],
                )
                for a in data.get("attributions", [])
            ],
            quantities=[Quantity(**q) for q in data.get("quantities", [])],
            times=[Time(**t) for t in data.get("times", [])],
            places=[Place(**p) for p in data.get("places", [])],
            events=[
                Event(
                    id=e["id"],
                    type=e.get("type"),
                    trigger=Span(**e["trigger"]),
                    actor=actor(e.get("actor")),
                    target=actor(e.get("target")),
                    place=e.get("place"),
                    time=e.get("time"),
                    attribution=e.get("attribution"),
                    polarity=e.get("polarity", "positive"),
                    certainty=e.get("certainty", "certain"),
                    tense=e.get("tense", "present"),
                    mentions=[Span(**m) for m in e.get("mentions", [])],
                    quantities=list(e.get("quantities", [])),
                    fatalities=e.get("fatalities"),
                )
                for e in data.get("events", [])
            ],
        )


def span_of(text: str, start: int, end: int) -> Span:
    """Build a ``Span`` whose ``text`` is exactly ``text[start:end]``."""
    return Span(start, end, text[start:end])
