"""Copies: one report republished (syndication, aggregators, partner sites) found as one.

A republished report keeps the reporter's sentences and changes what sits around them: a new
headline, a wire credit ("WASHINGTON (Reuters) -"), its trailing paragraphs cut, boilerplate
lines ("Advertisement", "Read more: ..."), paragraphs re-wrapped, quotation marks straightened.
Two *different* reports of the same event share the event's names, numbers and often a quoted
sentence, but not the run of the reporter's own words. So a document is its set of 5-word
shingles over normalised words (:mod:`claimgraph.resolve.words`: the quotation marks, case and
line breaks are gone before shingling), and two documents are copies when most of the *smaller*
one's shingles are in the larger one (containment, not Jaccard: a copy cut to its first three
paragraphs is all inside the original while sharing a third of its shingles).

Comparing every pair is quadratic; MinHash/LSH (datasketch) finds the candidates in about
constant time per document. Two sketches per document: the whole text, and its lead (the
first ``LEAD`` shingles). A heavily cut copy shares little of the original's whole text,
but it keeps the lead, which aggregators and partner sites always keep. Every candidate is then
verified exactly on the shingle sets, so LSH only decides what is compared, never what is
merged.

Pairs are joined into groups (a copy of a copy is a copy); the group's original is its earliest
published document, ties (or no dates) broken by reading order.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from claimgraph.record import Record
from claimgraph.resolve.corpus import Copies, corpus_id
from claimgraph.resolve.words import words

#: words per shingle: long enough that two reports of one event rarely share one by chance
SHINGLE = 5
#: MinHash permutations: the standard error of an estimated Jaccard is about 1/sqrt(NUM_PERM)
NUM_PERM = 128
#: shingles in a document's lead sketch (about its first paragraph)
LEAD = 40
#: Jaccard above which LSH makes two whole texts (or two leads) candidates; low on purpose:
#: every candidate is verified exactly
WHOLE_THRESHOLD = 0.15
LEAD_THRESHOLD = 0.4
#: the share of the smaller document's shingles found in the other that makes two documents copies
CONTAINMENT = 0.6
#: fewer shared shingles than this are never a copy (two short texts sharing one sentence)
MIN_SHARED = 12

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1).permutations
_MULTIPLIER = np.uint64(1_000_003)


def _identity(value: int) -> int:
    """The shingles are hashed already (32-bit); a module-level function, so sketches pickle."""
    return value


def shingles(text: str) -> np.ndarray:
    """The text's 5-word shingles as 32-bit hashes, in text order.

    Each word is hashed once (CRC-32, the same on every machine and process, unlike ``hash``)
    and a window's hash is a polynomial over its words' hashes, computed for all windows at
    once by numpy.
    """
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    hashes = np.fromiter((zlib.crc32(w.encode()) for w in tokens), dtype=np.uint64,
                         count=len(tokens))
    width = min(SHINGLE, len(tokens))
    count = len(tokens) - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    for j in range(width):  # uint64 arithmetic wraps: a hash, not a number
        acc = acc * _MULTIPLIER + hashes[j: j + count]
    return (acc >> np.uint64(32)).astype(np.uint32)


def _sketch(values: np.ndarray) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_PERMUTATIONS,
                     scheme="affine32")
    sketch.update_batch(values.tolist())
    return sketch


@dataclass(slots=True)
class Shingled:
    """One document as the copy finder holds it: sorted distinct shingles and its two sketches."""

    key: str
    shingles: np.ndarray
    whole: MinHash
    lead: MinHash


def shingle_document(key: str, text: str) -> Shingled:
    ordered = shingles(text)  # in text order: the lead is the first LEAD of them
    distinct = np.unique(ordered)
    return Shingled(key, distinct, _sketch(distinct), _sketch(ordered[:LEAD]))


def containment(a: np.ndarray, b: np.ndarray) -> tuple[float, int]:
    """(share of the smaller set inside the other, shared count) of two sorted distinct arrays."""
    if not len(a) or not len(b):
        return 0.0, 0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / min(len(a), len(b)), shared


def is_copy(a: np.ndarray, b: np.ndarray, *, threshold: float = CONTAINMENT) -> bool:
    share, shared = containment(a, b)
    return share >= threshold and shared >= min(MIN_SHARED, len(a), len(b))


class CopyIndex:
    """Documents seen so far, and which of them a new one copies (or is copied by).

    ``add`` returns the keys of earlier documents verified as copies of the new one. The
    index only grows; a document is compared with the LSH candidates of its two sketches, not
    with every document.
    """

    def __init__(self, *, threshold: float = CONTAINMENT) -> None:
        self.threshold = threshold
        self._whole = MinHashLSH(threshold=WHOLE_THRESHOLD, num_perm=NUM_PERM)
        self._lead = MinHashLSH(threshold=LEAD_THRESHOLD, num_perm=NUM_PERM)
        self._shingles: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._shingles)

    def add(self, key: str, text: str) -> list[str]:
        return self.add_shingled(shingle_document(key, text))

    def add_shingled(self, doc: Shingled) -> list[str]:
        if doc.key in self._shingles:  # the same text read twice is one document
            return []
        candidates = set(self._whole.query(doc.whole)) | set(self._lead.query(doc.lead))
        found = sorted(k for k in candidates
                       if is_copy(doc.shingles, self._shingles[k], threshold=self.threshold))
        self._shingles[doc.key] = doc.shingles
        if len(doc.shingles):
            self._whole.insert(doc.key, doc.whole)
            self._lead.insert(doc.key, doc.lead)
        return found


class _Groups:
    """Union-find over document keys: a copy of a copy is in the same group."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def reading_order(records: Iterable[Record]) -> list[Record]:
    """Distinct documents (by id) in the order they were read."""
    seen: dict[str, Record] = {}
    for record in records:
        seen.setdefault(record.id, record)
    return list(seen.values())


