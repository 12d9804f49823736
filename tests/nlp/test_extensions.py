"""The Doc extensions' shared values: a doc's text and key, built once and always right."""

from __future__ import annotations

import spacy

from claimgraph.ids import text_hash
from claimgraph.nlp import extensions


def test_text_of_is_the_docs_text_and_is_kept() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Moscow said the talks failed.\n\nKyiv denied it.")
    assert extensions.text_of(doc) == doc.text
    assert extensions.text_of(doc) is extensions.text_of(doc)  # built once, not per read


def test_the_key_is_the_hash_of_the_text_whatever_was_read_first() -> None:
    nlp = spacy.blank("en")
    extensions.register()
    first, second = nlp("A convoy reached Gaza."), nlp("A convoy reached Gaza.")
    assert first._.cg_key == text_hash(first.text)
    extensions.text_of(second)
    assert second._.cg_key == first._.cg_key


def test_each_doc_keeps_its_own_text() -> None:
    nlp = spacy.blank("en")
    a, b = nlp("One text."), nlp("Another text.")
    assert (extensions.text_of(a), extensions.text_of(b)) == ("One text.", "Another text.")
