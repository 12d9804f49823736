"""Reading ECB+: event mentions, their events across and within documents, selected sentences."""

from __future__ import annotations

from pathlib import Path

from claimgraph.evaluate.ecbplus import read_topics

DOC = """<Document doc_name="3_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">Quake</token>
<token t_id="2" sentence="0" number="1">hits</token>
<token t_id="3" sentence="1" number="0">The</token>
<token t_id="4" sentence="1" number="1">quake</token>
<token t_id="5" sentence="1" number="2">killed</token>
<token t_id="6" sentence="1" number="3">two</token>
<token t_id="7" sentence="1" number="4">and</token>
<token t_id="8" sentence="1" number="5">police</token>
<token t_id="9" sentence="1" number="6">said</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="4"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="5"/></ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="4"><token_anchor t_id="9"/></ACTION_REPORTING>
<HUMAN_PART_PER m_id="5"><token_anchor t_id="8"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="t3_quake" instance_id="ACT1"/>
<UNKNOWN_INSTANCE_TAG m_id="10" TAG_DESCRIPTOR=""/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="2"/><source m_id="3"/><target m_id="10"/></INTRA_DOC_COREF>
</Relations>
</Document>
"""


def _corpus(tmp_path: Path) -> Path:
    (tmp_path / "ECB+" / "3").mkdir(parents=True)
    (tmp_path / "ECB+" / "3" / "3_1ecbplus.xml").write_text(DOC, encoding="utf-8")
    (tmp_path / "ECB+_LREC2014").mkdir()
    (tmp_path / "ECB+_LREC2014" / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n3,1ecbplus,1\n", encoding="utf-8")
    return tmp_path


def test_event_mentions_carry_their_words_and_events(tmp_path: Path) -> None:
    (doc,) = read_topics(_corpus(tmp_path))
    assert doc.text == "Quake hits\nThe quake killed two and police said"
    assert [(m.text, m.instance) for m in doc.mentions] == [
        ("hits", "ACT1"),  # a cross-document event
        ("quake", "3_1ecbplus:intra:10"),  # a chain inside the document
        ("killed", "3_1ecbplus:intra:10"),
        ("said", "3_1ecbplus:4"),  # a singleton
    ]


def test_participants_are_not_event_mentions(tmp_path: Path) -> None:
    (doc,) = read_topics(_corpus(tmp_path))
    assert "police" not in [m.text for m in doc.mentions]


def test_only_selected_sentences_are_scored(tmp_path: Path) -> None:
    (doc,) = read_topics(_corpus(tmp_path))
    assert (doc.topic, doc.subtopic) == (3, "3ecbplus")
    assert [m.text for m in doc.mentions if doc.in_selected(m.start)] == ["quake", "killed", "said"]
