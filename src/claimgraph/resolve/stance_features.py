"""What the stance model reads of a (claim, text) pair: a short vector of numbers.

Stance has two questions in one (FNC-1's design): is the text about the claim at all (related or
``unrelated``), and if so does it vouch for it, deny it or merely report it (``agree``,
``disagree``, ``discuss``). The first is answered by how much of the claim's wording the text
shares, weighted by how rare each word is (an IDF table learnt at training time, so "the"
counts for nothing and "Managua" for much); the second by the words that deny ("hoax",
"denied"), hedge ("reportedly", "unconfirmed") or vouch ("confirmed") and where they stand —
in the sentences that repeat the claim, where a text takes its stance, rather than anywhere in
a long article. The word lists are data (``data/stance/words.tsv``).

Everything here is plain Python over lower-cased tokens with a crude suffix stemmer: no parser,
so thousands of pairs a second, and a text shared by many claims (one article against every
claim of a story) is read once (:func:`read_text` is cached).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.knowledge import word_sets

_WORDS = word_sets("stance/words.tsv")
STOPWORDS = _WORDS["stopwords"]
#: the cue sets counted, in feature order
CUES = ("refute", "hedge", "support", "negation")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_SUFFIXES = ("ingly", "ings", "ing", "edly", "ies", "ied", "ed", "es", "s", "ly")
#: how many sentences most like the claim are read for its stance
TOP_SENTENCES = 3
#: the opening sentences, where news states what the article is about
LEAD_SENTENCES = 3
#: a cue word this many tokens or fewer from a word of the claim counts as "near" it
NEAR = 6
#: texts whose vectors a featurizer keeps at once
CACHED_TEXTS = 4096


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem ("denied" and "denies" -> "deni", "reports" -> "report"): enough for two
    wordings of one thing to share their words, and cheap."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Lower-case words, a possessive's "'s" cut ("tourist's" -> "tourist"), "didn't" kept whole."""
    return [w[:-2] if w.endswith("'s") else w
            for w in _TOKEN.findall(text.lower().replace("’", "'"))]


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]          # surface tokens
    stems: tuple[str, ...]          # their stems
    content: frozenset[str]         # stems of its non-stopwords
    cues: tuple[int, ...]           # per CUES set, how many of its tokens are in it


@dataclass(frozen=True, slots=True)
class Reading:
    """One text (or claim) read once: its sentences, content stems and their counts."""

    sentences: tuple[Sentence, ...]
    parts: tuple[str, ...]          # each sentence as written
    content: frozenset[str]
    counts: Counter[str]
    bigrams: frozenset[tuple[str, str]]
    words: int
    questions: int


def _sentence(words: list[str]) -> Sentence:
    content = frozenset(stem(w) for w in words if w not in STOPWORDS)
    cues = tuple(sum(1 for w in words if w in _WORDS[name]) for name in CUES)
    return Sentence(tuple(words), tuple(stem(w) for w in words), content, cues)


@lru_cache(maxsize=4096)
def read_text(text: str) -> Reading:
    """Read a text (or a claim) once; cached because one text is paired with many claims."""
    split = [(part, words) for part in _SENTENCE_END.split(text) if (words := tokens(part))]
    sentences = tuple(_sentence(words) for _, words in split)
    stems = [st for s in sentences for w, st in zip(s.words, s.stems, strict=True)
             if w not in STOPWORDS]
    every = [st for s in sentences for st in s.stems]
    return Reading(
        sentences=sentences,
        parts=tuple(part.strip() for part, _ in split),
        content=frozenset(stems),
        counts=Counter(stems),
        bigrams=frozenset(zip(every, every[1:], strict=False)),
        words=sum(len(s.words) for s in sentences),
        questions=text.count("?"),
    )


Vector = tuple[dict[str, float], float]  # weights by stem, and the vector's norm


def _cosine(claim: Vector, other: Vector) -> float:
    """Cosine of a claim's vector (a few words: the loop runs over them) and a text's."""
    norm = claim[1] * other[1]
    if not norm:
        return 0.0
    weights = other[0]
    return sum(v * weights.get(k, 0.0) for k, v in claim[0].items()) / norm


