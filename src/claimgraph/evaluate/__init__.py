"""Evaluation against external gold data: one reader + scorer module per task.

A task module (``claimgraph/evaluate/<name>.py``) declares::

    TASK = "attribution"                  # the name used by `claimgraph eval TASK`
    DEFAULT_DATA = "polnear/data/dev"     # relative to the evaldata root (../shared/evaldata)
    def evaluate(data: Path, *, limit: int | None = None) -> Report: ...

and is found here by discovery, so adding a task needs no edit elsewhere. Gold data is never
copied into the repository: it is read from the evaldata root (``$CLAIMGRAPH_EVALDATA``, else the
first ``shared/evaldata`` beside a parent of the working directory or of this package).
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import os
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.scoring import Counts, Report

__all__ = ["Counts", "Report", "tasks", "run", "evaldata_root", "fingerprint"]


def tasks() -> dict[str, ModuleType]:
    """Every evaluation task module, by task name."""
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__, __name__ + "."):
        module = importlib.import_module(info.name)
        name = getattr(module, "TASK", None)
        if isinstance(name, str):
            found[name] = module
    return dict(sorted(found.items()))


def evaldata_root() -> Path | None:
    """Where the shared gold data lives, or None when this machine has none."""
    env = os.environ.get("CLAIMGRAPH_EVALDATA")
    if env:
        return Path(env)
    for start in (Path.cwd(), Path(__file__).resolve()):
        for parent in [start, *start.parents]:
            candidate = parent / "shared" / "evaldata"
            if candidate.is_dir():
                return candidate
            candidate = parent.parent / "shared" / "evaldata"
            if candidate.is_dir():
                return candidate
    return None


def resolve_data(task: ModuleType, data: Path | None) -> Path:
    if data is not None:
        path = data
    else:
        root = evaldata_root()
        if root is None:
            raise ClaimgraphError("E004", "no evaldata found: pass --data or set CLAIMGRAPH_EVALDATA")
        path = root / task.DEFAULT_DATA
    if not path.exists():
        raise ClaimgraphError("E004", f"evaluation data not found: {path}")
    return path


def run(name: str, data: Path | None = None, *, limit: int | None = None, fold: str | None = None) -> Report:
    """Run one task's scorer (and its baseline) and return the report.

    ``fold``: score one fixed part of the data alone, for tasks whose scorer splits it (events:
    ``a`` is the half rules are designed on, ``b`` the half that checks them).
    """
    all_tasks = tasks()
    if name not in all_tasks:
        raise ClaimgraphError(
            "E003", f"unknown evaluation task {name!r}; known: {', '.join(all_tasks) or 'none'}"
        )
    module = all_tasks[name]
    evaluate: Callable[..., Report] = module.evaluate
    if fold is None:
        return evaluate(resolve_data(module, data), limit=limit)
    if "fold" not in inspect.signature(evaluate).parameters:
        raise ClaimgraphError("E003", f"evaluation task {name!r} has no folds")
    return evaluate(resolve_data(module, data), limit=limit, fold=fold)


def fingerprint(path: Path) -> str:
    """A hash of the gold files' names and bytes: the eval gate refuses floors pinned on other data."""
    digest = hashlib.sha1()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        digest.update(str(file.relative_to(path.parent if path.is_file() else path)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]
