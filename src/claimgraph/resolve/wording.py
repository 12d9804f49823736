"""Wordings of a claim, made comparable: content terms, the numbers it states, its polarity.

Two outlets rarely carry a claim in the same words: one quotes ("We will not attack"), one
paraphrases ("the ministry said it would not attack"), a third cuts a clause or straightens the
quotation marks. What must survive every rewording is what the claim asserts: its content words,
its figures and whether it is negated. So a wording becomes a ``Wording``: its stemmed content
terms (stop words, quotation marks and case gone), the set of numbers it states ("forty" and
"40" are one number), and its polarity (a negation word, or a denial cue such as "denied"
framing the content, flips it). Two wordings say the same thing when their terms are close by
TF-IDF cosine (rare words weigh more than "people" or "government") *and* their numbers and
polarity agree: "40 were killed" and "12 were killed" share every term but are two claims, and
"troops crossed the border" is contradicted, not repeated, by "no troops crossed the border".

The bag of terms is deliberately simple (no synonyms, no sentence encoder): it is fast enough
for a corpus and predictable, and its limits are measured (``claimgraph eval claims``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache

from claimgraph import knowledge

WORDS = "resolve_words.tsv"

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:n't)?", re.UNICODE)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})
# plural and verb endings, longest first: "attacks", "attacked", "attacking" -> "attack"
_SUFFIXES = ("ingly", "ings", "ing", "edly", "ied", "ies", "ed", "es", "s")


@cache
def words(name: str) -> frozenset[str]:
    """One named word list of ``data/resolve_words.tsv``."""
    return knowledge.word_sets(WORDS)[name]


@cache
def measures() -> dict[str, str]:
    """word -> what it counts ("killed" -> "dead"), from the ``measure:*`` lists."""
    out: dict[str, str] = {}
    for name, members in knowledge.word_sets(WORDS).items():
        if name.startswith("measure:"):
            for word in members:
                out[word] = name.split(":", 1)[1]
    return out


@cache
def _number_words() -> tuple[dict[str, Fraction], dict[str, Fraction]]:
    # "one" is left out: "one of the officials" states no figure
    small = {w: v for w, v in knowledge.number_words("unit", "ten", "dozen").items() if w != "one"}
    return small, knowledge.number_words("hundred", "scale")


def stem(word: str) -> str:
    """A crude suffix-stripping stem: enough to make "attacks" and "attacked" one term."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                word += "y"
            break
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens, quotation marks straightened, "n't" read as "not"."""
    out: list[str] = []
    for token in _TOKEN.findall(text.translate(_QUOTES).lower()):
        if token.endswith("n't"):
            out.extend([token[:-3], "not"])
        else:
            out.append(token)
    return out


def numbers(toks: Sequence[str]) -> frozenset[str]:
    """The numbers a wording states, as canonical strings: "forty", "40" and "40.0" are "40";
    "2 million" and "two million" are "2000000". Years and counts are alike: a wording that
    adds a date states a number the other lacks."""
    small, scales = _number_words()
    found: list[Fraction] = []
    previous_was_number = False
    for token in toks:
        value: Fraction | None = None
        if token[0].isdigit():
            try:
                value = Fraction(token.replace(",", ""))
            except ValueError:
                value = None
        elif token in small:
            value = small[token]
        elif token in scales and previous_was_number and found:
            found[-1] *= scales[token]
            continue
        if value is None:
            previous_was_number = False
            continue
        if previous_was_number and found and token in small and found[-1] >= 20 and value < 10:
            found[-1] += value  # "forty five"
        else:
            found.append(value)
        previous_was_number = True
    return frozenset(str(v.numerator) if v.denominator == 1 else str(float(v)) for v in found)


@dataclass(frozen=True, slots=True)
class Wording:
    """One wording of a claim as what it asserts."""

    text: str
    terms: frozenset[str]
    numbers: frozenset[str]
    negated: bool


@lru_cache(maxsize=65536)
def wording(content: str, cue: str | None = None) -> Wording:
    """Read a claim's content (and the cue that frames it: "denied" flips its polarity)."""
    toks = tokens(content)
    stop, negation = words("stopwords"), words("negation")
    # parity, not presence: "I would not have run if I was not blessed" negates twice, and
    # drops its opposite "I would have run if I was not blessed" to one
    negated = sum(t in negation for t in toks) % 2 == 1
    if cue is not None and any(t in words("denial_cues") for t in tokens(cue)):
        negated = not negated
    nums = numbers(toks)
    small, scales = _number_words()
    terms = frozenset(
        stem(t) for t in toks
        if t not in stop and t not in negation and t != "one"
        and not t[0].isdigit() and t not in small and t not in scales
    )
    return Wording(content, terms, nums, negated)


