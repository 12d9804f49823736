"""A synthetic cross-outlet corpus made at evaluation time from PolNeAR's gold attributions.

No open data set says which attributions in different outlets are one claim, so ``eval claims``
builds one: each PolNeAR article (its annotated sources and contents, nothing else) is the
original report, and a seeded random number of *re-reports* carry some of its attributions on
other outlets, each one of three kinds:

- a **copy** (syndication): the same words, listed in a ``Copies`` record;
- a report **citing** the original outlet (``via``), its contents reworded;
- an **independent** report of the same claims, reworded, citing no one.

Rewordings are meaning-keeping edits: quotation marks straightened, a leading "that" dropped,
reported speech ("we will" -> "they would"), a trailing clause cut, two clauses swapped, a
contraction spelt out or made, a word replaced by a synonym, an adverb dropped; the speaker may
lose its determiner or be named by surname alone. Some re-reports also carry a **hard negative**:
the same speaker's content negated or with another figure, which must stay its own claim.

What this measures, honestly: how well grouping survives *these* edits and refuses *these*
negatives on real claim wordings and real speakers; not free paraphrase (a rewording by a human
shares fewer words), nor the attribution extractor's errors (sources and contents are gold).
Nothing is written to disk: the corpus is rebuilt from ../shared/evaldata on every run.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimgraph.record import Attribution, Record, Source, span_of
from claimgraph.resolve.corpus import Copies

OUTLETS = tuple(f"Outlet {n}" for n in range(1, 13))
_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|had|does|did|do)\b")
_NEGATED = re.compile(r"\s*\bnot\b|n't\b")
_REPORTED = {"i": "he", "we": "they", "our": "their", "my": "his", "us": "them", "me": "him",
             "will": "would", "is": "was", "are": "were", "has": "had", "can": "could"}
_SYNONYMS = {"big": "large", "help": "assist", "buy": "purchase", "start": "begin", "get": "obtain",
             "show": "demonstrate", "think": "believe", "want": "wish", "said": "stated",
             "people": "persons", "country": "nation", "attack": "assault", "job": "post",
             "important": "significant", "wrong": "mistaken", "try": "attempt", "need": "require"}
_CONTRACTIONS = {"will not": "won't", "do not": "don't", "does not": "doesn't", "is not": "isn't",
                 "did not": "didn't", "are not": "aren't", "cannot": "can't", "have not": "haven't"}
_ANONYMOUS = re.compile(r"^(a|an|some|one|two|three|several|many|officials|sources|aides|people)\b"
                        r"|unnamed|anonymous|familiar with|who declined", re.I)


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One gold attribution: who says what."""

    source: str
    content: str


@dataclass(slots=True)
class Corpus:
    """The records, their copy groups, and the gold: (document, attribution) -> claim label,
    claim label -> how many independent origins it has."""

    records: list[Record] = field(default_factory=list)
    copies: list[Copies] = field(default_factory=list)
    label: dict[tuple[str, str], str] = field(default_factory=dict)
    origins: dict[str, set[str]] = field(default_factory=dict)
    negatives: list[tuple[tuple[str, str], str]] = field(default_factory=list)


def _sub_words(text: str, table: dict[str, str], rng: random.Random, everywhere: bool) -> str:
    keys = [k for k in table if re.search(rf"\b{re.escape(k)}\b", text, re.I)]
    if not keys:
        return text
    chosen = keys if everywhere else [rng.choice(keys)]
    for key in chosen:
        text = re.sub(rf"\b{re.escape(key)}\b", table[key], text, flags=re.I)
    return text


def reword(text: str, rng: random.Random) -> str:
    """One or two meaning-keeping edits of a wording."""
    edits = [
        lambda t: t.replace("\u201c", "").replace("\u201d", "").replace('"', "").replace("\u2019", "'"),
        lambda t: re.sub(r"^\s*that\s+", "", t, flags=re.I),
        lambda t: _sub_words(t, _REPORTED, rng, everywhere=True),
        lambda t: t[: t.rindex(",")] if t.count(" ") >= 12 and t.rfind(",") > len(t) // 2 else t,
        lambda t: (lambda a, b: f"{b.strip().rstrip('.')}, {a.strip()}")(*t.split(",", 1)) if t.count(",") == 1 else t,
        lambda t: _sub_words(t, _CONTRACTIONS, rng, everywhere=False),
        lambda t: _sub_words(t, _SYNONYMS, rng, everywhere=False),
        lambda t: re.sub(r"\s\w+ly\b", "", t, count=1),
    ]
    for edit in rng.sample(edits, rng.choice((1, 2))):
        text = edit(text)
    return " ".join(text.split())


def negate(text: str) -> str | None:
    """The opposite wording: a negation removed, or "not" after the first auxiliary."""
    if _NEGATED.search(text):
        return _NEGATED.sub("", text, count=1)
    if _AUX.search(text):
        return _AUX.sub(lambda m: m.group(0) + " not", text, count=1)
    return None


