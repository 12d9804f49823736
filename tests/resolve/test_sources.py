"""Source identity: the same source gets the same id in any document, another source another."""

from __future__ import annotations

from claimgraph.record import Source
from claimgraph.resolve.sources import source_id, source_key


def test_a_canonical_name_is_the_identity_whatever_the_mention_says() -> None:
    kremlin = Source(0, 11, "the Kremlin", canonical="Kremlin", kind="organization")
    spokesman = Source(40, 59, "Moscow's leadership", canonical="Kremlin", kind="organization")
    assert source_id(kremlin) == source_id(spokesman)
    assert source_key(spokesman)[0] == "Kremlin"


def test_without_a_canonical_name_case_and_spacing_do_not_matter() -> None:
    one = Source(0, 19, "An unnamed official", kind="person", anonymous=True)
    other = Source(120, 140, "an unnamed  official", kind="person", anonymous=True)
    assert source_id(one) == source_id(other)


def test_kind_and_anonymity_keep_sources_apart() -> None:
    named = Source(0, 8, "ministry", kind="organization")
    assert source_id(named) != source_id(Source(0, 8, "ministry", kind="person"))
    assert source_id(named) != source_id(
        Source(0, 8, "ministry", kind="organization", anonymous=True))
