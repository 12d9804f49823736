"""Held-out claim-pair relations from FNC-1: the stance model against the rules.

How ``resolve/relations.py`` chose to judge claim pairs by the stance model (docs/quality.md,
"Relations between claims"). Pairs of headlines of one held-out body (the fixed parts of
``resolve/stance_data.py``) are labelled by what the body says of each: *supports* when it
agrees with both, *contradicts* when it agrees with one and disagrees with the other, *none*
when one headline is unrelated to it (as many none pairs as supports, sampled with a fixed
seed). The fold's model is trained on the other four parts by the same ``train()`` that builds
the shipped model (~70 CPU-s; ``--model FILE`` reads one saved earlier).

    .venv/bin/python scripts/claim_pair_relations.py --fold a
"""

from __future__ import annotations

import argparse
import itertools
import random
from collections import Counter, defaultdict
from pathlib import Path

from claimgraph.evaluate import evaldata_root
from claimgraph.resolve.relations import OPPOSITE, STANCE_CLOSENESS
from claimgraph.resolve.stance import StanceModel, read_model, train
from claimgraph.resolve.stance_data import read_fnc, split
from claimgraph.resolve.wording import SAME_CONTENT, Idf, numbers_agree, substantive, wording

RELATIONS = ("supports", "contradicts")


def gold_pairs(fold: str, *, saved: Path | None = None) -> tuple[list[tuple[str, str, str]], StanceModel]:
    """The fold's labelled headline pairs, and its model (trained here unless ``saved``)."""
    pairs = read_fnc(evaldata_root() / "fnc-1")
    training, held = split(pairs, fold)
    heads: dict[str, dict[str, str]] = defaultdict(dict)
    for p in held:
        heads[p.body][p.claim] = p.label
    out = []
    for labels in heads.values():
        for (a, la), (b, lb) in itertools.combinations(sorted(labels.items()), 2):
            if la == lb == "agree":
                out.append((a, b, "supports"))
            elif {la, lb} == {"agree", "disagree"}:
                out.append((a, b, "contradicts"))
            elif "unrelated" in (la, lb) and la != lb:
                out.append((a, b, "none"))
    related = [x for x in out if x[2] != "none"]
    unrelated = [x for x in out if x[2] == "none"]
    sample = random.Random(0).sample(unrelated, min(len(unrelated), len(related)))
    model = read_model(saved.read_bytes()) if saved is not None else train(training)
    return related + sample, model


def as_implemented(idf: Idf, a: str, b: str, verdict: str, closeness: float) -> str:
    """``claim_relations`` now: pairs this close, opposite polarity by the rule, the rest by the
    stance model's verdict. The rules before it are this with ``SAME_CONTENT`` and every
    same-polarity pair read as *agree*."""
    wa, wb = wording(a), wording(b)
    cosine = idf.cosine(wa, wb)
    if cosine < closeness or not numbers_agree(wa, wb) or not (substantive(wa) and substantive(wb)):
        return "none"
    if wa.negated != wb.negated:
        return "contradicts" if cosine >= OPPOSITE else "none"
    return {"agree": "supports", "disagree": "contradicts"}.get(verdict, "none")


def line(name: str, gold: list[str], predicted: list[str]) -> str:
    out = [f"{name:<28}"]
    for relation in RELATIONS:
        tp = sum(p == g == relation for p, g in zip(predicted, gold, strict=True))
        fp = sum(p == relation != g for p, g in zip(predicted, gold, strict=True))
        fn = sum(g == relation != p for p, g in zip(predicted, gold, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out.append(f"{relation} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    return "  ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fold", choices=["a", "b"], required=True)
    parser.add_argument("--model", type=Path, help="a fold model saved by resolve.stance.save")
    args = parser.parse_args()
    pairs, model = gold_pairs(args.fold, saved=args.model)
    gold = [g for _, _, g in pairs]
    print(args.fold, dict(Counter(gold)))
    idf = Idf(wording(h) for h in sorted({h for a, b, _ in pairs for h in (a, b)}))
    verdicts = [label for label, _ in model.predict_both_ways([(a, b) for a, b, _ in pairs])]
    print(line("rules", gold, [as_implemented(idf, a, b, "agree", SAME_CONTENT) for a, b, _ in pairs]))
    print(line("model on every pair", gold,
               [{"agree": "supports", "disagree": "contradicts"}.get(v, "none") for v in verdicts]))
    for closeness in sorted({0.1, STANCE_CLOSENESS}):
        predicted = [as_implemented(idf, a, b, v, closeness)
                     for (a, b, _), v in zip(pairs, verdicts, strict=True)]
        print(line(f"as implemented ({closeness})", gold, predicted))


if __name__ == "__main__":
    main()
