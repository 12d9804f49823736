"""Check records against the output contract: the JSON Schema plus what a schema cannot say.

A schema checks shapes; the contract also promises that every span's ``text`` is exactly
``record.text[start:end]`` and that event ``place``/``time``/``quantities`` indexes and
quantity/event ``attribution`` ids point at something that exists. Tests and the API use :func:`problems`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    schema = json.loads(
        resources.files("claimgraph.data").joinpath("record.schema.json").read_text("utf-8")
    )
    return Draft202012Validator(schema)


def _spans(value: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys() and isinstance(value["start"], int):
            yield where, value
        for key, sub in value.items():
            yield from _spans(sub, f"{where}.{key}")
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _spans(sub, f"{where}[{i}]")


def problems(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the contract (an empty list means it keeps it)."""
    found = [f"{'/'.join(map(str, e.path)) or '<record>'}: {e.message}" for e in validator().iter_errors(record)]
    if found:
        return found
    text = record["text"]
    for key in ("entities", "attributions", "quantities", "times", "places", "events"):
        for where, span in _spans(record[key], key):
            if not 0 <= span["start"] <= span["end"] <= len(text):
                found.append(f"{where}: offsets {span['start']}:{span['end']} outside the text")
            elif text[span["start"]:span["end"]] != span["text"]:
                found.append(f"{where}: text {span['text']!r} is not text[{span['start']}:{span['end']}]")
    ids = {a["id"] for a in record["attributions"]}
    for i, q in enumerate(record["quantities"]):
        if q["attribution"] is not None and q["attribution"] not in ids:
            found.append(f"quantities[{i}].attribution: no attribution {q['attribution']!r}")
    for i, e in enumerate(record["events"]):
        if e["attribution"] is not None and e["attribution"] not in ids:
            found.append(f"events[{i}].attribution: no attribution {e['attribution']!r}")
        if e["place"] is not None and e["place"] >= len(record["places"]):
            found.append(f"events[{i}].place: index {e['place']} out of range")
        if e["time"] is not None and e["time"] >= len(record["times"]):
            found.append(f"events[{i}].time: index {e['time']} out of range")
        for j, q in enumerate(e["quantities"]):
            if q >= len(record["quantities"]):
                found.append(f"events[{i}].quantities[{j}]: index {q} out of range")
    return found
