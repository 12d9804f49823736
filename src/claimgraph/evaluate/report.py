"""Show an evaluation report as tables: ours beside the baseline."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from claimgraph.evaluate.scoring import Report


def print_report(report: Report, console: Console) -> None:
    base = report.baseline
    table = Table(title=f"{report.task} on {report.data} ({report.documents} documents)")
    for col in ("metric", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "metric" else "left")
    if base:
        table.add_column("baseline F1", justify="right")
    for name, c in sorted(report.counts.items()):
        row = [name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn)]
        if base:
            b = base.counts.get(name)
            row.append(f"{b.f1:.3f}" if b else "")
        table.add_row(*row)
    for name, (right, total) in sorted(report.values.items()):
        row = [name, "", "", f"{right / total if total else 0:.3f}", str(right), "", str(total)]
        if base:
            b = base.values.get(name)
            row.append(f"{b[0] / b[1]:.3f}" if b and b[1] else "")
        table.add_row(*row)
    console.print(table)
    for key, value in report.notes.items():
        console.print(f"{key}: {value}", highlight=False)
