"""The times grammar tried only at word starts that can open a rule: same matches as re's scan."""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimgraph.extract.times import scan
from claimgraph.extract.times.grammar import compiled

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TRICKY = ("On Jan. 5, 2020, the 1990s' end; THE WEEK of May 3 ſunday 12:30 p.m. last Tuesday, "
          "in 2019-2020, 'the 2000s, two years ago, every Monday, the past two months. mid-2015, "
          "the\nweek, 5pm, a 10-day truce, ends in 19")


def _texts() -> list[str]:
    texts = [EXAMPLES.joinpath("kursk-incursion.txt").read_text(encoding="utf-8"), TRICKY]
    for line in EXAMPLES.joinpath("wire-corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def test_every_rule_finds_exactly_what_a_full_scan_finds() -> None:
    rules = scan.Rules(pattern for _name, pattern in compiled())
    for text in _texts():
        for (name, pattern), matches in zip(compiled(), rules.finditer(text), strict=True):
            found = [(m.span(), m.groupdict()) for m in matches]
            assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], name


def test_every_rule_is_tried_only_at_some_word_starts() -> None:
    for name, pattern in compiled():
        assert scan.openings(pattern) is not None, name


def test_openings_follow_scoped_case_optional_words_and_repeats() -> None:
    opening = scan.openings(re.compile(r"(?<![\w'])(?:(?i:the\s+)?May|\d+\s+days)"))
    assert opening is not None
    opens = ["the", "THe", "May", "5 d", "55 ", "555", "the\t", "Mar", "may", "to ", "5x", "5"]
    assert [chars for chars in opens if opening.match(chars)] == \
        ["the", "THe", "May", "5 d", "55 ", "555", "the\t", "5"]


def test_the_word_the_opens_only_rules_that_can_begin_with_it() -> None:
    rules = scan.Rules(pattern for _name, pattern in compiled())
    names = [name for name, _pattern in compiled()]
    opened = {names[i] for i in rules.opened_by("the")}
    assert {"the_year", "weekend", "duration"} <= opened
    assert not opened & {"holiday", "date_num", "clock"}
    assert {names[i] for i in rules.opened_by("to ")} == set()


def test_a_rule_whose_start_cannot_be_read_is_scanned_whole() -> None:
    pattern = re.compile(r"(?<![\w'])(?:(.)\1? days)")  # a backreference: no opening to read
    assert scan.openings(pattern) is None
    matches, = scan.Rules([pattern]).finditer("3 days, ~~ days")
    assert [m.span() for m in matches] == [(0, 6), (8, 15)]
