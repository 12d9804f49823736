"""The news entity ruler: what a general-purpose NER gets wrong in wire copy.

spaCy's small model tags "Bloomberg" as a person, "the Kremlin" as a place and splits "Russia's
Defense Ministry". News readers need the opposite: outlets are organisations (they are the
``via`` of a claim), seats of government speak for their government ("the Kremlin said" is the
Russian government), ministries and armed forces are organisations *of a country*. This module
turns three small tables in ``claimgraph/data`` (countries, media, organizations; read through
:mod:`claimgraph.knowledge`) into
phrase patterns matched before the statistical NER, and afterwards decides which capital
mentions are metonyms ("Moscow warned" → Government of Russia; "in Moscow" → the city).

Every entity this ruler sets carries its canonical name in ``ent_id_``; :func:`entity_info`
tells the country and kind behind a canonical name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.knowledge import countries, organizations, rows, split

MINISTRY_TYPES = {
    "defense": "Defense", "defence": "Defense", "foreign": "Foreign", "interior": "Interior",
    "finance": "Finance", "justice": "Justice", "health": "Health", "emergencies": "Emergencies",
    "economy": "Economy", "energy": "Energy",
}
FORCE_TYPES = {
    ("armed", "forces"): "Armed Forces", ("army",): "Army", ("military",): "Armed Forces",
    ("navy",): "Navy", ("air", "force"): "Air Force", ("general", "staff"): "General Staff",
    ("defense", "forces"): "Defense Forces", ("defence", "forces"): "Defense Forces",
}
#: dependency relations in which a capital acts as an agent, i.e. stands for its government
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "compound"}


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """What the tables say about a canonical name."""

    canonical: str
    kind: str  # media | government | military | group | organization | country | nationality | capital
    country: str | None  # ISO 3166-1 alpha-2
    government: str | None = None  # for capitals: the government they can stand for
    metonym: bool = False  # a building or place name standing for an institution


def _variants(text: str) -> list[str]:
    """Exact-phrase patterns for a name: as written, and with "The" for a leading "the"."""
    if text.startswith("the "):
        return [text, "The " + text[4:]]
    return [text]


def _cased(words: str) -> list[str]:
    """"Defense Ministry" and "defense ministry": wire copy writes both."""
    title = " ".join(w if w == "of" else w.capitalize() for w in words.split())
    return sorted({title, words.lower()})


@lru_cache(maxsize=1)
def knowledge() -> tuple[list[dict[str, Any]], dict[str, EntityInfo]]:
    """Build (patterns, canonical -> info) from the data tables, once per process."""
    patterns: list[dict[str, Any]] = []
    info: dict[str, EntityInfo] = {}

    def add(label: str, phrase: str, canonical: str, entry: EntityInfo) -> None:
        # string patterns go to spaCy's PhraseMatcher: fast however many there are
        for variant in _variants(phrase):
            patterns.append({"label": label, "pattern": variant, "id": canonical})
        info.setdefault(canonical, entry)

    for canonical, *rest in rows("media.tsv"):
        entry = EntityInfo(canonical, "media", None)
        for alias in split(rest[0]) if rest else [canonical]:
            add("ORG", alias, canonical, entry)

    for org in organizations("entities"):
        entry = EntityInfo(org.canonical, org.kind or "organization", org.country)
        for alias in org.aliases:
            add("ORG", alias, org.canonical, entry)

    for row in countries("entities"):
        alpha2, name = row.alpha2, row.name
        the = "the " if f"the {name}" in row.aliases else ""
        government = f"Government of {the}{name}"
        country = EntityInfo(name, "country", alpha2)
        for alias in [name, *row.aliases]:
            add("GPE", alias, name, country)
        demonym_list = list(row.demonyms)
        for demonym in demonym_list:
            add("NORP", demonym, name, EntityInfo(name, "nationality", alpha2))
        for capital in row.capitals:
            add("GPE", capital, capital, EntityInfo(capital, "capital", alpha2, government))
        for seat in row.seats:
            entry = EntityInfo(seat.canonical or government, "government", alpha2, metonym=True)
            add("ORG", seat.form, entry.canonical, entry)
        info.setdefault(government, EntityInfo(government, "government", alpha2))
        # ministries and armed forces: "the Russian Defense Ministry", "Russia's Defence
        # Ministry", "the Ministry of Defence of Ukraine", "Ukraine's General Staff"
        owners = [*demonym_list, f"{name}'s"]
        main_demonym = demonym_list[0] if demonym_list else name
        for low, kind_name in MINISTRY_TYPES.items():
            canonical = f"{main_demonym} {kind_name} Ministry"
            entry = EntityInfo(canonical, "government", alpha2)
            affairs = " affairs" if low == "foreign" else ""
            for words in _cased(f"{low} ministry"):
                for owner in owners:
                    add("ORG", f"{owner} {words}", canonical, entry)
            for words in _cased(f"ministry of {low}{affairs}"):
                add("ORG", f"{words} of {name}", canonical, entry)
        for force_words, kind_name in FORCE_TYPES.items():
            canonical = f"{main_demonym} {kind_name}"
            entry = EntityInfo(canonical, "military", alpha2)
            for words in _cased(" ".join(force_words)):
                for owner in owners:
                    add("ORG", f"{owner} {words}", canonical, entry)
    return patterns, info


def entity_info(canonical: str | None) -> EntityInfo | None:
    """The country and kind behind a canonical name set by this ruler (None if unknown)."""
    return knowledge()[1].get(canonical) if canonical else None


def acts_as_agent(span: Span) -> bool:
    """True when a place name does something: "Moscow said", "Washington's response".

    A capital that is the subject of a verb, a possessor, or the agent of a passive speaks for
    its government; one inside a prepositional phrase ("in Moscow") is a location.
    """
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "agent"):
        return root.head.pos_ in ("VERB", "AUX")
    if root.dep_ == "poss" or (root.dep_ == "compound" and root.head.dep_ == "poss"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return True
    return bool(root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"))


class NewsEntities:
    """Phrase matcher + metonym pass: a single pipeline component.

    A ``PhraseMatcher`` over the tokenizer's output (not spaCy's ``EntityRuler``, which would
    push its fifteen thousand phrases through the pipeline when it is built): building takes
    a second, matching is a hash lookup per token.
    """

    def __init__(self, nlp: Language, name: str, *, metonyms: bool = True) -> None:
        self.name = name
        self.metonyms = metonyms
        patterns, self.info = knowledge()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[int, tuple[str, str]] = {}
        grouped: dict[str, list[Doc]] = {}
        texts = [p["pattern"] for p in patterns]
        tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (typed as a plain callable)
        for pattern, doc in zip(patterns, tokenizer.pipe(texts), strict=True):
            key = f"{pattern['label']}\t{pattern['id']}"
            grouped.setdefault(key, []).append(doc)
        for key, docs in grouped.items():
            label, canonical = key.split("\t")
            self.keys[nlp.vocab.strings.add(key)] = (label, canonical)
            self.matcher.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, canonical = self.keys[match_id]
            entry = self.info.get(canonical)
            if (
                self.metonyms
                and entry is not None
                and entry.kind == "capital"
                and entry.government
                and acts_as_agent(doc[start:end])
            ):
                canonical = entry.government
            spans.append(Span(doc, start, end, label=label, span_id=canonical))
        if spans:
            # longest match wins ("Russia's Defense Ministry" over "Russia"); entities already
            # on the doc (from an earlier component) are kept where they do not overlap
            mine = filter_spans(spans)
            taken = {i for span in mine for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
            doc.ents = sorted([*kept, *mine], key=lambda span: span.start)
        return doc


@Language.factory(
    "claimgraph_news_entities_v1",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob", "token.ent_id"],
    requires=["token.dep", "token.head", "token.pos"],
    default_config={"metonyms": True},
)
def make_news_entities(nlp: Language, name: str, metonyms: bool) -> NewsEntities:
    return NewsEntities(nlp, name, metonyms=metonyms)
