"""The events and petrarch evaluation tasks read their gold formats as documented."""

from __future__ import annotations

import pytest

from claimgraph import evaluate
from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate import events as events_task
from claimgraph.evaluate import petrarch as petrarch_task
from claimgraph.evaluate.scoring import Report, add_folds


def test_gold_actor_codes_accept_lists_only() -> None:
    assert events_task._codes([{"actorText": "Moscow", "code": "RUS"}, {"code": "UKR"}]) == \
        {"RUS", "UKR"}
    assert events_task._codes("") == set()
    assert events_task._codes(None) == set()


def test_scoring_counts_a_missing_event_as_wrong() -> None:
    report = Report("events", "x")
    events_task._score(report, "ASSAULT", None, set(), None, None, {"RUS"}, {"UKR"})
    events_task._score(report, "ASSAULT", "ASSAULT", {"ASSAULT", "THREATEN"}, "RUS", "POL",
                       {"RUS"}, {"UKR"})
    assert report.values["type_accuracy"] == (1, 2)
    assert report.values["actor_country_accuracy"] == (1, 2)
    assert report.values["target_country_accuracy"] == (0, 2)
    any_type = report.counts["any_type"]
    assert (any_type.tp, any_type.fp, any_type.fn) == (1, 1, 1)


def test_only_cameo_codes_map_to_plover() -> None:
    assert petrarch_task.CAMEO_CODE.match("064")
    assert petrarch_task.CAMEO_CODE.match("1823")
    for code in ("010", "902", "174K", "22", ""):
        assert not petrarch_task.CAMEO_CODE.match(code), code


@pytest.mark.parametrize("task", ["events", "petrarch"])
def test_gold_files_read(task: str) -> None:
    root = evaluate.evaldata_root()
    if root is None:
        pytest.skip("no ../shared/evaldata on this machine")
    module = evaluate.tasks()[task]
    data = root / module.DEFAULT_DATA
    if task == "events":
        records = events_task.load(data, limit=5)
        assert len(records) == 5 and all(r["text"] and r["event"] for r in records)
    else:
        sentences = petrarch_task.load(data)
        assert len(sentences) > 200
        assert all(text and "\n" not in text for _, text, _ in sentences)


def test_folds_split_records_by_id_not_by_position() -> None:
    assert events_task.fold_of("PLOVER-GSR01-AGREE-0001") == \
        events_task.fold_of("PLOVER-GSR01-AGREE-0001")
    ids = [f"PLOVER-GSR01-AGREE-{n:04d}" for n in range(1, 200, 2)]
    halves = [events_task.fold_of(i) for i in ids]
    assert set(halves) == {"a", "b"}
    assert 30 < halves.count("a") < 70


def test_a_fold_loads_only_its_half() -> None:
    root = evaluate.evaldata_root()
    if root is None:
        pytest.skip("no ../shared/evaldata on this machine")
    data = root / events_task.DEFAULT_DATA
    whole = events_task.load(data)
    a, b = events_task.load(data, fold="a"), events_task.load(data, fold="b")
    assert len(a) + len(b) == len(whole) and a and b
    assert {r["id"] for r in a}.isdisjoint(r["id"] for r in b)
    with pytest.raises(ClaimgraphError):
        events_task.load(data, fold="c")


def test_fold_scores_add_up_to_the_whole() -> None:
    whole, parts = Report("events", "x"), {f: Report("events", "x") for f in events_task.FOLDS}
    for fold, ok in (("a", True), ("a", False), ("b", True)):
        for report in (whole, parts[fold]):
            events_task._score(report, "ASSAULT", "ASSAULT" if ok else "AGREE", set(), None,
                               None, set(), set())
    add_folds(whole, parts)
    assert whole.values["fold_a.type_accuracy"] == (1, 2)
    assert whole.values["fold_b.type_accuracy"] == (1, 1)
    assert whole.values["type_accuracy"] == (2, 3)


@pytest.mark.eval
def test_evaluate_scores_one_fold_alone() -> None:
    root = evaluate.evaldata_root()
    if root is None:
        pytest.skip("no ../shared/evaldata on this machine")
    report = events_task.evaluate(root / events_task.DEFAULT_DATA, limit=4, fold="b")
    assert report.documents == 4
    assert report.values["type_accuracy"][1] == 4
    assert report.values["fold_b.type_accuracy"] == report.values["type_accuracy"]
    assert "fold_a.type_accuracy" not in report.values


def test_run_scores_one_fold_only_for_tasks_that_have_folds() -> None:
    with pytest.raises(ClaimgraphError, match="has no folds"):
        evaluate.run("times", fold="a")
    with pytest.raises(ClaimgraphError, match="unknown fold"):
        evaluate.run("events", fold="c")
