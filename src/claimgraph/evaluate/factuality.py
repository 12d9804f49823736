"""Event factuality (polarity, certainty, tense) scored on MEANTIME's gold event mentions.

Data: the intra-document annotation of MEANTIME English (:mod:`claimgraph.evaluate.meantime`);
the dev corpora are ``airbus`` (fold "airbus": rules are designed looking at it) and ``apple``
(fold "apple": it checks them). Every report carries each fold's scores as
``fold_<corpus>.<metric>`` beside the whole's.

What is scored:

- ``coverage``: the share of gold event mentions *matched* by one of our events — the event's
  trigger (or one of its other mentions) shares a token with the gold mention; each gold mention
  takes the first event that overlaps it. ``event_precision``: the share of our events in the
  annotated part of the text (MEANTIME annotates an article's title and first sentences:
  ``GoldDoc.annotated_end``) that overlap a gold mention. Coverage is what the events component finds today (PLOVER-coded
  events only), reported as it is.
- over matched mentions, three minority classes, each P/R/F1 with gold from the mention's
  attributes: ``negative`` (gold ``polarity="NEG"`` vs our ``polarity: negative``),
  ``future`` (gold ``time="FUTURE"``, where the event is placed, so "plans to buy" counts, vs our
  ``tense: future``) and ``uncertain`` (gold ``certainty`` PROBABLE or POSSIBLE vs our
  ``certainty`` probable or possible). tp: both say the class; fp: we say it, gold does not
  (UNDERSPECIFIED counts as not); fn: gold says it, we do not.
- ``gold_trigger.<class>``: the same three classes over *every* gold mention, reading
  factuality off the gold mention's head token (:func:`claimgraph.extract.events.factuality`)
  — the factuality rules alone, apart from which events the coder finds.

Baseline, scored alongside on the same mentions: a word in the mention's sentence decides —
a negation ("not", "n't", "no", "never") makes it negative, "will"/"shall" future, a modal
("may", "might", "could", "would", "should") uncertain.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.meantime import GoldDoc, GoldMention, read_corpora
from claimgraph.evaluate.scoring import Counts, Report
from claimgraph.extract.events.factuality import Factuality, factuality

TASK = "factuality"
DEFAULT_DATA = "meantime-en/data/meantime_newsreader_english_oct15/intra-doc_annotation"
FOLDS = ("airbus", "apple")
#: what events read in ``analyze`` (as the events task runs them)
PIPELINE = ("news_entities", "places", "events")
CLASSES = ("negative", "future", "uncertain")
_BASELINE_WORDS = {
    "negative": {"not", "n't", "no", "never"},
    "future": {"will", "shall", "'ll"},
    "uncertain": {"may", "might", "could", "would", "should"},
}


def gold_classes(mention: GoldMention) -> dict[str, bool]:
    return {
        "negative": mention.polarity == "NEG",
        "future": mention.time == "FUTURE",
        "uncertain": mention.certainty in {"PROBABLE", "POSSIBLE"},
    }


def our_classes(fact: Factuality) -> dict[str, bool]:
    return {
        "negative": fact.polarity == "negative",
        "future": fact.tense == "future",
        "uncertain": fact.certainty in {"probable", "possible"},
    }


def head_token(doc: Doc, mention: GoldMention) -> Token | None:
    """The gold mention's syntactic head: of its tokens, the one whose head lies outside it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def baseline_classes(doc: Doc, mention: GoldMention) -> dict[str, bool]:
    tok = head_token(doc, mention)
    words = {t.lower_ for t in tok.sent} if tok is not None else set()
    return {name: bool(words & cue) for name, cue in _BASELINE_WORDS.items()}


def _count(report: Report, prefix: str, gold: dict[str, bool], ours: dict[str, bool]) -> None:
    for name in CLASSES:
        key = f"{prefix}{name}"
        report.counts[key] = report.counts.get(key, Counts()) + Counts(
            tp=int(gold[name] and ours[name]), fp=int(ours[name] and not gold[name]),
            fn=int(gold[name] and not ours[name]))


