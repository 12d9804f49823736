"""The store knows rows, schema and SQL only: nothing in ``store/`` reads inputs, runs the NLP
pipeline or serves (reading -> analysis -> storage is joined in ``claimgraph.pipeline``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claimgraph.store

STORE = Path(claimgraph.store.__file__).parent
#: what the store may use: the contract, its errors, ids, source identity, optional extras
ALLOWED = ("claimgraph.store", "claimgraph.record", "claimgraph.errors", "claimgraph.ids",
           "claimgraph.resolve", "claimgraph.extras")


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(STORE.glob("*.py")), ids=lambda p: p.name)
def test_store_imports_nothing_above_it(path: Path) -> None:
    ours = {n for n in imported(path) if n == "claimgraph" or n.startswith("claimgraph.")}
    assert {n for n in ours if not n.startswith(ALLOWED)} == set()
