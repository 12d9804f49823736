"""Choosing the place a name means: "Paris" in Texas or in France?

Every candidate gets a score: its size (log population), a prior for its level (a name shared by
a country and a town usually means the country), and what the rest of the article says — the
countries and regions its other place names resolve to and the towns near it, the ruler's
country for a capital, and a qualifier right after it ("Paris, Texas"). The first pass resolves
each name on its own; later rounds rescore every name in the light of the others' answers, so
one unambiguous "Texas" pulls "Paris" and "Austin" home. A name never votes for itself.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from claimgraph.extract.places.gazetteer import Gazetteer, GazetteerEntry, fold
from claimgraph.extract.places.mentions import Mention

#: how much a level is preferred when names collide ("Georgia": the country, unless context)
#: (curated regions have no population: their prior stands for it)
LEVEL_PRIOR = {"continent": 4.0, "region": 9.0, "country": 4.0, "admin1": 2.5, "admin2": 1.0,
               "city": 0.0}
#: a name that is only an alternate name of a place (a historical or foreign name)
ALIAS_PENALTY = 1.5
#: per other mention of the candidate's country / region in the article (capped)
COUNTRY_BONUS, ADMIN1_BONUS, CONTEXT_CAP = 1.5, 1.6, 3
#: a qualifier ("Paris, Texas"); the country the news ruler's tables give the name, and its
#: capital city (only a hint: the tables know "Athens" as Greece's capital, not the article's
#: Athens, Georgia), worth more when the name speaks for a government ("Washington said")
QUALIFIER_BONUS, RULER_BONUS, CAPITAL_BONUS, METONYM_BONUS = 8.0, 1.0, 1.5, 4.0
#: a region that bears a capital's name ("Washington") with none of the article's places in it
CAPITAL_REGION_PENALTY = 3.0
#: per other town or county of the article within NEIGHBOUR_KM of the candidate (capped):
#: local news names places near each other ("London" beside Windsor and Sarnia is Ontario's)
NEIGHBOUR_BONUS, NEIGHBOUR_KM = 2.0, 150.0
#: how many of the article's other towns must lie near a town named like a country ("Lebanon",
#: "Jordan") before the town may be meant; it must then outscore the country with the
#: country's size counted twice
LOCAL_SUPPORT = 2
#: a county and a town of the article that lie within PAIR_KM of each other (the town is in
#: the county, or at its edge): both readings are preferred
PAIR_BONUS, PAIR_KM = 3.0, 40.0
#: a town this small must have local support to beat a reading of its name SMALL_RATIO times
#: larger (see ``_small_and_unsupported``)
SMALL_TOWN, SMALL_RATIO = 5000, 100
#: per other name of a list read at a candidate's level (capped): names listed together are
#: of one kind ("Washington, New York and Boston" are cities, "California or Washington" states)
LIST_BONUS, LIST_CAP = 3.0, 2
#: rounds of rescoring in the light of the other mentions' answers
ROUNDS = 3
#: the size a first-level region whose population the tables lack counts as (a third of them:
#: Wales, Tirol, Kunar): as small as the smallest regions whose size is known, not as empty
#: (with no size Wales lost to Wales, a village of 6,000 in Yorkshire)
UNKNOWN_ADMIN1 = 100_000


#: a point further north or south than this (degrees) is never within NEIGHBOUR_KM: the
#: distance is at least its north-south part (a margin over 150 km's 1.349 degrees)
_LAT_REACH = math.degrees(NEIGHBOUR_KM / 6371.0) + 0.1


@dataclass(slots=True)
class Context:
    """What the other mentions of an article say: counts of countries and regions.

    ``minus`` holds counts taken out (a name's own mentions: a name never votes for itself),
    read through, not copied: copying the article's counts for each of its mentions made long
    texts quadratic. Neighbours are found among the points sorted by latitude, within reach.
    """

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)
    points: Counter[tuple[float, float]] = field(default_factory=Counter)  # towns and counties
    minus: Context | None = None
    whole: Context | None = None  # the context ``minus`` is taken from
    _near: dict[tuple[float, float], int] = field(default_factory=dict)  # neighbours by point
    _by_lat: list[tuple[float, float]] | None = None  # the points present, by latitude

    def add(self, entry: GazetteerEntry | None, weight: int = 1) -> None:
        if entry is None:
            return
        if entry.country:
            self.countries[entry.country] += weight
        if entry.admin1:
            self.admin1[entry.admin1] += weight
        if entry.level in ("city", "admin2") and entry.lat is not None and entry.lon is not None:
            self.points[(entry.lat, entry.lon)] += weight
        self._near.clear()
        self._by_lat = None

    def without(self, entries: list[GazetteerEntry | None]) -> Context:
        """This context less ``entries`` (which it holds): the counts a name's own mentions
        leave to the others."""
        own = Context()
        for entry in entries:
            own.add(entry)
        return Context(self.countries, self.admin1, self.points, minus=own, whole=self)

    def country_count(self, country: str) -> int:
        return self.countries[country] - (self.minus.countries[country] if self.minus else 0)

    def admin1_count(self, admin1: str) -> int:
        return self.admin1[admin1] - (self.minus.admin1[admin1] if self.minus else 0)

    def neighbours(self, entry: GazetteerEntry) -> int:
        """How many of the article's other towns lie within NEIGHBOUR_KM of ``entry``."""
        if entry.lat is None or entry.lon is None:
            return 0
        return self._near_point(entry.lat, entry.lon)

    def _near_point(self, lat: float, lon: float) -> int:
        found = self._near.get((lat, lon))
        if found is None:
            found = self._near[(lat, lon)] = self._count_near(lat, lon)
        return found

    def _count_near(self, lat: float, lon: float) -> int:
        if self.minus is not None and self.whole is not None:
            # the whole's neighbours, less the points only the taken-out mentions held
            gone = sum(1 for point, n in self.minus.points.items()
                       if n > 0 and 0 < self.points[point] <= n
                       and _km(lat, lon, *point) <= NEIGHBOUR_KM)
            return self.whole._near_point(lat, lon) - gone
        if self._by_lat is None:
            self._by_lat = sorted(p for p, n in self.points.items() if n > 0)
        lo = bisect_left(self._by_lat, (lat - _LAT_REACH,))
        hi = bisect_right(self._by_lat, (lat + _LAT_REACH, math.inf))
        return sum(1 for other in self._by_lat[lo:hi] if _km(lat, lon, *other) <= NEIGHBOUR_KM)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: exact enough at the scale of neighbours."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def score(entry: GazetteerEntry, mention: Mention, context: Context | None,
          qualifier: GazetteerEntry | None,
          paired: frozenset[GazetteerEntry] = frozenset(),
          peers: Counter[str] | None = None) -> float:
    # a county's size (its towns' people) only breaks ties between counties of one name: it
    # is not weighed against towns and states, whose populations are their own
    size = 0 if entry.level == "admin2" else entry.population
    if entry.level == "admin1" and not size:
        size = UNKNOWN_ADMIN1
    value = math.log10(size + 1) + LEVEL_PRIOR.get(entry.level, 0.0)
    if entry.level == "city" and fold(entry.name) != fold(mention.name):
        value -= ALIAS_PENALTY  # other levels' aliases are curated names, not foreign ones
    if mention.country and entry.country == mention.country:
        value += RULER_BONUS
        if mention.capital and entry.level == "city":
            value += CAPITAL_BONUS + (METONYM_BONUS if mention.kind == "metonym" else 0.0)
    if qualifier is not None and entry is not qualifier and (
        (qualifier.level == "admin1" and entry.admin1 == qualifier.admin1)
        or (qualifier.level == "country" and entry.country == qualifier.country)
    ):
        value += QUALIFIER_BONUS
    if mention.capital and entry.level == "admin1" and (
        context is None or context.admin1_count(entry.admin1) <= 0
    ):  # a capital's name is the capital, not a region of that name no other place is in
        value -= CAPITAL_REGION_PENALTY  # ("Washington" in a story with nothing in the state)
    if entry in paired:  # a county and a town of the article that lie together
        value += PAIR_BONUS
    if peers:  # names listed together are of one kind: "Washington, New York and Boston"
        value += LIST_BONUS * min(peers[entry.level], LIST_CAP)
    if context is not None:
        if entry.country:
            value += COUNTRY_BONUS * min(context.country_count(entry.country), CONTEXT_CAP)
        if entry.admin1:
            value += ADMIN1_BONUS * min(context.admin1_count(entry.admin1), CONTEXT_CAP)
        if entry.level in ("city", "admin2") and context.points:
            value += NEIGHBOUR_BONUS * min(context.neighbours(entry), CONTEXT_CAP)
    return value