def published_first(record: Record) -> tuple[bool, str, str]:
    """Sort key: earliest published first, undated last, ties by id (the text's hash), so the
    order is a property of the documents, never of how they were read in."""
    return (record.published is None, record.published or "", record.id)


def canonical_order(records: Iterable[Record]) -> list[Record]:
    """Distinct documents (by id), earliest published first (:func:`published_first`)."""
    return sorted(reading_order(records), key=published_first)


def earliest(records: Sequence[Record], order: dict[str, int]) -> Record:
    """The earliest published of ``records``; dated before undated, ties by reading order."""
    return min(records, key=lambda r: (r.published is None, r.published or "", order[r.id]))


def group_copies(records: Sequence[Record], pairs: Iterable[tuple[str, str]]) -> list[Copies]:
    """Copy groups from verified pairs: each with its original, in the original's reading order."""
    order = {r.id: i for i, r in enumerate(records)}
    by_id = {r.id: r for r in records}
    groups = _Groups()
    for a, b in pairs:
        groups.union(a, b)
    members: dict[str, list[Record]] = {}
    for record in records:
        if record.id in groups.parent:
            members.setdefault(groups.find(record.id), []).append(by_id[record.id])
    out = []
    for group in members.values():
        if len(group) < 2:
            continue
        ids = [r.id for r in group]
        out.append(Copies(corpus_id("copies", ids), ids, earliest(group, order).id))
    out.sort(key=lambda c: order[c.original])
    return out


def find_copies(records: Iterable[Record], *, threshold: float = CONTAINMENT,
                shingled: Iterable[Shingled] | None = None) -> list[Copies]:
    """Groups of documents that are one report republished, each naming its original.

    ``shingled``: the documents already shingled, one per document of ``reading_order(records)``
    and in that order (shingling is most of the cost and needs nothing but the text, so
    ``scale/dask_resolve.py`` does it on the workers); by default each is shingled here."""
    ordered = reading_order(records)
    index = CopyIndex(threshold=threshold)
    docs = shingled if shingled is not None else (shingle_document(r.id, r.text) for r in ordered)
    pairs = [(doc.key, other) for doc in docs for other in index.add_shingled(doc)]
    return group_copies(ordered, pairs)
