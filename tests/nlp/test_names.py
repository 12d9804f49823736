"""Person names clustered across a document, on hand-built docs (no model): one person, one
canonical name, however the text shortens it."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.nlp.names import name_of, person_name, person_names


def doc_with_people(text: str, names: list[str]) -> Doc:
    """A doc of ``text`` split on spaces, each of ``names`` (in text order) a PERSON entity."""
    words = text.split()
    doc = Doc(Vocab(), words=words)
    ents, at = [], 0
    for name in names:
        n = len(name.split())
        at = next(i for i in range(at, len(words)) if words[i : i + n] == name.split())
        ents.append(doc.char_span(doc[at].idx, doc[at + n - 1].idx + len(words[at + n - 1]), label="PERSON"))
        at += n
    doc.ents = ents
    return doc


def canonicals(doc: Doc) -> list[str]:
    return [name_of(ent) for ent in doc.ents]


def test_surname_takes_the_full_name_written_before() -> None:
    doc = doc_with_people("Defense Secretary Lloyd Austin landed . Austin said little", ["Lloyd Austin", "Austin"])
    assert canonicals(doc) == ["Lloyd Austin", "Lloyd Austin"]


def test_surname_in_a_headline_takes_the_one_full_name_after_it() -> None:
    doc = doc_with_people("Austin : no troops . Lloyd Austin spoke", ["Austin", "Lloyd Austin"])
    assert canonicals(doc) == ["Lloyd Austin", "Lloyd Austin"]


def test_title_and_possessive_are_not_part_of_the_name() -> None:
    assert person_name("Mr. Austin") == "Austin"
    assert person_name("Austin's") == "Austin"
    doc = doc_with_people("Lloyd Austin came . Mr. Austin left", ["Lloyd Austin", "Mr. Austin"])
    assert canonicals(doc) == ["Lloyd Austin", "Lloyd Austin"]


def test_a_middle_initial_is_the_same_person() -> None:
    doc = doc_with_people("Joseph R. Biden spoke . Joseph Biden left", ["Joseph R. Biden", "Joseph Biden"])
    assert canonicals(doc) == ["Joseph R. Biden", "Joseph R. Biden"]


def test_two_people_of_one_surname_the_nearest_before_wins() -> None:
    text = "Hunter Biden came . Jill Biden spoke . Biden said"
    doc = doc_with_people(text, ["Hunter Biden", "Jill Biden", "Biden"])
    assert canonicals(doc) == ["Hunter Biden", "Jill Biden", "Jill Biden"]


def test_a_surname_before_two_full_names_stays_as_written() -> None:
    doc = doc_with_people("Biden : Hunter Biden and Jill Biden", ["Biden", "Hunter Biden", "Jill Biden"])
    assert person_names(doc)[0] == "Biden"


def test_a_first_name_alone_takes_the_full_name() -> None:
    doc = doc_with_people("Kamala Harris won . Kamala thanked voters", ["Kamala Harris", "Kamala"])
    assert canonicals(doc) == ["Kamala Harris", "Kamala Harris"]
