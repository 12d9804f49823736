"""Stance of a text toward a claim: ``agree``, ``disagree``, ``discuss`` or ``unrelated``.

Does the text vouch for the claim, deny it, merely report it, or not address it at all?
(FNC-1's four classes; the output contract's "Stance" section.) Call :func:`stance` for one
pair or :func:`stances` for many::

    >>> stance("Apple is buying Tesla for $75 billion",
    ...        "Tesla on Monday denied reports that Apple is buying the carmaker for $75 billion. "
    ...        '"The story is false," a Tesla spokesman said, calling the report of an Apple '
    ...        "takeover a hoax. Apple also dismissed the rumour. Shares of Tesla fell after the denial.")
    ('disagree', 0.6494)

The label comes with the model's probability for it (``score``). Claim-vs-claim relations can
read the same judgement (a text that agrees supports the claim, one that disagrees contradicts
it); a one-sentence text is read less well than an article (see docs/quality.md, "stance").

The model is small and offline: the features of :mod:`claimgraph.resolve.stance_features`
(shared wording weighted by IDF; denying, hedging and vouching words where the text repeats the
claim) fed to a gradient-boosted tree ensemble (scikit-learn's
``HistGradientBoostingClassifier``), trained on FNC-1's training pairs by
``claimgraph stance-train`` (``make stance-model``) into ``data/stance/model.pkl.gz``, which
ships with the package. Nothing is downloaded at run time, and nothing is loaded until the first
pair is judged (:func:`load_model` is cached), so importing this module costs nothing.
"""

from __future__ import annotations

import gzip
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.errors import DocumentError
from claimgraph.resolve.stance_data import LABELS, LabelledPair, Pair
from claimgraph.resolve.stance_features import NAMES, Featurizer, idf_table, key_sentences

__all__ = ["LABELS", "StanceModel", "stance", "stances", "claim_stances", "judge", "load_model", "train",
           "save"]

#: the shipped model, under ``claimgraph/data``
MODEL_FILE = "stance/model.pkl.gz"
#: bumped when the features change, so an old model file is refused rather than misread
FEATURES_VERSION = 1
#: the gradient-boosted trees' settings (fixed: the model file is reproducible)
TREES: dict[str, Any] = {"max_iter": 300, "learning_rate": 0.08, "max_leaf_nodes": 31,
                         "min_samples_leaf": 20, "l2_regularization": 1.0, "early_stopping": True,
                         "validation_fraction": 0.1, "n_iter_no_change": 10, "random_state": 0}
#: training also reads each pair with its text cut to this many sentences (see :func:`train`)
SHORT_SENTENCES = 2
#: pairs judged at once by :func:`judge` (one matrix for the trees)
BATCH = 512
#: each class's sample weight is (its share of the most common class's count) ** -CLASS_BALANCE:
#: 0 weighs every pair alike (best FNC score), 1 every class alike (best recall of "disagree")
CLASS_BALANCE = 0.5


@dataclass(slots=True)
class StanceModel:
    """A trained stance model: the IDF table its features read and the tree ensemble."""

    idf: dict[str, float]
    default_idf: float
    classifier: Any
    features_version: int = FEATURES_VERSION
    trained_on: dict[str, Any] = field(default_factory=dict)

    def featurizer(self) -> Featurizer:
        return Featurizer(self.idf, self.default_idf)

    def predict(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, float]]:
        """(stance, probability) for each (claim, text) pair, in order."""
        return self._labelled(self._probabilities(list(pairs)))

    def predict_both_ways(self, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, float]]:
        """(stance, probability) for each pair of two claims, each read as the text for the
        other and the two probabilities averaged: two claims have no headline and body, and
        the average is what held-out claim pairs were measured with (docs/quality.md)."""
        pairs = list(pairs)
        if not pairs:
            return []
        forward = self._probabilities(pairs)
        backward = self._probabilities([(b, a) for a, b in pairs])
        return self._labelled((forward + backward) / 2)

    def _probabilities(self, pairs: list[tuple[str, str]]) -> Any:
        import numpy as np

        featurizer = self.featurizer()
        rows = [featurizer.features(claim, text) for claim, text in pairs]
        if not rows:
            return np.zeros((0, len(LABELS)))
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1):  # OpenMP threads spin on a shared machine for ~0.1 ms of work
            return self.classifier.predict_proba(np.asarray(rows, dtype=np.float64))

    def _labelled(self, probabilities: Any) -> list[tuple[str, float]]:
        classes = list(self.classifier.classes_)
        out = []
        for row in probabilities:
            best = int(row.argmax())
            out.append((LABELS[int(classes[best])], round(float(row[best]), 4)))
        return out


