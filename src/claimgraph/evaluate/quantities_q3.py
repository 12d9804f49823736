"""Score ``claimgraph_quantities_v1`` on quantulum3's English test fixtures: values and units.

``quantities.json`` holds ~100 short sentences (``req``), each with the quantities quantulum3
should find (``res``: ``surface``, ``value``, ``unit``). A gold span is its ``surface`` found
in the sentence, left to right. Scores:

- ``overlap`` / ``exact``: span P/R/F1 as in the MeasEval task;
- ``value.accuracy``: among overlapping pairs, our value equals theirs (relative 1e-6). Our
  value is ``value``, or for a range the midpoint of ``low`` and ``high`` (quantulum3 gives a
  range its midpoint: "3 to 4 L" -> 3.5);
- ``unit.accuracy``: among overlapping pairs, the unit is the same under this mapping of
  quantulum3's names to ours: "dollar" -> "USD", "euro" -> "EUR", "pound sterling" -> "GBP",
  "percentage" -> "percent" (also inside compounds: "dollar per hour" -> "USD per hour"); their other unit names are our canonical names already
  ("kilometre", "degree Celsius", "kilometre per hour"). Their "dimensionless" matches a
  number with no unit or with a counted noun ("50 cars"), not a unit of measure;
- ``value`` / ``unit`` counts: tp = overlapping pairs with the right value / unit, fp / fn =
  the rest of ours / theirs (so the F1 is span F1 times the accuracy, and stays additive).

The fixtures include things we leave out on purpose (years such as "1979", labels such as
"English 101" and "Voyager 2", "2 in" as inches, picometres written "pm"); they count against us.
The baseline is spaCy's CARDINAL / QUANTITY / MONEY / PERCENT entities, as in ``quantities``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from claimgraph.evaluate.quantities import baseline_quantities, pair_up
from claimgraph.evaluate.scoring import Counts, Report, merge_reports
from claimgraph.record import Quantity

TASK = "quantities-q3"
DEFAULT_DATA = "quantulum3-tests/quantulum3/_lang/en_US/tests/quantities.json"

Q3_UNITS = {"dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "percentage": "percent"}


def read_cases(path: Path) -> list[tuple[str, list[Quantity]]]:
    """(sentence, gold quantities with offsets) for each fixture."""
    cases = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        text = item["req"]
        gold = []
        pos = 0
        for res in item["res"]:
            start = text.find(res["surface"], pos)
            if start < 0:
                start = text.find(res["surface"])
            if start < 0:
                continue
            end = start + len(res["surface"])
            gold.append(Quantity(start, end, res["surface"], value=res["value"], unit=res["unit"]))
            pos = end
        cases.append((text, gold))
    return cases


def _measured(unit: str) -> bool:
    """A unit of measure, currency or percentage (as opposed to a counted noun)."""
    from claimgraph.extract.quantities import units

    canonicals = {row.canonical for row in units.table().values()}
    return unit in canonicals or " per " in unit or unit.startswith(("square ", "cubic ", "per "))


def same_unit(gold: str | None, found: str | None) -> bool:
    if gold == "dimensionless":
        return found is None or not _measured(found)
    if found is None or gold is None:
        return False
    ours = " per ".join(Q3_UNITS.get(part, part) for part in gold.split(" per "))
    return ours == found


def point(q: Quantity) -> float | None:
    """The single value to compare: ``value``, else the middle of a range."""
    if q.value is not None:
        return float(q.value)
    if q.low is not None and q.high is not None:
        return (float(q.low) + float(q.high)) / 2
    return None


def same_value(gold: float | None, found: float | None) -> bool:
    if gold is None or found is None:
        return False
    return abs(gold - found) <= 1e-6 * max(abs(gold), abs(found), 1e-9)


def score(gold: Sequence[Quantity], found: Sequence[Quantity]) -> Report:
    report = Report(TASK, "", documents=1)
    pairs = pair_up(gold, found)
    matched = len(pairs)
    exact = len({(q.start, q.end) for q in gold} & {(q.start, q.end) for q in found})
    right_value = sum(same_value(point(g), point(f)) for g, f in pairs)
    right_unit = sum(same_unit(g.unit, f.unit) for g, f in pairs)
    n_found, n_gold = len(found), len(gold)
    report.counts = {
        "exact": Counts(exact, n_found - exact, n_gold - exact),
        "overlap": Counts(matched, n_found - matched, n_gold - matched),
        "value": Counts(right_value, n_found - right_value, n_gold - right_value),
        "unit": Counts(right_unit, n_found - right_unit, n_gold - right_unit),
    }
    report.values = {"value.accuracy": (right_value, matched), "unit.accuracy": (right_unit, matched)}
    return report


def evaluate(data: Path, *, limit: int | None = None) -> Report:
    from claimgraph.nlp import extensions, pipeline

    cases = read_cases(data)[:limit]
    nlp = pipeline.default_pipeline(only=("quantities",))
    ours: list[Report] = []
    base: list[Report] = []
    misses: list[str] = []
    for (_text, gold), doc in zip(cases, pipeline.parse(nlp, ((t, None) for t, _ in cases)), strict=True):
        found = extensions.results(doc, "cg_quantities")
        ours.append(score(gold, found))
        base.append(score(gold, baseline_quantities(doc)))
        for g, f in pair_up(gold, found):
            if not (same_value(point(g), point(f)) and same_unit(g.unit, f.unit)):
                misses.append(f"{g.text!r} {g.value} {g.unit} -> {f.text!r} {point(f)} {f.unit}")
    report = merge_reports(TASK, data, ours)
    report.baseline = merge_reports(TASK, data, base)
    report.notes = {"wrong value or unit": misses}
    return report
