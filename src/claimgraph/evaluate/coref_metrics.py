"""Coreference scores: MUC, B³, CEAF-e and their CoNLL mean, plus pairwise link P/R.

These are the CoNLL-2012 reference scorer's definitions (Pradhan et al. 2014), over *key*
(gold) and *response* (ours) clusterings given as lists of sets of mention keys. A response
mention with no gold twin (a predicted mention that matched no gold one) keeps a key of its
own, so it costs B³ and CEAF-e precision and MUC nothing, as in the reference scorer.

Each score is kept as numerator/denominator pairs in :class:`~claimgraph.evaluate.scoring.Report`
``values`` (``muc.recall`` = (Σ|K| - |p(K)|, Σ|K| - 1), ...), so the scores of topics or
partitions add up exactly; :func:`add_f1` derives the F1 values and ``conll.f1`` from the
(merged) pairs, after any merge.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import combinations

from claimgraph.evaluate.scoring import Counts, Report

Cluster = frozenset[Hashable]
METRICS = ("muc", "bcub", "ceafe")


def _clusters(clusters: Sequence[set[Hashable] | frozenset[Hashable]]) -> list[Cluster]:
    return [frozenset(c) for c in clusters if c]


def _where(clusters: list[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def muc(key: list[Cluster], response: list[Cluster]) -> tuple[tuple[int, int], tuple[int, int]]:
    """MUC recall and precision as (numerator, denominator): links kept, over links needed."""

    def part(a: list[Cluster], b: list[Cluster]) -> tuple[int, int]:
        where = _where(b)
        num = den = 0
        for cluster in a:
            parts = {where.get(m, ("alone", m)) for m in cluster}
            num += len(cluster) - len(parts)
            den += len(cluster) - 1
        return num, den

    return part(key, response), part(response, key)


def bcubed(key: list[Cluster], response: list[Cluster]) -> tuple[tuple[float, int], tuple[float, int]]:
    """B³ recall and precision as (sum over mentions, mentions)."""

    def part(a: list[Cluster], b: list[Cluster]) -> tuple[float, int]:
        where = _where(b)
        total = 0.0
        count = 0
        for cluster in a:
            for m in cluster:
                other = b[where[m]] if m in where else frozenset()  # twinless: counts 0
                total += len(cluster & other) / len(cluster)
                count += 1
        return total, count

    return part(key, response), part(response, key)


def _hungarian(sim: list[list[float]]) -> float:
    """Largest total of a one-to-one assignment of rows to columns (rows ≤ columns): the
    Kuhn-Munkres algorithm with potentials, O(n²m), on costs ``-sim``."""
    n, m = len(sim), len(sim[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    match, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        low, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -sim[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < low[j]:
                        low[j], way[j] = cur, j0
                    if low[j] < delta:
                        delta, j1 = low[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(sim[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])


def _best_alignment(key: list[Cluster], response: list[Cluster]) -> float:
    """The largest total similarity of a one-to-one alignment of key to response clusters.

    Clusters that share no mention have similarity 0, so the alignment is solved apart in
    each connected group of overlapping clusters (small), not on the whole topic's matrix.
    """
    where = _where(response)
    parent = list(range(len(key)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}  # response cluster -> a key cluster it overlaps
    for i, cluster in enumerate(key):
        for m in cluster:
            j = where.get(m)
            if j is None:
                continue
            if j in owner:
                parent[find(i)] = find(owner[j])
            else:
                owner[j] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(key)):
        groups.setdefault(find(i), []).append(i)
    total = 0.0
    for rows in groups.values():
        cols = sorted({where[m] for i in rows for m in key[i] if m in where})
        if not cols:
            continue
        sim = [[2 * len(key[i] & response[j]) / (len(key[i]) + len(response[j])) for j in cols]
               for i in rows]
        if len(rows) > len(cols):
            sim = [list(col) for col in zip(*sim, strict=True)]
        total += _hungarian(sim)
    return total


def ceafe(key: list[Cluster], response: list[Cluster]) -> tuple[tuple[float, int], tuple[float, int]]:
    """Entity-based CEAF: the best one-to-one alignment of clusters, similarity
    2|K∩R|/(|K|+|R|); recall over key clusters, precision over response clusters."""
    best = _best_alignment(key, response)
    return (best, len(key)), (best, len(response))


def pairwise(key: list[Cluster], response: list[Cluster]) -> Counts:
    """Coreference links as pairs: tp a response pair the key also links, fp one it does not,
    fn a key pair the response misses."""

    def pairs(clusters: list[Cluster]) -> set[frozenset[Hashable]]:
        return {frozenset(p) for c in clusters for p in combinations(c, 2)}

    ours, gold = pairs(response), pairs(key)
    return Counts(tp=len(ours & gold), fp=len(ours - gold), fn=len(gold - ours))


def score(report: Report, prefix: str, key: Sequence[set[Hashable] | frozenset[Hashable]],
          response: Sequence[set[Hashable] | frozenset[Hashable]]) -> None:
    """Add one document's (or topic's) MUC, B³ and CEAF-e pairs to ``report`` under ``prefix``."""
    k, r = _clusters(key), _clusters(response)
    for name, fn in (("muc", muc), ("bcub", bcubed), ("ceafe", ceafe)):
        recall, precision = fn(k, r)  # type: ignore[operator]
        for part, (num, den) in (("recall", recall), ("precision", precision)):
            metric = f"{prefix}{name}.{part}"
            a, b = report.values.get(metric, (0, 0))
            report.values[metric] = (a + num, b + den)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def add_f1(report: Report, prefix: str) -> None:
    """Set ``<prefix><metric>.f1`` and ``<prefix>conll.f1`` (the mean of the three F1s) from
    the merged recall/precision pairs (as ``(score, 1)`` values: derived, so re-run this after
    merging reports rather than adding them)."""
    f1s = []
    for name in METRICS:
        parts = []
        for part in ("recall", "precision"):
            num, den = report.values.get(f"{prefix}{name}.{part}", (0, 0))
            parts.append(num / den if den else 0.0)
        f1 = _f1(parts[1], parts[0])
        report.values[f"{prefix}{name}.f1"] = (f1, 1)
        f1s.append(f1)
    report.values[f"{prefix}conll.f1"] = (sum(f1s) / len(f1s), 1)
