"""Stance (agree / disagree / discuss / unrelated) scored on held-out bodies of FNC-1's training set.

Data: ``fnc-1`` (``train_stances.csv`` + ``train_bodies.csv``; the competition's test split is
held out of this machine). Bodies are hashed into five parts by id
(:func:`claimgraph.resolve.stance_data.part_of`); fold ``a`` holds out part 0, fold ``b`` part 1.
For each fold a model is trained here, by the same :func:`claimgraph.resolve.stance.train` that
builds the shipped model, on the other four parts, and scored on the held-out one — so no body is
ever scored by a model that saw it, and the gate measures the training recipe, not a model that
has seen the data. (The shipped model is trained on every part: scoring it here would flatter.)

What is scored, per fold (``fold_a.``, ``fold_b.``) and over both held-out folds together:

- ``fnc_score``: FNC-1's weighted accuracy, as ``(points, best possible points)``: 0.25 for
  telling related from unrelated, 0.75 more for the right related class (agree, disagree,
  discuss);
- ``<class>`` P/R/F1 for each of the four classes, and ``macro_f1``, their mean (the competition
  organisers' later advice: FNC score rewards "discuss" for every related pair).

Baseline, scored alongside: related when at least half the claim's content words (stems, stop
words aside) occur in the text, and every related pair "discuss" — the issue's "always discuss
when related", with a relatedness test that needs no training.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimgraph.evaluate.scoring import Counts, Report, check_fold
from claimgraph.resolve.stance import train
from claimgraph.resolve.stance_data import FOLDS, LABELS, LabelledPair, read_fnc, split
from claimgraph.resolve.stance_features import STOPWORDS, read_text, stem, tokens

TASK = "stance"
DEFAULT_DATA = "fnc-1"
#: the baseline calls a pair related when this share of the claim's content words is in the text
BASELINE_SHARED = 0.5


def baseline(claim: str, text: str) -> str:
    """``discuss`` when half the claim's content words occur in the text, else ``unrelated``."""
    words = {stem(w) for w in tokens(claim) if w not in STOPWORDS}
    if not words:
        return "unrelated"
    return "discuss" if len(words & read_text(text).content) >= BASELINE_SHARED * len(words) else "unrelated"


def score(pairs: Sequence[LabelledPair], predicted: Sequence[str]) -> Report:
    """Per-class counts, FNC score and macro F1 of predicted labels against the pairs' gold."""
    report = Report(TASK, "")
    report.documents = len(pairs)
    counts = {label: Counts() for label in LABELS}
    confusion = {gold: dict.fromkeys(LABELS, 0) for gold in LABELS}
    points = best = 0.0
    for pair, label in zip(pairs, predicted, strict=True):
        gold_related, related = pair.label != "unrelated", label != "unrelated"
        best += 1.0 if gold_related else 0.25
        if gold_related == related:
            points += 0.25 + (0.75 if gold_related and label == pair.label else 0.0)
        confusion[pair.label][label] += 1
        if label == pair.label:
            counts[label].tp += 1
        else:
            counts[label].fp += 1
            counts[pair.label].fn += 1
    report.counts.update(counts)
    report.values["fnc_score"] = (points * 4, int(best * 4))  # in quarter points: whole numbers
    report.notes["confusion"] = confusion
    # the mean of the four F1s, as (sum, 4): recomputed from counts, not added across reports
    report.values["macro_f1"] = (sum(c.f1 for c in counts.values()), len(LABELS))
    return report


def _fold_reports(pairs: list[LabelledPair], fold: str) -> tuple[Report, Report, dict[str, float]]:
    """Train on the fold's other parts, score its held-out part; ours, baseline, timings."""
    training, held_out = split(pairs, fold)
    started = time.process_time()
    model = train(training)
    trained = time.process_time()
    predicted = [label for label, _ in model.predict([(p.claim, p.text) for p in held_out])]
    seconds = time.process_time() - trained
    timing = {"train_cpu_seconds": round(trained - started, 1),
              "pairs_per_cpu_second": round(len(held_out) / seconds) if seconds else 0.0}
    return score(held_out, predicted), score(held_out, [baseline(p.claim, p.text) for p in held_out]), timing


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    """Both folds' held-out scores, and both held-out parts together (``fold``: one alone, half
    the time); ``limit`` keeps the first N pairs of the file (a quick look, not a score)."""
    if fold is not None:
        check_fold(TASK, fold)
    pairs = read_fnc(data)
    if limit is not None:
        pairs = pairs[:limit]
    ours: dict[str, Report] = {}
    base: dict[str, Report] = {}
    timings: dict[str, dict[str, float]] = {}
    for name in FOLDS if fold is None else (fold,):
        ours[name], base[name], timings[name] = _fold_reports(pairs, name)
    report, report.baseline = _merge(str(data), ours), _merge(str(data), base)
    report.notes = {"folds": {name: f"held out: part {FOLDS[name]} of 5 by body id; trained on the rest"
                              for name in ours},
                    "timing": timings,
                    "confusion (gold -> predicted)": _confusion(ours.values())}
    return report


def _confusion(reports: Iterable[Report]) -> dict[str, dict[str, int]]:
    total = {gold: dict.fromkeys(LABELS, 0) for gold in LABELS}
    for report in reports:
        for gold, row in report.notes["confusion"].items():
            for label, n in row.items():
                total[gold][label] += n
    return total


def _merge(data: str, folds: dict[str, Report]) -> Report:
    """Pool the folds' counts (the whole), and keep each fold's scores as ``fold_<name>.*``."""
    whole = Report(TASK, data, sum(r.documents for r in folds.values()))
    for report in folds.values():
        for name, counts in report.counts.items():
            whole.counts[name] = whole.counts.get(name, Counts()) + counts
    points = sum(r.values["fnc_score"][0] for r in folds.values())
    best = sum(r.values["fnc_score"][1] for r in folds.values())
    whole.values["fnc_score"] = (points, best)
    whole.values["macro_f1"] = (sum(c.f1 for c in whole.counts.values()), len(LABELS))
    for fold, report in sorted(folds.items()):
        for name in ("fnc_score", "macro_f1"):
            whole.values[f"fold_{fold}.{name}"] = report.values[name]
        for name, counts in report.counts.items():
            whole.counts[f"fold_{fold}.{name}"] = counts
    return whole