def renumber(text: str) -> str | None:
    """The same wording with another figure."""
    match = re.search(r"\b\d[\d,]*\b", text)
    if match is None:
        return None
    value = int(match.group(0).replace(",", ""))
    return text[: match.start()] + str(value * 2 + 3) + text[match.end():]


def respeak(source: str, rng: random.Random) -> str:
    """How another outlet names the same speaker: as is, without "the", or by surname."""
    words = source.split()
    if len(words) >= 2 and words[0][0].isupper() and all(w[0].isupper() for w in words) and rng.random() < 0.4:
        return words[-1]
    if words and words[0].lower() == "the" and len(words) > 1 and rng.random() < 0.5:
        return " ".join(words[1:])
    return source


def record(doc_id: str, outlet: str, published: str, said: list[tuple[str, str, list[str]]]) -> Record:
    """A report of ``source said content`` sentences (``via`` outlets named after them)."""
    text, attributions = "", []
    for n, (source, content, via) in enumerate(said):
        sentence_start = len(text)
        text += f"{source} said {content}"
        via_spans = []
        for outlet_name in via:
            text += ", according to "
            via_spans.append(Source(len(text), len(text) + len(outlet_name), outlet_name, kind="media"))
            text += outlet_name
        text += ".\n"
        content_start = sentence_start + len(source) + len(" said ")
        attributions.append(Attribution(
            id=f"{doc_id}-{n}", type="indirect",
            source=Source(sentence_start, sentence_start + len(source), source,
                          anonymous=unnamed(source)),
            cue=span_of(text, sentence_start + len(source) + 1, sentence_start + len(source) + 5),
            content=span_of(text, content_start, content_start + len(content)),
            via=via_spans,
        ))
    return Record(id=doc_id, source=doc_id, published=published, text=text, outlet=outlet,
                  attributions=attributions)


def build(articles: Iterable[tuple[str, str, str, list[GoldClaim]]], seed: int = 13) -> Corpus:
    """The corpus of ``(name, outlet, published, claims)`` originals and their re-reports."""
    corpus = Corpus()
    for name, outlet, published, claims in articles:
        rng = random.Random(f"{seed}:{name}")
        said: list[tuple[str, str, list[str]]] = [(c.source, c.content, []) for c in claims]
        original = record(name, outlet, published, said)
        corpus.records.append(original)
        for att, claim in zip(original.attributions, claims, strict=True):
            label = f"{name}#{att.id}"
            corpus.label[(name, att.id)] = label
            corpus.origins[label] = {_root(claim.source, outlet)}
        day = date.fromisoformat(published)
        others = [o for o in OUTLETS if o != outlet]
        for k in range(rng.choice((0, 1, 1, 2, 3))):
            kind = rng.choice(("copy", "citing", "independent"))
            doc_id, carrier = f"{name}~{k}", rng.choice(others)
            later = (day + timedelta(days=k + 1)).isoformat()
            picked = list(range(len(claims))) if kind == "copy" else sorted(
                rng.sample(range(len(claims)), max(1, len(claims) // 2)))
            lines: list[tuple[str, str, list[str]]] = []
            labels: list[tuple[str, bool]] = []  # (the claim's label, a hard negative of it)
            for i in picked:
                c = claims[i]
                if kind == "copy":
                    lines.append((c.source, c.content, []))
                else:
                    lines.append((respeak(c.source, rng), reword(c.content, rng),
                                  [outlet] if kind == "citing" else []))
                labels.append((f"{name}#{original.attributions[i].id}", False))
            if kind != "copy" and picked and rng.random() < 0.5:
                i = rng.choice(picked)
                opposite = renumber(claims[i].content) or negate(claims[i].content)
                if opposite is not None:
                    lines.append((claims[i].source, opposite, []))
                    labels.append((f"{name}#{original.attributions[i].id}", True))
            report = record(doc_id, carrier, later, lines)
            corpus.records.append(report)
            if kind == "copy":
                corpus.copies.append(Copies(f"copies:{name}", [name, doc_id], name))
            for att, (label, is_negative) in zip(report.attributions, labels, strict=True):
                source = claims[int(label.rsplit("-", 1)[1])].source
                if is_negative:
                    negative = f"{doc_id}#{att.id}"
                    corpus.label[(doc_id, att.id)] = negative
                    corpus.origins[negative] = {_root(source, carrier)}
                    corpus.negatives.append(((doc_id, att.id), label))
                    continue
                corpus.label[(doc_id, att.id)] = label
                corpus.origins[label].add(_root(source, outlet if kind in ("copy", "citing") else carrier))
    return corpus


def unnamed(source: str) -> bool:
    """A speaker the words do not name: "officials", "a senior aide", "he"."""
    return bool(_ANONYMOUS.search(source)) or source[:1].islower()


def _root(source: str, heard_by: str) -> str:
    """A gold origin: a named speaker is one origin; an unnamed one, one per outlet that heard it."""
    return "heard:" + heard_by if unnamed(source) else "speaker:" + source.lower()
