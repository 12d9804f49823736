"""The event knowledge, as data: which words name which PLOVER event.

Five tables in ``claimgraph/data/events`` are read once (through :mod:`claimgraph.knowledge`):

- ``verbs.tsv`` / ``nouns.tsv``: a lemma (and optionally the lemmas its object or modifiers must
  have) -> a CAMEO code. We code to CAMEO first because CAMEO's 3- and 4-digit codes are what
  decide the finer splits between PLOVER versions (a lifted curfew is CONCEDE in the gold
  standard records but RETREAT in PLOVER 2021);
- ``cameo_plover.tsv``: CAMEO code prefix -> PLOVER category, in two vocabularies (``plover``:
  the current 16 categories; ``gsr``: PLOVER 0.5b1 as used by the gold standard records);
- ``plover_categories.tsv``: the categories of both vocabularies, and how a ``gsr`` one reads in
  the current one;
- ``frames.tsv``: verbs that frame another event ("promised to X": intent; "launched an X":
  a light verb that takes its type from the noun).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph import knowledge
from claimgraph.knowledge import split

SCHEMES = ("plover", "gsr")

#: PLOVER categories in two vocabularies (``data/events/plover_categories.tsv``): the current one,
#: and PLOVER 0.5b1, the vocabulary of the PLOVER gold standard records
_CATEGORIES = knowledge.rows("events/plover_categories.tsv")
PLOVER_TYPES = tuple(row[0] for row in _CATEGORIES if row[1] == "yes")
GSR_TYPES = tuple(row[0] for row in _CATEGORIES if row[2] == "yes")
#: how a PLOVER 0.5b1 category reads in the current vocabulary
GSR_TO_PLOVER = {row[0]: row[3] for row in _CATEGORIES if row[3] != "-"}


def rows(name: str) -> list[list[str]]:
    """The rows of one tab-separated table in ``claimgraph/data/events`` (comments skipped)."""
    return knowledge.rows(f"events/{name}")


@dataclass(frozen=True, slots=True)
class Sense:
    """One row of verbs.tsv / nouns.tsv: ``code`` when the context has one of ``context``."""

    code: str  # a CAMEO code, or "A|B": A for a state actor, B otherwise
    context: frozenset[str] = frozenset()

    def code_for(self, state_actor: bool) -> str:
        """The CAMEO code for an actor of this kind ("A|B" rows depend on it)."""
        if "|" in self.code:
            state, other = self.code.split("|", 1)
            return state if state_actor else other
        return self.code


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[Sense]] = field(default_factory=dict)
    nouns: dict[str, list[Sense]] = field(default_factory=dict)
    frames: dict[str, str] = field(default_factory=dict)
    cameo: dict[str, tuple[str, str]] = field(default_factory=dict)

    @staticmethod
    def _pick(senses: list[Sense] | None, context: set[str]) -> Sense | None:
        if not senses:
            return None
        for sense in senses:
            if sense.context and sense.context & context:
                return sense
        return next((s for s in senses if not s.context), None)

    def verb(self, lemma: str, objects: set[str]) -> Sense | None:
        """The sense of a verb given the lemmas of its objects (None: not an event verb)."""
        return self._pick(self.verbs.get(lemma), objects)

    def noun(self, lemma: str, modifiers: set[str]) -> Sense | None:
        return self._pick(self.nouns.get(lemma), modifiers)

    def plover(self, code: str, scheme: str = "plover") -> str | None:
        """The PLOVER category of a CAMEO code (longest prefix wins); None for statements."""
        column = SCHEMES.index(scheme)
        for size in range(len(code), 1, -1):
            found = self.cameo.get(code[:size])
            if found:
                value = found[column]
                return None if value == "-" else value
        return None


def _senses(name: str) -> dict[str, list[Sense]]:
    table: dict[str, list[Sense]] = {}
    for row in rows(name):
        lemma, code = row[0].lower(), row[1]
        context = frozenset(split(row[2]) if len(row) > 2 else [])
        table.setdefault(lemma, []).append(Sense(code, context))
    return table


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The bundled lexicon, read once per process."""
    return Lexicon(
        verbs=_senses("verbs.tsv"),
        nouns=_senses("nouns.tsv"),
        frames={row[0].lower(): row[1] for row in rows("frames.tsv")},
        cameo={row[0]: (row[1], row[2]) for row in rows("cameo_plover.tsv")},
    )


#: CAMEO roots that cooperate (an intended one is AGREE) and that are material conflict (an
#: intended one is THREATEN); verbal conflict (10-13) keeps its type when only intended
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08", "09"}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}


def intended(code: str) -> str:
    """The code of an announced, promised or conditional event ("will give", "vowed to fight")."""
    root = code[:2]
    if root in COOPERATIVE_ROOTS:
        return code if root == "03" else "030"
    if root in CONFLICT_ROOTS:
        return "138" if root in {"18", "19", "20"} else "130"
    return code


def negated(code: str) -> str | None:
    """The code of a refusal for a negated cooperative event ("will not accept" rejects); None
    for any other ("did not attack" is an attack that did not happen, not another event)."""
    root = code[:2]
    if root in COOPERATIVE_ROOTS:
        return "120"
    return None


#: WordNet's say on nouns: the file of the most frequent sense, and the share of senses that are
#: happenings (act, event, phenomenon, process); built by ``scripts/build_noun_senses.py``
NOUN_SENSES = "events/noun_senses.tsv.gz"


@lru_cache(maxsize=1)
def noun_senses() -> dict[str, tuple[str, str]]:
    """Noun lemma -> (file of its first WordNet sense, how many of its senses are happenings:
    "all", "most", "some"); nouns with no happening sense are absent."""
    table = {}
    for lemma, first, share in knowledge.rows(NOUN_SENSES):
        value = float(share)
        table[lemma] = (first, "all" if value >= 0.99 else "most" if value >= 0.5 else "some")
    return table
