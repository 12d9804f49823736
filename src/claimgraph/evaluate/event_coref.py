"""Event coreference scored on ECB+ (within and across documents) and MEANTIME (within).

**Mentions are predicted, not gold.** Each document is parsed with the events pipeline; its
mentions are the events' triggers and mentions, plus — while the events component codes only
PLOVER events — the event words it left out (:func:`fallback_heads`: verbs, and nouns of the
same family as a verb of the document or in the event lexicon). When the component emits every
reported event the fallback adds nothing it has not found. ``mentions.recall`` and
``mentions.precision`` say how well the mentions match gold.

**Matching rule:** a predicted mention (one word) matches the gold mention whose span it lies
in; each gold mention takes the first free predicted mention inside it (one to one, as
:func:`claimgraph.evaluate.scoring.overlap_pairs`). A predicted mention matching no gold one
keeps a key of its own: it costs B³ and CEAF-e precision, as the CoNLL reference scorer does
with twinless mentions. ECB+ is scored in the sentences its release selects for coreference
(gold and predicted mentions alike); singletons count.

**Scores** (:mod:`claimgraph.evaluate.coref_metrics`): ``within.*`` clusters each document
alone (:func:`claimgraph.extract.events.coref.cluster`); ``cross.*`` clusters a story's
documents together (:func:`claimgraph.resolve.events.cluster_story`) with the story taken as
the ECB+ sub-topic (oracle stories: story detection is scored by ``eval stories``). Each as MUC,
B³, CEAF-e recall/precision/F1 and ``conll.f1``, their mean. ``meantime.pairwise`` is
within-document coreference on MEANTIME (airbus, apple; gold ``REFERS_TO`` instances) as
coreferent pairs of mentions, in the annotated part of each text (:func:`annotated_end`); a
pair with a predicted mention that matches no gold one is a wrong link.

**Folds:** topics are split odd (``odd``, the rules were designed on it) and even (``even``,
it checks them); each fold's scores are reported as ``fold_<name>.<metric>``.

**Baseline**, scored alongside on the same predicted mentions: lemma match (cluster+lemma) —
mentions with the same lemma are one event within a document, and within a sub-topic.
"""

from __future__ import annotations

from collections.abc import Container, Hashable
from pathlib import Path

from spacy.tokens import Doc, Token

from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate import coref_metrics
from claimgraph.evaluate.ecbplus import EcbDocument, read_topics
from claimgraph.evaluate.meantime import GoldMention, read_corpora
from claimgraph.evaluate.scoring import Report, overlap_pairs
from claimgraph.extract.events.coref import Mention, cluster, mention_of
from claimgraph.extract.events.families import family
from claimgraph.extract.events.lexicon import load as load_lexicon
from claimgraph.nlp import extensions
from claimgraph.record import Span as TextSpan
from claimgraph.resolve.events import DocumentEvent, cluster_story

TASK = "event-coref"
DEFAULT_DATA = "ecbplus"
MEANTIME = "meantime-en/data/meantime_newsreader_english_oct15/intra-doc_annotation"
FOLDS = ("odd", "even")
PIPELINE = ("news_entities", "times", "places", "events")
#: nominalising endings: "election", "statement", "appearance", "departure", "arrival"
_NOMINAL = ("tion", "sion", "ment", "ance", "ence", "ure", "al")
#: "according to" is a source, not an event
_NOT_EVENT_VERBS = frozenset({"accord"})


def fold_of_topic(topic: int) -> str:
    return FOLDS[0] if topic % 2 else FOLDS[1]


def _eventive_noun(tok: Token, verbs: set[str], lexicon_nouns: Container[str]) -> bool:
    """A noun naming an event: of a verb's family in the document ("exploded" ... "the
    explosion"), in the event lexicon, or a nominalisation ("election", "treatment"). A
    headline's capitalised word the tagger read as a name counts when it is no entity."""
    if tok.pos_ == "PROPN" and (tok.ent_type_ or not tok.is_title):
        return False
    lemma = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
    return (family(lemma) in verbs or lemma in lexicon_nouns
            or (len(lemma) > 5 and lemma.endswith(_NOMINAL)))


def fallback_heads(doc: Doc, taken: set[int]) -> list[Token]:
    """Event words the events component did not code: every verb, and every eventive noun."""
    nouns = load_lexicon().nouns
    verbs = {family(t.lemma_) for t in doc if t.pos_ == "VERB"}
    heads = []
    for tok in doc:
        if tok.i in taken or tok.lemma_.lower() in _NOT_EVENT_VERBS:
            continue
        if tok.pos_ == "VERB" or (tok.pos_ in {"NOUN", "PROPN"} and _eventive_noun(tok, verbs, nouns)):
            heads.append(tok)
    return heads


