"""Article-body extraction from HTML, scored on the article-extraction-benchmark pages.

Each page (``html/<id>.html.gz``) has a hand-made article body in ``ground-truth.json``. Ours is
the body text of the Document our ingest makes of the page (what ``claimgraph analyze`` analyses
for an HTML file); the baseline, scored alongside on the same pages, is bare trafilatura
(``trafilatura.extract`` with default settings).

Metric (the benchmark's own ``evaluate.py``): tokens are the runs of Unicode word characters
(the regular expression ``\\w+``, case kept, punctuation dropped); shingles are the runs of 4
consecutive tokens, counted with repeats (a text of fewer than 4 tokens is one shorter shingle).
Per page, tp/fp/fn count the shingles shared, only extracted, only gold; ``precision`` is the
mean over pages where something was extracted, ``recall`` the mean over pages whose gold body is
not empty, ``f1`` the harmonic mean of those two means (so it compares with the benchmark's
table), and ``page_f1`` the mean of each page's own F1.

Folds: pages are split into two fixed halves by a hash of their id (:func:`fold_of`): extraction
rules are designed looking at half "a" only, and half "b" checks them. Every report carries each
half's scores as ``fold_a.<metric>`` and ``fold_b.<metric>``; ``--fold b`` scores one alone.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.errors import ClaimgraphError, DocumentError
from claimgraph.evaluate.scoring import FOLDS, Report, fold_of

TASK = "extraction"
DEFAULT_DATA = "article-extraction-benchmark"
SHINGLE = 4
TOKEN = re.compile(r"\w+")
#: how many of our worst pages the report lists
WORST = 10


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The text's n-token shingles with their counts (see the module docstring for tokens)."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_scores(gold: str, found: str) -> dict[str, float | None]:
    """Precision, recall and F1 of one page; None where the benchmark leaves the page out (no
    extracted shingle for precision, no gold shingle for recall)."""
    want, got = shingles(gold), shingles(found)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    if fp == fn == 0:
        return {"precision": 1.0, "recall": 1.0, "page_f1": 1.0}
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    p, r = precision or 0.0, recall or 0.0
    return {"precision": precision, "recall": recall, "page_f1": 2 * p * r / (p + r) if p + r else 0.0}


class ShingleReport(Report):
    """A report whose ``f1`` is the harmonic mean of the mean precision and mean recall (the
    benchmark's F1), for the whole and for each fold; the means themselves are ``values``."""

    __slots__ = ()

    def metrics(self) -> dict[str, float]:
        flat = super().metrics()
        for prefix in ("", *(f"fold_{f}." for f in FOLDS)):
            p, r = flat.get(prefix + "precision"), flat.get(prefix + "recall")
            if p is not None and r is not None:
                flat[prefix + "f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
        return flat


def _add(report: Report, scores: dict[str, float | None], prefix: str = "") -> None:
    for name, value in scores.items():
        if value is not None:
            total, count = report.values.get(prefix + name, (0.0, 0))
            report.values[prefix + name] = (total + value, count + 1)


def load(data: Path, limit: int | None = None, fold: str | None = None) -> list[dict[str, Any]]:
    """The pages (id, url, gold body, html file), or those of one fold, the first ``limit``."""
    if fold is not None and fold not in FOLDS:
        raise ClaimgraphError("E003", f"unknown fold {fold!r} of task {TASK!r}: use one of {', '.join(FOLDS)}")
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(gold.items()):
        if fold is not None and fold_of(page_id) != fold:
            continue
        path = data / "html" / f"{page_id}.html.gz"
        if not path.exists():
            path = data / "html" / f"{page_id}.html"
        pages.append({"id": page_id, "url": item.get("url"), "gold": item.get("articleBody") or "",
                      "path": path})
    return pages[:limit] if limit else pages


def _html(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def ours(html: str, source: str) -> str:
    """The body our ingest extracts (empty when it refuses the page)."""
    from claimgraph.ingest.html import read_html_page

    try:
        return read_html_page(html, source).text
    except DocumentError:
        return ""


def bare_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    pages = load(data, limit, fold)
    report = ShingleReport(TASK, str(data), documents=len(pages))
    baseline = ShingleReport(TASK, str(data), documents=len(pages))
    per_page: list[tuple[float, str, str]] = []
    refused = 0
    for page in pages:
        html = _html(page["path"])
        body = ours(html, str(page["path"]))
        refused += not body
        prefix = f"fold_{fold_of(page['id'])}."
        mine = page_scores(page["gold"], body)
        theirs = page_scores(page["gold"], bare_trafilatura(html))
        for part, scores in ((report, mine), (baseline, theirs)):
            _add(part, scores)
            _add(part, scores, prefix)
        per_page.append((mine["page_f1"] or 0.0, page["id"][:12], page["url"] or ""))
    report.baseline = baseline
    report.notes = {
        "no_body_extracted": refused,
        "worst_pages": {f"{pid} {url}": {"page F1": f1} for f1, pid, url in sorted(per_page)[:WORST]},
    }
    return report