class Idf:
    """Inverse document frequencies of terms over the wordings of one corpus run: a term every
    claim shares ("president", "people") weighs little, a rare one ("Aleppo") much."""

    def __init__(self, wordings: Iterable[Wording]) -> None:
        counts: Counter[str] = Counter()
        n = 0
        for w in wordings:
            counts.update(w.terms)
            n += 1
        self._n = n
        self._df = counts
        self._weights: dict[str, float] = {}
        self._norms: dict[frozenset[str], float] = {}

    def weight(self, term: str) -> float:
        known = self._weights.get(term)
        if known is None:
            known = self._weights[term] = math.log((1 + self._n) / (1 + self._df.get(term, 0))) + 1.0
        return known

    def _norm(self, terms: frozenset[str]) -> float:
        known = self._norms.get(terms)
        if known is None:
            known = self._norms[terms] = math.sqrt(sum(self.weight(t) ** 2 for t in terms))
        return known

    def cosine(self, a: Wording, b: Wording) -> float:
        """TF-IDF cosine of two wordings' term sets (each term counted once)."""
        if not a.terms or not b.terms:
            return 1.0 if a.terms == b.terms and (a.numbers or b.numbers) else 0.0
        shared = sum(self.weight(t) ** 2 for t in a.terms & b.terms)
        if not shared:
            return 0.0
        return shared / (self._norm(a.terms) * self._norm(b.terms))


def numbers_agree(a: Wording, b: Wording) -> bool:
    """Two wordings state the same figures: equal sets, or one adds figures to the other's
    (a longer wording adds a date); "40 killed" and "12 killed" do not agree."""
    return a.numbers <= b.numbers or b.numbers <= a.numbers


#: how many of a wording's rarest terms index it: two wordings are compared only when they share
#: one, so a corpus's claims are not compared all against all
INDEX_TERMS = 4
#: a wording is compared with at most this many of the latest wordings indexed under each of its
#: terms: a term carried by thousands of claims is no longer rare, and the cap keeps the cost of
#: a corpus linear in its size (the latest are the likeliest to be the same claim, retold)
MAX_POSTINGS = 100


def close_pairs(idf: Idf, items: Sequence[Wording], threshold: float) -> Iterator[tuple[int, int]]:
    """Index pairs ``(earlier, later)`` of wordings whose cosine reaches ``threshold``.

    Each wording is indexed under its ``INDEX_TERMS`` rarest terms and compared only with the
    wordings already indexed under one of them: two wordings of one claim share their rare
    words ("Belgorod", "clinic"), so the pairs missed are pairs that would not have matched."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(items):
        seen: set[int] = set()
        for term in _rare(idf, w):
            for j in index[term][-MAX_POSTINGS:]:
                if j not in seen:
                    seen.add(j)
                    if idf.cosine(items[j], w) >= threshold:
                        yield j, i
            index[term].append(i)


#: wordings with fewer content terms match only when their terms are the same
MIN_TERMS = 3

def _rare(idf: Idf, w: Wording) -> list[str]:
    return sorted(w.terms, key=lambda t: (-idf.weight(t), t))[:INDEX_TERMS]


def leaders(idf: Idf, items: Sequence[Wording], threshold: float) -> list[int]:
    """Each wording's cluster, as the index of its leader: wordings are taken in order (the
    earliest report first) and each joins the closest earlier leader saying the same thing
    (``same_content``), else leads a cluster of its own.

    Comparing with the leader alone, not with any member, keeps a cluster from drifting: with
    single links "their support for Trump" joins "it would be Trump" through a third wording."""
    index: dict[str, list[int]] = defaultdict(list)
    out: list[int] = []
    for i, w in enumerate(items):
        best, best_score = i, threshold
        seen: set[int] = set()
        for term in _rare(idf, w):
            for j in index[term][-MAX_POSTINGS:]:
                if j not in seen:
                    seen.add(j)
                    score = idf.cosine(items[j], w)
                    if score >= best_score and same_assertion(items[j], w) and _enough(items[j], w):
                        best, best_score = j, score
        out.append(best)
        if best == i:
            for term in _rare(idf, w):
                index[term].append(i)
    return out


def _enough(a: Wording, b: Wording) -> bool:
    """A wording of one or two content words ("it would be Trump") says too little to be
    matched by closeness: only the same terms make it the same claim (``claims.group`` joins
    those before comparing)."""
    return substantive(a) and substantive(b)


def substantive(w: Wording, at_least: int = MIN_TERMS) -> bool:
    """Enough content words to be told apart from another claim by them ("to comment", "the
    debate" name a topic, not a claim)."""
    return len(w.terms) >= at_least


#: two wordings whose TF-IDF cosine reaches this say the same thing. Chosen on fold a of
#: ``claimgraph eval claims`` (synthetic rewordings: F1 0.959 here, 0.969 at 0.75) together with
#: human headline paraphrases (FNC-1 headlines agreeing with one body: recall 0.12 here, 0.04 at
#: 0.75): the synthetic edits keep more words than people do. Confirmed on fold b; docs/quality.md
SAME_CONTENT = 0.6


def same_content(idf: Idf, a: Wording, b: Wording, threshold: float = SAME_CONTENT) -> bool:
    """Two wordings of one claim: close terms, agreeing numbers, the same polarity."""
    return a.negated == b.negated and numbers_agree(a, b) and idf.cosine(a, b) >= threshold


def same_assertion(a: Wording, b: Wording) -> bool:
    """Two close wordings assert one thing (what ``same_content`` adds to closeness)."""
    return a.negated == b.negated and numbers_agree(a, b)
