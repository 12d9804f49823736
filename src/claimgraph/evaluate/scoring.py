"""Mergeable scores: every scorer counts true/false positives and false negatives, so scores of
partitions (a Dask run, or one file at a time) add up exactly to the score of the whole."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from claimgraph.errors import ClaimgraphError


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)

#: the two fixed halves of a data set: rules are designed on "a", "b" checks them
FOLDS = ("a", "b")


def fold_of(item_id: str) -> str:
    """The fixed half ("a" or "b") an item belongs to: the first byte of its id's SHA-1, odd
    or even (independent of the items' order, kind and text)."""
    return FOLDS[hashlib.sha1(item_id.encode("utf-8")).digest()[0] % 2]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Report:
    """The result of one evaluation task.

    ``counts`` holds P/R/F1 metrics by name ("cue", "whole"); ``values`` holds other scores
    (accuracies and means, as ``(correct or sum, total)`` pairs so they stay mergeable); ``baseline`` is the same
    report for the deliberately simple baseline, scored alongside.
    """

    task: str
    data: str
    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=dict)
    values: dict[str, tuple[float, int]] = field(default_factory=dict)
    baseline: Report | None = None
    notes: dict[str, Any] = field(default_factory=dict)

    def merge(self, other: Report) -> Report:
        out = Report(self.task, self.data, self.documents + other.documents)
        for name in self.counts.keys() | other.counts.keys():
            out.counts[name] = self.counts.get(name, Counts()) + other.counts.get(name, Counts())
        for name in self.values.keys() | other.values.keys():
            a, b = self.values.get(name, (0, 0)), other.values.get(name, (0, 0))
            out.values[name] = (a[0] + b[0], a[1] + b[1])
        return out

    def metrics(self) -> dict[str, float]:
        """Flat ``name -> score`` (``cue.f1``, ``type_accuracy``): what the eval gate pins."""
        flat: dict[str, float] = {}
        for name, c in self.counts.items():
            flat[f"{name}.precision"] = round(c.precision, 4)
            flat[f"{name}.recall"] = round(c.recall, 4)
            flat[f"{name}.f1"] = round(c.f1, 4)
        for name, (right, total) in self.values.items():
            flat[name] = round(right / total, 4) if total else 0.0
        return flat

    def as_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "data": self.data,
            "documents": self.documents,
            "counts": {k: v.as_dict() for k, v in sorted(self.counts.items())},
            "values": {k: list(v) for k, v in sorted(self.values.items())},
            "metrics": self.metrics(),
            "baseline": self.baseline.as_dict() if self.baseline else None,
            "notes": self.notes,
        }


def overlap_pairs(gold: Sequence[S], found: Sequence[S]) -> list[tuple[S, S]]:
    """One-to-one pairs of overlapping spans: each gold span, in order, takes the first system
    span that overlaps it and is still free (the relaxed match of TempEval-3 and MeasEval)."""
    pairs: list[tuple[S, S]] = []
    used: set[int] = set()
    for g in gold:
        for i, f in enumerate(found):
            if i not in used and f.start < g.end and g.start < f.end:
                used.add(i)
                pairs.append((g, f))
                break
    return pairs


def check_fold(task: str, fold: str) -> None:
    """Refuse a fold name that is not one of FOLDS (E003)."""
    if fold not in FOLDS:
        raise ClaimgraphError("E003", f"unknown fold {fold!r} of task {task!r}: use one of {', '.join(FOLDS)}")


def add_folds(report: Report, folds: dict[str, Report]) -> None:
    """Copy each fold's accuracies into ``report`` as ``fold_<name>.<metric>``."""
    for name, part in sorted(folds.items()):
        for metric, value in part.values.items():
            report.values[f"fold_{name}.{metric}"] = value


def merge_reports(task: str, data: Path | str, reports: Iterable[Report]) -> Report:
    """Add per-document reports into one for the whole data set."""
    total = Report(task, str(data))
    for report in reports:
        total = total.merge(report)
    total.task, total.data = task, str(data)
    return total


def score_spans(
    task: str,
    data: Path | str,
    cases: Iterable[tuple[Sequence[S], Sequence[S], Sequence[S]]],
    score: Callable[[Sequence[S], Sequence[S]], Report],
    error_kinds: Callable[[Sequence[S], Sequence[S]], dict[str, int]],
) -> Report:
    """Score ``(gold, ours, baseline)`` span lists document by document.

    The span tasks (times, quantities) all report the same three things: our merged counts, the
    simple baseline's beside them, and how often each kind of error occurred, most frequent
    first; one function keeps them reported alike.
    """
    ours: list[Report] = []
    base: list[Report] = []
    errors: dict[str, int] = {}
    for gold, found, baseline in cases:
        ours.append(score(gold, found))
        base.append(score(gold, baseline))
        for kind, n in error_kinds(gold, found).items():
            errors[kind] = errors.get(kind, 0) + n
    report = merge_reports(task, data, ours)
    report.baseline = merge_reports(task, data, base)
    report.notes = {"errors": dict(sorted(errors.items(), key=lambda kv: -kv[1]))}
    return report
