"""The words of a parsed ``Doc`` as plain Python objects, built once per ``Doc``.

Extractors walk the dependency parse word by word, many times over: a feature reads a word's
head, its children, their dependencies and lemmas. Through spaCy each of those steps is costly
on its own: ``doc[i]``, ``token.head`` and every child of ``token.children`` make a new
``Token`` object, and every ``token.dep_`` or ``token.lemma_`` looks its string up in the
vocabulary anew (~0.3 µs a step, ~2 µs for a word's children). Most of the extractors' cost
over the parse was such steps. A :class:`Word` holds the same values, read once from the
``Doc``'s arrays, with its head and children as other ``Word`` objects, so a walk costs plain
attribute reads. The names are ``Token``'s, with ``Token``'s values, so code written for a
``Token`` reads a ``Word`` the same way and gives the same answers.

Valid while the parse does not change: every claimgraph extractor runs after the parser, the
NER and the news ruler, and none of them changes tokens, heads or entities.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_TITLE, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

_KEY = "claimgraph.words"
_ATTRS = [IDX, HEAD, ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, IS_TITLE, SENT_START]


class Word:
    """One token of a parse, with the values of the ``Token`` attributes of the same names."""

    __slots__ = ("i", "idx", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_",
                 "is_title", "head", "children", "sent_start")

    i: int
    idx: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    is_title: bool
    head: Word
    #: in text order, as ``Token.children`` gives them
    children: tuple[Word, ...]
    #: the index of the first word of its sentence (``Token.sent.start``; 0 without sentences)
    sent_start: int

    def __repr__(self) -> str:
        return f"Word({self.i}, {self.text!r})"


def words(doc: Doc) -> list[Word]:
    """The words of ``doc`` in order (built on first use, then kept on the ``Doc``)."""
    found: list[Word] | None = doc.user_data.get(_KEY)
    if found is None or len(found) != len(doc):
        found = doc.user_data[_KEY] = _build(doc)
    return found


def release(doc: Doc) -> None:
    """Let ``doc``'s words go now: they hold each other (a word's head, its children), so once
    unreferenced they wait for the garbage collector's slowest pass, several documents later;
    with the links cut, each is freed as soon as nothing else holds it. The next :func:`words`
    of ``doc`` builds them again. :func:`claimgraph.analyze.record_from_doc` calls it when a
    record is assembled (on 40 PolNeAR texts the collector's time fell 0.29 -> 0.22 CPU-s)."""
    doc.user_data.pop(_WHERE, None)
    found: list[Word] | None = doc.user_data.pop(_KEY, None)
    for w in found or ():
        del w.head, w.children


#: ``doc.user_data`` key: the words a lowercased form is written as, with the words they index
_WHERE = "claimgraph.words.where"


def where(doc: Doc, lower: str) -> list[int]:
    """The indices of ``doc``'s words whose ``lower_`` is ``lower``, in order (an index built
    once per ``Doc``): a rule that needs one word ("citing") skips a ``Doc`` without it, and a
    search for a phrase steps from one occurrence of its first word to the next."""
    ws = words(doc)
    found: tuple[list[Word], dict[str, list[int]]] | None = doc.user_data.get(_WHERE)
    if found is None or found[0] is not ws:
        index: dict[str, list[int]] = {}
        for w in ws:
            index.setdefault(w.lower_, []).append(w.i)
        found = doc.user_data[_WHERE] = (ws, index)
    return found[1].get(lower, [])


def word(tok: Token | Word) -> Word:
    """The :class:`Word` of a ``Token`` (a ``Word`` is itself)."""
    return tok if isinstance(tok, Word) else words(tok.doc)[tok.i]


class _Strings(dict[int, str]):
    """String hash -> string, for every string the words of a ``Doc`` were built with, kept
    across ``Doc``s: a hash is the string's own (the same in every ``StringStore``), so an entry
    never goes stale, and a word's strings are mostly ones earlier ``Doc``s used (each lookup
    in the ``StringStore`` decodes a new ``str``; on 40 PolNeAR texts building the words took
    0.083 CPU-s with a table per ``Doc``, 0.070 with this one). Emptied at ``LIMIT`` entries."""

    LIMIT = 500_000
    #: where a missing string is read: the ``StringStore`` of the ``Doc`` being built
    store: StringStore

    def __missing__(self, key: int) -> str:
        value = self[key] = self.store[key]
        return value

    def reading(self, store: StringStore) -> _Strings:
        """The table, missing strings read from ``store``."""
        if len(self) > self.LIMIT:
            self.clear()
        self.store = store
        return self


_STRINGS = _Strings()


def _build(doc: Doc) -> list[Word]:
    n = len(doc)
    if n == 0:
        return []
    array = doc.to_array(_ATTRS)
    columns = array.T.tolist()
    idx, _, orth, lower, lemma, pos, tag, dep, ent, title, _ = columns
    names = _STRINGS.reading(doc.vocab.strings)
    heads = (array[:, 1].astype(np.int64) + np.arange(n)).tolist()
    # a word's sentence starts at the last word at or before it whose SENT_START is 1 (spaCy
    # stores -1 as its unsigned twin), as Token.sent walks back to it; 0 without sentences
    starts = [0] * n
    if doc.has_annotation("SENT_START"):
        firsts = np.where(array[:, 10].astype(np.int64) == 1, np.arange(n), 0)
        starts = np.maximum.accumulate(firsts).tolist()
    out = [Word() for _ in range(n)]
    children: list[list[Word]] = [[] for _ in range(n)]
    for w, i, at, o, lo, le, p, t, d, e, ti, h, st in zip(
            out, range(n), idx, orth, lower, lemma, pos, tag, dep, ent, title, heads, starts, strict=True):
        w.i, w.idx, w.is_title, w.sent_start = i, at, ti == 1, st
        w.text, w.lower_, w.lemma_ = names[o], names[lo], names[le]
        w.pos_, w.tag_, w.dep_, w.ent_type_ = names[p], names[t], names[d], names[e]
        w.head = out[h]
        if h != i:
            children[h].append(w)
    for w, kids in zip(out, children, strict=True):
        w.children = tuple(kids)
    return out
