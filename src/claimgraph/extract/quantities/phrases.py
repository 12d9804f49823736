"""The counted noun phrase of a number, from the dependency parse: "2,000 service members",
"more than 200 armored vehicles", "dozens of soldiers". Character offsets map to tokens here."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from claimgraph.knowledge import json_table
from claimgraph.nlp.extensions import text_of


def _calendar_names() -> set[str]:
    """The full names of the months and weekdays, lower-cased, from the time grammar's table
    (``data/time_words.json``; the longest of a month's or a day's spellings)."""
    words = json_table("time_words.json")
    names: set[str] = set()
    for table in ("months", "weekdays"):
        full: dict[int, str] = {}
        for name, value in words[table].items():
            if len(name) > len(full.get(value, "")):
                full[value] = name
        names |= {name.lower() for name in full.values()}
    return names


#: head nouns that are not what a number counts (dates, clock, grammar)
NOT_COUNTED = {*_calendar_names(), "gmt", "utc", "pm", "am", "percent", "%"}
_COMPARATIVES = {"more", "fewer", "less", "other", "further", "additional", "extra"}
_MOD_DEPS = {"amod", "compound", "nmod", "nummod", "quantmod", "advmod", "npadvmod", "poss"}
_MOD_POS = {"ADJ", "NOUN", "PROPN", "VERB", "ADV", "NUM", "PUNCT"}


class Tokens:
    """Character-offset access to a Doc's tokens and parse (when there is one)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)  # built once per document, not per component
        self.starts = [t.idx for t in doc]
        self.parsed = doc.has_annotation("DEP")
        self.tagged = doc.has_annotation("POS") or doc.has_annotation("TAG")

    def containing(self, char: int) -> int:
        return max(bisect_right(self.starts, char) - 1, 0)

    def first_from(self, char: int) -> int | None:
        i = bisect_left(self.starts, char)
        return i if i < len(self.doc) else None

    def span_tokens(self, start: int, end: int) -> range:
        return range(self.containing(start), self.containing(max(end - 1, start)) + 1)

    def counted(
        self, number: range, pos: int, *, via_of: bool = False
    ) -> tuple[int, str, str] | None:
        """The noun phrase a number counts, starting at ``pos``: (end, text, head's tag)."""
        if not self.parsed:
            return None
        doc, text = self.doc, self.text
        j = self.first_from(pos)
        if j is None or text[pos : self.starts[j]].strip(" \u00a0-"):
            return None
        if via_of:
            if doc[j].lower_ != "of":
                return None
            j += 1
            while j < len(doc) and doc[j].dep_ in ("det", "poss") and doc[j].pos_ in ("DET", "PRON"):
                j += 1
        while j < len(doc) - 1 and doc[j].lower_ in _COMPARATIVES:
            j += 1  # "5,000 more troops" counts troops
        if j >= len(doc) or doc[j].like_num:
            return None  # another number: "245 23 yen"
        k = j
        while (
            k < len(doc) - 1
            and k - j < 4
            and doc[k].head.i > k
            and doc[k].dep_ in _MOD_DEPS
            and doc[k].pos_ in _MOD_POS
            and not doc[k].is_punct
            and doc[k].tag_ not in ("NNS", "NNPS")  # a plural noun ends the phrase
        ):
            k += 1
        if k >= len(doc):
            return None
        head = doc[k]
        if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in NOT_COUNTED or not head.text[0].isalpha():
            return None
        if not via_of and not any(j <= doc[i].head.i <= k for i in number):
            return None
        if via_of and doc[k].dep_ != "pobj":
            return None
        end = head.idx + len(head.text)
        return end, text[self.starts[j] : end], head.tag_
