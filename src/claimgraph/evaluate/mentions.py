"""Event mention detection scored on ECB+: every reported event, coded or not.

Data: ECB+ (:mod:`claimgraph.evaluate.ecbplus`), the gold ``ACTION_*`` mentions in the
sentences the release marks as annotated. Folds by topic: ``odd`` topics are where the mention
model (``scripts/train_event_mentions.py``) is fitted, ``even`` topics confirm it; every report
carries both as ``fold_<name>.<metric>``. MEANTIME's coverage and precision are in
``claimgraph eval factuality`` (``coverage``, ``event_precision``).

What is scored (a span of ours matches a gold mention when they share a character):

- ``mention``: recall over gold mentions (matched by any event's trigger or one of its
  ``mentions``), precision over our events whose trigger lies in an annotated sentence (matching
  some gold mention);
- ``coded``: the same over PLOVER-coded events only, and ``uncoded`` over events with ``type``
  null, so a change to word sense shows on each.

ECB+ annotates the events of its topic's happenings in those sentences, not every event a
sentence reports, so precision here is a floor of the true one (MEANTIME annotates all).

Baseline, scored alongside: every verb is an event mention.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate import ecbplus
from claimgraph.evaluate.scoring import Counts, Report

TASK = "event-mentions"
DEFAULT_DATA = "ecbplus"
FOLDS = ("odd", "even")
#: what events read in ``analyze`` (as the events task runs them)
PIPELINE = ("news_entities", "places", "events")

Spans = list[tuple[int, int]]


def fold_of(topic: int) -> str:
    return FOLDS[0] if topic % 2 else FOLDS[1]


def _overlaps(spans: Spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def count(gold: Spans, ours: list[Spans], scored: list[bool]) -> Counts:
    """tp/fp/fn of event spans against gold mention spans: ``ours`` holds each event's spans
    (trigger first), ``scored`` whether its trigger is in an annotated sentence."""
    recalled = sum(1 for s, e in gold if any(_overlaps(spans, s, e) for spans in ours))
    right = sum(1 for spans, keep in zip(ours, scored, strict=True)
                if keep and _overlaps(gold, *spans[0]))
    found = sum(scored)
    return Counts(tp=recalled, fp=found - right, fn=len(gold) - recalled)


def _add(report: Report, name: str, counts: Counts) -> None:
    report.counts[name] = report.counts.get(name, Counts()) + counts


def score_document(gold: ecbplus.EcbDocument, doc: Doc, ours: Report, base: Report) -> None:
    """Add one document's counts (additive across documents and folds)."""
    spans: Spans = [(m.start, m.end) for m in gold.mentions if gold.in_selected(m.start)]
    events = list(doc._.cg_events or [])
    kinds = {
        "mention": events,
        "coded": [e for e in events if e.type is not None],
        "uncoded": [e for e in events if e.type is None],
    }
    for name, chosen in kinds.items():
        ours_spans = [[(e.trigger.start, e.trigger.end), *((m.start, m.end) for m in e.mentions)]
                      for e in chosen]
        _add(ours, name, count(spans, ours_spans, [gold.in_selected(e.trigger.start) for e in chosen]))
    verbs = [[(t.idx, t.idx + len(t))] for t in doc if t.pos_ == "VERB"]
    _add(base, "mention", count(spans, verbs, [gold.in_selected(v[0][0]) for v in verbs]))


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    from claimgraph.nlp import pipeline

    if fold is not None and fold not in FOLDS:
        raise ClaimgraphError("E003", f"unknown fold {fold!r} of task {TASK!r}: use one of {', '.join(FOLDS)}")
    docs = [d for d in ecbplus.read_topics(data) if fold is None or fold_of(d.topic) == fold]
    docs = docs[:limit] if limit else docs
    nlp = pipeline.default_pipeline(only=PIPELINE)
    folds = {f: Report(TASK, f"{data} fold {f}") for f in FOLDS}
    base_folds = {f: Report(TASK, f"{data} fold {f}") for f in FOLDS}
    for gold, doc in zip(docs, pipeline.parse(nlp, ((d.text, None) for d in docs)), strict=True):
        name = fold_of(gold.topic)
        score_document(gold, doc, folds[name], base_folds[name])
        folds[name].documents += 1
    report, baseline = Report(TASK, str(data)), Report(TASK, str(data))
    for part in folds.values():
        report = report.merge(part)
    for part in base_folds.values():
        baseline = baseline.merge(part)
    report.task, report.data = TASK, str(data)
    for reports, whole in ((folds, report), (base_folds, baseline)):
        for name, part in reports.items():
            for metric, counts in part.counts.items():
                whole.counts[f"fold_{name}.{metric}"] = counts
    report.baseline = baseline
    return report
