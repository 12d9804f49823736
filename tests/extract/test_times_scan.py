"""The times grammar tried only at word starts that can begin a rule: same matches as re's scan."""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimgraph.extract.times import scan
from claimgraph.extract.times.grammar import compiled

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TRICKY = ("On Jan. 5, 2020, the 1990s' end; THE WEEK of May 3 ſunday 12:30 p.m. last Tuesday, "
          "in 2019-2020, 'the 2000s, two years ago, every Monday, the past two months. ")


def _texts() -> list[str]:
    texts = [EXAMPLES.joinpath("kursk-incursion.txt").read_text(encoding="utf-8"), TRICKY]
    for line in EXAMPLES.joinpath("wire-corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def test_every_rule_finds_exactly_what_a_full_scan_finds() -> None:
    for text in _texts():
        starts = scan.Starts(text)
        for name, pattern in compiled():
            found = [(m.span(), m.groupdict()) for m in scan.finditer(pattern, starts)]
            assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], name


def test_every_rule_is_tried_only_at_some_word_starts() -> None:
    for name, pattern in compiled():
        assert scan.first_characters(pattern) is not None, name


def test_first_characters_follow_scoped_case_and_optional_words() -> None:
    first = scan.first_characters(re.compile(r"(?<![\w'])(?:(?i:the\s+)?May|\d+\s+days)"))
    assert first is not None
    assert [c for c in "tTMm5x" if first.fullmatch(c)] == ["t", "T", "M", "5"]


def test_a_rule_whose_start_cannot_be_read_is_scanned_whole() -> None:
    pattern = re.compile(r"(?<![\w'])(?:.?\d days)")  # "any character": no set to read
    assert scan.first_characters(pattern) is None
    assert [m.span() for m in scan.finditer(pattern, scan.Starts("3 days, ~4 days"))] == \
        [(0, 6), (8, 15)]