def _add(report: Report, name: str, right: int, total: int) -> None:
    a, b = report.values.get(name, (0, 0))
    report.values[name] = (a + right, b + total)


def _event_fact(event: Any) -> Factuality:
    return Factuality(getattr(event, "polarity", "positive"), getattr(event, "certainty", "certain"),
                      getattr(event, "tense", "present"))


def score_document(gold: GoldDoc, doc: Doc, ours: Report, base: Report,
                   misses: dict[str, list[str]]) -> None:
    """Add one document's counts to ``ours`` and ``base`` (additive across documents)."""
    events = list(doc._.cg_events or [])
    spans = [(e, [(e.trigger.start, e.trigger.end),
                  *((m.start, m.end) for m in getattr(e, "mentions", []))]) for e in events]
    for mention in gold.mentions:
        hit = next((i for i, (_, ours_spans) in enumerate(spans)
                    if any(s < te and ts < e for s, e in ours_spans for ts, te in mention.tokens)),
                   None)
        _add(ours, "coverage", int(hit is not None), 1)
        gold_says = gold_classes(mention)
        base_says = baseline_classes(doc, mention)
        tok = head_token(doc, mention)
        trigger_says = our_classes(factuality(tok)) if tok is not None else our_classes(Factuality())
        _count(ours, "gold_trigger.", gold_says, trigger_says)
        _count(base, "gold_trigger.", gold_says, base_says)
        for name in CLASSES:
            if gold_says[name] != trigger_says[name] and len(misses[name]) < 40:
                sent = tok.sent.text if tok is not None else ""
                kind = "fn" if gold_says[name] else "fp"
                misses[name].append(f"{kind} {gold.corpus} [{mention.text}] {sent}")
        if hit is None:
            continue
        _count(ours, "", gold_says, our_classes(_event_fact(spans[hit][0])))
        _count(base, "", gold_says, base_says)
    gold_tokens = [t for m in gold.mentions for t in m.tokens]
    annotated = [sp for e, sp in spans if e.trigger.start < gold.annotated_end]
    right = sum(1 for sp in annotated if any(s < te and ts < e for s, e in sp for ts, te in gold_tokens))
    _add(ours, "event_precision", right, len(annotated))


def _fold_metrics(report: Report, folds: dict[str, Report]) -> None:
    for name, part in folds.items():
        for metric, counts in part.counts.items():
            report.counts[f"fold_{name}.{metric}"] = counts
        for metric, value in part.values.items():
            report.values[f"fold_{name}.{metric}"] = value


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    from claimgraph.nlp import pipeline

    if fold is not None and fold not in FOLDS:
        raise ClaimgraphError("E003", f"unknown fold {fold!r} of task {TASK!r}: use one of {', '.join(FOLDS)}")
    docs = read_corpora(data, (fold,) if fold else FOLDS)
    docs = docs[:limit] if limit else docs
    nlp = pipeline.default_pipeline(only=PIPELINE)
    report, baseline = Report(TASK, str(data), documents=len(docs)), Report(TASK, str(data))
    folds = {f: Report(TASK, f"{data} fold {f}") for f in FOLDS}
    base_folds = {f: Report(TASK, f"{data} fold {f}") for f in FOLDS}
    misses: dict[str, list[str]] = {name: [] for name in CLASSES}
    for gold, doc in zip(docs, pipeline.parse(nlp, ((d.text, None) for d in docs)), strict=True):
        score_document(gold, doc, folds[gold.corpus], base_folds[gold.corpus], misses)
    for part in folds.values():
        report = report.merge(part)
    for part in base_folds.values():
        baseline = baseline.merge(part)
    report.task, report.data, report.documents = TASK, str(data), len(docs)
    _fold_metrics(report, {f: p for f, p in folds.items() if p.counts})
    _fold_metrics(baseline, {f: p for f, p in base_folds.items() if p.counts})
    report.baseline = baseline
    report.notes = {"misses": misses}
    return report
