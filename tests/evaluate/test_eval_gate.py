"""The evaluation gate (after trafilatura's ``tests/eval_gate.py`` and ``eval_baseline.json``).

Every file in ``tests/evaluate/floors/`` pins, for one task, the gold data's fingerprint, a floor
per metric and, beside each floor, the score of the task's deliberately simple baseline (scored
alongside ours by the same scorer). The test runs the task on that data and fails when any metric
drops below its floor, or when the baseline no longer scores what is pinned (a changed baseline is
re-measured and re-pinned, never compared silently). Floors are only raised: lowering one is a
visible edit to a JSON file in review, a floor must stay above its baseline (else it guards
nothing), and a changed gold set (another fingerprint) fails loudly instead of silently comparing
apples to pears.

Without the gold data the gate cannot run: on a developer's machine that is a skip with the reason
shown (``pytest -ra``); in CI (``CI=true``) it is a failure, so a broken data mount cannot pass as
green.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NoReturn

import pytest

from claimgraph import evaluate

FLOORS = sorted((Path(__file__).parent / "floors").glob("*.json"))
#: how far a measured baseline may drift from its pinned score (the scores are rounded to 4 places)
BASELINE_TOLERANCE = 0.0005


def _pinned(floor_file: Path) -> dict[str, Any]:
    return json.loads(floor_file.read_text())  # type: ignore[no-any-return]


def in_ci() -> bool:
    """True on a CI runner (GitHub Actions, GitLab and most others set ``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def data_missing(reason: str) -> NoReturn:
    """Skip (locally) or fail (in CI) a gate test whose gold data is not on this machine."""
    if in_ci():
        pytest.fail(f"{reason}; CI=true, so the evaluation gate must run (mount the gold data "
                    "or set CLAIMGRAPH_EVALDATA)")
    pytest.skip(reason)


def pinned_baseline(pinned: dict[str, Any]) -> dict[str, float | None]:
    """The pinned baseline scores by metric (its ``what``, a description, set aside)."""
    return {name: score for name, score in (pinned.get("baseline") or {}).items()
            if name != "what"}


def margins(pinned: dict[str, Any]) -> dict[str, float | None]:
    """Each floor's margin over the pinned baseline (None: the task's baseline has no such score)."""
    baseline = pinned_baseline(pinned)
    return {
        name: None if baseline.get(name) is None else round(floor - baseline[name], 4)
        for name, floor in pinned["floors"].items()
    }


@pytest.mark.eval
@pytest.mark.parametrize("floor_file", FLOORS, ids=[f.stem for f in FLOORS])
def test_scores_stay_above_their_floors(floor_file: Path) -> None:
    pinned = _pinned(floor_file)
    root = evaluate.evaldata_root()
    if root is None:
        data_missing("no gold data: ../shared/evaldata not found and CLAIMGRAPH_EVALDATA unset")
    data = root / pinned["data"]
    if not data.exists():
        data_missing(f"gold data for {pinned['task']} missing: {data}")
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
    measured = report.baseline.metrics() if report.baseline else {}
    drifted = {
        name: (measured.get(name), score)
        for name, score in pinned_baseline(pinned).items()
        if score is not None and abs(measured.get(name, -1.0) - score) > BASELINE_TOLERANCE
    }
    assert not drifted, (
        f"{pinned['task']}'s baseline no longer scores what {floor_file.name} pins "
        f"(got, pinned): {drifted}; re-measure and re-pin it"
    )


def test_every_floor_file_names_a_known_task() -> None:
    known = evaluate.tasks()
    for floor_file in FLOORS:
        pinned = _pinned(floor_file)
        assert pinned["task"] in known, f"{floor_file.name} names unknown task {pinned['task']}"
        assert pinned["floors"], f"{floor_file.name} pins no floors"


def test_every_floor_pins_its_baseline_beside_it() -> None:
    """Each floored metric has a pinned baseline score, or null with the reason written down."""
    for floor_file in FLOORS:
        pinned = _pinned(floor_file)
        assert isinstance(pinned.get("baseline"), dict), f"{floor_file.name} pins no baseline"
        assert isinstance(pinned["baseline"].get("what"), str), (
            f"{floor_file.name}: the baseline's 'what' says what the baseline is"
        )
        baseline = pinned_baseline(pinned)
        assert set(baseline) == set(pinned["floors"]), (
            f"{floor_file.name}: baseline and floors name different metrics"
        )
        notes = pinned.get("baseline_notes") or {}
        unexplained = [name for name, score in baseline.items()
                       if score is None and name not in notes]
        assert not unexplained, f"{floor_file.name}: null baselines need a note why: {unexplained}"


@pytest.mark.parametrize("floor_file", FLOORS, ids=[f.stem for f in FLOORS])
def test_every_floor_is_above_its_baseline(floor_file: Path) -> None:
    """A floor at or below the simple baseline would let the extractor fall to the baseline;
    where the baseline does score higher, the floor file says why (``baseline_notes``)."""
    pinned = _pinned(floor_file)
    shown = margins(pinned)
    notes = pinned.get("baseline_notes") or {}
    not_above = {name: margin for name, margin in shown.items()
                 if margin is not None and margin <= 0 and name not in notes}
    assert not not_above, (
        f"{pinned['task']}: floors not above the baseline, and no note says why "
        f"(margin floor - baseline): {shown}"
    )


def test_missing_gold_data_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="gold data"):
        data_missing("no gold data")


def test_missing_gold_data_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        data_missing("no gold data")
