"""Fit the event-mention model (``data/events/mention_weights.tsv``) on the design folds.

Examples are the candidate words (``claimgraph.extract.events.mentions.CANDIDATE_POS``) of:

- MEANTIME English, corpus ``airbus`` (the design fold of ``claimgraph eval factuality``): a word
  of the annotated title and first sentences is positive when it lies in a gold
  ``EVENT_MENTION``, negative otherwise;
- ECB+, odd topics (the design fold of ``claimgraph eval event-mentions``), in the sentences the
  release marks as annotated: positive in a gold ``ACTION_*`` mention, negative otherwise;
- the PLOVER gold standard records of fold "a" (``claimgraph eval events``): the words marked
  ``(EVT: ...)`` as positives only (a record marks its main events, not every event).

The features are ``mentions.features``; the model an L2-regularised logistic regression fitted
by full-batch gradient descent (numpy only, deterministic, about a minute on a CPU after the
parse). The threshold is the one that maximises F1 on the design examples scored out of fold
(two halves of the design texts, each by the model fitted on the other); the bar for PLOVER
triggers keeps ``CODED_RECALL`` of the lexicon words that are mentions. MEANTIME ``apple``
and ECB+ even topics are left for confirmation (``claimgraph eval event-mentions``).

Run from the repository root (``--cache`` keeps the parse for a rerun)::

    .venv/bin/python scripts/train_event_mentions.py [--cache /tmp/mentions.spacy]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from claimgraph.evaluate import ecbplus, evaldata_root
from claimgraph.evaluate.events import load as load_plover
from claimgraph.evaluate.factuality import DEFAULT_DATA as MEANTIME
from claimgraph.evaluate.meantime import read_corpora
from claimgraph.extract.events import lexicon as lex_mod
from claimgraph.extract.events.mentions import CANDIDATE_POS, features
from claimgraph.nlp import pipeline

OUT = Path(__file__).resolve().parents[1] / "src/claimgraph/data/events/mention_weights.tsv"
#: L2 penalty per example, gradient steps, step size
L2, STEPS, RATE = 1e-4, 600, 0.5
#: a feature seen fewer times than this gets no weight (noise, and a smaller file)
MIN_SEEN = 2
_EVT = re.compile(r"\(EVT: ([^)]*)\)")


def design_texts(root: Path) -> list[tuple[str, list[tuple[int, int]], list[tuple[int, int]] | None]]:
    """(text, gold token spans, scored character ranges or None for all) of every design text."""
    out: list[tuple[str, list[tuple[int, int]], list[tuple[int, int]] | None]] = []
    for doc in read_corpora(root / MEANTIME, ("airbus",)):
        # only the title and first sentences are annotated: a word after them is no negative
        out.append((doc.text, [t for m in doc.mentions for t in m.tokens], [(0, doc.annotated_end)]))
    for ecb in ecbplus.read_topics(root / "ecbplus"):
        if ecb.topic % 2 == 1:
            ranges = [ecb.sentences[n] for n in sorted(ecb.selected) if n < len(ecb.sentences)]
            out.append((ecb.text, [t for m in ecb.mentions for t in m.tokens], ranges))
    for record in load_plover(root / "plover-gsr/records.json", fold="a"):
        words = {w.lower() for m in _EVT.findall(record["textInfo"]["markup"]) for w in m.split()}
        text = record["text"]
        spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text) if m.group().lower() in words]
        out.append((text, spans, []))  # positives only: no word of the record is a negative
    return out


def examples(docs: list[Doc], texts: list, lexicon: lex_mod.Lexicon) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    labels: list[int] = []
    for doc, (_, gold, ranges) in zip(docs, texts, strict=True):
        for tok in doc:
            if tok.pos_ not in CANDIDATE_POS:
                continue
            start, end = tok.idx, tok.idx + len(tok)
            positive = any(s < end and start < e for s, e in gold)
            if ranges is not None and not positive and not any(s <= start < e for s, e in ranges):
                continue  # outside the annotated sentences (or a PLOVER record's other words)
            rows.append(features(tok, lexicon))
            labels.append(int(positive))
    return rows, labels


def fit(rows: list[list[str]], labels: list[int]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for names in rows:
        for name in set(names):
            counts[name] = counts.get(name, 0) + 1
    vocab = sorted(n for n, c in counts.items() if c >= MIN_SEEN)
    index = {n: i for i, n in enumerate(vocab)}
    cols = [np.array(sorted({index[n] for n in names if n in index}), dtype=np.int64) for names in rows]
    lengths = np.array([len(c) for c in cols])
    flat = np.concatenate(cols)
    owner = np.repeat(np.arange(len(cols)), lengths)
    y = np.array(labels, dtype=float)
    w = np.zeros(len(vocab))
    g2 = np.full(len(vocab), 1e-8)
    for _ in range(STEPS):  # Adagrad on the mean log loss
        score = np.bincount(owner, weights=w[flat], minlength=len(cols))
        p = 1 / (1 + np.exp(-np.clip(score, -30, 30)))
        grad = np.bincount(flat, weights=(p - y)[owner], minlength=len(vocab)) / len(cols) + L2 * w
        g2 += grad * grad
        w -= RATE * grad / np.sqrt(g2)
    return {n: float(round(v, 4)) for n, v in zip(vocab, w, strict=True) if abs(v) >= 1e-4}


def probabilities(rows: list[list[str]], weights: dict[str, float]) -> np.ndarray:
    scores = np.array([sum(weights.get(n, 0.0) for n in names) for names in rows])
    return 1 / (1 + np.exp(-np.clip(scores, -30, 30)))


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = (0.5, 0.0)
    for t in np.arange(0.2, 0.8, 0.01):
        tp = float(((p >= t) & (y == 1)).sum())
        fp = float(((p >= t) & (y == 0)).sum())
        fn = float(((p < t) & (y == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (round(float(t), 2), f1)
    return best


#: a PLOVER trigger is dropped only below the bar that keeps this share of the design
#: examples' lexicon words that are mentions (the lexicon vouches for the word; the model
#: speaks against a sense only when its context is clearly not an event's)
CODED_RECALL = 0.97


def coded_threshold(rows: list[list[str]], p: np.ndarray, y: np.ndarray,
                    ceiling: float) -> tuple[float, float, float]:
    """The bar for PLOVER triggers (at most ``ceiling``, the bar for any word), with the
    precision and recall of lexicon words at it."""
    lexical = np.array([("plover_verb" in names or "plover_noun" in names) for names in rows])
    pl, yl = p[lexical], y[lexical]
    best = (0.0, float(yl.mean()), 1.0)
    for t in np.arange(0.01, ceiling + 0.005, 0.01):
        kept = pl >= t
        recall = float((kept & (yl == 1)).sum() / max(1, (yl == 1).sum()))
        if recall < CODED_RECALL:
            break
        best = (round(float(t), 2), float((yl[kept] == 1).mean()) if kept.any() else 0.0, recall)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=evaldata_root())
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    texts = design_texts(args.data)
    nlp = pipeline.default_pipeline(only=("news_entities",))
    if args.cache is not None and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        docs = list(pipeline.parse(nlp, ((t, None) for t, _, _ in texts)))
        if args.cache is not None:
            DocBin(docs=docs).to_disk(args.cache)
    lexicon = lex_mod.load()
    # thresholds are chosen on out-of-fold probabilities (two halves of the design texts, each
    # scored by the model fitted on the other): in-sample ones are overconfident
    halves = [[i for i in range(len(texts)) if i % 2 == k] for k in (0, 1)]
    oof_rows: list[list[str]] = []
    oof_p: list[np.ndarray] = []
    oof_y: list[int] = []
    for k in (0, 1):
        fit_rows, fit_labels = examples([docs[i] for i in halves[1 - k]],
                                        [texts[i] for i in halves[1 - k]], lexicon)
        held_rows, held_labels = examples([docs[i] for i in halves[k]],
                                          [texts[i] for i in halves[k]], lexicon)
        oof_p.append(probabilities(held_rows, fit(fit_rows, fit_labels)))
        oof_rows += held_rows
        oof_y += held_labels
    p, y = np.concatenate(oof_p), np.array(oof_y)
    threshold, f1 = best_threshold(p, y)
    coded, coded_p, coded_r = coded_threshold(oof_rows, p, y, threshold)
    rows, labels = examples(docs, texts, lexicon)
    weights = fit(rows, labels)
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# P(event mention | word in context): logistic regression weights over the features of\n"
                  "# claimgraph.extract.events.mentions; built by scripts/train_event_mentions.py from\n"
                  f"# MEANTIME airbus, ECB+ odd topics and PLOVER GSR fold a ({len(rows)} words,\n"
                  f"# {sum(labels)} mentions; design F1 out of fold {f1:.3f}). Do not edit by hand.\n")
        out.write(f"threshold\t{threshold}\n")
        out.write(f"coded_threshold\t{coded}\n")
        for name, value in sorted(weights.items()):
            out.write(f"{name}\t{value}\n")
    print(f"{len(rows)} words, {sum(labels)} mentions, {len(weights)} weights, "
          f"threshold {threshold}, design F1 out of fold {f1:.3f}; coded threshold {coded} (lexicon words "
          f"P {coded_p:.3f} R {coded_r:.3f}) -> {args.out}")


if __name__ == "__main__":
    main()
