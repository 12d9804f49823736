"""docs/api.md documents every route, error code and serve option (as datasette's test_docs)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from claimgraph.serve.cli import serve_command
from claimgraph.serve.envelope import API_CODES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")


def routes(client) -> list[str]:
    schema = client.get("/api/openapi.json").json()
    return [f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops]


def test_every_route_is_documented(client):
    documented = set(re.findall(r"^### `(\w+ /api/\S+)`", DOC, re.M))
    normalised = {re.sub(r"\{\w+\}", "{id}", r) for r in routes(client)}
    assert normalised == documented


@pytest.mark.parametrize("code", sorted(API_CODES))
def test_every_error_code_is_documented(code):
    assert f"| `{code}` |" in DOC


@pytest.mark.parametrize("name", [p for p in inspect.signature(serve_command).parameters])
def test_every_serve_option_is_documented(name):
    assert f"`--{name.replace('_', '-')}`" in DOC
