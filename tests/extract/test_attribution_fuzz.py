"""Attributions on text made of the pieces that trip parsers (quote marks of every kind,
datelines, citing, brackets, line breaks): whatever the parse, every span is a non-empty
stretch of the text that ``text[start:end]`` gives back."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimgraph.nlp import extensions

PIECES = [
    '"', "“", "”", "''", "‘", "’", " said ", " according to ", ", ", ".", "\n", "\n\n", " he ",
    " Reuters ", " — ", ":", " citing ", " an official ", " told ", " up to 300 ", " «", "» ", "(",
    ")", " WASHINGTON — ", " reportedly ", "--", " the ministry ", " cited by ", " Bloomberg ",
]


@settings(max_examples=150, deadline=None)
@example(['"', " according to ", "» "])  # "according to »": the parser's object is punctuation
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_every_span_is_a_non_empty_stretch_of_the_text(nlp: Language, pieces: list[str]) -> None:
    text = "".join(pieces)
    for att in extensions.results(nlp(text), "cg_attributions"):
        for span in [att.content, att.cue, att.source, *att.via, *att.hedges]:
            if span is None:
                continue
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
            assert span.text.strip()
