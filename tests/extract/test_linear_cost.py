"""Each extractor's work grows with the text, not with its square.

Long texts (a 300,000-character transcript, a 1M-character report) cost up to twice the bare
parse when an extractor compared every mention with every other. Time is noisy on a shared
machine; the number of Python calls an extractor makes is not: four times the text must cost
about four times the calls (quadratic code made it 7x for places and events).
"""

from __future__ import annotations

import cProfile
import json
import pstats
from pathlib import Path

import pytest
from spacy.language import Language

from claimgraph.nlp.pipeline import make_docs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMPONENTS = ("times", "places", "attribution", "quantities", "events")


def _article_run(copies: int) -> str:
    """The sample articles, ``copies`` times over (a long text with the usual density of
    names, quotes, numbers and dates), and a quotation introduced by a colon."""
    texts = [EXAMPLES.joinpath("kursk-incursion.txt").read_text(encoding="utf-8")]
    for line in EXAMPLES.joinpath("wire-corpus.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    texts.append("Zelenskiy: “We are moving forward, and we will not stop.”")
    return "\n\n".join(texts * copies)


def _calls(nlp: Language, text: str) -> dict[str, int]:
    """Python calls made by each claimgraph component on ``text``."""
    doc = next(make_docs(nlp, [(text, "2024-08-13")]))
    counts = {}
    for name, component in nlp.pipeline:
        if name not in COMPONENTS:
            doc = component(doc)
            continue
        profile = cProfile.Profile()
        profile.enable()
        doc = component(doc)
        profile.disable()
        counts[name] = pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
    return counts


@pytest.fixture(scope="module")
def growth(nlp: Language) -> dict[str, float]:
    _calls(nlp, _article_run(1))  # tables and caches built on first use are not the text's cost
    short, long = _calls(nlp, _article_run(2)), _calls(nlp, _article_run(8))
    return {name: long[name] / short[name] for name in short}


@pytest.mark.parametrize("component", COMPONENTS)
def test_four_times_the_text_costs_about_four_times_the_work(
    growth: dict[str, float], component: str
) -> None:
    assert growth[component] <= 4.4, growth
