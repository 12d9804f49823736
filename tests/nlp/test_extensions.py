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


def test_a_component_holds_the_entities_while_it_runs_and_a_later_change_is_read() -> None:
    from spacy.tokens import Span

    from claimgraph.nlp.extensions import ents_of, holding_ents

    doc = spacy.blank("en")("Esper met Stoltenberg in Brussels.")
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    with holding_ents(doc):
        held = ents_of(doc)
        assert ents_of(doc) is held and [e.text for e in held] == ["Esper"]
        with holding_ents(doc):  # a component called inside another keeps the outer hold
            assert ents_of(doc) is held
        assert ents_of(doc) is held
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 4, 5, label="GPE")]
    assert [e.text for e in ents_of(doc)] == ["Esper", "Brussels"]
