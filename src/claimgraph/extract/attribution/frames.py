"""Frames: how the content a word attributes attaches to it, read off the parse.

A candidate cue (:mod:`.cues`), a verb or noun, has one *frame*, the way its content attaches:

- ``quote``: a quotation right beside it ("…," he said / said: "…"), only punctuation and the
  speaker between;
- ``ccomp`` / ``xcomp``: a clause ("said that …", "wants to …");
- ``parataxis``: a clause it interrupts or follows ("The economy, the minister said, is slowing");
- ``dobj`` / ``prep``: an object or prepositional phrase ("denied the report", "talked about");
- ``according``: "according to X"; ``in_document``: "In a CNN poll, …";
- ``colon``: a colon and the rest of the line ("Kerry: We will not …", "responded: …");
- ``acl``: a noun's clause ("the claim that …", "a plan to …", "the question posed …");
- ``as``: a clause it comments on ("As Trump said, the economy …");
- ``relcl``: a clause it interrupts as a relative clause ("the 1920 election, we might recall,
  was …");
- ``passive``: its passive subject ("This was tweeted by …");
- ``adj``-frames: an adjective after a copula takes its own clause or phrase ("is critical of
  …", "is confident that …"): the adjective is the candidate, with the frames above;

and three frames read off the text rather than the parse, found by :mod:`.cues` itself:
``headline``, ``signed`` and ``hearsay`` (a clause whose only source is "reportedly"). The frame tells :mod:`.indirect` where the content is and is a
column of the cue statistics. :class:`Cue` and :class:`Quotes` live here, below both of those
modules, because :mod:`.cues` reads a candidate's content (:mod:`.indirect`) before deciding
whether it is a cue, and :mod:`.indirect` reads cues.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc, Token

from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.nlp.words import Word
from claimgraph.nlp.words import words as words_of

#: frames in priority order; ``none`` candidates never become attributions (no content)
FRAMES = (
    "quote", "according", "ccomp", "xcomp", "parataxis", "dobj", "prep",
    "colon", "acl", "as", "relcl", "passive", "in_document", "headline", "signed", "hearsay",
    "none",
)
SENTENCE_END = {".", "?", "!"}
#: how many non-punctuation words may stand between a quotation and its cue
MAX_GAP = 8
#: prepositions of motion and path: "pushes deeper into Kursk" has a direction, not a content
#: (in PolNeAR train 3 % or fewer of verbs and nouns framed by them are cues)
PATH_PREPOSITIONS = {"into", "onto", "across", "through", "toward", "towards", "along", "past"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A word judged to attribute, with its frame, the quotations it introduces and, once read
    off the parse, the character span of its content."""

    token: Token
    frame: str
    quotes: tuple[int, ...]
    probability: float
    content: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Quotes:
    """Quotation spans of a doc and, per token, the index of the quotation it lies in (-1)."""

    spans: tuple[tuple[int, int], ...]
    of_token: tuple[int, ...]

    @classmethod
    def index(cls, doc: Doc, spans: list[tuple[int, int]]) -> Quotes:
        of_token = [-1] * len(doc)
        k = 0
        for tok in doc:
            while k < len(spans) and spans[k][1] <= tok.idx:
                k += 1
            if k < len(spans) and spans[k][0] <= tok.idx < spans[k][1]:
                of_token[tok.i] = k
        return cls(tuple(spans), tuple(of_token))


#: ``doc.user_data`` key: per token, whether it is punctuation and whether it is a line break
_MARKS = "claimgraph.attribution.marks"


def marks(doc: Doc) -> tuple[list[bool], list[bool]]:
    """Per token: ``is_punct``, and whether it is a line break (a space token holding a
    newline), read once per ``Doc``: the quotation scans below step over many tokens for each
    candidate cue, and a ``Token`` made for each step cost most of their time."""
    found: tuple[list[bool], list[bool]] | None = doc.user_data.get(_MARKS)
    if found is None or len(found[0]) != len(doc):
        punct, space = doc.to_array([IS_PUNCT, IS_SPACE]).T.tolist() if len(doc) else ([], [])
        texts = [w.text for w in words_of(doc)]
        found = doc.user_data[_MARKS] = (
            [p == 1 for p in punct], [s == 1 and "\n" in t for s, t in zip(space, texts, strict=True)])
    return found


