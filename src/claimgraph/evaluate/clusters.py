"""Scores of a clustering against gold clusters, and the simple clustering they are compared with.

B³ (Bagga and Baldwin 1998) asks, for every item, how much of its predicted cluster is really
its cluster (precision) and how much of its gold cluster was found with it (recall), then
averages over items; so a big story split in two costs in proportion to the documents affected,
and one giant cluster cannot score well. Per-item sums are kept with the item count, so the
scores of disjoint parts add up (``Report.values``).

The baseline is what anyone would try first: TF-IDF vectors of the documents' words and
average-link agglomerative clustering, cut at a cosine distance.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from spacy.lang.en.stop_words import STOP_WORDS

from claimgraph.resolve.words import words


def b_cubed(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]
            ) -> tuple[float, float, int]:
    """(sum of per-item precision, sum of per-item recall, items) over the gold items."""
    gold_members: dict[Hashable, set[str]] = {}
    pred_members: dict[Hashable, set[str]] = {}
    for item, cluster in gold.items():
        gold_members.setdefault(cluster, set()).add(item)
    for item in gold:
        pred_members.setdefault(predicted.get(item, ("alone", item)), set()).add(item)
    p_sum = r_sum = 0.0
    for item, cluster in gold.items():
        mine = pred_members[predicted.get(item, ("alone", item))]
        right = len(mine & gold_members[cluster])
        p_sum += right / len(mine)
        r_sum += right / len(gold_members[cluster])
    return p_sum, r_sum, len(gold)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def tfidf_matrix(texts: Sequence[str]) -> csr_matrix:
    """Unit-length TF-IDF rows (sub-linear term frequency, smoothed IDF, English stop words out)."""
    vocabulary: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        counts: dict[int, int] = {}
        for word in words(text):
            if word not in STOP_WORDS and len(word) > 1:
                j = vocabulary.setdefault(word, len(vocabulary))
                counts[j] = counts.get(j, 0) + 1
        for j, n in counts.items():
            rows.append(i)
            cols.append(j)
            vals.append(1.0 + np.log(n))
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(texts), max(1, len(vocabulary))))
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    matrix = csr_matrix(matrix.multiply(idf))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def agglomerative(texts: Sequence[str], distance: float) -> list[int]:
    """Cluster labels: average-link clustering of TF-IDF vectors cut at ``distance`` (cosine)."""
    if len(texts) < 2:
        return [1] * len(texts)
    dense = tfidf_matrix(texts).toarray()
    tree = linkage(dense, method="average", metric="cosine")
    return [int(x) for x in fcluster(tree, t=distance, criterion="distance")]
