"""Claim grouping scored on a synthetic cross-outlet corpus built from PolNeAR at run time.

``evaluate/rewording.py`` makes the corpus (originals, copies, citing and independent re-reports
with reworded contents, hard negatives); ``resolve/claims.py`` groups its attributions; this
module scores the grouping:

- ``pairs``: pairwise precision / recall / F1 over attribution pairs put in one claim (additive
  tp/fp/fn: partitions merge exactly);
- ``negatives_kept_apart``: of the hard negatives (a negated wording, another figure), the share
  not merged into the claim they contradict;
- ``independent_sources``: of the predicted claims that are exactly a gold claim of two or more
  mentions, the share whose independent-source count is right (this checks the implementation
  against the definition the generator shares with it, not against the world).

The baseline groups by exact speaker text and exact content text (lower-cased, spaces
normalised), as a string-equality claim index would. ``--fold a|b`` scores half the articles
(by a hash of the name): thresholds are chosen on ``a`` and confirmed on ``b``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.evaluate.attribution import Article, Chars, read_articles
from claimgraph.evaluate.rewording import Corpus, GoldClaim, build
from claimgraph.evaluate.scoring import Counts, Report, check_fold, fold_of
from claimgraph.resolve.claims import find_claims
from claimgraph.resolve.relations import find_relations

TASK = "claims"
DEFAULT_DATA = "polnear/data/dev"
#: the shortest content (in words) an original attribution needs to be a claim worth matching
MIN_WORDS = 4


def _text(text: str, chars: Chars) -> str:
    """The words of a (possibly discontinuous) gold span, pieces joined by a space."""
    pieces, start, previous = [], None, None
    for i in sorted(chars):
        if start is None:
            start = i
        elif previous is not None and i != previous + 1:
            pieces.append(text[start:previous + 1])
            start = i
        previous = i
    if start is not None and previous is not None:
        pieces.append(text[start:previous + 1])
    return " ".join(" ".join(p.split()) for p in pieces)


def originals(articles: Iterable[Article]) -> Iterator[tuple[str, str, str, list[GoldClaim]]]:
    """Each PolNeAR article as an original report: its outlet and day (from the file name) and
    its attributions that name a source and say something."""
    for article in articles:
        publisher, day, *_ = article.name.split("_")
        claims = []
        for gold in article.gold:
            source, content = _text(article.text, gold.source), _text(article.text, gold.content)
            if source and len(content.split()) >= MIN_WORDS:
                claims.append(GoldClaim(source, content))
        if claims:
            yield article.name, publisher, day, claims


def _pairs(groups: Iterable[list[str]], label: dict[str, str]) -> Counts:
    """Pairwise counts of predicted groups of mention keys against gold labels."""
    predicted = together = 0
    for members in groups:
        n = len(members)
        predicted += n * (n - 1) // 2
        for k in Counter(label[m] for m in members).values():
            together += k * (k - 1) // 2
    gold = sum(k * (k - 1) // 2 for k in Counter(label.values()).values())
    return Counts(tp=together, fp=predicted - together, fn=gold - together)


def score(corpus: Corpus) -> Report:
    """Our grouping and the baseline's, scored against the corpus's gold."""
    label = {f"{d}\x1f{a}": v for (d, a), v in corpus.label.items()}
    started = time.process_time()
    claims = find_claims(corpus.records, corpus.copies)
    find_relations(corpus.records, claims, corpus.copies)
    seconds = time.process_time() - started
    groups = [[f"{m.document}\x1f{m.attribution}" for m in c.mentions] for c in claims]
    report = Report(TASK, "", len(corpus.records))
    report.counts["pairs"] = _pairs(groups, label)
    claim_of = {key: i for i, members in enumerate(groups) for key in members}
    kept = sum(claim_of[f"{d}\x1f{a}"] != claim_of.get(_any_mention(corpus, base), -1)
               for (d, a), base in corpus.negatives)
    report.values["negatives_kept_apart"] = (kept, len(corpus.negatives))
    gold_groups: dict[str, set[str]] = {}
    for key, value in label.items():
        gold_groups.setdefault(value, set()).add(key)
    right = total = 0
    for claim, members in zip(claims, groups, strict=True):
        value = label[members[0]]
        if len(members) >= 2 and set(members) == gold_groups[value]:
            total += 1
            right += claim.independent_sources == len(corpus.origins[value])
    report.values["independent_sources"] = (right, total)
    report.notes["cpu_seconds_per_1000_documents"] = round(1000 * seconds / max(1, len(corpus.records)), 3)
    report.baseline = Report(TASK, "", len(corpus.records))
    report.baseline.counts["pairs"] = _pairs(_exact_groups(corpus), label)
    return report


def _any_mention(corpus: Corpus, label: str) -> str:
    for (d, a), value in corpus.label.items():
        if value == label:
            return f"{d}\x1f{a}"
    return ""


def _exact_groups(corpus: Corpus) -> list[list[str]]:
    groups: dict[tuple[str, str], list[str]] = {}
    for record in corpus.records:
        for att in record.attributions:
            speaker = " ".join((att.source.text if att.source else "").lower().split())
            key = (speaker, " ".join(att.content.text.lower().split()))
            groups.setdefault(key, []).append(f"{record.id}\x1f{att.id}")
    return list(groups.values())


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    if fold is not None:
        check_fold(TASK, fold)
    articles = [a for a in read_articles(data, limit=limit) if fold is None or fold_of(a.name) == fold]
    corpus = build(originals(articles))
    report = score(corpus)
    report.data = report.baseline.data = str(data)  # type: ignore[union-attr]
    report.notes.update({
        "fold": fold, "originals": len(articles), "copies": len(corpus.copies),
        "mentions": len(corpus.label), "hard_negatives": len(corpus.negatives),
        "measures": "grouping of gold attributions under synthetic rewording (see evaluate/rewording.py)",
    })
    return report
