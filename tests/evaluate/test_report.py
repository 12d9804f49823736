"""An evaluation report reads as tables: scores, accuracies, and each note in a readable shape."""

from __future__ import annotations

from rich.console import Console

from claimgraph.evaluate.report import LIST_LIMIT, print_report
from claimgraph.evaluate.scoring import Counts, Report


def shown(report: Report) -> str:
    console = Console(width=120, record=True, color_system=None)
    print_report(report, console)
    return console.export_text()


def report() -> Report:
    r = Report("attribution", "polnear/data/dev", documents=84,
               counts={"cue": Counts(80, 20, 10)}, values={"type_accuracy": (45, 50)})
    r.baseline = Report("attribution", "polnear/data/dev", counts={"cue": Counts(40, 60, 50)})
    r.notes = {
        "errors": {"missed source": 12, "extra cue": 3},
        "whole_recall_by_gold_type": {"direct": {"found": 9, "gold": 10},
                                      "indirect": {"found": 30, "gold": 41}},
        "wrong value or unit": [f"'{i} km' -> '{i} m'" for i in range(LIST_LIMIT + 4)],
        "majority_type": "AGREE",
    }
    return r


def test_scores_are_a_table_with_the_baseline_beside():
    text = shown(report())
    assert "│ cue" in text and "0.800" in text and "0.889" in text  # P and R
    assert "0.421" in text  # the baseline's F1
    assert "type_accuracy" in text and "0.900" in text


def test_notes_are_tables_and_lists_never_python_dicts():
    text = shown(report())
    assert "{" not in text and "}" not in text and "[" not in text
    assert "missed source" in text and "12" in text
    assert "whole recall by gold type" in text and "found" in text and "gold" in text
    assert "majority type: AGREE" in text


def test_a_long_list_in_the_notes_is_cut_with_a_count():
    text = shown(report())
    assert f"'{LIST_LIMIT - 1} km'" in text and f"'{LIST_LIMIT} km'" not in text
    assert "… and 4 more" in text


def test_means_show_their_sum_and_count_and_derived_scores_follow():
    from claimgraph.evaluate.extraction import ShingleReport

    r = ShingleReport("extraction", "article-extraction-benchmark", documents=2,
                      values={"precision": (1.5, 2), "recall": (1.0, 2)})
    r.baseline = ShingleReport("extraction", "-", values={"precision": (1.0, 2), "recall": (1.0, 2)})
    text = shown(r)
    assert "means over documents" in text and "1.50" in text
    assert "│ f1" in text and "0.600" in text and "0.500" in text  # ours, then the baseline's
