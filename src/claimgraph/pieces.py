"""Long texts analysed in pieces, so one document's memory stays bounded and its time linear.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters, error E088) and, below that,
a parse holds every token, vector and extractor index of the whole text at once: a
972k-character text took 3.45 GB and 262 s. The readers accept up to 5 MB. So a text longer
than :data:`PIECE_CHARS` is cut into pieces, each analysed as a document of its own, and the
pieces' records are joined into one record of the whole text:

- cuts fall at paragraph breaks, else at line breaks, else after a sentence's end, else at a
  space (only a text with none is cut mid-word), and never in the first half of a piece, so a
  quote or a sentence is not split unless a paragraph is longer than half a piece;
- every span is moved by its piece's start, so offsets index the whole text;
- attribution and event ids are made again from the whole text's hash and the moved offsets
  (:func:`claimgraph.ids.item_id`, as the extractors make them), so they are unique across
  pieces and equal to what an unsplit analysis gives; links between items (a quantity's or an
  event's attribution id, an event's place, time and quantity indexes) follow;
- a person named by surname alone takes the full name of an earlier mention in any earlier
  piece, as :func:`claimgraph.nlp.entities.canonical_entities` does within one parse.

Title, outlet, url, source and publication date are the document's and are passed to every
piece. Things an extractor reads from "the story so far" (the first country named, for an
actor with none; the town a local story names most, for unknown streets; which events are one
event) are read per piece: beyond 100,000 characters a text is a collection rather than one
story.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any

from claimgraph.errors import DocumentError
from claimgraph.ids import item_id, text_hash
from claimgraph.ingest.document import Document
from claimgraph.nlp.names import person_name
from claimgraph.record import Entity, Record, Span

#: longer texts are analysed in pieces of at most this many characters: far below spaCy's
#: 1,000,000 and long enough that no news article is cut (PolNeAR's longest is ~30,000)
PIECE_CHARS = 100_000

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def is_long(document: Document, limit: int | None = None) -> bool:
    """True when ``document`` is analysed in pieces rather than in one parse."""
    return len(document.text) > (limit or PIECE_CHARS)


def cut_points(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each piece: consecutive, covering ``text``, each ≤ ``limit`` long.

    A cut goes after the last boundary of the strongest kind found in the second half of the
    piece (so pieces stay at least half full); the whitespace of the boundary ends the piece
    before it, so every piece but the first starts on a word.
    """
    limit = limit or PIECE_CHARS
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        for boundary in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
            last = deque(boundary.finditer(text, start + limit // 2, end), maxlen=1)
            if last:
                end = last[0].end()
                break
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a data class (None for any other class), read once per class: a
    generic walk over millions of items spent most of its time asking ``dataclasses`` again."""
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None
    return _FIELD_NAMES[cls]


def items_in(obj: Any, seen: set[int]) -> Iterator[Any]:
    """Every data-class item inside ``obj`` (a record item, nested items, lists), ``obj`` first,
    each once: ``seen`` keeps an object an extractor shares between two items from being
    given twice. Walks the data classes generically, so a field added to the contract later
    is walked too."""
    if isinstance(obj, list):
        for item in obj:
            yield from items_in(item, seen)
        return
    names = field_names(type(obj))
    if names is None or id(obj) in seen:
        return
    seen.add(id(obj))
    yield obj
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, list) or field_names(type(value)) is not None:
            yield from items_in(value, seen)


def move_spans(obj: Any, offset: int, seen: set[int]) -> None:
    """Move every span inside ``obj`` (a record item, nested items, lists) by ``offset``; an
    object in ``seen`` is not moved again (:func:`items_in`)."""
    for item in items_in(obj, seen):
        if isinstance(item, Span):
            item.start += offset
            item.end += offset


def join_pieces(document: Document, parts: list[tuple[int, Record]]) -> Record:
    """One record of the whole text from the records of its pieces (each with its start)."""
    key = text_hash(document.text)
    whole = Record(id=document.id, source=document.source, published=document.published,
                   text=document.text, title=document.title, outlet=document.outlet,
                   url=document.url, published_guessed=document.published_guessed)
    seen: set[int] = set()
    for offset, part in parts:
        ids: dict[str, str] = {}
        for attribution in part.attributions:
            move_spans(attribution, offset, seen)
            new = item_id(key, "attribution", attribution.content.start, attribution.content.end)
            ids[attribution.id] = attribution.id = new
        places, times, quantities = len(whole.places), len(whole.times), len(whole.quantities)
        for event in part.events:
            move_spans(event, offset, seen)
            event.id = item_id(key, "event", event.trigger.start, event.trigger.end)
            event.attribution = ids.get(event.attribution or "", event.attribution)
            event.place = None if event.place is None else event.place + places
            event.time = None if event.time is None else event.time + times
            event.quantities = [q + quantities for q in event.quantities]
        for quantity in part.quantities:
            move_spans(quantity, offset, seen)
            quantity.attribution = ids.get(quantity.attribution or "", quantity.attribution)
        for kind in ("entities", "times", "places"):
            move_spans(getattr(part, kind), offset, seen)
        whole.entities += part.entities
        whole.attributions += part.attributions
        whole.quantities += part.quantities
        whole.times += part.times
        whole.places += part.places
        whole.events += part.events
    whole.entities = _full_names(whole.entities)
    return whole


def _full_names(entities: list[Entity]) -> list[Entity]:
    """A surname alone takes the first full name given earlier in the text, in any piece."""
    full: dict[str, str] = {}
    out = []
    for entity in entities:
        if entity.label == "PERSON":
            name = person_name(entity.text)
            words = name.split()
            if len(words) >= 2:
                full.setdefault(words[-1], name)
            elif words and words[0] in full and entity.canonical != full[words[0]]:
                entity = replace(entity, canonical=full[words[0]])
        out.append(entity)
    return out


def _pieces(document: Document, limit: int | None) -> Iterator[tuple[int, Document]]:
    for start, end in cut_points(document.text, limit):
        yield start, Document(text=document.text[start:end], source=document.source,
                              published=document.published, title=document.title,
                              outlet=document.outlet, url=document.url)


def analyze_in_pieces(
    document: Document,
    analyse: Callable[[Document], Record | DocumentError],
    *,
    limit: int | None = None,
) -> Record | DocumentError:
    """Analyse a long ``document`` piece by piece with ``analyse`` and join the records.

    Pieces run one after another and each parse is dropped once its record is made, so memory
    is one piece's parse plus the record so far. A piece that fails fails the document (E110,
    naming the piece): a record with a hole in it would look complete.
    """
    parts: list[tuple[int, Record]] = []
    for start, piece in _pieces(document, limit):
        result = analyse(piece)
        if isinstance(result, DocumentError):
            where = f"characters {start:,}-{start + len(piece.text):,}"
            return DocumentError("E110", document.source, f"{where}: {result.reason}")
        parts.append((start, result))
    return join_pieces(document, parts)
