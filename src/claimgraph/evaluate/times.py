"""Score ``claimgraph_times_v1`` on TempEval-3 TimeML (``.tml``) files, as TempEval-3 scores them.

A ``.tml`` file carries its creation time in ``<DCT>`` (used as the publication date) and the
article in ``<TEXT>`` with ``<TIMEX3 type=... value=...>`` tags inline. We strip every tag to get
the raw text, keeping each gold timex's character offsets, run the pipeline on that text and
compare, per TempEval-3 (UzZaman et al. 2013):

- ``strict``: spans identical; ``relaxed``: spans overlap (one-to-one, first overlap wins);
- ``type.accuracy`` / ``value.accuracy``: right attribute among relaxed matches;
- ``type`` / ``value`` counts: tp = relaxed matches with the right attribute, fp/fn = the rest of
  the system / gold timexes, so ``value.f1`` = relaxed F1 × value accuracy (TempEval-3's
  attribute F1) and stays additive across partitions.

The baseline is spaCy's own DATE/TIME entities with a trivial rule for the value: a bare
four-digit year is its own value, anything else is null.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimgraph.evaluate.scoring import Counts, Report, overlap_pairs, score_spans
from claimgraph.record import Time

TASK = "times"
DEFAULT_DATA = "tempeval3/data/TempEval3/Training/TBAQ-cleaned"

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_WEEK = re.compile(r"W0(\d)")


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    published: str | None
    times: list[Time]


def read_tml(path: Path) -> GoldDoc:
    """Raw text of ``<TEXT>`` with gold timexes at their offsets in it, and the DCT as a date."""
    source = path.read_text(encoding="utf-8")
    dct = _DCT.search(source)
    published = None
    if dct:
        value = dict(_ATTR.findall(dct.group(1))).get("value", "")
        published = value[:10] if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value) else None
    body = _TEXT.search(source)
    chunks: list[str] = []
    length = 0
    times: list[Time] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    raw = body.group(1) if body else ""
    for tag in _TAG.finditer(raw):
        piece = html.unescape(raw[pos : tag.start()])
        chunks.append(piece)
        length += len(piece)
        pos = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attr = open_timex
            times.append(Time(start, length, "", attr.get("type", "DATE"), attr.get("value")))  # type: ignore[arg-type]
            open_timex = None
    chunks.append(html.unescape(raw[pos:]))
    text = "".join(chunks)
    for t in times:
        t.text = text[t.start : t.end]
    return GoldDoc(path.name, text, published, times)


def gold_files(data: Path) -> list[Path]:
    return [data] if data.is_file() else sorted(data.rglob("*.tml"))


def _same_value(a: str | None, b: str | None) -> bool:
    """Values compare as strings, with ISO week numbers unpadded on both sides (``W07`` = ``W7``)."""
    if a is None or b is None:
        return False
    return _WEEK.sub(r"W\1", a) == _WEEK.sub(r"W\1", b)


def score(gold: Sequence[Time], found: Sequence[Time]) -> Report:
    """TempEval-3 timex scores of one document's system timexes against its gold ones."""
    report = Report(TASK, "", documents=1)
    strict = Counts()
    pairs = overlap_pairs(gold, found)
    strict.tp = sum((f.start, f.end) == (g.start, g.end) for g, f in pairs)
    strict.fp = len(found) - strict.tp
    strict.fn = len(gold) - strict.tp
    matched = len(pairs)
    relaxed = Counts(matched, len(found) - matched, len(gold) - matched)
    right_type = sum(g.type == f.type for g, f in pairs)
    right_value = sum(_same_value(g.value, f.value) for g, f in pairs)
    report.counts = {
        "strict": strict,
        "relaxed": relaxed,
        "type": Counts(right_type, len(found) - right_type, len(gold) - right_type),
        "value": Counts(right_value, len(found) - right_value, len(gold) - right_value),
    }
    report.values = {
        "type.accuracy": (right_type, matched),
        "value.accuracy": (right_value, matched),
    }
    return report


def baseline_times(doc) -> list[Time]:  # type: ignore[no-untyped-def]
    """spaCy's DATE/TIME entities; value = the year when the entity is a bare year, else null."""
    out = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            value = ent.text if _YEAR.fullmatch(ent.text) else None
            out.append(Time(ent.start_char, ent.end_char, ent.text, ent.label_, value))
    return out


def evaluate(data: Path, *, limit: int | None = None) -> Report:
    from claimgraph.nlp import extensions, pipeline

    docs = [read_tml(p) for p in gold_files(data)][:limit]
    nlp = pipeline.default_pipeline(only=("times",))
    parsed = pipeline.parse(nlp, ((d.text, d.published) for d in docs))
    cases = (
        (gold.times, extensions.results(doc, "cg_times"), baseline_times(doc))
        for gold, doc in zip(docs, parsed, strict=True)
    )
    return score_spans(TASK, data, cases, score, error_kinds)


def error_kinds(gold: Sequence[Time], found: Sequence[Time]) -> dict[str, int]:
    """Count mistakes by kind (missed / spurious / wrong type / wrong value, by gold type)."""
    kinds: dict[str, int] = {}

    def bump(kind: str) -> None:
        kinds[kind] = kinds.get(kind, 0) + 1

    hit: set[int] = set()
    for g in gold:
        match = next(
            (i for i, f in enumerate(found) if i not in hit and f.start < g.end and g.start < f.end),
            None,
        )
        if match is None:
            bump(f"missed {g.type}")
            continue
        hit.add(match)
        f = found[match]
        if f.type != g.type:
            bump(f"type {g.type} as {f.type}")
        if not _same_value(g.value, f.value):
            bump(f"value {g.type}: {'null' if f.value is None else 'wrong'}")
    for i, f in enumerate(found):
        if i not in hit:
            bump(f"spurious {f.type}")
    return kinds
