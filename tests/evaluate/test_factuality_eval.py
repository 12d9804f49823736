"""The MEANTIME reader and the factuality scorer, on a hand-written two-sentence document."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.factuality import gold_classes
from claimgraph.evaluate.meantime import read_corpora, read_document

XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="1_test" lang="en">
<token number="0" sentence="0" t_id="1">No</token>
<token number="1" sentence="0" t_id="2">one</token>
<token number="2" sentence="0" t_id="3">was</token>
<token number="3" sentence="0" t_id="4">killed</token>
<token number="4" sentence="1" t_id="5">Airbus</token>
<token number="5" sentence="1" t_id="6">plans</token>
<token number="6" sentence="1" t_id="7">to</token>
<token number="7" sentence="1" t_id="8">buy</token>
<Markables>
<EVENT_MENTION certainty="CERTAIN" m_id="1" polarity="NEG" tense="PAST" time="NON_FUTURE">
<token_anchor t_id="4"/>
</EVENT_MENTION>
<EVENT_MENTION certainty="PROBABLE" m_id="2" polarity="POS" tense="INFINITIVE" time="FUTURE">
<token_anchor t_id="8"/>
</EVENT_MENTION>
</Markables>
</Document>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "corpus_test").mkdir()
    (tmp_path / "corpus_test" / "1_test.xml").write_text(XML, encoding="utf-8")
    return tmp_path


def test_tokens_become_text_with_one_line_a_sentence(corpus: Path) -> None:
    doc = read_document(corpus / "corpus_test" / "1_test.xml", "test")
    assert doc.text == "No one was killed\nAirbus plans to buy"


def test_each_gold_mention_has_its_offsets_and_attributes(corpus: Path) -> None:
    (killed, buy) = read_document(corpus / "corpus_test" / "1_test.xml", "test").mentions
    assert (killed.text, killed.polarity) == ("killed", "NEG")
    assert (buy.text, buy.time, buy.certainty) == ("buy", "FUTURE", "PROBABLE")


def test_gold_classes_read_time_for_future_and_both_uncertain_values(corpus: Path) -> None:
    (killed, buy) = read_document(corpus / "corpus_test" / "1_test.xml", "test").mentions
    assert gold_classes(killed) == {"negative": True, "future": False, "uncertain": False}
    assert gold_classes(buy) == {"negative": False, "future": True, "uncertain": True}


def test_a_missing_corpus_is_a_coded_error(corpus: Path) -> None:
    with pytest.raises(ClaimgraphError, match="E004"):
        read_corpora(corpus, ("airbus",))
