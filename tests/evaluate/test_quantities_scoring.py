"""The quantity scorers: span matching, unit normalisation and quantulum3's unit mapping."""

from __future__ import annotations

from claimgraph.evaluate import quantities, quantities_q3
from claimgraph.record import Quantity


def test_exact_and_overlap_counts() -> None:
    gold = [Quantity(0, 10, "", unit="participants"), Quantity(20, 25, "")]
    found = [Quantity(0, 10, "", unit="participant"), Quantity(21, 30, ""), Quantity(40, 42, "")]
    report = quantities.score(gold, found)
    assert (report.counts["exact"].tp, report.counts["exact"].fp, report.counts["exact"].fn) == (1, 2, 1)
    assert (report.counts["overlap"].tp, report.counts["overlap"].fp, report.counts["overlap"].fn) == (2, 1, 0)
    assert report.values["unit.accuracy"] == (1, 1)


def test_units_compare_through_the_table() -> None:
    assert quantities.same_unit("%", "percent")
    assert quantities.same_unit("km", "kilometre")
    assert quantities.same_unit("m s−1", "metre per second")
    assert quantities.same_unit("Participants", "participant")
    assert not quantities.same_unit("mg", "kilogram")


def test_quantulum3_dimensionless_matches_counts_not_units() -> None:
    assert quantities_q3.same_unit("dimensionless", None)
    assert quantities_q3.same_unit("dimensionless", "cars")
    assert not quantities_q3.same_unit("dimensionless", "kilometre")
    assert quantities_q3.same_unit("dollar per hour", "USD per hour")


def test_a_range_compares_by_its_midpoint() -> None:
    assert quantities_q3.point(Quantity(0, 1, "", low=3, high=4)) == 3.5
    assert quantities_q3.point(Quantity(0, 1, "", value=2, low=1)) == 2.0
    assert quantities_q3.point(Quantity(0, 1, "", low=1)) is None