def train(pairs: Sequence[LabelledPair], *, class_balance: float = CLASS_BALANCE) -> StanceModel:
    """Fit the IDF table on the pairs' distinct texts and claims, then the trees on their features
    (each pair twice: with its whole text, and cut to its key sentences)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    documents = sorted({p.text for p in pairs} | {p.claim for p in pairs})
    idf, default_idf = idf_table(documents)
    featurizer = Featurizer(idf, default_idf)
    rows = [featurizer.features(p.claim, p.text) for p in pairs]
    # each pair again with its text cut to the sentences most like the claim: the same stance
    # read from a short text (fold a: macro F1 0.661 -> 0.686 on whole texts, 0.534 -> 0.621 on
    # such cut texts; FNC score 0.871 -> 0.868)
    rows += [featurizer.features(p.claim, key_sentences(p.claim, p.text, SHORT_SENTENCES))
             for p in pairs]
    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray([LABELS.index(p.label) for p in pairs] * 2)
    counts = np.bincount(y, minlength=len(LABELS)).astype(np.float64)
    class_weight = (counts / counts.max()) ** -class_balance
    classifier = HistGradientBoostingClassifier(**TREES)
    with threadpool_limits(1):  # one thread: the same trees on any machine, and a fair share here
        classifier.fit(x, y, sample_weight=class_weight[y])
    return StanceModel(idf, default_idf, classifier, trained_on={
        "pairs": len(pairs), "texts": len({p.body for p in pairs}), "features": list(NAMES),
        "class_balance": class_balance, "short_sentences": SHORT_SENTENCES})


def save(model: StanceModel, path: Path) -> None:
    """Write a model file (a gzip'd pickle with a fixed mtime)."""
    payload = pickle.dumps(model, protocol=5)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))


def read_model(data: bytes) -> StanceModel:
    model = pickle.loads(gzip.decompress(data))  # noqa: S301 - our own shipped file
    if not isinstance(model, StanceModel) or model.features_version != FEATURES_VERSION:
        raise ValueError("the stance model file is of another version: run `make stance-model`")
    return model


def shipped_model_path() -> Path:
    """Where the shipped model lives (in a source checkout: ``src/claimgraph/data/stance``)."""
    return Path(str(resources.files("claimgraph.data").joinpath(MODEL_FILE)))


@cache
def load_model() -> StanceModel:
    """The shipped model, read once on first use."""
    return read_model(shipped_model_path().read_bytes())


def stances(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, float]]:
    """The stance of each text toward its claim, for (claim, text) pairs: (label, score) each."""
    return load_model().predict(pairs)


def claim_stances(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, float]]:
    """The stance between two claims, for (claim, claim) pairs: each read as the text for the
    other (:meth:`StanceModel.predict_both_ways`); (label, score) each."""
    return load_model().predict_both_ways(pairs)


def stance(claim: str, text: str) -> tuple[str, float]:
    """The stance of ``text`` toward ``claim``: (label, score), label one of :data:`LABELS`."""
    return stances([(claim, text)])[0]


def judge(items: Iterable[Pair | DocumentError], *, batch: int = BATCH
          ) -> Iterator[dict[str, Any] | DocumentError]:
    """``claimgraph stance``: each input pair's ``{"id", "stance", "score"}`` (the contract's
    output line), or its error, in input order; pairs are judged ``batch`` at a time."""
    pending: list[Pair | DocumentError] = []

    def flush() -> Iterator[dict[str, Any] | DocumentError]:
        pairs = [p for p in pending if isinstance(p, Pair)]
        judged = iter(stances([(p.claim, p.text) for p in pairs]) if pairs else [])
        for item in pending:
            if isinstance(item, DocumentError):
                yield item
            else:
                label, score = next(judged)
                yield {"id": item.id, "stance": label, "score": score}
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch:
            yield from flush()
    yield from flush()
