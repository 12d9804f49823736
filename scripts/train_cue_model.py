"""Build the cue model (``cue_model.tsv``, ``cue_weights.tsv``) from the PolNeAR train split.

For every candidate cue word (a verb or noun with a content frame, see
``claimgraph.extract.attribution.cues``) outside other attributions' content, the table counts
how often that (lemma, part of speech, frame) is annotated as a cue in train. The component reads those counts as
P(cue | lemma, pos, frame), smoothed towards the hand list in ``cue_verbs.tsv``, and the same
counts refined by the word's object or preposition, its subject's kind and its tag (rows whose
frame column reads ``dobj|word=issue``, ``ccomp|subj=person``, ``ccomp|tag=VBD``); then it fits
the logistic regression of ``claimgraph.extract.attribution.classifier`` (rate + context).

Reproducible: the same train split and model give the same file (rows sorted). Only train is
read; dev stays for reporting. Run from the repository root::

    .venv/bin/python scripts/train_cue_model.py [--data ../shared/evaldata/polnear/data/train]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from claimgraph.evaluate import evaldata_root
from claimgraph.evaluate.attribution import Article, read_articles
from claimgraph.extract.attribution import classifier
from claimgraph.extract.attribution.classifier import BIAS, RATE_FEATURE, SHIFT_PREFIX
from claimgraph.extract.attribution.cues import (
    ANY_FRAME,
    MIN_RATE,
    PRIOR_WEIGHT,
    RARE_WORD,
    REFINEMENTS,
    candidate_content,
    is_candidate,
    prior_rate,
    refinement_rows,
    shift_of,
)
from claimgraph.extract.attribution.frames import Quotes, frame_of
from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.extract.attribution.quotes import find_quotes
from claimgraph.nlp.pipeline import build

DATA = Path(__file__).resolve().parents[1] / "src/claimgraph/data/attribution"
OUT = DATA / "cue_model.tsv"
WEIGHTS = DATA / "cue_weights.tsv"
#: rows seen fewer times than this are left to the hand-listed prior
MIN_SEEN = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = evaldata_root()
    default = root / "polnear/data/train" if root else None
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--weights", type=Path, default=WEIGHTS)
    parser.add_argument("--parsed", type=Path, help="a DocBin of the same texts, already parsed")
    args = parser.parse_args()
    # the same parse, entities included, as the component sees in the pipeline
    nlp = build(only=["news_entities"])
    articles = list(read_articles(args.data))
    if args.parsed:
        docs = list(DocBin().from_disk(args.parsed).get_docs(nlp.vocab))
        if [d.text for d in docs] != [a.text for a in articles]:
            raise SystemExit(f"{args.parsed} does not hold the texts of {args.data} in order")
    else:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    rows, samples = count_candidates(articles, docs)
    listed = lexicon().cue_types
    header = (
        "# P(cue | lemma, pos, frame) counts from the PolNeAR train split; built by "
        "scripts/train_cue_model.py (do not edit by hand)\n"
        "# lemma\tpos\tframe\tcues\tseen\n"
    )
    body = "".join(f"{lemma}\t{pos}\t{frame}\t{c}\t{n}\n" for (lemma, pos, frame), c, n in rows)
    args.out.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} rows from {len(articles)} articles -> {args.out}")
    lexicon.cache_clear()  # the fit reads the rare-word rows just written
    kept = {k: (c, n) for k, c, n in rows}
    w = fit_weights(samples, kept, listed)
    lines = "".join(f"{name}\t{value:.4f}\n" for name, value in sorted(w.items()))
    args.weights.write_text(
        "# logistic-regression weights of the cue classifier; built by scripts/train_cue_model.py\n"
        + lines,
        encoding="utf-8",
    )
    print(f"{len(w)} weights -> {args.weights}")


#: (lemma, pos, frame), label, context features, refinement rows (kind, table frame)
Sample = tuple[tuple[str, str, str], bool, list[str], list[tuple[str, str]]]
Row = tuple[tuple[str, str, str], int, int]


def count_candidates(articles: list[Article], docs: list[Doc]) -> tuple[list[Row], list[Sample]]:
    """The count table's rows and the classifier's samples from parsed, annotated articles."""
    cues: Counter[tuple[str, str, str]] = Counter()
    seen: Counter[tuple[str, str, str]] = Counter()
    pair_cues: Counter[tuple[str, str, str]] = Counter()  # (lemma, pos, "frame|kind=value")
    pair_seen: Counter[tuple[str, str, str]] = Counter()
    samples: list[Sample] = []
    for article, doc in zip(articles, docs, strict=True):
        gold = set().union(*(g.cue for g in article.gold)) if article.gold else set()
        # PolNeAR gives a token to one attribution only: a cue word inside another attribution's
        # content ("I believe …" inside a quotation) cannot be marked, so it teaches nothing
        inside = set().union(*(g.content for g in article.gold)) if article.gold else set()
        quotes = Quotes.index(doc, find_quotes(doc.text))
        first_line = classifier.headline_end(doc.text)
        for tok in doc:
            if not is_candidate(tok, quotes) or (tok.idx in inside and tok.idx not in gold):
                continue
            frame, qs = frame_of(tok, quotes)
            key = (tok.lemma_.lower(), tok.pos_, frame)
            seen[key] += 1
            y = tok.idx in gold
            if y:
                cues[key] += 1
            if frame != "none":
                anykey = (key[0], key[1], ANY_FRAME)
                seen[anykey] += 1
                cues[anykey] += int(y)
            if frame != "none":
                content = candidate_content(tok, frame, qs, quotes)
                if content is None:
                    continue  # the component drops it before asking the classifier
                subj = classifier.subject_category(tok)
                feats = classifier.context_features(tok, frame, first_line, subj)
                start, end = content
                feats += classifier.content_features(doc.char_span(start, end, alignment_mode="expand"), frame)
                refined = refinement_rows(tok, frame, subj)
                for _, row in refined:
                    pair_seen[(key[0], key[1], row)] += 1
                    pair_cues[(key[0], key[1], row)] += int(y)
                samples.append((key, y, feats, refined))
    listed = lexicon().cue_types
    # words too rare for a row of their own pool into one row per (pos, frame)
    for key, n in list(seen.items()):
        if key[2] not in ("none", ANY_FRAME) and seen[(key[0], key[1], ANY_FRAME)] < MIN_SEEN:
            rare = (RARE_WORD, key[1], key[2])
            seen[rare] += n
            cues[rare] += cues[key]
    rows = sorted(
        (k, cues[k], n) for k, n in seen.items()
        if n >= MIN_SEEN
        and k[2] != "none"
        # every word seen often enough keeps its any-frame row (so a frequent non-cue is known
        # as one, not taken for a rare word); frame rows only where there is something to say
        and (cues[k] > 0 or k[0] in listed or k[0] == RARE_WORD or k[2] == ANY_FRAME)
    )
    rows += sorted((k, pair_cues[k], n) for k, n in pair_seen.items() if n >= MIN_SEEN)
    return rows, samples


def fit_weights(
    samples: list[Sample],
    table: dict[tuple[str, str, str], tuple[int, int]],
    listed: dict[str, str],
    *,
    epochs: int = 300,
    l2: float = 1e-4,
    lr: float = 0.5,
    min_count: int = 20,
) -> dict[str, float]:
    """Fit the logistic regression of ``classifier.score`` by full-batch gradient descent.

    The lexical rate of each sample leaves the sample itself out of its (lemma, pos, frame)
    count, so the rate feature is as uninformed about a training word as about a new one.
    """
    rate_of: list[float] = []
    shift_of_sample: list[list[float]] = []
    keep: list[int] = []
    for i, (key, label, _, refined) in enumerate(samples):
        cues_k, seen_k = table.get(key) or table.get((key[0], key[1], ANY_FRAME), (0, 0))
        if seen_k:
            cues_k, seen_k = cues_k - int(label), seen_k - 1
        prior = prior_rate(key[0], key[1], key[2], leave_out=None if seen_k else int(label))
        rate = (cues_k + PRIOR_WEIGHT * prior) / (seen_k + PRIOR_WEIGHT)
        if rate >= MIN_RATE:
            keep.append(i)
            rate_of.append(rate)
            # each refinement's shift, the sample's own label left out as for the rate
            shifts = [0.0] * len(REFINEMENTS)
            for kind, frame in refined:
                pair_c, pair_n = table.get((key[0], key[1], frame), (0, 0))
                if pair_n > 1:
                    shifts[REFINEMENTS.index(kind)] = shift_of(pair_c - int(label), pair_n - 1, rate)
            shift_of_sample.append(shifts)
    counts = Counter(f for i in keep for f in samples[i][2])
    shift_names = [SHIFT_PREFIX + kind for kind in REFINEMENTS]
    names = [BIAS, RATE_FEATURE, *shift_names, *sorted(f for f, c in counts.items() if c >= min_count)]
    index = {name: j for j, name in enumerate(names)}
    # the design matrix is sparse (a few dozen features of hundreds per row): coordinates
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    y = np.zeros(len(keep), dtype=np.float64)
    for row, (i, rate, shifts) in enumerate(zip(keep, rate_of, shift_of_sample, strict=True)):
        _, label, feats, _ = samples[i]
        rows += [row] * (2 + len(shifts))
        cols += list(range(2 + len(shifts)))
        vals += [1.0, classifier.logit(rate), *shifts]
        for j in sorted({index[f] for f in feats if f in index}):
            rows.append(row)
            cols.append(j)
            vals.append(1.0)
        y[row] = float(label)
    r_ix, c_ix, v = np.array(rows), np.array(cols), np.array(vals)
    w = np.zeros(len(names), dtype=np.float64)
    w[1] = 1.0
    m = np.zeros_like(w)
    sq = np.zeros_like(w)
    for step in range(1, epochs + 1):  # Adam on the mean log-loss
        z = np.bincount(r_ix, weights=v * w[c_ix], minlength=len(y))
        p = 1.0 / (1.0 + np.exp(-z))
        grad = np.bincount(c_ix, weights=v * (p - y)[r_ix], minlength=len(w)) / len(y) + l2 * w
        m = 0.9 * m + 0.1 * grad
        sq = 0.999 * sq + 0.001 * grad**2
        w -= lr * 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(sq / (1 - 0.999**step)) + 1e-8)
    print(f"classifier: {len(keep)} candidates, {len(names)} features")
    return {name: float(w[j]) for name, j in index.items() if abs(w[j]) > 1e-3}


if __name__ == "__main__":
    main()
