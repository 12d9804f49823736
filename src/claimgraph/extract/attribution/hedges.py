"""Hedges: words that weaken or qualify a claim ("reportedly", "unlikely", "may", "up to").

The phrases live in ``claimgraph/data/attribution/hedges.txt``; approximators ("about", "up to",
"more than") count only before a number, so "talked about" is not a hedge but "about 300" is.
One ``PhraseMatcher`` per vocabulary finds them all in a single pass over the doc.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.extract.attribution.lexicon import lexicon

_MATCHERS: dict[int, tuple[Vocab, PhraseMatcher, set[str]]] = {}


def _matcher(vocab: Vocab) -> tuple[PhraseMatcher, set[str]]:
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2]
    matcher = PhraseMatcher(vocab, attr="LOWER")
    before_number: set[str] = set()
    for line in lexicon().hedges:
        phrase = line.removesuffix("#").strip()
        if line.endswith("#"):
            before_number.add(phrase)
        matcher.add(phrase, [Doc(vocab, words=phrase.split())])
    _MATCHERS[id(vocab)] = (vocab, matcher, before_number)
    return matcher, before_number


def find_hedges(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of every hedge in ``doc``, longest match first where they overlap."""
    matcher, before_number = _matcher(doc.vocab)
    found: list[tuple[int, int]] = []
    taken: set[int] = set()
    matches = sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    for match_id, start, end in matches:
        if taken & set(range(start, end)):
            continue
        phrase = doc.vocab.strings[match_id]
        if phrase in before_number and not (end < len(doc) and (doc[end].like_num or doc[end].text == "$")):
            continue
        taken.update(range(start, end))
        found.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return found
