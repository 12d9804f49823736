"""An action's word family: the verb, its nominalisation and its irregular forms meet."""

from __future__ import annotations

import pytest

from claimgraph.extract.events.families import family


@pytest.mark.parametrize("words", [
    ("explode", "exploded", "explosion"),
    ("invade", "invasion"),
    ("elect", "election"),
    ("investigate", "investigation"),
    ("arrive", "arrival"),
    ("die", "death"),  # irregular, from data/events/families.tsv
    ("earthquake", "quake"),
])
def test_a_verb_and_its_nouns_are_one_family(words: tuple[str, ...]) -> None:
    assert len({family(w) for w in words}) == 1


@pytest.mark.parametrize("a, b", [("attack", "arrest"), ("shoot", "say"), ("fire", "hire")])
def test_different_actions_are_different_families(a: str, b: str) -> None:
    assert family(a) != family(b)


def test_the_irregular_families_table_is_well_formed() -> None:
    from claimgraph import knowledge

    rows = knowledge.rows("events/families.tsv")
    words = [row[0] for row in rows]
    assert all(len(row) == 2 and row[0] == row[0].lower() and row[1] for row in rows)
    assert len(words) == len(set(words))
