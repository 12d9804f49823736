"""Hedges: words that weaken or qualify a claim ("reportedly", "unlikely", "may", "up to").

The phrases live in ``claimgraph/data/attribution/hedges.txt``; approximators ("about", "up to",
"more than") count only before a number, so "talked about" is not a hedge but "about 300" is.
One ``PhraseMatcher`` per vocabulary finds them all in a single pass over the doc.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
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


#: What opens a condition: "would" under one of these is conditional, a real hedge.
_CONDITIONS = frozenset({"if", "unless", "provided", "otherwise"})


def backshifted(doc: Doc, start: int, end: int, cue: Token, quotes: tuple[int, ...]) -> bool:
    """Is the hedge at ``start:end`` a "would" that only carries a past cue's tense?

    Reported speech shifts the speaker's "will" to "would": "Sanchez said the government would
    deploy 5,000 troops" reports a plan as firmly as "the government will deploy" does, so it
    is not hedged. That holds only outside quotation marks (``quotes[i]`` is -1: in a quote,
    "would" is the speaker's own word), under a cue in the past ("said", "had told", a participle of a past verb), and when
    no condition governs the verb ("would resign if the vote failed" stays hedged).
    """
    span = doc.char_span(start, end)
    if span is None or len(span) != 1 or span[0].lower_ != "would":
        return False
    would = span[0]
    past = cue.tag_ in ("VBD", "VBN") or (cue.tag_ == "VBG" and cue.head.tag_ in ("VBD", "VBN"))
    if quotes[would.i] != -1 or not past:  # "revised his plans, saying troops would stay"
        return False
    verb = would.head
    for child in verb.children:
        if child.dep_ in ("advcl", "mark") and any(
            t.lower_ in _CONDITIONS for t in child.subtree if t.dep_ == "mark" or t.i == child.i
        ):
            return False
    # the verb must hang (through clauses) from the cue: the cue's own complement
    node = verb
    for _ in range(8):
        if node.i == cue.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
