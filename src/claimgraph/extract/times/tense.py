"""Which way an underspecified date points: news says "Friday" for the last Friday unless the
sentence speaks of the future ("will meet Friday", "plans to vote Monday")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

PAST, UNKNOWN, FUTURE = -1, 0, 1
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll", "would", "'d"}
_PAST_AUX = {"was", "were", "had", "did", "'d"}
#: verbs of planning: what they plan lies ahead ("planned to leave on Thursday")
_PLANNING = {"plan", "schedule", "expect", "intend", "prepare", "slate", "due", "arrange"}


def _verb_of(token: Token) -> Token | None:
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _clause_direction(verb: Token, present_is_future: bool, infinitive_is_future: bool) -> int:
    """Tense of the clause headed by ``verb``, from its auxiliaries and its tag."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    if lows & _FUTURE_AUX or "going" in lows:
        return FUTURE
    if any(a.tag_ == "MD" and a.lower_ not in ("could", "can") for a in auxes):
        return FUTURE
    if "to" in lows and verb.tag_ == "VB":
        if infinitive_is_future:
            return FUTURE
        # "is set to resume Monday", "planned to leave on Thursday" point ahead; "had been due to
        # expire Friday" does not
        governor = verb.head if verb.head is not verb else None
        if governor is not None and governor.pos_ in ("VERB", "AUX", "ADJ"):
            gov_auxes = {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")}
            gov_auxes |= {c.lower_ for c in governor.head.children if c.dep_ in ("aux", "auxpass")}
            if "had" in gov_auxes:
                return PAST
            if gov_auxes & {"is", "are", "'s", "'re", "am"} or governor.tag_ in ("VBZ", "VBP"):
                return FUTURE
            if governor.lemma_ in _PLANNING or governor.lower_ in ("set", "poised", "likely"):
                return FUTURE
        return UNKNOWN
    if not infinitive_is_future and verb.lemma_ in _PLANNING and "had" not in lows:
        return FUTURE  # "has scheduled a news conference Thursday"
    if lows & _PAST_AUX or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and (lows & {"has", "have", "'ve", "'s"} or not auxes):
        return PAST
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and auxes):
        return FUTURE if present_is_future else UNKNOWN
    return UNKNOWN


def direction(
    doc: Doc, start: int, end: int, *, present_is_future: bool = False, infinitive_is_future: bool = True
) -> int:
    """PAST, FUTURE or UNKNOWN for the clause around ``doc.text[start:end]``.

    Weekdays pass ``infinitive_is_future=False``: nine in ten weekdays in news are past or
    today, so only an auxiliary ("will", "would", "may") turns them to the future.
    Uses the dependency parse when there is one (the verb the expression hangs from and its
    auxiliaries), else the nearest auxiliary to the left in the sentence.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return UNKNOWN
    before = doc[max(0, span.start - 4) : span.start].text_with_ws.lower() if span.start else ""
    if before.endswith(("as soon as ", "as early as ", "as late as ")):
        return FUTURE
    if span.root.dep_:  # parsed (has_annotation would walk the whole Doc on every call)
        verb = _verb_of(span.root)
        if verb is None:
            return UNKNOWN
        way = _clause_direction(verb, present_is_future, infinitive_is_future)
        if way == UNKNOWN and before.endswith(("until ", "by ")):
            return FUTURE
        return way
    first = max(0, span.start - 8)
    for token in reversed(doc[first : span.start]):
        low = token.lower_
        if low in _FUTURE_AUX:
            return FUTURE
        if low in _PAST_AUX or token.tag_ == "VBD":
            return PAST
        if token.is_sent_start:
            break
    return UNKNOWN