def predicted_mentions(doc: Doc) -> list[tuple[Token, Mention]]:
    """The document's event mentions (head token, coreference features), in text order."""
    events = extensions.results(doc, "cg_events")
    places = extensions.results(doc, "cg_places")
    times = extensions.results(doc, "cg_times")
    found: dict[int, tuple[Token, Mention]] = {}
    for event in events:
        for span in [event.trigger, *getattr(event, "mentions", [])]:
            words = doc.char_span(span.start, span.end, alignment_mode="expand")
            if words is not None and words.root.i not in found:
                found[words.root.i] = (words.root, mention_of(
                    words.root, event=event, places=places, times=times))
    for tok in fallback_heads(doc, set(found)):
        found[tok.i] = (tok, mention_of(tok, places=places, times=times))
    return [found[i] for i in sorted(found)]


def _gold_keys(doc: EcbDocument) -> dict[int, str]:
    """Index of each scored gold mention -> its event (instance)."""
    return {i: m.instance for i, m in enumerate(doc.mentions) if doc.in_selected(m.start)}


def _matches(gold: list[TextSpan], ours: list[TextSpan]) -> dict[int, int]:
    """predicted index -> gold index, one to one (the module's matching rule)."""
    pairs = overlap_pairs(gold, ours)
    gold_at = {id(g): i for i, g in enumerate(gold)}
    ours_at = {id(o): i for i, o in enumerate(ours)}
    return {ours_at[id(o)]: gold_at[id(g)] for g, o in pairs}


class _Scored:
    """One ECB+ document's predicted mentions, matched, clustered within it (ours, baseline)."""

    def __init__(self, gold: EcbDocument, doc: Doc) -> None:
        keys = _gold_keys(gold)
        self.gold = gold
        self.gold_ids = {i: (gold.name, i) for i in keys}
        self.instances = keys
        predicted = [(t, m) for t, m in predicted_mentions(doc) if gold.in_selected(t.idx)]
        self.tokens = [t for t, _ in predicted]
        self.features = [m for _, m in predicted]
        spans = [TextSpan(t.idx, t.idx + len(t.text), t.text) for t in self.tokens]
        gold_spans = [TextSpan(m.start, m.end, m.text) for i, m in enumerate(gold.mentions)
                      if i in keys]
        gold_index = [i for i in range(len(gold.mentions)) if i in keys]
        matched = _matches(gold_spans, spans)
        self.spans = spans
        self.keys: list[Hashable] = [
            (gold.name, gold_index[matched[i]]) if i in matched else ("ours", gold.name, i)
            for i in range(len(spans))]
        self.matched = len(matched)
        self.ours = cluster(self.features)
        lemmas: dict[str, list[int]] = {}
        for i, tok in enumerate(self.tokens):
            lemmas.setdefault(tok.lemma_.lower(), []).append(i)
        self.baseline = list(lemmas.values())

    def key_clusters(self) -> dict[str, set[Hashable]]:
        out: dict[str, set[Hashable]] = {}
        for i, instance in self.instances.items():
            out.setdefault(instance, set()).add(self.gold_ids[i])
        return out

    def response(self, groups: list[list[int]]) -> list[set[Hashable]]:
        return [{self.keys[i] for i in g} for g in groups]

    def document_events(self, groups: list[list[int]]) -> list[DocumentEvent]:
        out = []
        for n, group in enumerate(groups):
            first = self.features[group[0]]
            merged = Mention(first.start, first.end, first.sentence, first.family, first.verbal,
                             type=first.type,
                             times=frozenset().union(*(self.features[i].times for i in group)),
                             places=frozenset().union(*(self.features[i].places for i in group)),
                             participants=first.participants)
            spans = [self.spans[i] for i in group]
            event = DocumentEvent(self.gold.name, f"{self.gold.name}:{n}", first.type, spans,
                                  merged, frozenset(self.features[i].family for i in group))
            out.append(event)
        return out


def _score_within(report: Report, base: Report, scored: _Scored) -> None:
    key = list(scored.key_clusters().values())
    coref_metrics.score(report, "within.", key, scored.response(scored.ours))
    coref_metrics.score(base, "within.", key, scored.response(scored.baseline))
    a, b = report.values.get("mentions.recall", (0, 0))
    report.values["mentions.recall"] = (a + scored.matched, b + len(scored.instances))
    a, b = report.values.get("mentions.precision", (0, 0))
    report.values["mentions.precision"] = (a + scored.matched, b + len(scored.spans))


def _score_story(report: Report, base: Report, docs: list[_Scored]) -> None:
    """Cross-document scores of one story (sub-topic): ours and the lemma baseline."""
    key: dict[str, set[Hashable]] = {}
    for d in docs:
        for instance, members in d.key_clusters().items():
            key.setdefault(instance, set()).update(members)
    events = [e for d in docs for e in d.document_events(d.ours)]
    groups = cluster_story(events)
    ours = []
    for members in groups:
        found: set[Hashable] = set()
        for event in members:
            d = next(x for x in docs if x.gold.name == event.document)
            found |= {d.keys[d.spans.index(s)] for s in event.spans}
        ours.append(found)
    lemmas: dict[str, set[Hashable]] = {}
    for d in docs:
        for i, tok in enumerate(d.tokens):
            lemmas.setdefault(tok.lemma_.lower(), set()).add(d.keys[i])
    coref_metrics.score(report, "cross.", list(key.values()), ours)
    coref_metrics.score(base, "cross.", list(key.values()), list(lemmas.values()))