def _quote_left(tok: Token, quotes: Quotes) -> int:
    """The quotation ending just before ``tok`` ("…," Trump said), or -1."""
    count = 0
    ws = words_of(tok.doc)
    punct, breaks = marks(tok.doc)
    for i in range(tok.i - 1, -1, -1):
        q = quotes.of_token[i]
        if q >= 0:
            return q
        t = ws[i]
        if breaks[i] or t.text in SENTENCE_END or t.pos_ == "VERB":
            return -1
        if not punct[i]:
            count += 1
            if count > MAX_GAP:
                return -1
    return -1


def _quote_right(tok: Token, quotes: Quotes) -> int:
    """The quotation opening just after ``tok`` (said: "…" / said Tuesday, "…"), or -1."""
    count = 0
    ws = words_of(tok.doc)
    punct, breaks = marks(tok.doc)
    prev = ws[tok.i]
    for i in range(tok.i + 1, len(ws)):
        q = quotes.of_token[i]
        if q >= 0:
            # directly after the cue, or after a colon / comma
            return q if (prev.i == tok.i or prev.text in (":", ",")) else -1
        t = ws[i]
        if breaks[i] or t.text in SENTENCE_END or t.pos_ in ("VERB", "AUX"):
            return -1
        if not punct[i]:
            count += 1
            if count > MAX_GAP:
                return -1
        prev = t
    return -1


#: verbs whose object is the one spoken to: '“…,” she told Trump / assured him'
ADDRESSEE_VERBS = frozenset({"tell", "ask", "assure", "remind", "inform", "warn", "answer", "thank", "email", "text"})
#: object pronouns that name a person spoken of ("accused him of …"), never a claim ("called it")
_PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us"})


def _says_after(tok: Token, quotes: Quotes) -> bool:
    """True when the cue has its own complement after it, beginning outside any quotation.

    A clause counts when it begins outside the quotation ('said Cruz “says whatever …”'), an
    object when it is a noun, a name or a person ("called Trump a “liar”", "accusing him of
    …"), except the one spoken to ('“…,” a friend told CNN / told reporters').
    """
    kinds = lexicon().source_kinds
    addressee = tok.lemma_.lower() in ADDRESSEE_VERBS
    return any(
        c.i > tok.i
        and (
            (c.dep_ in ("ccomp", "xcomp") and quotes.of_token[c.left_edge.i] < 0 and c.left_edge.i > tok.i)
            or (
                c.dep_ == "dobj"
                and quotes.of_token[c.i] < 0
                and c.lemma_.lower() not in kinds
                and (c.pos_ == "NOUN" or (not addressee and (c.pos_ == "PROPN" or c.lower_ in _PERSON_OBJECTS)))
            )
        )
        for c in tok.children
    )