def best(candidates: list[GazetteerEntry], mention: Mention, context: Context | None,
         qualifier: GazetteerEntry | None = None,
         paired: frozenset[GazetteerEntry] = frozenset(),
         peers: Counter[str] | None = None) -> GazetteerEntry | None:
    if not candidates:
        return None
    if context is not None:
        candidates = [e for e in candidates
                      if not _small_and_unsupported(e, candidates, context, qualifier, paired)] \
            or candidates
    return max(candidates,
               key=lambda e: (e.lat is not None,
                              score(e, mention, context, qualifier, paired, peers), e.population))


def _small_and_unsupported(entry: GazetteerEntry, candidates: list[GazetteerEntry],
                           context: Context, qualifier: GazetteerEntry | None,
                           paired: frozenset[GazetteerEntry]) -> bool:
    """A town of fewer than SMALL_TOWN people, SMALL_RATIO times smaller than another reading
    of its name, that nothing local supports: no qualifier, no county beside it, none of the
    article's states, no neighbour. The votes of the article's countries alone do not make it
    — they are cast as readily by other names' chance readings in its country ("Charleston"
    beside "Officer" and "Hampton Park" is not a hamlet of South Australia)."""
    if entry.level != "city" or entry.population >= SMALL_TOWN:
        return False
    if max(e.population for e in candidates) < SMALL_RATIO * (entry.population + 1):
        return False
    return qualifier is None and entry not in paired \
        and not (entry.admin1 and context.admin1_count(entry.admin1) > 0) \
        and context.neighbours(entry) == 0


