"""Choosing the place a name means: "Paris" in Texas or in France?

Every candidate gets a score: its size (log population), a prior for its level (a name shared by
a country and a town usually means the country), and what the rest of the article says — the
countries and regions its other place names resolve to, the ruler's country for a capital, and
a qualifier right after it ("Paris, Texas"). Two passes: the first resolves each name on its
own; the second rescores every name in the light of the others' first answers, so one
unambiguous "Texas" pulls "Paris" and "Austin" home.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from claimgraph.extract.places.gazetteer import Gazetteer, GazetteerEntry, fold
from claimgraph.extract.places.mentions import Mention

#: how much a level is preferred when names collide ("Georgia": the country, unless context)
LEVEL_PRIOR = {"continent": 4.0, "country": 4.0, "admin1": 2.5, "city": 0.0}
#: a name that is only an alternate name of a place (a historical or foreign name)
ALIAS_PENALTY = 1.5
#: per other mention of the candidate's country / region in the article (capped)
COUNTRY_BONUS, ADMIN1_BONUS, CONTEXT_CAP = 1.2, 1.6, 3
#: a qualifier ("Paris, Texas") or the ruler's own country for the name
QUALIFIER_BONUS, RULER_BONUS = 8.0, 5.0


@dataclass(slots=True)
class Context:
    """What the other mentions of an article say: counts of countries and regions."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)

    def add(self, entry: GazetteerEntry | None, weight: int = 1) -> None:
        if entry is None:
            return
        if entry.country:
            self.countries[entry.country] += weight
        if entry.admin1:
            self.admin1[entry.admin1] += weight

    def without(self, entry: GazetteerEntry | None) -> Context:
        other = Context(Counter(self.countries), Counter(self.admin1))
        other.add(entry, -1)
        return other


def score(entry: GazetteerEntry, mention: Mention, context: Context | None,
          qualifier: GazetteerEntry | None) -> float:
    value = math.log10(entry.population + 1) + LEVEL_PRIOR.get(entry.level, 0.0)
    if fold(entry.name) != fold(mention.text):
        value -= ALIAS_PENALTY
    if mention.country and entry.country == mention.country:
        value += RULER_BONUS
    if qualifier is not None and entry is not qualifier and (
        (qualifier.level == "admin1" and entry.admin1 == qualifier.admin1)
        or (qualifier.level == "country" and entry.country == qualifier.country)
    ):
        value += QUALIFIER_BONUS
    if context is not None:
        if entry.country:
            value += COUNTRY_BONUS * min(context.countries[entry.country], CONTEXT_CAP)
        if entry.admin1:
            value += ADMIN1_BONUS * min(context.admin1[entry.admin1], CONTEXT_CAP)
    return value


def best(candidates: list[GazetteerEntry], mention: Mention, context: Context | None,
         qualifier: GazetteerEntry | None = None) -> GazetteerEntry | None:
    if not candidates:
        return None
    return max(candidates, key=lambda e: (score(e, mention, context, qualifier), e.population))


def resolve(mentions: list[Mention], gazetteer: Gazetteer) -> list[GazetteerEntry | None]:
    """The place each mention names (None when the gazetteer has no candidate)."""
    candidates = [[] if m.fixed else gazetteer.candidates(m.text) for m in mentions]
    first: list[GazetteerEntry | None] = [
        m.fixed or best(c, m, None) for m, c in zip(mentions, candidates, strict=True)
    ]
    context = Context()
    for entry in first:
        context.add(entry)
    chosen: list[GazetteerEntry | None] = []
    for i, (mention, cands) in enumerate(zip(mentions, candidates, strict=True)):
        if mention.fixed or not cands:
            chosen.append(first[i])
            continue
        qualifier = first[mention.qualifier] if mention.qualifier is not None else None
        chosen.append(best(cands, mention, context.without(first[i]), qualifier))
    return chosen
