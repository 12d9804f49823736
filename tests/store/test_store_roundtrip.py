"""Hypothesis round trip: any record -> store -> record is identical, on both backends.

The strategies are derived from the record data classes' own type hints, so a field added to
the contract is generated here at once, and the test fails until the store keeps it. Values
span what JSON can carry, not what articles usually hold: ints of any size (a tweet id above
2**53), every finite float bit for bit (-0.0, 5e-324, 1.7976931348623157e308), any Unicode
text but NUL (astral characters, control characters, long strings), empty lists and null
fields. Identity is checked on the JSON text, where 3 and 3.0, 0.0 and -0.0 differ.
"""

from __future__ import annotations

import json
import sys
import types
import typing
import uuid
from dataclasses import fields, is_dataclass
from typing import Any, Literal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.record import Record
from claimgraph.store import Store
from claimgraph.store.rows import COLUMNS

# Text both databases keep exactly: no NUL (refused by both, see test_store_exact) and no lone
# surrogates (not valid Unicode); astral and control characters included.
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.text(_CHARS, max_size=12) | st.integers(1_000, 50_000).map(
    lambda n: ("a\U0001f600\u00e9\t\x7f\u202e"[n % 6:] * n)[:n]  # long, cheap to generate
)
SMALL = st.integers(min_value=0, max_value=2_000_000)  # offsets and indexes
INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
BIG_INTS = st.integers() | st.sampled_from(
    [2**53 + 1, 672138506081275904, 672137288055398401, 2**63 - 1, 2**63, -(2**63) - 1,
     2**64 + 1, 10**100, -(10**300)]
)
FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64) | st.sampled_from(
    [-0.0, 5e-324, -5e-324, 1e308, sys.float_info.max, -sys.float_info.max,
     sys.float_info.min, 0.1, 1e16, 1e-7, 9007199254740993.0]
)
NUMBER = BIG_INTS | FLOATS
DAY = st.dates().map(lambda d: d.isoformat())
# Fields whose domain is narrower or wider than their type hint says.
BY_NAME: dict[str, st.SearchStrategy[Any]] = {
    "published": st.none() | DAY,
    "geonames_id": st.none() | INT64,
    "fatalities": st.none() | st.integers(min_value=0, max_value=2**63 - 1),
}


def strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if set(options) == {float, int}:
            inner = NUMBER
        else:
            inner = st.one_of(*(strategy_for(a) for a in options))
        return st.none() | inner if type(None) in args else inner
    if origin is list:
        return st.lists(strategy_for(args[0]), max_size=3)
    if is_dataclass(hint):
        return dataclass_strategy(hint)
    if hint is bool:
        return st.booleans()
    if hint is int:
        return SMALL
    if hint is float:
        return FLOATS
    if hint is str:
        return TEXT
    raise TypeError(f"no strategy for {hint!r}: extend strategy_for")


def dataclass_strategy(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    return st.builds(cls, **{
        f.name: BY_NAME[f.name] if f.name in BY_NAME else strategy_for(hints[f.name])
        for f in fields(cls)
    })


RECORDS = dataclass_strategy(Record)


def as_json(record: Record | None) -> str:
    assert record is not None
    return json.dumps(record.to_dict(), ensure_ascii=False)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(record=RECORDS)
def test_any_record_round_trips(store: Store, record: Record) -> None:
    record.id = uuid.uuid4().hex  # each example is a new document in the same database
    assert store.add_record(record) is True
    back = store.get_record(record.id)
    assert back == record
    assert as_json(back) == as_json(record)


def test_every_contract_field_has_a_column() -> None:
    """A new scalar field of the contract needs a column (lists and nested parts have tables)."""
    nested = {"entities", "attributions", "quantities", "times", "places", "events"}
    for f in fields(Record):
        assert f.name in COLUMNS["documents"] or f.name in nested, f.name
