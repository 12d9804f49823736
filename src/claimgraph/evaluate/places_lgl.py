"""``places`` scored on LGL (Lieberman et al. 2010; US local news, 588 articles) as its own task.

The scorer is :mod:`claimgraph.evaluate.places`; this module only names the second corpus so
that ``claimgraph eval places-lgl`` and its pinned floors exist beside GeoWebNews'.
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.evaluate import places
from claimgraph.evaluate.scoring import Report

TASK = "places-lgl"
DEFAULT_DATA = "geoparsing-pragmatic-guide/data/Corpora/lgl.xml"


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    report = places.evaluate(data, limit=limit, fold=fold)
    report.task = TASK
    return report
