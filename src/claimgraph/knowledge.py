"""The one reader of ``claimgraph/data``: what the extractors know, as typed rows, read once.

Knowledge is data (cue verbs, hedges, countries, organisations, number words, PLOVER maps,
gazetteer rows), and each kind of knowledge has one table in ``claimgraph/data``, so a fact is
written down once and every reader sees the same one. This module is the only place that opens
those files (the output contract's JSON Schema, which is no knowledge, is ``contract.py``'s):

- :func:`text`, :func:`lines`, :func:`rows`, :func:`json_table`, :func:`word_sets` read one file
  as it is written (tab-separated cells, one phrase a line, ``#`` comment lines and blank lines
  skipped) for the tables with a single reader, which builds its own structure from them once
  (the attribution and event lexicons, the unit table, the gazetteer);
- typed rows, read once and cached, for the tables several extractors share:
  :func:`countries`, :func:`organizations`, :func:`number_words`, :func:`number_modifiers`.

A table row whose readers see it differently says so in the table rather than in code: the
country and organisation tables have a ``read by`` column and ``[events]`` / ``[entities]`` marks
on the names one reader alone reads (see the header of ``data/countries.tsv``), so the entity
ruler and the event coder keep the vocabularies they were measured with while sharing one table.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

PACKAGE = "claimgraph.data"
#: who reads a shared table: the news entity ruler (``nlp/news_entities.py``) or the event actor
#: coder (``extract/events/actors.py``)
Reader = Literal["entities", "events"]
READERS: tuple[Reader, ...] = ("entities", "events")


def text(name: str) -> str:
    """The text of one data file (``"events/verbs.tsv"``; ``.gz`` files are decompressed)."""
    path = resources.files(PACKAGE).joinpath(name)
    if name.endswith(".gz"):
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    return path.read_text(encoding="utf-8")


def lines(name: str) -> list[str]:
    """The lines of a data file that are neither blank nor ``#`` comments, as written."""
    return [line for line in text(name).splitlines() if line.strip() and not line.startswith("#")]


def rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, each cell stripped (comments and blanks skipped)."""
    return [[cell.strip() for cell in line.split("\t")] for line in lines(name)]


def split(cell: str) -> list[str]:
    """The items of a ``|``-separated list cell."""
    return [item.strip() for item in cell.split("|") if item.strip()]


def json_table(name: str) -> Any:
    """A JSON data file, parsed."""
    return json.loads(text(name))


def _for_reader(cell: str, reader: Reader | None) -> tuple[str, ...]:
    """The items of a list cell a reader reads: unmarked ones, and those marked for it alone."""
    out = []
    for item in split(cell):
        name, mark = item, None
        for other in READERS:
            if item.endswith(f" [{other}]"):
                name, mark = item.removesuffix(f" [{other}]").strip(), other
        if reader is None or mark is None or mark == reader:
            out.append(name)
    return tuple(out)


def _readers(cell: str) -> frozenset[str]:
    return frozenset(cell.split())


# --- countries ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seat:
    """A building or place that speaks for an institution: "the Kremlin", "the Pentagon"."""

    form: str
    canonical: str | None  # the institution it stands for; None: the country's government


@dataclass(frozen=True, slots=True)
class Country:
    """One row of ``data/countries.tsv`` as one reader sees it."""

    alpha2: str  # ISO 3166-1 alpha-2 ("XK" for Kosovo, user-assigned as everyone assigns it)
    alpha3: str  # ISO 3166-1 alpha-3, as PLOVER and CAMEO code actors
    name: str
    aliases: tuple[str, ...]  # other names, "the U.S.", "Britain"
    demonyms: tuple[str, ...]  # adjectives and nouns: "Russian", "Russians"
    capitals: tuple[str, ...]  # cities that speak for the government ("Moscow said")
    seats: tuple[Seat, ...]  # buildings that do ("the Kremlin said")
    readers: frozenset[str]


@cache
def countries(reader: Reader | None = None) -> tuple[Country, ...]:
    """The countries a reader reads (``None``: every row and every name), in table order."""
    out = []
    for alpha2, alpha3, name, read_by, *lists in rows("countries.tsv"):
        readers = _readers(read_by)
        if reader is not None and reader not in readers:
            continue
        aliases, demonyms, capitals, seats = (lists + [""] * 4)[:4]
        out.append(Country(
            alpha2, alpha3, name,
            _for_reader(aliases, reader), _for_reader(demonyms, reader),
            _for_reader(capitals, reader),
            tuple(Seat(form, canonical or None) for form, _, canonical
                  in (seat.partition("=") for seat in _for_reader(seats, reader))),
            readers,
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def alpha3_of() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3 for every country in the table."""
    return {country.alpha2: country.alpha3 for country in countries()}


