"""A leader's full name written a letter apart is still that leader: transliterations vary from
wire to wire ("Bouteflicka", "Qadhafi"), two letters apart is another name."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from claimgraph.extract.events.people import _full_leader_names, _leader_spelled, _one_edit


def _name(text: str) -> Span:
    doc = spacy.blank("en")(text)
    return doc[:]


@pytest.mark.parametrize("spelled", [
    "Abdelaziz Bouteflicka",  # a letter added
    "Abdelaziz Boutflika",  # a letter left out
    "Abdelaziz Boutaflika",  # a letter replaced
])
def test_a_leader_s_name_a_letter_apart_is_that_leader(spelled: str) -> None:
    assert _leader_spelled(_name(spelled)) == ("DZA", "Abdelaziz Bouteflika")


def test_two_letters_apart_is_another_name() -> None:
    assert _leader_spelled(_name("Abdelazis Boutaflika")) is None


def test_the_leaders_a_name_is_compared_with_are_every_one_a_letter_apart() -> None:
    """The names are looked up by their spellings with a letter left out, not scanned: the
    lookup finds what a scan of the whole table would, for every kind of change."""
    table = _full_leader_names()
    forms = sorted(table)[::25]
    for form in forms:
        middle = len(form) // 2
        for spelled in (form[:middle] + "x" + form[middle:], form[:middle] + form[middle + 1:],
                        form[:middle] + "q" + form[middle + 1:], form + "s", form[1:]):
            if " " not in spelled.strip():
                continue
            scanned = {found for other, found in table.items() if _one_edit(spelled, other)}
            expected = scanned.pop() if len(scanned) == 1 else None
            found = _leader_spelled(_name(spelled))
            assert found == expected, spelled
