"""Person names clustered across a document, on hand-built docs (no model): one person, one
canonical name, however the text shortens it."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claimgraph.nlp.names import (
    name_of,
    organization_names,
    person_by_surname,
    person_genders,
    person_name,
    person_names,
)


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


def doc_with_orgs(text: str, names: list[str]) -> Doc:
    """A doc of ``text`` split on spaces, each of ``names`` (in text order) an ORG entity."""
    doc = doc_with_people(text, names)
    doc.ents = [doc.char_span(e.start_char, e.end_char, label="ORG") for e in doc.ents]
    return doc


def test_an_acronym_is_the_organisation_whose_initials_it_spells() -> None:
    doc = doc_with_orgs(
        "The Environmental Protection Agency ruled . The EPA said it would appeal",
        ["Environmental Protection Agency", "EPA"],
    )
    assert list(organization_names(doc).values()) == ["Environmental Protection Agency"] * 2


def test_an_acronym_may_spell_the_small_words_too() -> None:
    doc = doc_with_orgs("The Department of Justice sued . DOJ said", ["Department of Justice", "DOJ"])
    assert organization_names(doc)[doc.ents[1].start] == "Department of Justice"


def test_an_acronym_no_full_name_spells_names_itself() -> None:
    doc = doc_with_orgs("The Environmental Protection Agency ruled . CNN said", ["Environmental Protection Agency", "CNN"])
    assert organization_names(doc) == {}


def test_two_organisations_with_one_acronym_the_nearest_before_wins() -> None:
    doc = doc_with_orgs(
        "The American Medical Association met the Atlanta Muslim Alliance . AMA said no",
        ["American Medical Association", "Atlanta Muslim Alliance", "AMA"],
    )
    assert organization_names(doc)[doc.ents[2].start] == "Atlanta Muslim Alliance"


def doc_with_sentences(text: str, names: list[str]) -> Doc:
    """:func:`doc_with_people` with a sentence starting after each full stop."""
    doc = doc_with_people(text, names)
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or doc[tok.i - 1].text == "."
    return doc


def test_a_title_says_a_persons_gender() -> None:
    doc = doc_with_sentences("Mrs. Ann Hale spoke . Mr. Tom Hale left .", ["Ann Hale", "Tom Hale"])
    assert person_genders(doc) == {"Ann Hale": "female", "Tom Hale": "male"}


def test_a_pronoun_after_one_person_alone_says_the_gender() -> None:
    doc = doc_with_sentences("Ann Hale said her plan works .", ["Ann Hale"])
    assert person_genders(doc) == {"Ann Hale": "female"}


def test_a_pronoun_after_two_people_says_nothing() -> None:
    doc = doc_with_sentences("Ann Hale met Tom Hale and her plan works .", ["Ann Hale", "Tom Hale"])
    assert person_genders(doc) == {}


def test_a_pronoun_in_a_quotation_says_nothing_of_the_speaker() -> None:
    doc = doc_with_sentences('Tom Hale said : " She lied . "', ["Tom Hale"])
    assert person_genders(doc) == {}


def test_a_lone_surname_is_the_person_named_in_full_before_it() -> None:
    doc = doc_with_people(
        "Michael Webb was sentenced . Michael Moore filmed it . Webb admitted it", ["Michael Webb", "Michael Moore"]
    )
    assert person_by_surname(doc, "Webb", 12) == "Michael Webb"
    assert person_by_surname(doc, "Webb's", 12) == "Michael Webb"


def test_a_first_name_or_an_unknown_word_is_no_surname() -> None:
    doc = doc_with_people("Michael Webb was sentenced . Michael admitted it . Twitter pledged", ["Michael Webb"])
    assert person_by_surname(doc, "Michael", 6) is None
    assert person_by_surname(doc, "Twitter", 10) is None


def test_a_surname_before_its_full_name_needs_only_one_that_fits() -> None:
    one = doc_with_people("Arroyo said so . Dr. Luz Contreras Arroyo agreed", ["Luz Contreras Arroyo"])
    assert person_by_surname(one, "Arroyo", 0) == "Luz Contreras Arroyo"
    two = doc_with_people("Smith said so . Anna Smith and Ben Smith agreed", ["Anna Smith", "Ben Smith"])
    assert person_by_surname(two, "Smith", 0) is None


def test_a_full_name_the_tagger_calls_an_organisation_is_a_person_the_surname_names() -> None:
    tagged = "Montell/PROPN Figgins/PROPN ,/PUNCT who/PRON represents/VERB Thomas/PROPN ,/PUNCT said/VERB " \
        "little/ADV ./PUNCT Figgins/PROPN said/VERB more/ADV"
    words, pos = zip(*(w.rsplit("/", 1) for w in tagged.split(" ")), strict=True)
    doc = Doc(Vocab(), words=list(words), pos=list(pos))
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 5, 6, label="PERSON"), Span(doc, 10, 11, label="PERSON")]
    assert person_names(doc)[10] == "Montell Figgins"
    assert person_by_surname(doc, "Figgins", 10) == "Montell Figgins"


def test_the_office_written_before_a_name_is_not_the_name() -> None:
    assert person_name("Secretary of State Mike Pompeo") == "Mike Pompeo"
    assert person_name("Deputy Director of Public Prosecution Eva-Marie Persson") == "Eva-Marie Persson"
    assert person_name("Attorney General William Barr") == "William Barr"
    assert person_name("President George W. Bush") == "George W. Bush"


def test_a_courtesy_title_keeps_every_word_of_the_name() -> None:
    assert person_name("Dr. Luz Contreras Arroyo") == "Luz Contreras Arroyo"


def test_a_full_name_the_tagger_left_out_is_found_by_its_surname() -> None:
    text = "Director of Prosecution Eva - Marie Persson decided . Ms Persson said"
    words = text.split()
    spaces = [not (w == "Eva" or w == "-") for w in words]
    vocab = spacy.blank("en").vocab  # lower-case forms read the titles
    doc = Doc(vocab, words=words, spaces=spaces, pos=["PROPN" if w[:1].isupper() else "X" for w in words])
    ms = words.index("Ms")
    doc.ents = [Span(doc, ms, ms + 2, label="PERSON")]
    assert canonicals(doc) == ["Eva-Marie Persson"]
    assert person_by_surname(doc, "Persson", ms + 1) == "Eva-Marie Persson"
