"""The cue tagger's small layers over the base model's shared tok2vec, registered so that
``spacy train --code`` and loading the trained model can find them.

- ``claimgraph.CueHead.v1``: one hidden Maxout layer, then a per-token (start, end) logistic.
- ``claimgraph.CueTok2Vec.v1``: the listener's vectors plus an embedding of the parse's tags and
  dependency labels, mixed by ``depth`` window layers (config ``config_syntax.cfg``)."""

from __future__ import annotations

from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Linear, Logistic, Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d


@registry.layers("claimgraph.CueHead.v1")
def cue_head(hidden: int = 64, dropout: float = 0.1) -> Model[Floats2d, Floats2d]:
    """(n_tokens, width) -> (n_tokens, 2) probabilities that a token starts / ends a cue."""
    return chain(Maxout(nO=hidden, nP=3, dropout=dropout, normalize=True), Linear(nO=2), Logistic())


@registry.architectures("claimgraph.CueTok2Vec.v1")
def cue_tok2vec(
    listener: Model[list[Doc], list[Floats2d]],
    embed_width: int = 32,
    attrs: list[str] = ["NORM", "TAG", "DEP"],  # noqa: B006  (a config default)
    rows: list[int] = [5000, 100, 100],  # noqa: B006
    width: int = 96,
    depth: int = 1,
    window_size: int = 1,
) -> Model[list[Doc], list[Floats2d]]:
    """The shared tok2vec's vectors (``listener``) plus a small embedding of the parse's own
    output (tag, dependency label), mixed and widened by ``depth`` window layers: the parse is
    computed anyway, so the cue tagger sees syntax at the price of a few small matrices."""
    embed = MultiHashEmbed(width=embed_width, attrs=attrs, rows=rows, include_static_vectors=False)
    layers = [
        concatenate(listener, embed),
        with_array(Maxout(nO=width, nP=3, dropout=0.1, normalize=True)),
    ]
    if depth:  # depth 0 is the cheapest variant: no context beyond what tok2vec saw
        layers.append(
            MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
        )
    return chain(*layers)
