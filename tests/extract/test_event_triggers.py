"""An event keeps its trigger as character offsets; the word it is, is found again by them, as
``doc.char_span(...).root`` would find it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.extract.events.triggers import root_word


@pytest.fixture
def doc() -> Doc:
    # "Troops attacked the town on Tuesday ." with its parse
    return Doc(Vocab(), words=["Troops", "attacked", "the", "town", "on", "Tuesday", "."],
               heads=[1, 1, 3, 1, 1, 4, 1],
               deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"])


def test_a_one_word_trigger_is_that_word(doc: Doc) -> None:
    found = root_word(doc, 7, 15)  # "attacked"
    assert found is not None and found.text == "attacked"


def test_a_span_of_several_words_is_headed_by_its_root(doc: Doc) -> None:
    found = root_word(doc, 16, 24)  # "the town"
    assert found is not None and found.text == "town"


def test_a_span_inside_a_word_is_that_word(doc: Doc) -> None:
    found = root_word(doc, 7, 12)  # "attac": expanded to the word, as char_span does
    assert found is not None and found.text == "attacked"


@pytest.mark.parametrize(("start", "end"), [(7, 15), (16, 24), (25, 35), (0, 6), (7, 12)])
def test_the_word_is_the_root_char_span_gives(doc: Doc, start: int, end: int) -> None:
    span = doc.char_span(start, end, alignment_mode="expand")
    found = root_word(doc, start, end)
    assert span is not None and found is not None and found.i == span.root.i
