"""Show evaluation results as tables: ours beside the baseline, then each note as its own table.

A task's ``notes`` (error counts, confusions, per-type scores, missed examples) are plain JSON
values so ``--json`` carries them as they are; here each shape gets a readable form: a mapping
becomes a two-column table, a mapping of mappings a table with one column per inner key, a list
a bulleted list (the first :data:`LIST_LIMIT` items). ``claimgraph eval list`` is a table too.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from claimgraph.evaluate.scoring import Report

#: a list in the notes (e.g. wrong values) shows this many items, then how many more
LIST_LIMIT = 15


def _data_name(data: str) -> str:
    """The gold data's path below the evaldata root when it lies there (shorter titles)."""
    from claimgraph.evaluate import evaldata_root

    root = evaldata_root()
    path = Path(data)
    if root is not None and path.is_relative_to(root):
        return str(path.relative_to(root))
    return data


def scores_table(report: Report) -> Table:
    """P/R/F1 with their counts for each metric, the baseline's F1 beside."""
    base = report.baseline
    table = Table(title=f"{report.task} on {_data_name(report.data)} ({report.documents:,} documents)",
                  title_justify="left")
    for col in ("metric", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "metric" else "left")
    if base:
        table.add_column("baseline F1", justify="right")
    for name, c in sorted(report.counts.items()):
        row = [name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp),
               str(c.fn)]
        if base:
            b = base.counts.get(name)
            row.append(f"{b.f1:.3f}" if b else "")
        table.add_row(*row)
    return table


def accuracy_table(report: Report) -> Table | None:
    """The scores that are right / total (a type or a value among matched items), or means (a sum
    over documents / their count), then the scores a task derives from them (an F1 of two means)."""
    if not report.values:
        return None
    base = report.baseline
    means = any(isinstance(right, float) for right, _ in report.values.values())
    table = Table(title="means over documents" if means else "accuracies", title_justify="left")
    for col in ("metric", "score", "sum", "count") if means else ("metric", "accuracy", "right", "total"):
        table.add_column(col, justify="right" if col != "metric" else "left")
    if base:
        table.add_column("baseline", justify="right")
    for name, (right, total) in sorted(report.values.items()):
        shown = f"{right:.2f}" if isinstance(right, float) else str(right)  # a sum, for a mean
        row = [name, f"{right / total if total else 0:.3f}", shown, str(total)]
        if base:
            b = base.values.get(name)
            row.append(f"{b[0] / b[1]:.3f}" if b and b[1] else "")
        table.add_row(*row)
    for name, score in _derived(report).items():
        table.add_row(name, f"{score:.3f}", "", "", *([f"{_derived(base).get(name, 0.0):.3f}"] if base else []))
    return table


def _derived(report: Report) -> dict[str, float]:
    """Metrics a task computes from its counts and values (e.g. an F1 of two means)."""
    plain = {f"{n}.{m}" for n in report.counts for m in ("precision", "recall", "f1")} | set(report.values)
    return {name: score for name, score in sorted(report.metrics().items()) if name not in plain}


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, list | tuple):
        return " / ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {_cell(v)}" for k, v in value.items())
    return str(value)


def note_renderable(title: str, value: Any) -> RenderableType:
    """One note in the readable shape that fits it (see the module docstring)."""
    label = title.replace("_", " ")
    if isinstance(value, Mapping) and value and all(isinstance(v, Mapping) for v in value.values()):
        columns = list(dict.fromkeys(k for inner in value.values() for k in inner))
        table = Table(title=label, title_justify="left")
        table.add_column("")
        for col in columns:
            table.add_column(str(col), justify="right")
        for key, inner in value.items():
            table.add_row(str(key), *(_cell(inner.get(col, "")) for col in columns))
        return table
    if isinstance(value, Mapping):
        table = Table(title=label, title_justify="left", show_header=False)
        table.add_column("")
        table.add_column("", justify="right")
        for key, item in value.items():
            table.add_row(str(key), _cell(item))
        return table
    if isinstance(value, list | tuple):
        items = Table.grid(padding=(0, 1))
        items.add_column()
        items.add_column()
        for item in value[:LIST_LIMIT]:
            items.add_row("•", _cell(item))
        if len(value) > LIST_LIMIT:
            items.add_row("", Text(f"… and {len(value) - LIST_LIMIT:,} more (all with --json)",
                                   style="dim"))
        return Group(Text(f"{label} ({len(value):,})", style="italic"), items)
    return Text(f"{label}: {_cell(value)}")


def print_report(report: Report, console: Console) -> None:
    if report.counts or not report.values:
        console.print(scores_table(report))
    else:
        console.print(f"{report.task} on {_data_name(report.data)} ({report.documents:,} documents)")
    accuracies = accuracy_table(report)
    if accuracies is not None:
        console.print(accuracies)
    for key, value in report.notes.items():
        if value in ({}, [], None):
            continue
        console.print()
        console.print(note_renderable(key, value))


def describe(module: ModuleType) -> str:
    """A task's description: the first paragraph of its module's docstring, on one line."""
    first = (module.__doc__ or "").strip().split("\n\n", 1)[0]
    return " ".join(first.split()).replace("``", "")


def tasks_table(tasks: Mapping[str, ModuleType]) -> Table:
    """What ``claimgraph eval list`` prints: each task, what it scores, and its gold data."""
    table = Table(title="Evaluation tasks (claimgraph eval TASK; data under the evaldata root)",
                  title_justify="left")
    for col in ("task", "what it scores", "gold data"):
        table.add_column(col, overflow="fold")
    for name, module in tasks.items():
        table.add_row(name, describe(module), module.DEFAULT_DATA)
    return table