def county_town_pairs(names: dict[str, list[GazetteerEntry]]) -> frozenset[GazetteerEntry]:
    """The counties and towns, among every reading of the article's names, that lie within
    PAIR_KM of each other: "Paris" and "Henry County" are Paris, Tennessee, and its county
    (Henry County, Georgia, and Paris, Texas, lie 800 km apart), "Richmond" beside "Madison
    County" is Richmond, Kentucky. ``names`` maps each distinct name to its candidates. A
    county and a town of two different names falling together by chance is rare: it is the
    way local news places its towns."""
    counties = [(key, e) for key, cands in names.items() for e in cands
                if e.level == "admin2" and fold(e.name) == key and e.lat is not None
                and e.lon is not None]  # named as a county: "Franklin" alone may be a street
    if not counties:
        return frozenset()
    found: set[GazetteerEntry] = set()
    for key, cands in names.items():
        for town in cands:
            if town.level != "city" or fold(town.name) != key or town.lat is None \
                    or town.lon is None:
                continue
            for other, county in counties:
                if other != key and _km(town.lat, town.lon, county.lat, county.lon) <= PAIR_KM:
                    found.update((town, county))  # type: ignore[arg-type]
    return frozenset(found)


def _shortlist(candidates: list[GazetteerEntry], size: int = 30) -> list[GazetteerEntry]:
    """The most populous towns of a common name ("Springfield": 60) and every larger place."""
    towns = [e for e in candidates if e.level == "city"]
    if len(towns) <= size:
        return candidates
    towns.sort(key=lambda e: -e.population)
    return [e for e in candidates if e.level != "city"] + towns[:size]


