"""Held-out fifths of PolNeAR train: fit the cue model on four fifths, score the fifth.

How every attribution change is chosen (docs/quality.md, "attribution"): design on one fifth,
confirm on another, read dev once per kept change. The train split is parsed once into a
DocBin (``parse``); ``score`` then fits the cue model (``scripts/train_cue_model.py``'s
counting and fit) on the documents ``i % 5 != k`` in name order and scores the documents
``i % 5 == k`` with it, without touching the shipped model files. ``--shipped`` scores with
the shipped model instead (fitted on all of train: cue numbers flatter). ``--misses FILE``
writes each gold cue missed (tab-separated: fifth, document, cue words, why) for reading.

    .venv/bin/python scripts/attribution_folds.py parse --out /tmp/polnear-train.spacy
    .venv/bin/python scripts/attribution_folds.py score --parsed /tmp/polnear-train.spacy --fold 1 --fold 2
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, DocBin

from claimgraph import knowledge
from claimgraph.evaluate import evaldata_root
from claimgraph.evaluate.attribution import (
    Article,
    _breakdown,
    _overlap,
    pairs,
    predicted_chars,
    read_articles,
    score_document,
)
from claimgraph.evaluate.scoring import Counts
from claimgraph.extract.attribution import classifier, find_attributions
from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.nlp.pipeline import build

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cue_model import count_candidates, fit_weights  # noqa: E402

FIFTHS = 5


def parse(data: Path, out: Path) -> None:
    nlp = build(only=["news_entities"])
    articles = list(read_articles(data))
    bin_ = DocBin(store_user_data=True)
    for doc in nlp.pipe((a.text for a in articles), batch_size=16):
        bin_.add(doc)
    bin_.to_disk(out)
    print(f"{len(articles)} articles -> {out}")


def _use_model(model: Path, weights: Path) -> None:
    """Point the attribution lexicon at a fold's model files (the shipped ones stay as they are)."""
    original = knowledge.text
    redirect = {"attribution/cue_model.tsv": model, "attribution/cue_weights.tsv": weights}

    def text(name: str) -> str:
        return redirect[name].read_text(encoding="utf-8") if name in redirect else original(name)

    knowledge.text = text  # type: ignore[assignment]
    lexicon.cache_clear()
    classifier.weights.cache_clear()


def fit(articles: list[Article], docs: list[Doc], folder: Path) -> None:
    rows, samples = count_candidates(articles, docs)
    model, weights = folder / "cue_model.tsv", folder / "cue_weights.tsv"
    model.write_text("".join(f"{lemma}\t{pos}\t{frame}\t{c}\t{n}\n" for (lemma, pos, frame), c, n in rows), encoding="utf-8")
    weights.write_text("", encoding="utf-8")
    _use_model(model, weights)  # the fit reads the rare-word rows just written
    w = fit_weights(samples, {k: (c, n) for k, c, n in rows}, lexicon().cue_types)
    weights.write_text("".join(f"{name}\t{value:.4f}\n" for name, value in sorted(w.items())), encoding="utf-8")
    _use_model(model, weights)


def score(articles: list[Article], docs: list[Doc], fold: int, misses: list[str]) -> dict[str, object]:
    total: dict[str, Counts] = {}
    errors: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        found = find_attributions(doc)
        pred = [predicted_chars(a) for a in found]
        for name, c in score_document(article.gold, pred).items():
            total[name] = total.get(name, Counts()) + c
        _breakdown(article, found, Counter(), errors)
        gold = [g for g in article.gold if g.cue]
        paired = pairs([g.cue for g in gold], [p.cue for p in pred if p.cue], _overlap)
        for i, g in enumerate(gold):
            if i not in paired:
                words = " ".join(article.text[min(g.cue) : max(g.cue) + 1].split())
                misses.append(f"{fold}\t{article.name}\t{words}\t{min(g.cue)}")
    out: dict[str, object] = {k: v.as_dict() for k, v in sorted(total.items())}
    out["errors"] = dict(sorted(errors.items()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    root = evaldata_root()
    default = root / "polnear/data/train" if root else None
    p = sub.add_parser("parse")
    p.add_argument("--data", type=Path, default=default)
    p.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("--data", type=Path, default=default)
    s.add_argument("--parsed", type=Path, required=True)
    s.add_argument("--fold", type=int, action="append", required=True)
    s.add_argument("--shipped", action="store_true", help="score with the shipped cue model")
    s.add_argument("--misses", type=Path)
    args = parser.parse_args()
    if args.command == "parse":
        parse(args.data, args.out)
        return
    nlp = build(only=["news_entities"])
    articles = list(read_articles(args.data))
    docs = list(DocBin().from_disk(args.parsed).get_docs(nlp.vocab))
    if [d.text for d in docs] != [a.text for a in articles]:
        raise SystemExit(f"{args.parsed} does not hold the texts of {args.data} in order")
    misses: list[str] = []
    for k in args.fold:
        held = [i for i in range(len(articles)) if i % FIFTHS == k]
        if not args.shipped:
            rest = [i for i in range(len(articles)) if i % FIFTHS != k]
            with tempfile.TemporaryDirectory() as tmp:
                fit([articles[i] for i in rest], [docs[i] for i in rest], Path(tmp))
                result = score([articles[i] for i in held], [docs[i] for i in held], k, misses)
        else:
            result = score([articles[i] for i in held], [docs[i] for i in held], k, misses)
        print(json.dumps({"fold": k, **result}))
    if args.misses:
        args.misses.write_text("".join(m + "\n" for m in misses), encoding="utf-8")


if __name__ == "__main__":
    main()