def _meantime(report: Report, base: Report, data: Path, limit: int | None) -> None:
    from claimgraph.nlp import pipeline

    docs = read_corpora(data, ("airbus", "apple"))
    docs = docs[:limit] if limit else docs
    nlp = pipeline.default_pipeline(only=PIPELINE)
    for gold, doc in zip(docs, pipeline.parse(nlp, ((d.text, None) for d in docs)), strict=True):
        edge = annotated_end(gold.text, gold.mentions)
        predicted = [p for p in predicted_mentions(doc) if p[0].idx < edge]
        spans = [TextSpan(t.idx, t.idx + len(t.text), t.text) for t, _ in predicted]
        gold_spans = [TextSpan(m.start, m.end, m.text) for m in gold.mentions]
        matched = _matches(gold_spans, spans)
        keys: list[Hashable] = [("gold", matched[i]) if i in matched else ("ours", i)
                                for i in range(len(spans))]
        key: dict[str, set[Hashable]] = {}
        for i, m in enumerate(gold.mentions):
            key.setdefault(m.instance or f"alone:{i}", set()).add(("gold", i))
        ours = [{keys[i] for i in g} for g in cluster([m for _, m in predicted])]
        lemmas: dict[str, set[Hashable]] = {}
        for i, (tok, _) in enumerate(predicted):
            lemmas.setdefault(tok.lemma_.lower(), set()).add(keys[i])
        for target, response in ((report, ours), (base, list(lemmas.values()))):
            name = f"meantime.{gold.corpus}.pairwise"
            counts = coref_metrics.pairwise(
                [frozenset(c) for c in key.values()], [frozenset(c) for c in response])
            target.counts["meantime.pairwise"] = target.counts.get(
                "meantime.pairwise", counts.__class__()) + counts
            target.counts[name] = target.counts.get(name, counts.__class__()) + counts


def annotated_end(text: str, mentions: list[GoldMention]) -> int:
    """Where a MEANTIME text's annotation ends: the end of the sentence (line) of its last gold
    event mention. MEANTIME annotates each article's first sentences only; our mentions after
    them would count as wrong links to events no one annotated."""
    last = max((m.end for m in mentions), default=0)
    edge = text.find("\n", last)
    return len(text) if edge < 0 else edge


def _finish(report: Report) -> None:
    for prefix in ("within.", "cross."):
        coref_metrics.add_f1(report, prefix)


def evaluate(data: Path, *, limit: int | None = None, fold: str | None = None) -> Report:
    from claimgraph.nlp import pipeline

    if fold is not None and fold not in FOLDS:
        raise ClaimgraphError("E003", f"unknown fold {fold!r} of task {TASK!r}: use one of {', '.join(FOLDS)}")
    docs = [d for d in read_topics(data) if fold is None or fold_of_topic(d.topic) == fold]
    docs = docs[:limit] if limit else docs
    nlp = pipeline.default_pipeline(only=PIPELINE)
    parts = {f: (Report(TASK, f"{data} fold {f}"), Report(TASK, f"{data} fold {f}")) for f in FOLDS}
    stories: dict[str, list[_Scored]] = {}
    for gold, doc in zip(docs, pipeline.parse(nlp, ((d.text, None) for d in docs)), strict=True):
        scored = _Scored(gold, doc)
        ours, base = parts[fold_of_topic(gold.topic)]
        _score_within(ours, base, scored)
        stories.setdefault(gold.subtopic, []).append(scored)
    for members in stories.values():
        ours, base = parts[fold_of_topic(members[0].gold.topic)]
        _score_story(ours, base, members)
    report, baseline = Report(TASK, str(data)), Report(TASK, str(data))
    for name, (ours, base) in parts.items():
        report, baseline = report.merge(ours), baseline.merge(base)
        if not ours.values:
            continue
        _finish(ours)
        _finish(base)
        for metric in ("within.conll.f1", "cross.conll.f1", "mentions.recall"):
            report.values[f"fold_{name}.{metric}"] = ours.values[metric]
            baseline.values[f"fold_{name}.{metric}"] = base.values.get(metric, (0, 1))
    meantime = data.parent / MEANTIME
    if meantime.is_dir():
        _meantime(report, baseline, meantime, limit)
    _finish(report)
    _finish(baseline)
    report.task, report.data, report.documents = TASK, str(data), len(docs)
    report.baseline = baseline
    return report
