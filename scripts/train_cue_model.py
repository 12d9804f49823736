"""Build ``src/claimgraph/data/attribution/cue_model.tsv`` from the PolNeAR train split.

For every candidate cue word (a verb or noun with a content frame, see
``claimgraph.extract.attribution.cues``) outside other attributions' content, the table counts
how often that (lemma, part of speech, frame) is annotated as a cue in train. The component reads those counts as
P(cue | lemma, pos, frame), smoothed towards the hand list in ``cue_verbs.tsv``.

Reproducible: the same train split and model give the same file (rows sorted). Only train is
read; dev stays for reporting. Run from the repository root::

    .venv/bin/python scripts/train_cue_model.py [--data ../shared/evaldata/polnear/data/train]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from claimgraph.evaluate import evaldata_root
from claimgraph.evaluate.attribution import read_articles
from claimgraph.extract.attribution.cues import Quotes, frame_of, is_candidate
from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.extract.attribution.quotes import find_quotes
from claimgraph.nlp.pipeline import load_config

OUT = Path(__file__).resolve().parents[1] / "src/claimgraph/data/attribution/cue_model.tsv"
#: rows seen fewer times than this are left to the hand-listed prior
MIN_SEEN = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = evaldata_root()
    default = root / "polnear/data/train" if root else None
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--parsed", type=Path, help="a DocBin of the same texts, already parsed")
    args = parser.parse_args()
    model = load_config()["nlp"]["model"]
    nlp = spacy.load(model, exclude=["ner"])
    articles = list(read_articles(args.data))
    if args.parsed:
        docs = list(DocBin().from_disk(args.parsed).get_docs(nlp.vocab))
        if [d.text for d in docs] != [a.text for a in articles]:
            raise SystemExit(f"{args.parsed} does not hold the texts of {args.data} in order")
    else:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    cues: Counter[tuple[str, str, str]] = Counter()
    seen: Counter[tuple[str, str, str]] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        gold = set().union(*(g.cue for g in article.gold)) if article.gold else set()
        # PolNeAR gives a token to one attribution only: a cue word inside another attribution's
        # content ("I believe …" inside a quotation) cannot be marked, so it teaches nothing
        inside = set().union(*(g.content for g in article.gold)) if article.gold else set()
        quotes = Quotes.index(doc, find_quotes(doc.text))
        for tok in doc:
            if not is_candidate(tok, quotes) or (tok.idx in inside and tok.idx not in gold):
                continue
            frame, _ = frame_of(tok, quotes)
            key = (tok.lemma_.lower(), tok.pos_, frame)
            seen[key] += 1
            if tok.idx in gold:
                cues[key] += 1
    listed = lexicon().cue_types
    rows = sorted(
        (k, cues[k], n) for k, n in seen.items()
        if n >= MIN_SEEN and k[2] != "none" and (cues[k] > 0 or k[0] in listed)
    )
    header = (
        "# P(cue | lemma, pos, frame) counts from the PolNeAR train split; built by "
        "scripts/train_cue_model.py (do not edit by hand)\n"
        "# lemma\tpos\tframe\tcues\tseen\n"
    )
    body = "".join(f"{lemma}\t{pos}\t{frame}\t{c}\t{n}\n" for (lemma, pos, frame), c, n in rows)
    args.out.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} rows from {len(articles)} articles -> {args.out}")


if __name__ == "__main__":
    main()
