"""The server, PostgreSQL and Dask are extras: the core runs without them, and a command that
needs a missing one stops with one coded line naming the extra to install."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import ClaimgraphError
from claimgraph.extras import EXTRAS
from claimgraph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def missing(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``modules`` unimportable, as if their extra were not installed."""
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_the_extras_table_matches_pyproject() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert set(EXTRAS) <= set(declared)
    assert declared["all"] == [f"claimgraph[{','.join(EXTRAS)}]"]


def test_serve_without_its_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing(monkeypatch, "uvicorn")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, lines
    assert "[E005] `claimgraph serve` needs the 'serve' extra: pip install 'claimgraph[serve]'" in lines[0]


def test_a_postgresql_url_without_its_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    missing(monkeypatch, "psycopg")
    with pytest.raises(ClaimgraphError) as info:
        open_store("postgresql://localhost/claims")
    assert info.value.code == "E005"
    assert "pip install 'claimgraph[postgres]'" in info.value.message


def test_dask_without_its_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing(monkeypatch, "dask")
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen on Friday.")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--dask"])
    assert result.exit_code == 2
    assert "pip install 'claimgraph[dask]'" in result.output


# A fresh interpreter where no extra can be imported: the core imports, stores and queries.
CORE_WITHOUT_EXTRAS = """
import sys
for name in {blocked!r}:
    sys.modules[name] = None
import claimgraph.analyze, claimgraph.cli, claimgraph.pipeline
from typer.testing import CliRunner
from claimgraph.record import Record
from claimgraph.store import open_store
with open_store(sys.argv[1]) as store:
    store.add_record(Record(id="d1", source="t.txt", published="2024-08-13",
                            text="The mayor said the bridge would reopen."))
result = CliRunner().invoke(claimgraph.cli.app, ["query", "documents", "--db", sys.argv[1],
                                                  "-f", "jsonl"])
assert result.exit_code == 0, result.output
assert '"id": "d1"' in result.output, result.output
print("core ok")
"""


def test_the_core_runs_without_any_extra(tmp_path: Path) -> None:
    blocked = [m for modules in EXTRAS.values() for m in modules] + ["starlette"]
    script = CORE_WITHOUT_EXTRAS.format(blocked=blocked)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "core.duckdb")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "core ok"
