"""The cue classifier: is this candidate word attributing here? (a small logistic regression)

The lexical evidence is the smoothed rate P(cue | lemma, pos, frame) from ``cue_model.tsv``,
and how far the same word's rows with its object, its subject's kind or its form move that rate
(``cues.rate_shifts``: counts too few for a feature of their own still say something); the
context adds what the lemma cannot know: who the subject is (a person, a pronoun, an
organisation, nobody), how the word hangs in the sentence (main verb, participle, relative
clause), its tense, negation and modality. Weights live in ``cue_weights.tsv`` and are fitted
on the PolNeAR train split by ``scripts/train_cue_model.py`` (numpy only, seconds on a CPU).
Without a weights file the rate alone decides (weight 1 on its log-odds, no bias).
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Span, Token

from claimgraph.extract.attribution.frames import marks
from claimgraph.extract.attribution.lexicon import FOLDER, lexicon
from claimgraph.knowledge import rows
from claimgraph.nlp.words import Word, word
from claimgraph.nlp.words import words as words_of

RATE_FEATURE = "rate_logit"
#: the weight of a refinement's shift of the rate is named ``shift:<kind>``
SHIFT_PREFIX = "shift:"
BIAS = "bias"
_PERSON_PRONOUNS = {"he", "she", "i", "we", "they", "you"}
_THING_PRONOUNS = {"it", "this", "that", "which", "who"}
_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must"}


def subject_category(tok: Token) -> str:
    """What kind of thing the candidate's grammatical subject is (or the governing verb's).

    A speaker's colon ("McCain: …") has no subject: the word before it speaks.
    """
    if tok.text == ":":
        return _noun_category(tok.doc[tok.i - 1]) if tok.i > 0 else "none"
    head = word(tok)
    for _ in range(2):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subj is None:
            subj = next((c for c in head.children if c.dep_ == "poss"), None) if head.pos_ == "NOUN" else None
        if subj is not None:
            break
        if head.dep_ in ("advcl", "conj", "xcomp", "acomp") and head.head.i != head.i:
            head = head.head
        elif head.dep_ == "dobj" and head.pos_ == "NOUN" and head.head.pos_ == "VERB":
            head = head.head  # "Trump made several statements": the light verb's subject
        elif head.dep_ == "pcomp" and head.head.dep_ == "prep":
            head = head.head.head  # "by insisting that …": the verb the phrase hangs on
        else:
            return "none"
    else:
        return "none"
    return _noun_category(subj)


def _noun_category(word: Token | Word) -> str:
    lower = word.lower_
    if lower in _PERSON_PRONOUNS or lower in ("him", "her", "me", "us", "them"):
        return "pron"
    if lower in _THING_PRONOUNS:
        return "it"
    if word.ent_type_ == "PERSON":
        return "person"
    if word.ent_type_ in ("ORG", "GPE", "NORP"):
        return "org"
    if word.lemma_.lower() in lexicon().source_kinds:
        return "source_noun"
    return "noun" if word.pos_ in ("NOUN", "PROPN") else "other"


def content_features(content: Span, frame: str) -> list[str]:
    """What the candidate would attribute: a clause or a bare noun phrase, long or short.

    "supported the bill" and "supported banning all imports" share a word and a frame; what
    they carry tells the claim from the action.
    """
    punct = marks(content.doc)[0]
    words = [w for w in words_of(content.doc)[content.start : content.end]
             if not (punct[w.i] or w.text.isspace())]
    n = len(words)
    size = "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"
    feats = [f"content_size|frame={size}|{frame}"]
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        feats.append(f"content_clause|frame={frame}")
    if n == 1 and words[0].pos_ == "PRON":
        feats.append("content_pronoun")
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in words[:3]):
        feats.append(f"content_opens_with_name|frame={frame}")
    return feats


def context_features(tok: Token, frame: str, headline_end: int, subj: str | None = None) -> list[str]:
    """Categorical features of a candidate in its sentence (names, not values).

    ``headline_end`` is where the first line of the text ends (see :func:`headline_end`);
    ``subj`` is :func:`subject_category` of ``tok`` when the caller has it already.
    """
    subj = subject_category(tok) if subj is None else subj
    w = word(tok)
    dep = w.dep_
    lemma = w.lemma_.lower()
    feats = [
        f"frame={frame}",
        f"dep={dep}",
        f"tag={w.tag_}",
        f"subj={subj}",
        f"subj|frame={subj}|{frame}",
        f"dep|frame={dep}|{frame}",
        f"pos|frame={w.pos_}|{frame}",
        # what a frequent word does in this sentence: the fit keeps only pairs seen often
        f"lemma|subj={lemma}|{subj}",
        f"lemma|dep={lemma}|{dep}",
        f"head|dep={w.head.lemma_.lower()}|{dep}",
    ]
    if lemma in lexicon().cue_types:
        feats.append("listed")
    children = w.children
    if any(c.dep_ == "neg" for c in children):
        feats.append("negated")
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
        feats.append("modal")
    if frame == "ccomp" and any(
        g.dep_ == "mark" and g.lower_ == "that" for c in children if c.dep_ == "ccomp" for g in c.children
    ):
        feats.append("that_clause")
    if tok.idx < headline_end:
        feats.append("headline")
    if frame == "colon" and _line_opening(tok):
        feats.append("colon_opens_line")  # "John McCain: …", not "… the lesson was: …"
    obj = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
    if obj is not None:
        feats.append(f"obj|frame={_noun_category(obj)}|{frame}")
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    if dobj is not None:  # "support the bill" is not "support a ban on …"
        feats.append(f"lemma|obj={lemma}|{dobj.lemma_.lower()}")
        feats.append(f"obj={dobj.lemma_.lower()}")
    prep = next((c for c in children if c.dep_ == "prep" and c.i > tok.i), None)
    if prep is not None and frame in ("prep", "dobj"):
        feats.append(f"prep={prep.lower_}")
    if prep is not None:
        feats.append(f"lemma|prep={lemma}|{prep.lower_}")
    return feats


def _line_opening(tok: Token, most: int = 6) -> bool:
    """True when at most ``most`` words, none a verb, stand between the line's start and ``tok``."""
    words = 0
    for t in reversed(tok.doc[: tok.i]):
        if t.is_space and "\n" in t.text:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
        if not t.is_punct:
            words += 1
            if words > most:
                return False
    return True


def headline_end(text: str) -> int:
    """Offset of the first line break (the end of a headline), or the text's length."""
    end = text.find("\n")
    return end if end >= 0 else len(text)


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """Feature weights (empty before the model is first trained)."""
    try:
        return {name: float(value) for name, value in rows(f"{FOLDER}/cue_weights.tsv")}
    except FileNotFoundError:
        return {}


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def score(rate: float, features: list[str], shifts: dict[str, float] | None = None) -> float:
    """P(cue) from the lexical rate, its refinements' shifts (see ``cues.rate_shifts``) and the
    context features."""
    w = weights()
    if not w:
        return rate
    z = w.get(BIAS, 0.0) + w.get(RATE_FEATURE, 1.0) * logit(rate)
    z += sum(w.get(f, 0.0) for f in features)
    if shifts:
        z += sum(w.get(SHIFT_PREFIX + kind, 0.0) * value for kind, value in shifts.items())
    return 1.0 / (1.0 + math.exp(-z))
