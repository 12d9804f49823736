"""The tagger's small scoring head: one hidden Maxout layer over the shared tok2vec, then a
per-token (start, end) logistic. Registered so ``spacy train --code`` and loading can find it."""

from __future__ import annotations

from spacy.util import registry
from thinc.api import Linear, Logistic, Maxout, Model, chain
from thinc.types import Floats2d


@registry.layers("claimgraph.CueHead.v1")
def cue_head(hidden: int = 64, dropout: float = 0.1) -> Model[Floats2d, Floats2d]:
    """(n_tokens, width) -> (n_tokens, 2) probabilities that a token starts / ends a cue."""
    return chain(Maxout(nO=hidden, nP=3, dropout=dropout, normalize=True), Linear(nO=2), Logistic())
