"""The stance of a text toward a claim, judged by the shipped model: denials disagree, texts
about something else are unrelated, and the batch and single-pair calls agree."""

from __future__ import annotations

import subprocess
import sys

from claimgraph.resolve.stance import LABELS, stance, stances

CLAIM = "Apple is buying Tesla for $75 billion"
DENIAL = (
    "Tesla on Monday denied reports that Apple is buying the carmaker for $75 billion. "
    "\"The story is false,\" a Tesla spokesman said, calling the report of an Apple takeover "
    "a hoax. Apple also dismissed the rumour. Shares of Tesla fell after the denial."
)
OTHER = (
    "Heavy rain flooded streets in the south of the city on Sunday, and the weather service "
    "warned of more storms in the coming days. Schools will stay closed on Monday."
)


def test_a_denial_disagrees() -> None:
    label, _ = stance(CLAIM, DENIAL)
    assert label == "disagree"


def test_a_text_about_something_else_is_unrelated() -> None:
    label, score = stance(CLAIM, OTHER)
    assert label == "unrelated"
    assert score > 0.9


def test_a_batch_judges_each_pair_as_alone() -> None:
    pairs = [(CLAIM, DENIAL), (CLAIM, OTHER), ("Tesla shares fell", DENIAL)]
    assert stances(pairs) == [stance(claim, text) for claim, text in pairs]


def test_a_score_is_the_probability_of_the_label() -> None:
    for label, score in stances([(CLAIM, DENIAL), (CLAIM, OTHER), (CLAIM, "")]):
        assert label in LABELS
        assert 0.25 <= score <= 1.0  # the most probable of four classes


def test_no_pairs_need_no_model() -> None:
    assert stances([]) == []


def test_importing_loads_no_model() -> None:
    """The claims engineer's relations import this module; the model (and scikit-learn) load on
    the first judged pair only."""
    code = "import sys, claimgraph.resolve.stance; print('sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_shipped_model_reads_the_features_of_this_code() -> None:
    """A feature added or renamed without `make stance-model` would feed the trees wrong columns."""
    from claimgraph.resolve.stance import load_model
    from claimgraph.resolve.stance_features import NAMES

    model = load_model()
    assert model.trained_on["features"] == list(NAMES)
    assert model.classifier.n_features_in_ == len(NAMES)
