"""Score ``claimgraph_quantities_v1`` on MeasEval (SemEval-2021 task 8): Quantity spans and units.

MeasEval is scientific prose (paragraphs of Elsevier articles), not news, so it measures how
well our number reading generalises rather than news coverage. Each paragraph is a ``.txt``
file beside a ``.tsv`` of annotations; we score its ``Quantity`` rows (deduplicated by span):

- ``exact``: spans identical; ``overlap``: spans overlap (one-to-one, first overlap wins);
- ``unit.accuracy``: among overlapping pairs whose gold row names a unit, the share where our
  unit is the same after normalisation (:func:`same_unit`: both sides through the unit table,
  so "%" = "percent" and "km" = "kilometre"; counted nouns compared singular and lowercased,
  "participants" = "participant").

MeasEval counts things we skip on purpose (years such as "1991", figure labels), and gives
spans that MeasEval's annotators cut differently ("three" where we read "three groups"); the
overlap scores are the fairer measure of finding the number.

The baseline is spaCy's own CARDINAL / QUANTITY / MONEY / PERCENT entities; its unit is
"percent" for PERCENT, the currency for MONEY, the last word of a QUANTITY and none for CARDINAL.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimgraph.evaluate.scoring import Counts, Report, overlap_pairs, score_spans
from claimgraph.record import Quantity

TASK = "quantities"
DEFAULT_DATA = "measeval/data"

BASELINE_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    quantities: list[Quantity]


def read_paragraph(tsv: Path) -> GoldDoc | None:
    """One MeasEval paragraph: its text (``../text`` or ``../txt``) and its gold quantities."""
    text_file = next(
        (d / f"{tsv.stem}.txt" for d in (tsv.parent.parent / "text", tsv.parent.parent / "txt")
         if (d / f"{tsv.stem}.txt").exists()),
        None,
    )
    if text_file is None:
        return None
    text = text_file.read_text(encoding="utf-8")
    seen: dict[tuple[int, int], Quantity] = {}
    with tsv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("annotType") != "Quantity":
                continue
            start, end = int(row["startOffset"]), int(row["endOffset"])
            other = json.loads(row["other"]) if (row.get("other") or "").strip() else {}
            seen.setdefault((start, end), Quantity(start, end, text[start:end], unit=other.get("unit")))
    return GoldDoc(tsv.stem, text, sorted(seen.values(), key=lambda q: q.start))


def gold_files(data: Path) -> list[Path]:
    return [data] if data.is_file() else sorted(data.rglob("*.tsv"))


def normal_unit(unit: str | None) -> str | None:
    """A unit compared across annotation schemes: canonical through the unit table, else the
    lowercased words with the last one made singular."""
    from claimgraph.extract.quantities import units

    if unit is None or not unit.strip():
        return None
    unit = unit.strip()
    phrase = units.unit_phrase(unit, 0)
    if phrase is not None and phrase[2] == len(unit):
        return phrase[0].lower()
    row = units.lookup(unit)
    if row is not None:
        return row.canonical.lower()
    words = unit.lower().split()
    last = words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        last = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    return " ".join([*words[:-1], last])


def same_unit(gold: str | None, found: str | None) -> bool:
    return normal_unit(gold) == normal_unit(found) and normal_unit(gold) is not None


def pair_up(gold: Sequence[Quantity], found: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """One-to-one overlapping pairs, each gold span taking the first free overlapping one."""
    return overlap_pairs(gold, found)


def score(gold: Sequence[Quantity], found: Sequence[Quantity]) -> Report:
    report = Report(TASK, "", documents=1)
    pairs = pair_up(gold, found)
    exact = len({(q.start, q.end) for q in gold} & {(q.start, q.end) for q in found})
    matched = len(pairs)
    with_unit = [(g, f) for g, f in pairs if g.unit]
    right_unit = sum(same_unit(g.unit, f.unit) for g, f in with_unit)
    report.counts = {
        "exact": Counts(exact, len(found) - exact, len(gold) - exact),
        "overlap": Counts(matched, len(found) - matched, len(gold) - matched),
    }
    report.values = {"unit.accuracy": (right_unit, len(with_unit))}
    return report


def baseline_quantities(doc) -> list[Quantity]:  # type: ignore[no-untyped-def]
    """spaCy's numeric entities, with the simplest unit and value readings."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in BASELINE_LABELS:
            continue
        unit = None
        if ent.label_ == "PERCENT":
            unit = "percent"
        elif ent.label_ == "MONEY":
            unit = "EUR" if "€" in ent.text or "euro" in ent.text.lower() else (
                "GBP" if "£" in ent.text else "USD"
            )
        elif ent.label_ == "QUANTITY" and len(ent) > 1:
            unit = ent[-1].text
        number = re.search(r"[-−]?\d[\d,]*(?:\.\d+)?", ent.text)
        value = float(number.group().replace(",", "").replace("−", "-")) if number else None
        out.append(Quantity(ent.start_char, ent.end_char, ent.text, value=value, unit=unit))
    return out


def error_kinds(gold: Sequence[Quantity], found: Sequence[Quantity]) -> dict[str, int]:
    """Mistakes by kind: missed / spurious / boundary (overlap, not exact) / wrong unit."""
    kinds: dict[str, int] = {}
    pairs = pair_up(gold, found)
    paired_gold = {id(g) for g, _ in pairs}
    paired_found = {id(f) for _, f in pairs}
    for g in gold:
        if id(g) not in paired_gold:
            key = "missed " + ("with unit" if g.unit else "bare number")
            kinds[key] = kinds.get(key, 0) + 1
    for f in found:
        if id(f) not in paired_found:
            key = "spurious " + ("with unit" if f.unit else "bare number")
            kinds[key] = kinds.get(key, 0) + 1
    for g, f in pairs:
        if (g.start, g.end) != (f.start, f.end):
            key = "boundary: ours longer" if f.end - f.start > g.end - g.start else "boundary: ours shorter"
            kinds[key] = kinds.get(key, 0) + 1
        if g.unit and not same_unit(g.unit, f.unit):
            kinds["unit wrong" if f.unit else "unit missing"] = kinds.get("unit wrong" if f.unit else "unit missing", 0) + 1
    return kinds


def evaluate(data: Path, *, limit: int | None = None) -> Report:
    from claimgraph.nlp import extensions, pipeline

    docs = [d for d in (read_paragraph(p) for p in gold_files(data)) if d is not None][:limit]
    nlp = pipeline.default_pipeline(only=("quantities",))
    parsed = pipeline.parse(nlp, ((d.text, None) for d in docs))
    cases = (
        (gold.quantities, extensions.results(doc, "cg_quantities"), baseline_quantities(doc))
        for gold, doc in zip(docs, parsed, strict=True)
    )
    return score_spans(TASK, data, cases, score, error_kinds)