def _plausible(candidates: list[GazetteerEntry],
               mention: Mention) -> tuple[list[GazetteerEntry], list[GazetteerEntry]]:
    """A country's, continent's or sea's own name means it, not a town named after it
    ("China", "Middle East"), unless a qualifier says otherwise ("China, Texas") or the article's
    other towns surround one (the second list: "Lebanon" beside Myerstown and Grantville is
    Lebanon, Pennsylvania). A mere alternate name does not: "Palestine" in the Palestine (Texas)
    Herald-Press is the town. A dateline names the town a story was filed from: "NEW YORK (AP)"
    is the city, not the state."""
    key = fold(mention.name)
    # a bare capital's name is the city, not the region named after it: "Tokyo" is not the
    # Tokyo Region (whose own name is longer), "Kursk" not Kursk Oblast
    capitals = {e.admin1 for e in candidates
                if e.level == "city" and e.admin1 and fold(e.name) == key}
    candidates = [e for e in candidates
                  if not (e.level == "admin1" and e.admin1 in capitals and fold(e.name) != key)]
    towns = [e for e in candidates if e.level in ("city", "admin2")]
    cities = [e for e in towns if e.level == "city"]
    if mention.source == "dateline" and cities:
        return _shortlist(cities), []
    if mention.qualifier is not None or len(towns) == len(candidates):
        return _shortlist(candidates), []
    if any(e.level in ("country", "continent", "region") and fold(e.name) == key
           for e in candidates):
        # nor a region that merely has it as an alternate name ("México", the state); only a
        # country lends its name to towns local news means bare (Lebanon, Pa.; Jordan, Minn.):
        # a town called Middle East is named with its state when meant
        broad = any(e.level in ("continent", "region") and fold(e.name) == key
                    for e in candidates)
        return [e for e in candidates
                if e not in towns and (e.level != "admin1" or fold(e.name) == key)], \
            [] if broad else _shortlist([e for e in towns if fold(e.name) == key])
    return _shortlist(candidates), []


def geocode(mentions: list[Mention], gazetteer: Gazetteer) -> list[GazetteerEntry | None]:
    """The place each mention names (None when the gazetteer has no candidate)."""
    plausible = [([], []) if m.fixed else _plausible(gazetteer.candidates(m.name), m)
                 for m in mentions]
    candidates = [c for c, _ in plausible]
    names: dict[str, list[GazetteerEntry]] = {}
    for m, (c, towns) in zip(mentions, plausible, strict=True):
        names.setdefault(fold(m.name), c + towns)  # "Lebanon" beside "Boone County": Indiana's
    paired = county_town_pairs(names)
    first: list[GazetteerEntry | None] = [
        m.fixed or best(c, m, None, paired=paired) for m, c in zip(mentions, candidates, strict=True)
    ]
    # a name does not vouch for itself: "Georgia" four times is not four votes for Georgia
    same_name: dict[str, list[int]] = {}
    for i, mention in enumerate(mentions):
        same_name.setdefault(fold(mention.name), []).append(i)
    chosen = first
    for _ in range(ROUNDS):
        context = Context()
        for entry in chosen:
            context.add(entry)
        again: list[GazetteerEntry | None] = []
        others_of: dict[str, Context] = {}
        for i, (mention, cands) in enumerate(zip(mentions, candidates, strict=True)):
            if mention.fixed or not cands:
                again.append(chosen[i])
                continue
            qualifier = chosen[mention.qualifier] if mention.qualifier is not None else None
            key = fold(mention.name)
            others = others_of.get(key)
            if others is None:  # the same for every mention of the name in this round
                others = others_of[key] = context.without([chosen[j] for j in same_name[key]])
            peers = None
            if mention.listed is not None:
                peers = Counter(e.level for j, e in enumerate(chosen) if e is not None
                                and mentions[j].listed == mention.listed
                                and fold(mentions[j].name) != key)
            pick = best(cands, mention, others, qualifier, paired, peers)
            local = [t for t in plausible[i][1]
                     if others.neighbours(t) >= LOCAL_SUPPORT or t in paired]
            town = best(local, mention, others, qualifier, paired, peers)
            if town is not None and pick is not None and (
                score(town, mention, others, qualifier, paired, peers)
                > score(pick, mention, others, qualifier, paired, peers)
                + math.log10(pick.population + 1)
            ):  # the country's size counts twice: "steel from China" beside Beaumont is China
                pick = town
            again.append(pick)
        if again == chosen:
            break
        chosen = again
    return chosen
