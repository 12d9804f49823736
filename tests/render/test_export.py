"""Query results written out: nested items flattened into dotted columns, long cells shortened
at a word, bad formats refused with a coded error."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.render.export import flatten, render_table, write, write_csv

CLAIM = {"id": "a1", "source": {"text": "diplomats", "kind": "government"}, "via": ["Reuters"]}


def test_nested_objects_become_dotted_columns_and_lists_json():
    assert flatten(CLAIM) == {"id": "a1", "source.text": "diplomats", "source.kind": "government",
                              "via": '["Reuters"]'}


def test_csv_has_every_column_any_row_has():
    out = io.StringIO()
    assert write_csv([{"id": "a0"}, CLAIM], out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0] == {"id": "a0", "source.text": "", "source.kind": "", "via": ""}
    assert json.loads(rows[1]["via"]) == ["Reuters"]


def test_a_long_cell_is_shortened_at_a_word_in_the_table():
    content = "the ministry said the convoy reached the northern districts of the city on Monday"
    out = io.StringIO()
    render_table([{"content": content}], out=out, width=40)
    cell = next(line for line in out.getvalue().splitlines() if "ministry" in line)
    shown = cell.strip("│ ").removesuffix("…").strip()
    assert content.startswith(shown) and content[len(shown)] == " "


def test_unknown_format_and_parquet_to_stdout_are_coded_errors():
    with pytest.raises(ClaimgraphError) as unknown:
        write([CLAIM], "xml")
    with pytest.raises(ClaimgraphError) as parquet:
        write([CLAIM], "parquet")
    assert unknown.value.code == parquet.value.code == "E002"
