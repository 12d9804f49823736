"""Quotation spans that one stray or missing mark cannot stretch over the article (issue 12
item 5). The texts are written for these tests in the shape of real wire copy."""

from __future__ import annotations

from spacy.language import Language

from claimgraph.extract.attribution.quotes import find_quotes
from claimgraph.nlp import extensions


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_wire_convention_continues_a_quote_into_the_next_paragraph() -> None:
    text = "“We will fight. We will win.\n\n“We will never surrender,” he said."
    assert quoted(text) == [text[: text.index("”") + 1]]


def test_a_paragraph_opening_with_another_kind_of_mark_does_not_continue_a_quote() -> None:
    text = ("He called the ‘90s a lost decade for the region.\n\n"
            "“We will respond,” she said. “Nothing is decided.”\n\n"
            "“The talks go on,” he said.")
    assert quoted(text) == ["‘90s a lost decade for the region.", "“We will respond,”",
                            "“Nothing is decided.”", "“The talks go on,”"]


def test_a_second_opening_mark_drops_the_unclosed_quote_before_it() -> None:
    text = ("Volker called the back channel a “distraction. He met Yermak in Madrid in July. "
            "The talks stalled in August. Aides said the call went well. "
            "“My role was not some irregular channel,” he told lawmakers.")
    assert quoted(text) == ["“My role was not some irregular channel,”"]


def test_an_opening_mark_typed_where_a_closer_belongs_closes_the_quote() -> None:
    text = ("Scarborough called the remarks “abhorrent“ in a tweet Sunday. "
            "“We will not apologise,” a spokesman said.")
    assert quoted(text) == ["“abhorrent“", "“We will not apologise,”"]


UNCLOSED = (
    "Kurt Volker told lawmakers on Tuesday that Rudy Giuliani's role had become “a distraction "
    "for the whole team. The former envoy said he had met Andriy Yermak in Madrid in July. "
    "Aides to the president said the call had gone well. A State Department spokesman said "
    "the department had not been told of the meeting. Republicans said the testimony "
    "cleared the president. “My role was not some irregular channel,” Volker told the "
    "committee. “I was trying to help Ukraine,” he added.\n\n"
    "Democrats said the testimony showed a pressure campaign. Rep. Adam Schiff said the "
    "committee would call more witnesses next week."
)


def test_an_unclosed_quote_does_not_erase_the_attributions_after_it(nlp: Language) -> None:
    found = extensions.results(nlp(UNCLOSED), "cg_attributions")
    sources = {a.source.text for a in found if a.source is not None}
    assert {"The former envoy", "A State Department spokesman", "Republicans",
            "Rep. Adam Schiff"} <= sources
    assert not any("Madrid" in a.content.text and "irregular" in a.content.text for a in found)
