"""Shared fixtures: the full pipeline (built once per test session) and the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The claimgraph pipeline as `claimgraph analyze` builds it."""
    from claimgraph.nlp.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