# --- organisations -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Organization:
    """One row of ``data/organizations.tsv`` as one reader sees it."""

    canonical: str
    kind: str | None  # the entity ruler's: government | military | group | organization
    country: str | None  # ISO alpha-2 of its home, None for international bodies
    cameo: str | None  # IGO / NGO / IMG: CAMEO's codes for bodies of no one country
    sector: str | None  # the event coder's sector (GOV, MIL, REB, ...)
    aliases: tuple[str, ...]
    readers: frozenset[str]

    @property
    def actor_code(self) -> str:
        """The code of ``Actor.country``: IGO / NGO / IMG, else the home's alpha-3."""
        if self.cameo:
            return self.cameo
        return alpha3_of().get(self.country, "") if self.country else ""


def _cell(value: str) -> str | None:
    return None if value in ("", "-") else value


@cache
def organizations(reader: Reader | None = None) -> tuple[Organization, ...]:
    """The organisations a reader reads (``None``: every row and every alias), in table order."""
    out = []
    for canonical, kind, country, cameo, sector, read_by, aliases in rows("organizations.tsv"):
        readers = _readers(read_by)
        if reader is not None and reader not in readers:
            continue
        out.append(Organization(
            canonical, _cell(kind), _cell(country), _cell(cameo), _cell(sector),
            _for_reader(aliases, reader), readers,
        ))
    return tuple(out)


# --- numbers -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NumberWord:
    """One row of ``data/number_words.tsv``: "twenty" is 20, a ten; "⅔" is 2/3, a vulgar fraction."""

    word: str
    value: Fraction
    kind: str  # unit | ten | hundred | dozen | scale | multiplier | money multiplier | ...


@lru_cache(maxsize=1)
def _number_word_rows() -> tuple[NumberWord, ...]:
    return tuple(NumberWord(word, Fraction(value), kind)
                 for word, value, kind in rows("number_words.tsv"))


def number_words(*kinds: str) -> dict[str, Fraction]:
    """``word -> value`` for the number words of the given kinds, in table order."""
    return {row.word: row.value for row in _number_word_rows() if row.kind in kinds}


@dataclass(frozen=True, slots=True)
class NumberModifier:
    """One row of ``data/number_modifiers.tsv``: "up to" sets an upper bound, and hedges."""

    phrase: str
    bound: str  # upper | lower | approx | range
    position: str  # before | after the number
    hedge: bool  # weakens a claim when a number follows ("about 300")


@lru_cache(maxsize=1)
def number_modifiers() -> tuple[NumberModifier, ...]:
    """The words around a number that bound it, in table order."""
    return tuple(NumberModifier(phrase, bound, position, hedge == "yes")
                 for phrase, bound, position, hedge in rows("number_modifiers.tsv"))


# --- word lists ----------------------------------------------------------------------------------


@cache
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """A table of named word lists (``set  words  what for``): set name -> words.

    Words are separated by spaces, or by ``|`` where a word has a space in it ("George Town").
    """
    out = {}
    for set_name, words, _why in rows(name):
        out[set_name] = frozenset(split(words) if "|" in words else words.split())
    return out
