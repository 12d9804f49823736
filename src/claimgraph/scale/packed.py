"""Records held packed, so resolving 100,000 documents fits in one machine's memory.

An analysed record is tens of thousands of small Python objects (every entity, attribution,
event and span, each with its text): ~55-75 MB per 1,000 documents, 5.5-7.5 GB for 100,000,
held for the whole resolve because its stages read the documents more than once (copies,
stories, events, claims, relations, each in its own pass). A :class:`PackedRecord` keeps what
the stages sort and group by (id, source, date, title, outlet, url) as plain attributes and the
rest compressed, each field on its own (the text as UTF-8, each list of items as a pickle;
~6-10 times smaller together); a field is unpacked when a stage reads it, through a small cache
of the latest unpacked fields, so a stage reading one document's events three times in a row
unpacks them once, and a stage reading only the text (copies) never unpacks the items.

A packed record *is* a :class:`~claimgraph.record.Record` (a subclass: the stages and their
types are unchanged) that cannot be changed: the resolve stages only read. Unpacking costs
CPU (~0.2-0.5 ms a record, a few times per record over a resolve), which buys bounded memory:
what is held per document is its packed bytes, plus what each stage keeps of it (shingles,
story terms, wordings), never its whole record.
"""

from __future__ import annotations

import dataclasses
import pickle
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from claimgraph.record import Attribution, Entity, Event, Place, Quantity, Record, Time

#: unpacked records kept: a stage reads one document's fields in a row, and a story's
#: documents together (the events stage); more buys little
CACHE = 256
#: zlib level: 1 is ~3x faster to pack than the default for ~10% more bytes
LEVEL = 1
_HEAVY = ("text", "entities", "attributions", "quantities", "times", "places", "events")
#: every field of a record, in its constructor's order, and the light ones held as they are:
#: read from :class:`Record` itself, so a field added there is never dropped here
_FIELDS = tuple(f.name for f in dataclasses.fields(Record))
_LIGHT = tuple(name for name in _FIELDS if name not in _HEAVY)


@lru_cache(maxsize=CACHE)
def _text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


@lru_cache(maxsize=CACHE * (len(_HEAVY) - 1))
def _items(blob: bytes) -> Any:
    """One field's items (cached by its bytes, whose hash Python keeps)."""
    return pickle.loads(zlib.decompress(blob))  # noqa: S301 - our own bytes


def _heavy(index: int) -> property:
    load = _text if index == 0 else _items

    def read(self: PackedRecord) -> Any:
        return load(self._blobs[index])

    def refuse(self: PackedRecord, value: Any) -> None:
        raise AttributeError(f"a packed record is read-only ({_HEAVY[index]})")

    return property(read, refuse, doc=f"{_HEAVY[index]}, unpacked when read")


def _packed(name: str, value: Any) -> bytes:
    raw = value.encode("utf-8") if name == "text" else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return zlib.compress(raw, LEVEL)


class PackedRecord(Record):
    """A record whose text and items are held compressed (see the module docstring)."""

    __slots__ = ("_blobs",)

    text: str = _heavy(0)  # type: ignore[assignment]
    entities: list[Entity] = _heavy(1)  # type: ignore[assignment]
    attributions: list[Attribution] = _heavy(2)  # type: ignore[assignment]
    quantities: list[Quantity] = _heavy(3)  # type: ignore[assignment]
    times: list[Time] = _heavy(4)  # type: ignore[assignment]
    places: list[Place] = _heavy(5)  # type: ignore[assignment]
    events: list[Event] = _heavy(6)  # type: ignore[assignment]

    def __init__(self, record: Record) -> None:  # noqa: D107 - the record to pack
        # Record's own fields are slots; the light ones are set through its descriptors
        for name in _LIGHT:
            setattr(self, name, getattr(record, name))
        self._blobs = tuple(_packed(name, getattr(record, name)) for name in _HEAVY)

    def __reduce__(self) -> tuple[Any, ...]:
        # pickles (Dask's workers) as the plain record it stands for
        return (Record, tuple(getattr(self, f) for f in _FIELDS))

    @property
    def packed_bytes(self) -> int:
        return sum(len(b) for b in self._blobs)

    def unpacked(self) -> Record:
        """The plain record, its items fresh objects (not the cache's)."""
        fresh = {"text": zlib.decompress(self._blobs[0]).decode("utf-8")}
        fresh.update((name, pickle.loads(zlib.decompress(blob)))  # noqa: S301 - our own bytes
                     for name, blob in zip(_HEAVY[1:], self._blobs[1:], strict=True))
        return Record(**{name: fresh.get(name, getattr(self, name)) for name in _FIELDS})


def pack(records: Iterable[Record]) -> Iterator[Record]:
    """Each record packed as it streams past (a generator: nothing but the packed ones is held)."""
    for record in records:
        yield record if isinstance(record, PackedRecord) else PackedRecord(record)
