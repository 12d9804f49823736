"""Hypothesis round trip: any record -> store -> record is identical, on both backends.

The strategies are derived from the record data classes' own type hints, so a field added to
the contract is generated here at once, and the test fails until the store keeps it.
"""

from __future__ import annotations

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

# Text both databases keep exactly: no NUL (PostgreSQL refuses it) and no lone surrogates.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=12)
SMALL = st.integers(min_value=0, max_value=2_000_000)
NUMBER = st.integers(min_value=-(2**53), max_value=2**53) | st.floats(
    allow_nan=False, allow_infinity=False, width=64
)


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
        return st.floats(allow_nan=False, allow_infinity=False, width=64)
    if hint is str:
        return TEXT
    raise TypeError(f"no strategy for {hint!r}: extend strategy_for")


def dataclass_strategy(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    return st.builds(cls, **{f.name: strategy_for(hints[f.name]) for f in fields(cls)})


RECORDS = dataclass_strategy(Record)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(record=RECORDS)
def test_any_record_round_trips(store: Store, record: Record) -> None:
    record.id = uuid.uuid4().hex  # each example is a new document in the same database
    assert store.add_record(record) is True
    back = store.get_record(record.id)
    assert back == record
    assert back is not None and back.to_dict() == record.to_dict()


def test_every_contract_field_has_a_column() -> None:
    """A new scalar field of the contract needs a column (lists and nested parts have tables)."""
    nested = {"entities", "attributions", "quantities", "times", "places", "events"}
    for f in fields(Record):
        assert f.name in COLUMNS["documents"] or f.name in nested, f.name
