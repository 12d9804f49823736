"""A Doc's words as plain objects: the same values as spaCy's Tokens, read once per Doc."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimgraph.nlp.words import Word, release, word, words


def token_values(tok) -> tuple:
    return (tok.i, tok.idx, tok.text, tok.lower_, tok.lemma_, tok.pos_, tok.tag_, tok.dep_,
            tok.ent_type_, tok.is_title, tok.head.i, [c.i for c in tok.children])


def word_values(w: Word) -> tuple:
    return (w.i, w.idx, w.text, w.lower_, w.lemma_, w.pos_, w.tag_, w.dep_, w.ent_type_,
            w.is_title, w.head.i, [c.i for c in w.children])


def test_every_word_reads_as_its_token_does_in_a_parsed_news_text(nlp) -> None:
    doc = nlp("Russian troops shelled Kharkiv on Monday, officials said. "
              "The Kremlin denied that its forces attacked the city.\n\nNo one was killed.")
    assert [word_values(w) for w in words(doc)] == [token_values(t) for t in doc]
    assert [w.sent_start for w in words(doc)] == [t.sent.start for t in doc]


def test_a_hand_built_parse_keeps_heads_children_and_sentences() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Police", "arrested", "two", "men", ".", "They", "left", "."],
              heads=[1, 1, 3, 1, 1, 6, 6, 6],
              deps=["nsubj", "ROOT", "nummod", "dobj", "punct", "nsubj", "ROOT", "punct"],
              pos=["NOUN", "VERB", "NUM", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"],
              lemmas=["police", "arrest", "two", "man", ".", "they", "leave", "."],
              sent_starts=[True, False, False, False, False, True, False, False])
    ws = words(doc)
    arrested = ws[1]
    assert arrested.head is arrested and arrested.lemma_ == "arrest"
    assert [c.text for c in arrested.children] == ["Police", "men", "."]
    assert ws[2].head is ws[3] and ws[3].children == (ws[2],)
    assert [w.sent_start for w in ws] == [0, 0, 0, 0, 0, 5, 5, 5]
    assert [word_values(w) for w in ws] == [token_values(t) for t in doc]


def test_words_are_built_once_per_doc_and_a_token_finds_its_word() -> None:
    doc = spacy.blank("en")("Rain fell in Lviv.")
    assert words(doc) is words(doc)
    assert word(doc[3]) is words(doc)[3] and word(words(doc)[3]) is words(doc)[3]
    assert [w.sent_start for w in words(doc)] == [0, 0, 0, 0, 0]  # no sentences: one stretch
    assert words(spacy.blank("en")("")) == []


def test_released_words_let_go_of_each_other_and_are_built_again_when_asked() -> None:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Police", "arrested", "two", "men"], heads=[1, 1, 3, 1],
              deps=["nsubj", "ROOT", "nummod", "dobj"])
    first = words(doc)
    release(doc)
    # no word holds another any more: refcounting frees them, not a pass of the collector
    assert not any(hasattr(w, "head") or hasattr(w, "children") for w in first)
    again = words(doc)
    assert again is not first and again[2].head is again[3] and again[1].children == (again[0], again[3])


def test_a_record_releases_its_docs_words(nlp) -> None:
    from claimgraph.analyze import record_from_doc
    from claimgraph.ingest import Document

    document = Document(text="Police in Kyiv said two men were arrested.", source="t")
    doc = nlp(document.text)
    words(doc)
    record = record_from_doc(document, doc)
    assert record.text == document.text
    assert "claimgraph.words" not in doc.user_data


def test_words_of_another_pipeline_and_after_the_string_table_is_emptied_read_the_same(
        monkeypatch) -> None:
    from claimgraph.nlp import words as module

    def parse(nlp):
        return Doc(nlp.vocab, words=["Zelenskyy", "visited", "Mykolaiv"], heads=[1, 1, 1],
                   deps=["nsubj", "ROOT", "dobj"], lemmas=["Zelenskyy", "visit", "Mykolaiv"])

    first = parse(spacy.blank("en"))
    expected = [token_values(t) for t in first]
    assert [word_values(w) for w in words(first)] == expected
    # a second vocabulary (its own StringStore) finds the strings the first one added
    second = parse(spacy.blank("en"))
    assert [word_values(w) for w in words(second)] == expected
    monkeypatch.setattr(module._Strings, "LIMIT", 0)  # the shared table is emptied when full
    third = parse(spacy.blank("en"))
    assert [word_values(w) for w in words(third)] == expected
    assert set(module._STRINGS.values()) <= {s for values in expected for s in values[2:9]}


def test_where_a_word_is_written_in_any_case_and_the_index_goes_with_the_words() -> None:
    from claimgraph.nlp.words import where

    doc = spacy.blank("en")("Citing officials, Reuters said the talks failed; citing no one, Tass denied it.")
    assert where(doc, "citing") == [0, 9]
    assert where(doc, "said") == [4] and where(doc, "according") == []
    release(doc)
    assert "claimgraph.words.where" not in doc.user_data
    assert where(doc, "tass") == [13]