class Featurizer:
    """Turns pairs into feature vectors, given the IDF of the words it was trained on."""

    def __init__(self, idf: Mapping[str, float], default_idf: float) -> None:
        self.idf = idf
        self.default_idf = default_idf
        self._vectors: dict[str, tuple[Vector, list[Vector]]] = {}

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.default_idf)

    def _vector(self, counts: Mapping[str, int]) -> Vector:
        weights = {w: (1.0 + math.log(n)) * self.weight(w) for w, n in counts.items()}
        return weights, math.sqrt(sum(v * v for v in weights.values()))

    def _text_vectors(self, text: str, reading: Reading) -> tuple[Vector, list[Vector]]:
        """The text's TF-IDF vector and its sentences', kept while this featurizer lives (one
        batch), because a text is compared with every claim paired with it."""
        if text not in self._vectors:
            if len(self._vectors) >= CACHED_TEXTS:
                self._vectors.clear()
            self._vectors[text] = (self._vector(reading.counts),
                                   [self._vector(dict.fromkeys(s.content, 1))
                                    for s in reading.sentences])
        return self._vectors[text]

    def features(self, claim: str, text: str) -> list[float]:
        """The feature vector of one pair (:data:`NAMES` names each number)."""
        c, t = read_text(claim), read_text(text)
        words = c.content
        weight = math.fsum(self.weight(w) for w in words) or 1.0  # a set: any order, one sum
        shared = words & t.content
        vector = self._vector(c.counts)
        whole, sentence_vectors = self._text_vectors(text, t)
        scores = sorted(((_cosine(vector, v), i) for i, v in enumerate(sentence_vectors)),
                        reverse=True)
        top = [t.sentences[i] for _, i in scores[:TOP_SENTENCES]]
        lead = t.sentences[:LEAD_SENTENCES]
        lead_content = frozenset().union(*(s.content for s in lead)) if lead else frozenset()
        covering = [s for s in t.sentences if words and len(words & s.content) * 2 >= len(words)]
        first_cover = next((i for i, s in enumerate(t.sentences)
                            if words and len(words & s.content) * 2 >= len(words)), None)
        n_sent = max(len(t.sentences), 1)
        best = top[0] if top else None
        out = [
            math.log1p(len(words)),
            math.log1p(t.words),
            len(shared) / len(words) if words else 0.0,
            math.fsum(self.weight(w) for w in shared) / weight,
            len(words & lead_content) / len(words) if words else 0.0,
            len(c.bigrams & t.bigrams) / len(c.bigrams) if c.bigrams else 0.0,
            _cosine(vector, whole),
            scores[0][0] if scores else 0.0,
            sum(s for s, _ in scores[:TOP_SENTENCES]) / TOP_SENTENCES,
            len(covering) / n_sent,
            1.0 if first_cover is None else first_cover / n_sent,
            float("?" in claim),
            float(any(q in claim for q in "'\"‘“")),
            t.questions / n_sent,
        ]
        for k, _name in enumerate(CUES):
            out.append(sum(w in _WORDS[_name] for w in tokens(claim)))
            out.append(sum(s.cues[k] for s in t.sentences) * 100.0 / max(t.words, 1))
            out.append(sum(s.cues[k] for s in top))
            out.append(sum(s.cues[k] for s in lead))
            out.append(self._near(t, words, CUES[k]))
        claim_negated = sum(w in _WORDS["negation"] for w in tokens(claim)) % 2
        best_negated = (best.cues[CUES.index("negation")] % 2) if best else 0
        out.append(float(claim_negated != best_negated))
        return out

    @staticmethod
    def _near(t: Reading, words: frozenset[str], cue: str) -> float:
        """How many words of a cue set stand within NEAR tokens of a word the claim shares."""
        near = 0
        for s in t.sentences:
            if not s.cues[CUES.index(cue)] or not (s.content & words):
                continue
            spots = [i for i, st in enumerate(s.stems) if st in words]
            near += sum(1 for i, w in enumerate(s.words)
                        if w in _WORDS[cue] and any(abs(i - j) <= NEAR for j in spots))
        return float(near)


def key_sentences(claim: str, text: str, n: int = TOP_SENTENCES) -> str:
    """The ``n`` sentences of a text most like the claim (by shared content words), in the text's
    order: a short text made from a long one, so a model trained on long articles also meets
    the one- or two-sentence texts that claims across documents are."""
    words, t = read_text(claim).content, read_text(text)
    ranked = sorted(range(len(t.parts)), key=lambda i: (-len(words & t.sentences[i].content), i))
    return " ".join(t.parts[i] for i in sorted(ranked[:n]))


NAMES = (
    "claim_words", "text_words", "shared", "shared_idf", "shared_lead", "shared_bigrams",
    "cosine", "best_sentence_cosine", "top_sentences_cosine", "covering_sentences",
    "first_covering_sentence", "claim_question", "claim_quoted", "text_questions",
    *(f"{name}_{where}" for name in CUES for where in ("claim", "rate", "top", "lead", "near")),
    "negation_mismatch",
)


def idf_table(texts: list[str], min_df: int = 2) -> tuple[dict[str, float], float]:
    """IDF of every content stem seen in ``min_df`` texts or more, and the IDF of an unseen one."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(read_text(text).content)
    n = len(texts)
    table = {w: round(math.log((1 + n) / (1 + d)) + 1.0, 3) for w, d in df.items() if d >= min_df}
    return table, round(math.log((1 + n) / 2) + 1.0, 3)
