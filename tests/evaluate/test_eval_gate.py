"""The evaluation gate (after trafilatura's ``tests/eval_gate.py``).

Every file in ``tests/evaluate/floors/`` pins, for one task, the gold data's fingerprint and a
floor per metric. The test runs the task on that data and fails when any metric drops below its
floor. Floors are only raised: lowering one is a visible edit to a JSON file in review, and a
changed gold set (another fingerprint) fails loudly instead of silently comparing apples to pears.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph import evaluate

FLOORS = sorted((Path(__file__).parent / "floors").glob("*.json"))


@pytest.mark.eval
@pytest.mark.parametrize("floor_file", FLOORS, ids=[f.stem for f in FLOORS])
def test_scores_stay_above_their_floors(floor_file: Path) -> None:
    pinned = json.loads(floor_file.read_text())
    root = evaluate.evaldata_root()
    if root is None:
        pytest.skip("no ../shared/evaldata on this machine")
    data = root / pinned["data"]
    assert evaluate.fingerprint(data) == pinned["fingerprint"], (
        f"gold data for {pinned['task']} changed: re-measure and re-pin {floor_file.name}"
    )
    report = evaluate.run(pinned["task"], data, limit=pinned.get("limit"))
    metrics = report.metrics()
    below = {
        name: (metrics.get(name), floor)
        for name, floor in pinned["floors"].items()
        if metrics.get(name, 0.0) < floor
    }
    assert not below, f"{pinned['task']} fell below its floors (got, floor): {below}"


def test_every_floor_file_names_a_known_task() -> None:
    known = evaluate.tasks()
    for floor_file in FLOORS:
        pinned = json.loads(floor_file.read_text())
        assert pinned["task"] in known, f"{floor_file.name} names unknown task {pinned['task']}"
        assert pinned["floors"], f"{floor_file.name} pins no floors"
