"""The stance model's training pairs: FNC-1's CSV files, and the fixed folds they split into.

FNC-1 (``train_stances.csv``: headline, body id, stance; ``train_bodies.csv``: body id, article
body) pairs a claim (the headline) with a text (an article body) and says whether the text
agrees with, disagrees with, discusses or is unrelated to it. The same body is paired with many
headlines, so a held-out part must hold out whole bodies: a model that has seen a body under one
headline knows much of its stance under the next. :func:`part_of` puts each body in one of
:data:`PARTS` parts by a hash of its id (independent of the file's order); fold ``a`` is part 0,
fold ``b`` part 1, and a fold's model is trained on the other parts.

The data is read from the shared evaluation folder at training time and never copied into the
repository; the trained model (``data/stance/model.pkl.gz``) is what ships.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import ClaimgraphError, DocumentError

#: the stances, in the model's class order
LABELS = ("agree", "disagree", "discuss", "unrelated")
#: how many parts the bodies are hashed into; each held-out fold is one of them
PARTS = 5
#: the held-out folds: name -> part
FOLDS = {"a": 0, "b": 1}
STANCES_FILE = "train_stances.csv"
BODIES_FILE = "train_bodies.csv"


@dataclass(frozen=True, slots=True)
class LabelledPair:
    claim: str
    text: str
    label: str
    body: str  # the text's id: what folds split on


def part_of(body: str) -> int:
    """The fixed part (0 .. PARTS-1) a body belongs to: its id's SHA-1, modulo PARTS."""
    return int.from_bytes(hashlib.sha1(body.encode("utf-8")).digest()[:4], "big") % PARTS


def read_fnc(folder: Path) -> list[LabelledPair]:
    """Every labelled pair of an FNC-1 folder (``train_stances.csv`` + ``train_bodies.csv``)."""
    stances, bodies_file = folder / STANCES_FILE, folder / BODIES_FILE
    for path in (stances, bodies_file):
        if not path.is_file():
            raise ClaimgraphError("E004", f"FNC-1 file not found: {path}")
    with bodies_file.open(encoding="utf-8", newline="") as handle:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(handle)}
    pairs = []
    with stances.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = row["Stance"].strip().lower()
            if label not in LABELS or row["Body ID"] not in bodies:
                raise ClaimgraphError("E004", f"{stances}: bad row {row!r}")
            pairs.append(LabelledPair(row["Headline"], bodies[row["Body ID"]], label,
                                      row["Body ID"]))
    return pairs


def split(pairs: list[LabelledPair], fold: str) -> tuple[list[LabelledPair], list[LabelledPair]]:
    """(train, held out) for one fold: the held-out part's bodies never appear in train."""
    part = FOLDS[fold]
    return ([p for p in pairs if part_of(p.body) != part],
            [p for p in pairs if part_of(p.body) == part])


@dataclass(frozen=True, slots=True)
class Pair:
    """One line of ``claimgraph stance`` input: ``{"id", "claim", "text"}``."""

    id: str | int
    claim: str
    text: str


def read_pairs(lines: Iterable[str], source: str) -> Iterator[Pair | DocumentError]:
    """The pairs of a JSON Lines input, in order; a bad line is an ``E113`` error in its place
    (``source:line``), so the lines around it are still judged. Blank lines are skipped."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocumentError("E113", where, f"not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield DocumentError("E113", where, "a line must be a JSON object {\"id\", \"claim\", \"text\"}")
            continue
        problem = _problem(row)
        if problem:
            yield DocumentError("E113", where, problem)
            continue
        yield Pair(row["id"], row["claim"], row["text"])


def _problem(row: dict[str, object]) -> str | None:
    """Why a parsed line is not a pair, or None."""
    key = row.get("id")
    if isinstance(key, bool) or not isinstance(key, str | int):
        return "'id' must be a string or an integer"
    for name in ("claim", "text"):
        if not isinstance(row.get(name), str):
            return f"{name!r} must be a string"
    return None
