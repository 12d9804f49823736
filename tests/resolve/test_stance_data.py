"""Stance training data: held-out folds split by body (a body is never on both sides), and the
``claimgraph stance`` input lines read one by one, a bad one an error in its place."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.errors import DocumentError
from claimgraph.resolve.stance_data import (
    FOLDS,
    LabelledPair,
    Pair,
    part_of,
    read_fnc,
    read_pairs,
    split,
)


def test_a_body_is_in_one_part_whatever_the_order() -> None:
    assert part_of("712") == part_of("712")
    assert {part_of(str(n)) for n in range(200)} == {0, 1, 2, 3, 4}


def test_a_held_out_body_never_appears_in_training() -> None:
    pairs = [LabelledPair(f"claim {n}", f"body {n % 37}", "discuss", str(n % 37)) for n in range(400)]
    for fold in FOLDS:
        training, held_out = split(pairs, fold)
        assert held_out and training
        assert not {p.body for p in training} & {p.body for p in held_out}
        assert len(training) + len(held_out) == len(pairs)


def test_pairs_are_read_in_order_with_errors_in_place() -> None:
    lines = [json.dumps({"id": 1, "claim": "c", "text": "t"}), "", "nope",
             json.dumps({"id": True, "claim": "c", "text": "t"}),
             json.dumps({"id": "b", "claim": "c", "text": "t", "extra": 1})]
    items = list(read_pairs(lines, "in.jsonl"))
    assert isinstance(items[0], Pair) and items[0].id == 1
    assert isinstance(items[1], DocumentError) and items[1].source == "in.jsonl:3"
    assert isinstance(items[2], DocumentError) and "'id'" in items[2].reason
    assert items[3] == Pair("b", "c", "t")


def test_fnc_files_are_read_into_labelled_pairs(tmp_path: Path) -> None:
    (tmp_path / "train_bodies.csv").write_text(
        'Body ID,articleBody\n7,"A meteorite fell, officials said.\n\nA crater was found."\n',
        encoding="utf-8")
    (tmp_path / "train_stances.csv").write_text(
        "Headline,Body ID,Stance\nMeteorite hits Managua,7,agree\n", encoding="utf-8")
    (pair,) = read_fnc(tmp_path)
    assert pair == LabelledPair("Meteorite hits Managua",
                                "A meteorite fell, officials said.\n\nA crater was found.", "agree", "7")
