"""The headline is a sentence of its own: a sentence start after it, set before the parser.

A headline has no full stop, so the parser reads it and the lead as one sentence: the
headline's "…, according to an official with the US-led military bloc" then takes the whole
lead as its content and the lead's own source ("…, a Western official … has told Bloomberg")
is lost. The parser keeps sentence starts set before it, so marking the first token after the
headline (:func:`claimgraph.ingest.masthead.headline_end`) is enough; the text is untouched
and every offset stays as it was.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.ingest.masthead import headline_end


class HeadlineBreak:
    """Start a new sentence at the first word after a plain-text headline."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        end = headline_end(doc.text)
        if end is None:
            return doc
        for token in doc:
            if token.idx >= end and not token.is_space:
                token.is_sent_start = True
                break
        return doc


@Language.factory("claimgraph_headline_v1", assigns=["token.is_sent_start"], requires=[])
def make_headline(nlp: Language, name: str) -> HeadlineBreak:
    return HeadlineBreak(name)
