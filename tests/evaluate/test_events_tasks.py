"""The events and petrarch evaluation tasks read their gold formats as documented."""

from __future__ import annotations

import pytest

from claimgraph import evaluate
from claimgraph.evaluate import events as events_task
from claimgraph.evaluate import petrarch as petrarch_task
from claimgraph.evaluate.scoring import Report


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
