"""The attribution knowledge files in ``claimgraph/data/attribution``, each read once.

- ``cue_verbs.tsv``: hand-listed cue lemmas and the attribution type they give to non-quoted
  content (``indirect`` speech acts, ``other`` reported states, ``according_to``), with an
  optional ``sourceless`` flag for raising verbs ("appears to", "seems to") whose subject is
  not the one who attributes;
- ``cue_model.tsv``: how often a word in a given syntactic frame is a cue in the PolNeAR train
  split (built by ``scripts/train_cue_model.py``); the component's statistical part;
- ``hedges.txt``, ``anonymity.txt``: phrases, one per line; the approximators that hedge only
  before a number ("about 300") come from ``claimgraph/data/number_modifiers.tsv``, which the
  quantity finder reads for their bounds;
- ``source_kinds.tsv``: source head nouns -> kind, and whether the noun names nobody by itself;
- ``speaker_kinds.tsv``: more head nouns -> kind, read only for a source's kind (the cue model's
  features read ``source_kinds.tsv`` as it was when its weights were fitted);
- ``hearsay.txt``: adverbs that attribute with no source ("reportedly", "allegedly");
- ``outlet_words.txt``: the last words of outlets' names ("Insider", "Wire", "Times");
- ``speech_acts.txt``: verbs and nouns of saying and thinking, the only ones whose object can be
  a claim;
- ``wishes.tsv``: words of wanting, intending and perceiving, no claims outside public affairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimgraph.knowledge import lines, number_modifiers

FOLDER = "attribution"
TYPES = ("indirect", "other", "according_to")
#: source nouns (``source_kinds.tsv`` kind government) that name one person in an office
OFFICE_HOLDERS = frozenset({"president", "senator", "minister", "governor", "mayor"})


def _lines(name: str) -> list[str]:
    return lines(f"{FOLDER}/{name}")


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_types: dict[str, str]  # lemma -> type for non-quoted content
    sourceless: frozenset[str]  # cue lemmas whose subject is not a source (seem, appear)
    cue_counts: dict[tuple[str, str, str], tuple[int, int]]  # (lemma, pos, frame) -> (cues, seen)
    hedges: tuple[str, ...]
    anonymity: tuple[str, ...]
    source_kinds: dict[str, tuple[str, bool]]  # noun -> (kind, generic)
    speaker_kinds: dict[str, str]  # noun -> kind, for a source's kind only
    hearsay: frozenset[str]  # adverbs that attribute with no source: "reportedly"
    outlet_words: frozenset[str]  # a name ending in one is an outlet's: "Business Insider"
    speech_acts: frozenset[str]  # lemmas of saying and thinking: "deny", "criticism"
    wishes: dict[str, str]  # lemma -> "intent", "plan", "feeling" or "perception": "want", "see"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All attribution knowledge, loaded on first use."""
    counts: dict[tuple[str, str, str], tuple[int, int]] = {}
    try:
        for lemma, pos, frame, cues, seen in _rows("cue_model.tsv"):
            counts[(lemma, pos, frame)] = (int(cues), int(seen))
    except FileNotFoundError:  # before the model is first built
        counts = {}
    return Lexicon(
        cue_types={row[0]: row[1] for row in _rows("cue_verbs.tsv")},
        sourceless=frozenset(row[0] for row in _rows("cue_verbs.tsv") if "sourceless" in row[2:]),
        cue_counts=counts,
        hedges=(
            *(line.strip().lower() for line in _lines("hedges.txt")),
            # approximators hedge only before a number ("about 300"), so they end in " #"
            *(f"{row.phrase.lower()} #" for row in number_modifiers() if row.hedge),
        ),
        anonymity=tuple(line.strip().lower() for line in _lines("anonymity.txt")),
        source_kinds={row[0]: (row[1], row[2] == "yes") for row in _rows("source_kinds.tsv")},
        speaker_kinds={row[0]: row[1] for row in _rows("speaker_kinds.tsv")},
        hearsay=frozenset(line.strip().lower() for line in _lines("hearsay.txt")),
        outlet_words=frozenset(line.strip() for line in _lines("outlet_words.txt")),
        speech_acts=frozenset(line.strip() for line in _lines("speech_acts.txt")),
        wishes={row[0]: row[1] for row in _rows("wishes.tsv")},
    )
