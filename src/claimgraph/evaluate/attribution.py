"""Attribution scored against PolNeAR (political news, brat standoff: Source / Cue / Content).

PolNeAR (networkdynamics/PolNeAR, ``data/{train,dev}``) pairs each article ``text/NAME.txt``
with ``attributions/NAME_<annotator>.ann``; an ``E`` line ties a Source, a Cue and a Content
(spans may be discontinuous: ``start end;start end``). Texts are analysed verbatim, so gold
offsets index straight into ``doc.text``.

Match rules (issue 3): a cue or a source is right on any character overlap; a content is right
when the Dice overlap of the two character sets is >= 0.5; a whole attribution is right when its
content matches and its source matches (or both have none). Each gold item is matched at most
once (greedy, best overlap first), so the counts are additive tp/fp/fn.

The baseline scored alongside is the open quote-only rule set (textacy's
``direct_quotations``, re-implemented in :mod:`claimgraph.extract.attribution.baseline` since
textacy 0.13 does not install beside spaCy 3.8).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.evaluate.scoring import Counts, Report
from claimgraph.record import Attribution

TASK = "attribution"
DEFAULT_DATA = "polnear/data/dev"

Chars = frozenset[int]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution as character sets (empty set = role absent)."""

    source: Chars
    cue: Chars
    content: Chars


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    gold: tuple[GoldAttribution, ...]


def _chars(spans: str) -> Chars:
    out: set[int] = set()
    for part in spans.split(";"):
        start, end = part.split()
        out.update(range(int(start), int(end)))
    return frozenset(out)


def read_ann(text: str) -> list[GoldAttribution]:
    """Parse one brat ``.ann`` file into attributions (Discuss/Discard notes are skipped)."""
    spans: dict[str, tuple[str, Chars]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _chars(offsets))
        elif parts[0].startswith("E"):
            events.append([tuple(r.split(":", 1)) for r in parts[1].split() if ":" in r])  # type: ignore[misc]
    out: list[GoldAttribution] = []
    for roles in events:
        chars: dict[str, set[int]] = {"Source": set(), "Cue": set(), "Content": set()}
        for role, tid in roles:
            if role in chars and tid in spans:
                chars[role].update(spans[tid][1])
        if chars["Content"] or chars["Cue"]:
            out.append(GoldAttribution(*(frozenset(chars[k]) for k in ("Source", "Cue", "Content"))))
    return out


