"""Event coding scored on the PLOVER gold standard records (openeventdata/PLOVER GSR).

Each record is one sentence with one gold event: a PLOVER 0.5b1 category, source actors and
target actors (each with a country code). We run the pipeline on the sentence, pick its main
event (:func:`claimgraph.extract.events.main_event`: verbal before nominal, nearest the root)
and score:

- ``type_accuracy``: the main event's type equals the gold type read in the current PLOVER
  vocabulary (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT), over
  all records (no event = wrong);
- ``type_accuracy_gsr``: the same, coding in the GSR's own vocabulary (scheme "gsr");
- ``actor_country_accuracy``: over records whose gold source names a country code, the main
  event's actor country is one of the gold source codes (compound sources: any one counts);
- ``target_country_accuracy``: the same for targets;
- counts ``main_type`` (tp: right main type; fp: a wrong main type; fn: gold type missed) and
  ``any_type`` (per record, the set of types of all events found against the gold type).

Baseline, scored alongside: the most frequent gold type for every record (in either
vocabulary), the first country named in the sentence as actor and the second as target.

Folds: we have only the odd-id records (the even ids are held out), and rules were written
while reading them. So the records are split into two fixed halves by a hash of their id
(:func:`fold_of`): changes are designed looking at half "a" only, and half "b" stands in for the
held-out test. Every report carries each half's accuracies as ``fold_a.<metric>`` and
``fold_b.<metric>`` beside the whole's; ``evaluate(..., fold="b")`` scores one half alone.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.evaluate.scoring import FOLDS, Counts, Report, add_folds, check_fold, fold_of
from claimgraph.extract.events import actors as actor_coding
from claimgraph.extract.events.coder import find_events, main_event
from claimgraph.extract.events.lexicon import GSR_TO_PLOVER

TASK = "events"
DEFAULT_DATA = "plover-gsr/records.json"
#: what events read in ``analyze``: the news entity ruler's organisations and metonyms and the
#: geocoded places (actor and target countries), not the attribution, time or quantity links
PIPELINE = ("news_entities", "places", "events")


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {a["code"] for a in actors if isinstance(a, dict) and a.get("code")}


def load(data: Path, limit: int | None = None, fold: str | None = None) -> list[dict[str, Any]]:
    """The records, or those of one fold ("a" or "b"), the first ``limit`` of them."""
    path = data / "records.json" if data.is_dir() else data
    records = json.loads(path.read_text(encoding="utf-8"))
    if fold is not None:
        check_fold(TASK, fold)
        records = [r for r in records if fold_of(r["id"]) == fold]
    return records[:limit] if limit else records


def _score(report: Report, gold_type: str, main: str | None, found: set[str],
           actor: str | None, target: str | None, sources: set[str], targets: set[str],
           main_gsr: str | None = None, gsr_type: str | None = None) -> None:
    def add(name: str, ok: bool) -> None:
        right, total = report.values.get(name, (0, 0))
        report.values[name] = (right + int(ok), total + 1)

    add("type_accuracy", main == gold_type)
    if gsr_type is not None:
        add("type_accuracy_gsr", main_gsr == gsr_type)
    if sources:
        add("actor_country_accuracy", actor in sources)
    if targets:
        add("target_country_accuracy", target in targets)
    main_counts = Counts(tp=int(main == gold_type), fp=int(main is not None and main != gold_type),
                         fn=int(main != gold_type))
    any_counts = Counts(tp=int(gold_type in found), fp=len(found - {gold_type}),
                        fn=int(gold_type not in found))
    report.counts["main_type"] = report.counts.get("main_type", Counts()) + main_counts
    report.counts["any_type"] = report.counts.get("any_type", Counts()) + any_counts


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    from claimgraph.nlp import pipeline

    records = load(data, limit, fold)
    nlp = pipeline.default_pipeline(only=PIPELINE)
    report = Report(TASK, str(data), documents=len(records))
    baseline = Report(TASK, str(data), documents=len(records))
    majority = Counter(GSR_TO_PLOVER.get(r["event"], r["event"]) for r in records).most_common(1)
    majority_type = majority[0][0] if majority else None
    majority_gsr = Counter(r["event"] for r in records).most_common(1)
    majority_gsr_type = majority_gsr[0][0] if majority_gsr else None
    confusions: Counter[str] = Counter()
    per_type: dict[str, tuple[int, int]] = {}
    folds = {f: Report(TASK, f"{data} fold {f}") for f in FOLDS}
    base_folds = {f: Report(TASK, f"{data} fold {f}") for f in FOLDS}
    docs = pipeline.parse(nlp, ((r["text"], None) for r in records))
    for record, doc in zip(records, docs, strict=True):
        gsr_type = record["event"]
        gold_type = GSR_TO_PLOVER.get(gsr_type, gsr_type)
        sources, targets = _codes(record.get("source")), _codes(record.get("target"))
        events = list(doc._.cg_events or [])
        main = main_event(doc, events)
        main_gsr = main_event(doc, find_events(doc, scheme="gsr"))
        fold_name = fold_of(record["id"])
        for part in (report, folds[fold_name]):
            _score(
                part, gold_type, main.type if main else None, {e.type for e in events if e.type},
                main.actor.country if main and main.actor else None,
                main.target.country if main and main.target else None, sources, targets,
                main_gsr.type if main_gsr else None, gsr_type,
            )
        right, total = per_type.get(gold_type, (0, 0))
        per_type[gold_type] = (right + int(main is not None and main.type == gold_type), total + 1)
        if (main.type if main else None) != gold_type:
            confusions[f"{gold_type}->{main.type if main else 'none'}"] += 1
        mentions = actor_coding.find_actor_mentions(doc)
        named: list[str] = []
        for i in sorted(mentions):
            if mentions[i].kind != "leader" and mentions[i].code not in named:
                named.append(mentions[i].code)
        for part in (baseline, base_folds[fold_name]):
            _score(
                part, gold_type, majority_type, {majority_type} if majority_type else set(),
                named[0] if named else None, named[1] if len(named) > 1 else None, sources,
                targets, majority_gsr_type, gsr_type,
            )
    add_folds(report, folds)
    add_folds(baseline, base_folds)
    report.baseline = baseline
    report.notes = {
        "majority_type": majority_type,
        "confusions": dict(confusions.most_common(15)),
        "per_type": {k: list(v) for k, v in sorted(per_type.items())},
    }
    return report
