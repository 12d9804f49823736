"""Copies scored on a synthetic syndication set, with ECB+ reports of one event as hard negatives.

The set (:mod:`claimgraph.evaluate.syndication`) republishes a sample of PolNeAR's training
articles with the changes syndication makes; the ECB+ documents of topics 1–35 are added as
what must *not* be merged: several outlets' own reports of one happening, sharing its names,
numbers and quotes (the documents of one ECB+ sub-topic). Both sources hold a few real copies of
their own (ECB a wire story carried by several outlets, PolNeAR an article published twice a
day apart): two source documents are counted as one report when their 8-word shingles overlap by
half or more of the smaller (a test independent of ours).

Scores: pairwise precision/recall/F1 (``pairs``: every two documents put in one group, against
the gold groups) and ``original_right``: over the gold groups of copies, the share whose
original (the earliest published, ties by reading order) is found as the original of a group
holding it and at least one of its copies.

Baseline, scored alongside: 5-gram Jaccard ≥ ``BASELINE_JACCARD`` (candidates from MinHash/LSH,
checked exactly), pairs joined, earliest published the original.

Folds: the containment threshold was chosen on fold "a" (articles whose name hashes to "a",
odd ECB+ topics) and confirmed on fold "b"; both are reported as ``fold_a.*`` / ``fold_b.*``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from datasketch import MinHashLSH

from claimgraph.evaluate import evaldata_root
from claimgraph.evaluate.ecbplus_news import read_ecbplus
from claimgraph.evaluate.scoring import FOLDS, Counts, Report, check_fold, fold_of
from claimgraph.evaluate.syndication import Article, build
from claimgraph.ids import text_hash
from claimgraph.record import Record
from claimgraph.resolve.copies import NUM_PERM, find_copies, group_copies, shingle_document
from claimgraph.resolve.corpus import Copies
from claimgraph.resolve.words import words

TASK = "copies"
DEFAULT_DATA = "polnear/data/train/text"
ECBPLUS = "ecbplus/ECB+"
#: the baseline's cut: 5-gram Jaccard at or above it is a copy (the best on fold "a")
BASELINE_JACCARD = 0.2
#: two ECB+ documents sharing this share of their 8-word shingles carry one wire report
SAME_WIRE = 0.5


def _ecb_articles(topics: set[int]) -> list[Article]:
    root = evaldata_root()
    folder = root / ECBPLUS if root is not None else None
    if folder is None or not folder.is_dir():
        return []
    return [Article(d.name, f"{d.title}\n\n{d.text}" if d.title else d.text, None, d.name)
            for d in read_ecbplus(folder, topics)]


def same_reports(articles: Sequence[Article]) -> None:
    """Mark the gold data's own copies: two source articles sharing ``SAME_WIRE`` of the smaller
    one's 8-word shingles carry one report (the earlier read is the report's name)."""
    grams = [{hash(g) for g in zip(*(w[i:] for i in range(8)), strict=False)}
             for w in (words(a.text) for a in articles)]
    holders: dict[int, list[int]] = {}
    shared: dict[tuple[int, int], int] = {}
    for j, mine in enumerate(grams):
        for gram in mine:
            for i in holders.get(gram, ()):
                shared[i, j] = shared.get((i, j), 0) + 1
            holders.setdefault(gram, []).append(j)
    for (i, j), n in sorted(shared.items()):
        if n >= SAME_WIRE * min(len(grams[i]), len(grams[j])):
            articles[j].report = articles[i].report


def corpus(data: Path, fold: str | None) -> list[Article]:
    """The synthetic set plus the ECB+ negatives, in reading order (one fold, or all)."""
    topics = {t for t in range(1, 36) if fold is None or FOLDS[(t + 1) % 2] == fold}
    articles = build(data, same_reports)
    if fold is not None:
        articles = [a for a in articles if fold_of(a.report) == fold]
    ecb = _ecb_articles(topics)
    same_reports(ecb)
    return articles + ecb


def _records(articles: Sequence[Article]) -> list[Record]:
    return [Record(id=text_hash(a.name), source=a.name, published=a.published, text=a.text)
            for a in articles]


def baseline_copies(records: Sequence[Record], threshold: float = BASELINE_JACCARD) -> list[Copies]:
    """5-gram Jaccard at or above ``threshold``, joined; the original the earliest published."""
    lsh = MinHashLSH(threshold=threshold * 0.8, num_perm=NUM_PERM)
    seen: dict[str, np.ndarray] = {}
    pairs = []
    for record in records:
        doc = shingle_document(record.id, record.text)
        for other in lsh.query(doc.whole):
            shared = len(np.intersect1d(doc.shingles, seen[other], assume_unique=True))
            union = len(doc.shingles) + len(seen[other]) - shared
            if union and shared / union >= threshold:
                pairs.append((record.id, other))
        seen[record.id] = doc.shingles
        if len(doc.shingles):
            lsh.insert(record.id, doc.whole)
    return group_copies(records, pairs)


def score(articles: Sequence[Article], groups: Sequence[Copies], prefix: str = ""
          ) -> tuple[dict[str, Counts], dict[str, tuple[float, int]]]:
    """Pairwise counts and the original-right accuracy of ``groups`` against the gold reports."""
    name_of = {text_hash(a.name): a.name for a in articles}
    predicted = {name_of[d]: g.id for g in groups for d in g.documents}
    original = {g.id: name_of[g.original] for g in groups}
    found = {frozenset(p) for g in groups
             for p in itertools.combinations(sorted(name_of[d] for d in g.documents), 2)}
    gold_groups: dict[str, list[str]] = {}
    for a in articles:
        gold_groups.setdefault(a.report, []).append(a.name)
    gold = {frozenset(p) for members in gold_groups.values()
            for p in itertools.combinations(sorted(members), 2)}
    counts = Counts(len(found & gold), len(found - gold), len(gold - found))
    right = total = 0
    order = {a.name: i for i, a in enumerate(articles)}
    dated = {a.name: a.published for a in articles}
    for members in gold_groups.values():
        if len(members) < 2:
            continue
        total += 1  # the gold original: the earliest published, ties by reading order
        first = min(members, key=lambda m: (dated[m] is None, dated[m] or "", order[m]))
        group = predicted.get(first)
        holds_copy = any(predicted.get(m) == group for m in members if m != first)
        right += int(group is not None and original[group] == first and holds_copy)
    return {f"{prefix}pairs": counts}, {f"{prefix}original_right": (right, total)}


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    if fold is not None:
        check_fold(TASK, fold)
    parts = [("", fold)] if fold is not None else [("", None), *((f"fold_{f}.", f) for f in FOLDS)]
    report = Report(TASK, str(data))
    base = Report(TASK, str(data))
    for prefix, part in parts:
        articles = corpus(data, part)
        articles = articles[:limit] if limit else articles
        records = _records(articles)
        for out, groups in ((report, find_copies(records)), (base, baseline_copies(records))):
            counts, values = score(articles, groups, prefix)
            out.counts.update(counts)
            out.values.update(values)
        if not prefix:
            report.documents = base.documents = len(articles)
            report.notes = {
                "documents": len(articles),
                "copies": sum(a.report != a.name for a in articles),
                "ecbplus negatives": sum(a.name.endswith(".xml") for a in articles),
                "baseline": f"5-gram Jaccard >= {BASELINE_JACCARD}, earliest published original",
            }
    report.baseline = base
    return report