def read_articles(data: Path, *, limit: int | None = None) -> Iterator[Article]:
    """Articles of one PolNeAR split directory (``text/`` + ``attributions/``), name order."""
    texts = sorted((data / "text").glob("*.txt"))
    if limit is not None:
        texts = texts[:limit]
    for path in texts:
        anns = sorted((data / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        # verbatim: no newline translation, so gold offsets line up
        text = path.read_bytes().decode("utf-8")
        yield Article(path.stem, text, tuple(read_ann(anns[0].read_text(encoding="utf-8"))))


def _span_chars(start: int, end: int) -> Chars:
    return frozenset(range(start, end))


def predicted_chars(att: Attribution) -> GoldAttribution:
    """A predicted attribution in the gold shape (source = the local mention only)."""
    source = _span_chars(att.source.start, att.source.end) if att.source else frozenset()
    cue = _span_chars(att.cue.start, att.cue.end) if att.cue else frozenset()
    return GoldAttribution(source, cue, _span_chars(att.content.start, att.content.end))


def dice(a: Chars, b: Chars) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def pairs(
    gold: list[Chars] | list[GoldAttribution],
    pred: list[Chars] | list[GoldAttribution],
    score: Callable[..., float],
) -> dict[int, int]:
    """Gold index -> predicted index, paired one to one, greedily, best score first; a pair
    scoring 0 never matches."""
    ranked = sorted(
        ((s, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (s := score(g, p)) > 0),
        reverse=True,
    )
    out: dict[int, int] = {}
    used_p: set[int] = set()
    for _, i, j in ranked:
        if i not in out and j not in used_p:
            out[i] = j
            used_p.add(j)
    return out


def matched(
    gold: list[Chars] | list[GoldAttribution],
    pred: list[Chars] | list[GoldAttribution],
    score: Callable[..., float],
) -> tuple[set[int], set[int]]:
    """Indices of the gold and predicted items :func:`pairs` pairs."""
    paired = pairs(gold, pred, score)
    return set(paired), set(paired.values())


def _match(
    gold: list[Chars] | list[GoldAttribution],
    pred: list[Chars] | list[GoldAttribution],
    score: Callable[..., float],
) -> Counts:
    """Counts of the one-to-one matching (:func:`matched`)."""
    tp = len(matched(gold, pred, score)[0])
    return Counts(tp, len(pred) - tp, len(gold) - tp)


def _overlap(a: Chars, b: Chars) -> float:
    return len(a & b) / max(len(a | b), 1)


def _content(a: Chars, b: Chars) -> float:
    d = dice(a, b)
    return d if d >= 0.5 else 0.0


def _whole(g: GoldAttribution, p: GoldAttribution) -> float:
    d = _content(g.content, p.content)
    if not d:
        return 0.0
    if (g.source or p.source) and not (g.source & p.source):
        return 0.0
    return d


def score_document(gold: Iterable[GoldAttribution], pred: Iterable[GoldAttribution]) -> dict[str, Counts]:
    """Cue, source, content and whole-attribution counts for one document."""
    g, p = list(gold), list(pred)
    return {
        "cue": _match([x.cue for x in g if x.cue], [x.cue for x in p if x.cue], _overlap),
        "source": _match([x.source for x in g if x.source], [x.source for x in p if x.source], _overlap),
        "content": _match([x.content for x in g], [x.content for x in p], _content),
        "whole": _match(g, p, _whole),
    }


def _report(data: Path, docs: int, counts: list[dict[str, Counts]]) -> Report:
    report = Report(TASK, str(data), docs)
    for c in counts:
        for name, value in c.items():
            report.counts[name] = report.counts.get(name, Counts()) + value
    return report


def evaluate(data: Path, *, limit: int | None = None) -> Report:
    """Score the attribution component (and the quote-only baseline) on a PolNeAR split."""
    from claimgraph.extract.attribution.baseline import direct_quotations
    from claimgraph.nlp import extensions, pipeline

    nlp = pipeline.build(only=["news_entities", "attribution"])
    articles = list(read_articles(data, limit=limit))
    ours: list[dict[str, Counts]] = []
    base: list[dict[str, Counts]] = []
    by_type: dict[str, Counts] = {}
    by_gold: dict[str, Counts] = {}
    confusion: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs, strict=True):
        found = extensions.results(doc, "cg_attributions")
        ours.append(score_document(article.gold, (predicted_chars(a) for a in found)))
        base.append(score_document(article.gold, (predicted_chars(a) for a in direct_quotations(doc))))
        for kind in {a.type for a in found}:
            mine = [predicted_chars(a) for a in found if a.type == kind]
            c = _match(list(article.gold), mine, _whole)
            by_type[kind] = by_type.get(kind, Counts()) + Counts(c.tp, c.fp, 0)
        predicted = [predicted_chars(a) for a in found]
        for kind in {gold_type(article.text, g) for g in article.gold}:
            golds = [g for g in article.gold if gold_type(article.text, g) == kind]
            c = _match(golds, predicted, _whole)
            by_gold[kind] = by_gold.get(kind, Counts()) + Counts(c.tp, 0, c.fn)
        _breakdown(article, found, confusion, errors)
    report = _report(data, len(articles), ours)
    report.baseline = _report(data, len(articles), base)
    report.notes["whole_precision_by_predicted_type"] = {
        k: {"right": v.tp, "predicted": v.tp + v.fp} for k, v in sorted(by_type.items())
    }
    report.notes["whole_recall_by_gold_type"] = {
        k: {"found": v.tp, "gold": v.tp + v.fn} for k, v in sorted(by_gold.items())
    }
    report.notes["type_confusion_where_cue_matched"] = dict(sorted(confusion.items()))
    report.notes["errors"] = dict(sorted(errors.items()))
    return report


def _breakdown(article: Article, found: list[Attribution], confusion: Counter[str], errors: Counter[str]) -> None:
    """Add one article to the type confusion (gold type -> predicted type, where the cues pair)
    and to the error counts: each gold attribution not matched whole is missed for its cue,
    else its content, else its source; each predicted cue left unpaired lies inside a gold
    content (a nested attribution PolNeAR gives to the outer one) or is free."""
    gold = list(article.gold)
    predicted = [predicted_chars(a) for a in found]
    with_cue = [i for i, g in enumerate(gold) if g.cue]
    pred_cue = [j for j, p in enumerate(predicted) if p.cue]
    cue_pairs = {
        with_cue[i]: pred_cue[j]
        for i, j in pairs([gold[i].cue for i in with_cue], [predicted[j].cue for j in pred_cue], _overlap).items()
    }
    for i, j in cue_pairs.items():
        confusion[f"{gold_type(article.text, gold[i])} -> {found[j].type}"] += 1
    whole = pairs(gold, predicted, _whole)
    for i, g in enumerate(gold):
        if i in whole:
            continue
        if i not in cue_pairs:
            errors["missed: cue not found"] += 1
        elif not _content(g.content, predicted[cue_pairs[i]].content):
            errors["missed: content boundary"] += 1
        else:
            errors["missed: source"] += 1
    inside = frozenset().union(*(g.content for g in gold)) if gold else frozenset()
    for j in set(pred_cue) - set(cue_pairs.values()):
        where = "inside a gold content" if min(predicted[j].cue) in inside else "free"
        errors[f"false cue: {where}"] += 1


_QUOTES = "“”\"«»„"


def gold_type(text: str, gold: GoldAttribution) -> str:
    """The contract type of a gold attribution, read off its spans (PolNeAR has no types)."""
    if not gold.content:
        return "other"
    content = text[min(gold.content) : max(gold.content) + 1].strip()
    cue = text[min(gold.cue) : max(gold.cue) + 1].lower() if gold.cue else ""
    if content[:1] in _QUOTES and content[-1:] in _QUOTES + ".,":
        return "direct"
    if cue.startswith("according"):
        return "according_to"
    if any(q in content for q in _QUOTES) or "''" in content:
        return "mixed"
    return "indirect"
