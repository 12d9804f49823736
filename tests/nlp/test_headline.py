"""The headline is analysed on its own (issue 12 item 4): the project's founding example, a
headline with an according-to over a lead with its own source, must give every claim its own
source, descriptor and via chain (examples/kursk-headline-source.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimgraph.nlp import extensions
from claimgraph.record import Attribution

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kursk-headline-source.txt"


@pytest.fixture(scope="module")
def claims(nlp: Language) -> list[Attribution]:
    return extensions.results(nlp(SAMPLE.read_text("utf-8")), "cg_attributions")


def claim(claims: list[Attribution], opening: str) -> Attribution:
    found = [a for a in claims if a.content.text.lstrip("“\"").startswith(opening)]
    assert len(found) == 1, [a.content.text for a in claims]
    return found[0]


def test_the_headline_is_a_sentence_of_its_own(nlp: Language) -> None:
    text = SAMPLE.read_text("utf-8")
    first = next(iter(nlp(text).sents))
    assert first.text.rstrip() == text.splitlines()[0]


def test_the_headline_claim_keeps_its_own_source(claims: list[Attribution]) -> None:
    headline = claim(claims, "The incursion into Russia's Kursk Region is unlikely to last")
    assert headline.type == "according_to"
    assert headline.content.text == "The incursion into Russia's Kursk Region is unlikely to last"
    assert headline.source is not None
    assert headline.source.text == "an official with the US-led military bloc"
    assert headline.source.descriptor == "with the US-led military bloc"


def test_the_lead_claim_gets_its_source_descriptor_and_via(claims: list[Attribution]) -> None:
    lead = claim(claims, "Ukraine's cross-border incursion")
    assert lead.content.text.endswith("will probably be over within weeks")
    assert lead.source is not None and lead.source.anonymous
    assert lead.source.text.startswith("a Western official")
    assert lead.source.descriptor == "familiar with Kiev's planning of last week's incursion"
    assert [v.text for v in lead.via] == ["Bloomberg"]


def test_the_claims_after_the_lead_keep_their_sources(claims: list[Attribution]) -> None:
    sources = {a.source.canonical or a.source.text for a in claims if a.source is not None}
    assert {"Oleksandr Syrsky", "Russian Defense Ministry", "Vladimir Putin"} <= sources
    nato = claim(claims, "the alliance had not been told")
    assert nato.source is not None and nato.source.text.startswith("An official with NATO")


def test_a_headline_break_leaves_text_and_offsets_as_they_were(nlp: Language) -> None:
    text = SAMPLE.read_text("utf-8")
    doc = nlp(text)
    assert doc.text == text
    assert all(text[a.content.start : a.content.end] == a.content.text
               for a in extensions.results(doc, "cg_attributions"))