def _in_subject(tok: Token, quote: int, quotes: Quotes) -> bool:
    """True when quotation ``quote`` lies in the cue's subject: a title in the speaker's
    description ('“Orange is the New Black” star Diane Guerrero opened up about …')."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    start, end = quotes.spans[quote]
    first, last = subj.left_edge, subj.right_edge
    return first.idx <= start and end <= last.idx + len(last.text) + 1 and subj.i != first.i


def child(tok: Token, *deps: str) -> Token | None:
    """The first dependent of ``tok`` with one of ``deps``."""
    for child in tok.children:
        if child.dep_ in deps:
            return child
    return None


def _has_child(w: Word, *deps: str) -> bool:
    return any(c.dep_ in deps for c in w.children)


def frame_of(tok: Token, quotes: Quotes) -> tuple[str, tuple[int, ...]]:
    """The frame of a candidate cue and, for ``quote``, the quotations it introduces."""
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return "according", ()
    if tok.pos_ == "ADP":
        return ("in_document", ()) if in_document(tok) is not None else ("none", ())
    if tok.text == ":":
        right = _quote_right(tok, quotes)
        if right >= 0:
            return "quote", (right,)
        return ("colon", ()) if colon_after(tok) is not None else ("none", ())
    if quotes.of_token[tok.i] < 0:
        left, right = _quote_left(tok, quotes), _quote_right(tok, quotes)
        if left >= 0 and (_says_after(tok, quotes) or _in_subject(tok, left, quotes)):
            left = -1  # '“…soft.” He says referees are …': the quote before is someone's else
        found = tuple(q for q in (left, right) if q >= 0)
        if found:
            return "quote", found
    w = words_of(tok.doc)[tok.i]  # its dependents as plain Words: no Token made per child
    for dep in ("ccomp", "xcomp"):
        if _has_child(w, dep):
            return dep, ()
    if w.dep_ == "parataxis" and w.head.pos_ in ("VERB", "AUX"):
        return "parataxis", ()
    if _has_child(w, "dobj", "oprd"):  # "called Cruz a liar"
        return "dobj", ()
    prep = content_prep(tok)
    # "criticism from both sides": after a noun, "from" / "by" name the source, not the content
    if prep is not None and prep.lower_ not in PATH_PREPOSITIONS and not (
        tok.pos_ == "NOUN" and prep.lower_ in ("from", "by")
    ):
        return "prep", ()
    if for_clause(tok) is not None:
        return "prep", ()  # "calling for the United States to step up …"
    if colon_after(tok) is not None:
        return "colon", ()
    if w.pos_ == "NOUN" and _has_child(w, "acl"):
        return "acl", ()
    if w.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in w.children):
        return "as", ()
    if w.dep_ == "relcl" and w.pos_ == "VERB" and w.head.dep_ in ("nsubj", "nsubjpass"):
        return "relcl", ()
    if _has_child(w, "agent") and _has_child(w, "nsubjpass"):
        return "passive", ()
    return "none", ()


def is_time_phrase(tok: Token) -> bool:
    """A time phrase ("on Tuesday", "last week") says when, not what: never content."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return True
    # "known as Super Tuesday" names a thing that happens to be a date
    return tok.dep_ == "prep" and tok.lower_ != "as" and any(c.ent_type_ in ("DATE", "TIME") for c in tok.children)


def content_prep(tok: Token) -> Token | None:
    """The first prepositional dependent of ``tok`` that is not a time phrase ("said on
    Monday" says when, not what)."""
    return next((c for c in tok.children if c.dep_ == "prep" and not is_time_phrase(c)), None)


def for_clause(tok: Token) -> Token | None:
    """An adverbial clause opened by "for" ("calls for X to …"): the parser's reading of a
    prepositional object with its own infinitive."""
    return next(
        (c for c in tok.rights if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)),
        None,
    )


def colon_after(tok: Token) -> Token | None:
    """The colon right after ``tok`` (or ``tok`` itself) when unquoted text follows on its line."""
    doc = tok.doc
    colon = tok if tok.text == ":" else (doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
    if colon is None or colon.text != ":" or colon.i + 1 >= len(doc):
        return None
    nxt = doc[colon.i + 1]
    if nxt.is_space and "\n" in nxt.text:
        return None
    return colon


def in_document(tok: Token) -> Token | None:
    """ "In a CNN poll, Clinton leads …": the document an "in" phrase cites, when the clause's
    verb is not itself a word of saying ("said in a statement" attributes with "said")."""
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    lex = lexicon()
    if pobj is None or lex.source_kinds.get(pobj.lemma_.lower(), ("",))[0] != "document":
        return None
    return None if tok.head.lemma_.lower() in lex.cue_types else pobj
