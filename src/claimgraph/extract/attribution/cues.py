"""Cues: the words that attribute ("said", "told", "according to", "believes", "statement").

A candidate is a verb or noun outside quotations (or a copula's adjective, a speaker's colon,
an "in" phrase citing a document) whose content attaches to it in one of the frames of
:mod:`.frames`. Two kinds are read off the text instead and not scored by the classifier:
``headline`` (:func:`headline_cues`), a title-case headline's verb of saying, which the tagger
takes for a name; ``signed`` (:func:`signed_cues`), a dash and a name ending a line ("“…” ―
Sonya Herridge", an embedded tweet).

Whether a candidate is a cue is decided by the statistics of its (lemma, part of speech, frame)
in the PolNeAR train split (``cue_model.tsv``), smoothed towards the hand list in
``cue_verbs.tsv`` ("said" with a clause almost always attributes, "found" with an object
rarely), refined by the rows of the same word with its object or preposition, its subject's
kind and its form (:func:`refinement_rows`: "take issue with" is not "take place"), weighed with
its context by the logistic regression in :mod:`.classifier`.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from claimgraph.extract.attribution import classifier
from claimgraph.extract.attribution.frames import (
    Cue,
    Quotes,
    child,
    content_prep,
    frame_of,
    in_document,
)
from claimgraph.extract.attribution.indirect import content_span, hearsay_content
from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.extract.events.domain import public_affairs
from claimgraph.nlp.words import Word
from claimgraph.nlp.words import words as words_of

#: the table's row for a word in any frame: the back-off for a frame it was not seen in
ANY_FRAME = "*"
#: the table's row for all words seen too seldom for a row of their own, per pos and frame
RARE_WORD = "<rare>"
CANDIDATE_POS = {"VERB", "NOUN"}
#: an adjective is a candidate only as a copula's complement ("is critical of")
ADJ_DEPS = {"acomp"}
#: smoothing: the hand list counts as this many observations at PRIOR_RATE
PRIOR_WEIGHT = 2.0
PRIOR_RATE = 0.6
THRESHOLD = 0.45
#: candidates whose lexical rate is below this are dropped before the classifier looks
MIN_RATE = 0.02


def cue_probability(lemma: str, pos: str, frame: str) -> float:
    """P(cue | lemma, pos, frame), backing off to any frame, smoothed towards the hand list."""
    lex = lexicon()
    cues, seen = lex.cue_counts.get((lemma, pos, frame)) or lex.cue_counts.get(
        (lemma, pos, ANY_FRAME), (0, 0)
    )
    return (cues + PRIOR_WEIGHT * prior_rate(lemma, pos, frame)) / (seen + PRIOR_WEIGHT)


#: smoothing of a refinement's rate towards the word's own rate, in observations
REFINEMENT_PRIOR = 2.0


def pair_word(tok: Token, frame: str) -> str | None:
    """The word a candidate's content hangs on, in the frames where it can decide the sense
    (an object, a preposition, an infinitive's verb).

    "take issue with", "make the case", "speak about", "go after": the verb alone rarely
    attributes, with this object or preposition it mostly does (and "take place", "speak at"
    mostly not).
    """
    if frame == "dobj":
        obj = child(tok, "dobj", "oprd")
        return obj.lemma_.lower() if obj is not None else None
    if frame == "prep":
        prep = content_prep(tok)
        return prep.lower_ if prep is not None else "for"  # else the "calls for X to" clause
    if frame == "xcomp":
        clause = child(tok, "xcomp")
        return clause.lemma_.lower() if clause is not None else None
    return None


#: what refines a word's rate in its frame, each a row of the count table and a feature
REFINEMENTS = ("word", "subj", "tag")


def refinement_rows(tok: Token, frame: str, subj: str) -> list[tuple[str, str]]:
    """(kind, the count table's frame column) of each refinement a candidate has.

    ``dobj|word=issue`` (the object or preposition, :func:`pair_word`), ``dobj|subj=person``
    (who the subject is: ``subj`` is ``classifier.subject_category(tok)``), ``dobj|tag=VBD``
    (the verb's form): "support" from a person or in the past tense is not "support" in general.
    """
    rows = [("subj", f"{frame}|subj={subj}"), ("tag", f"{frame}|tag={tok.tag_}")]
    word = pair_word(tok, frame)
    if word is not None:
        rows.append(("word", f"{frame}|word={word}"))
    return rows


def rate_shifts(lemma: str, pos: str, rows: list[tuple[str, str]], rate: float) -> dict[str, float]:
    """How much each refinement's own record moves the word's rate, in log-odds (absent when
    unseen). The refinement's counts are smoothed towards ``rate`` (the word's rate in this
    frame), so one seen twice moves it a little and one seen twenty times speaks for itself."""
    counts = lexicon().cue_counts
    out: dict[str, float] = {}
    for kind, frame in rows:
        row = counts.get((lemma, pos, frame))
        if row is not None:
            out[kind] = shift_of(row[0], row[1], rate)
    return out


def shift_of(cues: int, seen: int, rate: float) -> float:
    """``logit(refined rate) - logit(rate)``, the refined rate being a refinement's counts
    smoothed towards ``rate``; shared with the trainer, which leaves each sample's own label
    out of ``cues`` and ``seen``."""
    refined = (cues + REFINEMENT_PRIOR * rate) / (seen + REFINEMENT_PRIOR)
    return classifier.logit(refined) - classifier.logit(rate)


def prior_rate(lemma: str, pos: str, frame: str, *, leave_out: int | None = None) -> float:
    """What a word's rate is before its own counts: the hand list, else rare words' rate.

    A rare verb beside a quotation ("boomed", "retaliated") is most often a cue; a rare verb
    with an object seldom is. ``leave_out`` (the label of a training word that is itself rare)
    keeps the word's own count out of the rate it is trained with.
    """
    lex = lexicon()
    if lemma in lex.cue_types:
        return PRIOR_RATE
    cues, seen = lex.cue_counts.get((RARE_WORD, pos, frame), (0, 0))
    if leave_out is not None and seen > 1:
        cues, seen = cues - leave_out, seen - 1
    return cues / seen if seen else 0.0


def _speaker_colon(tok: Token) -> bool:
    """ "Kerry: “By law …”", "John McCain: Republican anger …": a colon right after a name or
    noun."""
    doc = tok.doc
    return (
        tok.text == ":"
        and 0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].pos_ in ("PROPN", "NOUN", "PRON")
    )


def _may_be_candidate(w: Word) -> bool:
    """What :func:`is_candidate` asks first, read off the plain words: most words fail here,
    before a ``Token`` is made for them."""
    return (w.pos_ in CANDIDATE_POS or w.pos_ == "ADJ" or w.lower_ in ("according", "in")
            or w.text == ":")


def is_candidate(tok: Token, quotes: Quotes) -> bool:
    """A verb or noun outside quotations that is not a citing participle."""
    if not (
        tok.pos_ in CANDIDATE_POS
        or (tok.pos_ == "ADJ" and tok.dep_ in ADJ_DEPS)
        or tok.lower_ == "according"
        or _speaker_colon(tok)
        or in_document(tok) is not None
    ):
        return False
    if quotes.of_token[tok.i] >= 0:
        return False  # words inside a quotation belong to the quoted speaker's content
    # "an official, cited by Bloomberg": an intermediary, not a claim
    return not (tok.dep_ == "acl" and any(c.dep_ == "agent" for c in tok.children))


#: frames whose content is a noun phrase, not a clause or a quotation: there a word that is
#: no act of saying or thinking may report a deed instead ("blocked the crossing", not
#: "denied the report"); see :func:`reports_an_act`
ACT_FRAMES = frozenset({"dobj", "prep", "passive", "acl"})


#: verbs that name rather than claim: "a strip known as the Berm", "a town called Sloviansk"
NAMING = frozenset({"know", "name", "call", "dub", "term", "label", "brand", "nickname", "title"})


def reports_an_act(tok: Token, frame: str) -> bool:
    """True when a candidate that is no word of saying or thinking reports what someone did,
    not what anyone said: an object counted with a number ("Goldman named 78 new partners"),
    a country or capital acting on a thing ("Jordan blocked the crossing", "Moscow has
    introduced a state of emergency"), or a name given ("known as the Berm").

    PolNeAR marks some such acts as attributions ("laid off 200 staffers"); measured on train
    fifths the cut costs about 0.0005 whole F1, the price of not counting acts as claims.
    """
    if tok.lemma_.lower() in NAMING:  # "known as the Berm", "a town called Sloviansk"
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        # "known as X", or a participle naming its noun ("a town called X"); never "called
        # Cruz a liar", which says something of Cruz
        target = child(prep, "pobj") if prep is not None else (child(tok, "oprd") if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" else None)
        if target is not None and all(t.pos_ in ("PROPN", "DET", "PUNCT") for t in target.subtree):
            return True
    if frame != "dobj" or is_speech_act(tok):
        return False
    obj = child(tok, "dobj")
    if obj is not None and any(c.dep_ == "nummod" and c.tag_ == "CD" for c in obj.children):
        return True  # "named 78 new partners", not "made a third attempt"
    subj = child(tok, "nsubj")
    return subj is not None and subj.ent_type_ == "GPE" and bool(subj.ent_id_)  # a known country


#: frames whose content is an object, where a word of perceiving reports what was seen
OBJECT_FRAMES = frozenset({"dobj", "prep", "passive", "acl"})


def stems(word: str) -> tuple[str, ...]:
    """The bare forms an -ing or -ed word can come from: "hoping" hope/hop, "wanting" want,
    "hoped" hope, "wanted" want (for the lemmatizer's slips)."""
    if word.endswith("ing"):
        return (word[:-3], word[:-3] + "e")
    if word.endswith("ed"):
        return (word[:-2], word[:-1])
    return ()


def mere_wish(tok: Token, frame: str) -> bool:
    """True when ``tok`` wants, intends, feels or perceives rather than says or believes
    (``wishes.tsv``): "plans to launch", "is hoping a redesign will …", "expects to produce",
    "happy to know", "saw a catfish".

    Read only outside public affairs (see :func:`no_claim_here`): PolNeAR, which is political
    news, marks most such words as attributions ("plans to veto" states a position), while on
    other pages they are what a company or a player does or wants, nobody's claim. A word of
    perceiving with a clause ("found that …", "saw that …") still reports a finding.
    """
    wishes = lexicon().wishes
    kind = wishes.get(tok.lemma_.lower())
    if kind is None and tok.pos_ == "VERB":  # the lemmatizer's "hop" for "hoped", "hoping"
        kind = next((wishes[s] for s in stems(tok.lower_) if s in wishes), None)
    if kind == "perception" and frame == "dobj":
        obj = child(tok, "dobj")  # "found that fasting was …" misparsed with "that" as the object
        return obj is None or obj.lower_ != "that"
    return (kind in ("intent", "feeling") or (kind == "plan" and frame == "xcomp" and tok.tag_ != "VBN")
            or (kind == "perception" and frame in OBJECT_FRAMES))


def no_claim_here(tok: Token, frame: str) -> bool:
    """Outside public affairs, True when a candidate is no act of saying or believing: a wish,
    a plan, a feeling or a sight (:func:`mere_wish`); an object or an infinitive after a word
    that is no speech act ("the Steelers spent Monday trying to …", "threw for 300 yards");
    a name given in the passive ("HP is called “feather duvet lung”", "known for").
    """
    if mere_wish(tok, frame):
        return True
    if tok.lemma_.lower() in NAMING and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
        return True
    # an adjective of stance ("adamant about", "critical of") is no deed; feelings are listed
    return (frame in ACT_FRAMES or frame == "xcomp") and tok.pos_ != "ADJ" and not is_speech_act(tok)


def is_speech_act(tok: Token) -> bool:
    """True when ``tok``'s lemma is a verb or noun of saying or thinking (``speech_acts.txt``)."""
    return tok.lemma_.lower() in lexicon().speech_acts


def find_cues(doc: Doc, quotes: Quotes, *, threshold: float = THRESHOLD, text: str | None = None) -> list[Cue]:
    """Every token whose (lemma, pos, frame) makes it a likely cue, in text order.

    ``text``: ``doc.text`` if the caller has it (spaCy rebuilds it from the tokens on each call).
    """
    out: list[Cue] = []
    first_line = classifier.headline_end(doc.text if text is None else text)
    strict = not public_affairs(doc)  # outside politics only saying and believing attribute
    for w in words_of(doc):
        if not _may_be_candidate(w):
            continue
        tok = doc[w.i]
        if not is_candidate(tok, quotes):
            continue
        frame, qs = frame_of(tok, quotes)
        if frame == "none":
            continue
        if frame in ACT_FRAMES and reports_an_act(tok, frame):
            continue  # "Jordan blocked the crossing": an act, not what anyone said or thinks
        if strict and no_claim_here(tok, frame):
            continue  # "Apple plans to …", "the Steelers spent Monday …": no one's claim
        rate = cue_probability(tok.lemma_.lower(), tok.pos_, frame)
        if rate < MIN_RATE:
            continue  # not worth the context features: never a cue in train
        content = candidate_content(tok, frame, qs, quotes)
        if content is None:
            continue  # nothing to attribute: never an attribution
        subj = classifier.subject_category(tok)
        feats = classifier.context_features(tok, frame, first_line, subj)
        feats += classifier.content_features(doc.char_span(*content, alignment_mode="expand"), frame)
        shifts = rate_shifts(tok.lemma_.lower(), tok.pos_, refinement_rows(tok, frame, subj), rate)
        p = classifier.score(rate, feats, shifts)
        if p >= threshold:
            out.append(Cue(tok, frame, qs, p, content))
    return out


def candidate_content(tok: Token, frame: str, qs: tuple[int, ...], quotes: Quotes) -> tuple[int, int] | None:
    """The content a candidate would attribute (read before deciding whether it is a cue)."""
    return content_span(Cue(tok, frame, qs, 0.0), quotes)


#: past forms of cue verbs that a title-case headline hides from the tagger
IRREGULAR_PAST = {
    "said": "say", "told": "tell", "wrote": "write", "spoke": "speak", "thought": "think",
    "felt": "feel", "knew": "know", "saw": "see", "sought": "seek", "gave": "give",
    "took": "take", "made": "make", "swore": "swear", "hit": "hit", "fought": "fight",
}
#: a headline word is read as a cue verb when train marks that verb a cue this often
HEADLINE_RATE = 0.5


def _verb_forms(word: str) -> list[str]:
    """Lemmas a capitalised headline word may be a form of ("Slams", "Praised", "Said")."""
    w = word.lower()
    if w in IRREGULAR_PAST:
        return [IRREGULAR_PAST[w]]
    forms = [w]
    if w.endswith("ies"):
        forms.append(w[:-3] + "y")
    if w.endswith("es"):
        forms.append(w[:-2])
    if w.endswith("s"):
        forms.append(w[:-1])
    if w.endswith("ied"):
        forms.append(w[:-3] + "y")
    if w.endswith("ed"):
        forms += [w[:-1], w[:-2]]
    return forms


def _headline_verb(tok: Token) -> tuple[str, float] | None:
    lex = lexicon()
    for form in _verb_forms(tok.text):
        cues, seen = lex.cue_counts.get((form, "VERB", ANY_FRAME), (0, 0))
        if seen >= 3 and cues / seen >= HEADLINE_RATE:
            return form, cues / seen
    return None


def headline_cues(doc: Doc, quotes: Quotes, found: list[Cue], end: int) -> list[Cue]:
    """ "Clinton Urges Britain to Remain in European Union": a cue verb in a title-case headline.

    Capitalised words fool the tagger (the verb becomes a proper noun) and so the parse, so the
    headline is read as the news writes it: who, the verb of saying, what. Only when the
    headline (the first line, ending at ``end``) has no cue yet, and only for a verb train
    marks as a cue at least half of the time; the words before it are the source, the rest of
    the line the content.
    """
    if any(c.token.idx < end for c in found):
        return []
    words = [t for t in doc if t.idx < end and t.is_alpha]
    if len(words) < 4 or sum(t.is_title or t.is_upper for t in words) < 0.7 * len(words):
        return []
    for tok in words[1:-1]:
        if quotes.of_token[tok.i] >= 0 or tok.pos_ not in ("PROPN", "NOUN", "VERB"):
            continue
        verb = _headline_verb(tok)
        if verb is None:
            continue
        after = [t for t in doc[tok.i + 1 :] if t.idx < end and not t.is_space]
        if len([t for t in after if t.is_alpha]) < 2:
            return []
        words = [t for t in after if not (t.is_punct and t.text not in "“”\"’'")]
        last = words[-1] if words else after[-1]  # a closing quotation mark stays, a full stop goes
        content = (after[0].idx, last.idx + len(last.text))
        return [Cue(tok, "headline", (), verb[1], content)]
    return []


#: dashes that sign a text with its author's name: "“…” ― Sonya Herridge", "… — Paul Ryan (@SpeakerRyan)"
SIGNING_DASHES = ("―", "—", "–", "--", "-")


def signer_end(doc: Doc, first: int) -> int | None:
    """Token index after the name that starts at ``first`` and ends its line, or None.

    A name is one to four capitalised words, then the end of the line, a handle in brackets
    ("(@SpeakerRyan)") or a full stop before the line ends.
    """
    i = first
    while i < len(doc) and i - first < 4 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    if i == first:
        return None
    if i == len(doc):
        return i
    nxt = doc[i]
    if nxt.is_space and "\n" in nxt.text:
        return i
    if nxt.text == "(" and i + 1 < len(doc) and doc[i + 1].text.startswith("@"):
        return i
    if nxt.text == "." and (i + 1 == len(doc) or (doc[i + 1].is_space and "\n" in doc[i + 1].text)):
        return i
    return None


def signed_cues(doc: Doc, quotes: Quotes, text: str) -> list[Cue]:
    """A text signed with a dash and its author's name at the end of its line: an epigraph,
    a reader's quote in a list, an embedded tweet. The dash is the cue, the name the source,
    the quotation before the dash (or the line up to it) the content."""
    out: list[Cue] = []
    for w in words_of(doc):
        if not w.text.endswith(SIGNING_DASHES):
            continue  # nearly every word
        tok = doc[w.i]
        dash = next((d for d in SIGNING_DASHES if tok.text.endswith(d)), None)
        if dash is None or tok.i + 1 >= len(doc):
            continue
        if tok.text != dash and tok.text[: -len(dash)] not in ("”", "\"", "’"):
            continue  # "”―" is one token; "well-known" is not a dash
        at = tok.idx + len(tok.text) - len(dash)
        after = tok.idx + len(tok.text)
        # a dash set apart by spaces (or glued to a closing quotation), never a word's hyphen
        if not (at == 0 or text[at - 1] in " \t\xa0”\"’\n") or not (after < len(text) and text[after] in " \t\xa0"):
            continue
        name_end = signer_end(doc, tok.i + 1)
        if name_end is None:
            continue
        before = text[:at].rstrip(" \t\xa0")
        quote = next((k for k, (qs, qe) in enumerate(quotes.spans) if qe == len(before)), None)
        if quote is not None:
            content = quotes.spans[quote]
        elif not (name_end < len(doc) and doc[name_end].text == "(") and doc[tok.i + 1].ent_type_ != "PERSON":
            # "A soldier walks past the ruins. — Reuters" credits a photo: a line signs only
            # with a person's name, or with a tweet's author and handle
            continue
        else:
            line_start = before.rfind("\n") + 1
            if len(before[line_start:].split()) < 3:
                continue
            content = (line_start, len(before))
        out.append(Cue(tok, "signed", (quote,) if quote is not None else (), 0.9, content))
    return out


#: how likely a hearsay adverb's clause is an attribution: below a cue verb's, so that of two
#: readings of one clause ("each in the other's content") the verb of saying wins
HEARSAY_PROBABILITY = 0.5


def hearsay_cues(doc: Doc, quotes: Quotes, found: list[Cue]) -> list[Cue]:
    """ "Troops reportedly crossed the river": a clause whose only source is a hearsay adverb
    (``hearsay.txt``) is attributed to nobody, with the adverb as its cue (and its hedge).

    Never inside a quotation (the quoted speaker's hedge), and never when the clause holds a
    cue of its own ("Trump reportedly said that …" is Trump's, hedged).
    """
    words = lexicon().hearsay
    cue_at = sorted(c.token.idx for c in found)
    out: list[Cue] = []
    for w in words_of(doc):
        if w.lower_ not in words or quotes.of_token[w.i] >= 0:
            continue
        tok = doc[w.i]
        content = hearsay_content(tok, quotes)
        if content is None:
            continue
        start, end = content
        k = bisect_left(cue_at, start)
        if k < len(cue_at) and cue_at[k] < end:
            continue
        out.append(Cue(tok, "hearsay", (), HEARSAY_PROBABILITY, content))
    return out
