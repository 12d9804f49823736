"""The knowledge tables are well formed: unique keys, valid codes, no name claimed twice.

Each check is a function returning the problems it finds, run on the bundled table (no problem
expected) and on a hand-made bad row (the problem it is for expected), so no check passes by
being unable to fail.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from fractions import Fraction

import pycountry
import pytest

from claimgraph import knowledge
from claimgraph.knowledge import Country, Organization, Seat

#: codes ISO leaves to users, as everyone assigns them to Kosovo
USER_ASSIGNED = {("XK", "XKX")}
ENTITY_KINDS = {"government", "military", "group", "organization"}
CAMEO_CODES = {"IGO", "NGO", "IMG"}


def country(alpha2: str = "RS", alpha3: str = "SRB", name: str = "Serbia", **lists: tuple[str, ...]
            ) -> Country:
    return Country(alpha2, alpha3, name, lists.get("aliases", ()), lists.get("demonyms", ()),
                   lists.get("capitals", ()), tuple(Seat(s, None) for s in lists.get("seats", ())),
                   frozenset(knowledge.READERS))


def organization(canonical: str = "Hamas", **fields: str | None) -> Organization:
    return Organization(canonical, fields.get("kind", "group"), fields.get("country", "PS"),
                        fields.get("cameo"), fields.get("sector", "REB"),
                        (fields.get("alias") or canonical,), frozenset(knowledge.READERS))


def duplicates(keys: Iterable[str]) -> list[str]:
    return sorted(key for key, n in Counter(keys).items() if n > 1)


def country_code_problems(rows: Iterable[Country]) -> list[str]:
    problems = []
    for row in rows:
        iso = pycountry.countries.get(alpha_3=row.alpha3)
        if (row.alpha2, row.alpha3) in USER_ASSIGNED:
            continue
        if iso is None or iso.alpha_2 != row.alpha2:
            problems.append(f"{row.name}: {row.alpha2}/{row.alpha3} is not an ISO 3166-1 pair")
    return problems


def names_of(row: Country) -> list[str]:
    return [row.name, *row.aliases, *row.demonyms, *row.capitals, *(s.form for s in row.seats)]


def shared_name_problems(rows: Iterable[Country], orgs: Iterable[Organization] = ()) -> list[str]:
    """A name (of a country, its people, capital or seat, or an organisation) that points to two
    different rows: which one a reader picks would depend on the order it reads them in."""
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for name in names_of(row):
            owners[name].add(row.alpha3)
    for org in orgs:
        for alias in org.aliases:
            owners[alias].add(org.canonical)
    return [f"{name!r} names {sorted(rows)}" for name, rows in owners.items() if len(rows) > 1]


def organization_problems(orgs: Iterable[Organization]) -> list[str]:
    problems = []
    alpha2 = {row.alpha2 for row in knowledge.countries()}
    for org in orgs:
        if "entities" in org.readers and org.kind not in ENTITY_KINDS:
            problems.append(f"{org.canonical}: the entity ruler needs a kind, not {org.kind!r}")
        if org.cameo is not None and org.cameo not in CAMEO_CODES:
            problems.append(f"{org.canonical}: {org.cameo!r} is not a CAMEO group code")
        if org.country is not None and org.country not in alpha2:
            problems.append(f"{org.canonical}: country {org.country!r} is not in countries.tsv")
        if "events" in org.readers and not (org.actor_code and org.sector):
            problems.append(f"{org.canonical}: the event coder needs a code and a sector")
        if not org.aliases:
            problems.append(f"{org.canonical}: no alias")
    return problems


def test_country_codes_are_unique() -> None:
    rows = knowledge.countries()
    assert duplicates(r.alpha2 for r in rows) == []
    assert duplicates(r.alpha3 for r in rows) == []
    assert duplicates(r.name for r in rows) == []
    assert duplicates(["RS", "SR", "RS"]) == ["RS"]


def test_country_codes_are_iso_pairs() -> None:
    assert country_code_problems(knowledge.countries()) == []
    assert country_code_problems([country("SR", "SRB")]) != []  # SR is Suriname


@pytest.mark.parametrize("reader", knowledge.READERS)
def test_no_name_points_to_two_rows(reader: knowledge.Reader) -> None:
    assert shared_name_problems(knowledge.countries(reader), knowledge.organizations(reader)) == []
    kremlin = country("RU", "RUS", "Russia", seats=("Kremlin",))
    assert shared_name_problems([kremlin], [organization("Kremlin")]) != []
    assert shared_name_problems([kremlin, country(capitals=("Kremlin",))]) != []


def test_every_row_is_read_by_a_known_reader() -> None:
    rows: list[Country | Organization] = [*knowledge.countries(), *knowledge.organizations()]
    for row in rows:
        assert row.readers and row.readers <= set(knowledge.READERS), row


def test_organizations_are_well_formed() -> None:
    orgs = knowledge.organizations()
    assert duplicates(org.canonical for org in orgs) == []
    assert organization_problems(orgs) == []
    assert organization_problems([organization(kind="militia")]) != []
    assert organization_problems([organization(cameo="UN")]) != []
    assert organization_problems([organization(country="QQ")]) != []
    assert organization_problems([organization(sector=None)]) != []


def test_a_reader_sees_unmarked_names_and_its_own() -> None:
    cell = "Russia|Soviet Union [events]|the Russian Federation [entities]"
    assert knowledge._for_reader(cell, "events") == ("Russia", "Soviet Union")
    assert knowledge._for_reader(cell, "entities") == ("Russia", "the Russian Federation")
    assert len(knowledge._for_reader(cell, None)) == 3


def test_only_known_reader_marks_are_written() -> None:
    for name in ("countries.tsv", "organizations.tsv"):
        for row in knowledge.rows(name):
            for cell in row:
                for item in knowledge.split(cell):
                    if item.endswith("]"):
                        assert item.rsplit(" [", 1)[-1][:-1] in knowledge.READERS, (name, item)


def test_a_group_is_coded_by_its_home_country() -> None:
    hamas = next(o for o in knowledge.organizations("events") if o.canonical == "Hamas")
    assert hamas.actor_code == "PSE"
    assert organization(cameo="IGO", country=None).actor_code == "IGO"


NUMBER_KINDS = {"unit", "ten", "hundred", "dozen", "scale", "multiplier", "money multiplier",
                "denominator", "vulgar", "phrase"}


def number_word_problems(words: Iterable[knowledge.NumberWord]) -> list[str]:
    problems = [f"{w!r} is written twice" for w in duplicates(row.word for row in words)]
    for row in words:
        if row.kind not in NUMBER_KINDS:
            problems.append(f"{row.word}: unknown kind {row.kind!r}")
        if row.kind == "vulgar" and not 0 < row.value < 1:
            problems.append(f"{row.word}: a fraction character is between 0 and 1")
        if row.kind in {"scale", "multiplier", "money multiplier"} and row.value < 1000:
            problems.append(f"{row.word}: a scale is a thousand or more")
    return problems


def test_number_words_are_well_formed() -> None:
    rows = knowledge._number_word_rows()
    assert number_word_problems(rows) == []
    bad = knowledge.NumberWord("½", Fraction(3, 2), "vulgar")
    assert number_word_problems([*rows, bad]) != []  # twice, and more than one


def test_spelt_numbers_count_from_zero_to_ninety() -> None:
    units = knowledge.number_words("unit")
    tens = knowledge.number_words("ten")
    assert sorted(units.values()) == list(range(20))
    assert sorted(tens.values()) == list(range(20, 100, 10))


def number_modifier_problems(rows: Iterable[knowledge.NumberModifier]) -> list[str]:
    rows = list(rows)
    problems = [f"{key} is written twice"
                for key in duplicates(f"{r.phrase} ({r.position})" for r in rows)]
    for row in rows:
        if row.bound not in {"upper", "lower", "approx", "range"}:
            problems.append(f"{row.phrase}: unknown bound {row.bound!r}")
        if row.position not in {"before", "after"}:
            problems.append(f"{row.phrase}: unknown position {row.position!r}")
        if row.hedge and row.position != "before":
            problems.append(f"{row.phrase}: a hedge is read before its number")
    return problems


def test_number_modifiers_are_well_formed() -> None:
    rows = knowledge.number_modifiers()
    assert number_modifier_problems(rows) == []
    bad = knowledge.NumberModifier("or so", "approx", "after", True)
    assert number_modifier_problems([bad]) != []


def test_plover_categories_read_as_current_ones() -> None:
    from claimgraph.extract.events import lexicon

    assert len(lexicon.PLOVER_TYPES) == 16
    assert set(lexicon.GSR_TO_PLOVER) == set(lexicon.GSR_TYPES) - set(lexicon.PLOVER_TYPES)
    assert set(lexicon.GSR_TO_PLOVER.values()) <= set(lexicon.PLOVER_TYPES)


@pytest.mark.parametrize("name", ["events/words.tsv", "events/casualties.tsv", "place_words.tsv", "gender_words.tsv", "name_words.tsv",
                                  "resolve_words.tsv", "stance/words.tsv"])
def test_word_lists_are_named_once_and_explained(name: str) -> None:
    rows = knowledge.rows(name)
    assert duplicates(row[0] for row in rows) == []
    for set_name, words, why in rows:
        assert words and why, set_name
    assert all(knowledge.word_sets(name).values())
