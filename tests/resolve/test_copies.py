"""Copies: one report republished is found as one, however its wrapping changed; two reports of
one event are not."""

from claimgraph.resolve.copies import CopyIndex, containment, find_copies, shingles
from tests.resolve.reports import (
    QUAKE_A,
    QUAKE_A_COPY,
    QUAKE_A_OTHER,
    QUAKE_B,
    QUAKE_B_OTHER,
    report,
)


def test_a_syndicated_copy_with_a_new_headline_and_its_last_paragraphs_cut_is_found():
    original = report(QUAKE_A, "2018-02-06", "Quake kills nine in Taiwan")
    copy = report(QUAKE_A_COPY, "2018-02-07")
    [group] = find_copies([original, copy])
    assert sorted(group.documents) == sorted([original.id, copy.id])
    assert group.original == original.id


def test_two_different_reports_of_the_same_earthquake_are_not_copies():
    assert find_copies([report(QUAKE_A, "2018-02-06"), report(QUAKE_A_OTHER, "2018-02-06")]) == []


def test_the_original_is_the_earliest_published_even_when_read_last():
    copy = report(QUAKE_A_COPY, "2018-02-07")
    original = report(QUAKE_A, "2018-02-06")
    [group] = find_copies([copy, original])
    assert group.original == original.id


def test_on_the_same_day_the_original_is_the_one_read_first():
    first = report(QUAKE_A_COPY, "2018-02-06")
    second = report(QUAKE_A, "2018-02-06")
    assert find_copies([first, second])[0].original == first.id


def test_straightened_quotes_and_rewrapped_lines_give_the_same_shingles():
    curly = "“We are doing everything we can,” said the magistrate,\nstanding outside."
    straight = '"We are doing everything we can," said the magistrate, standing outside.'
    assert shingles(curly).tolist() == shingles(straight).tolist()


def test_a_cut_copy_is_contained_in_its_original():
    share, _ = containment(sorted_shingles(QUAKE_A_COPY), sorted_shingles(QUAKE_A))
    assert share > 0.8


def test_the_index_compares_a_new_document_only_with_its_candidates():
    index = CopyIndex()
    for i, text in enumerate([QUAKE_B, QUAKE_B_OTHER, QUAKE_A_OTHER]):
        assert index.add(f"d{i}", text) == []
    assert index.add("original", QUAKE_A) == []
    assert index.add("copy", QUAKE_A_COPY) == ["original"]


def test_the_same_document_read_twice_is_not_its_own_copy():
    same = report(QUAKE_A, "2018-02-06")
    assert find_copies([same, same]) == []


def sorted_shingles(text: str):
    import numpy as np

    return np.unique(shingles(text))
