"""The package's shape: no import cycle, and no layer importing one above it.

Folders follow the data's path (record → ingest → nlp → extract → analyze → … → serve), so a
reader who knows the path knows where a line lives and which way dependencies point. An import
inside a function counts like any other: hiding a cycle in a function keeps it a cycle (the two
modules still cannot be understood, tested or moved apart), so the graph below is read from
every ``import`` statement in the source, at any depth, by ``ast`` (nothing is imported).

Importing ``a.b.c`` also runs the package ``a.b``; that edge is left out, or every package whose
``__init__`` names its own submodules would be a "cycle".
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: the layers along the data's path, lowest first; a module may import its own layer and lower
LAYERS: list[set[str]] = [
    {"record", "errors", "ids", "contract"},  # the output contract and its vocabulary
    {"knowledge", "extras"},  # the data/ tables; optional dependencies named by their extra
    {"ingest"},  # inputs -> Document
    {"nlp"},  # the spaCy pipeline, the news ruler, Doc extensions
    {"extract"},  # one extractor per thing, each a component
    {"analyze", "pieces", "processes"},  # documents -> records (long texts in pieces; workers)
    {"resolve"},  # across documents: identity, dedup, stories
    {"store"},  # rows, schema and SQL only
    {"pipeline"},  # read -> analyse -> store: above both (issue 10 item 1)
    {"query", "render"},  # read records back; show them
    {"serve", "scale", "evaluate", "bench", "cli", "__main__"},  # the ways in
]


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int

    def __str__(self) -> str:
        return f"{self.importer} -> {self.imported} (line {self.line})"


def modules(src: Path, package: str) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package ``__init__``)."""
    out = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return out


def imports(src: Path, package: str) -> list[Import]:
    """Every import of one of ``package``'s modules by another, at module or function level."""
    known = modules(src, package)

    def owner(name: str) -> str | None:  # the module a dotted name lives in
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    found: list[Import] = []
    for module, (path, is_package) in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the importing module's package
                    here = module.split(".") if is_package else module.split(".")[:-1]
                    here = here[: len(here) - node.level + 1]
                    base = ".".join([*here, base] if base else here)
                targets = [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                imported = owner(target)
                if imported is not None and imported != module:
                    found.append(Import(module, imported, node.lineno))
    return found


def cycles(edges: list[Import]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's SCCs)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.importer, set()).add(edge.imported)
        graph.setdefault(edge.imported, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def layer_of(module: str) -> int | None:
    top = module.split(".")[1] if "." in module else module
    return next((i for i, layer in enumerate(LAYERS) if top in layer), None)


EDGES = imports(SRC, "claimgraph")


def test_no_import_cycle_inside_claimgraph() -> None:
    found = cycles(EDGES)
    detail = [str(e) for e in EDGES if any({e.importer, e.imported} <= set(g) for g in found)]
    assert found == [], "import cycles:\n" + "\n".join(detail)


def test_every_part_of_claimgraph_has_a_layer() -> None:
    unplaced = sorted({m for m in modules(SRC, "claimgraph") if layer_of(m) is None})
    assert unplaced == [], "add these to LAYERS (in tests/test_imports.py) where the data's path puts them"


def test_no_layer_imports_a_higher_one() -> None:
    upward = [str(e) for e in EDGES if (layer_of(e.importer) or 0) < (layer_of(e.imported) or 0)]
    assert upward == [], "imports against the data's path:\n" + "\n".join(upward)


# The checks themselves, on a small package written for the purpose: they must see what they
# are meant to forbid.


@pytest.fixture()
def toy(tmp_path: Path) -> Path:
    package = tmp_path / "toy"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from toy.sub import b\n")
    (package / "a.py").write_text("from toy.sub.b import helper\n")
    (package / "sub" / "b.py").write_text("def helper():\n    from .. import a\n    return a\n")
    return tmp_path


def test_an_import_inside_a_function_is_part_of_the_graph(toy: Path) -> None:
    edges = {(e.importer, e.imported) for e in imports(toy, "toy")}
    assert ("toy.sub.b", "toy.a") in edges


def test_a_cycle_through_a_function_level_import_is_found(toy: Path) -> None:
    assert cycles(imports(toy, "toy")) == [["toy.a", "toy.sub.b"]]


def test_a_package_importing_its_own_submodule_is_no_cycle(toy: Path) -> None:
    (toy / "toy" / "sub" / "b.py").write_text("def helper():\n    return 1\n")
    assert cycles(imports(toy, "toy")) == []
