"""Attribution: who says what, through whom, how surely — as a spaCy component.

:func:`find_attributions` is a pure function over a parsed ``Doc``: quotations
(:mod:`.quotes`), cue words decided by their frame (:mod:`.cues`), content read off the parse
(:mod:`.indirect`), sources (:mod:`.sources`) with kind, anonymity and antecedents
(:mod:`.identity`), their intermediaries (:mod:`.chains`) and hedges (:mod:`.hedges`). The
component ``claimgraph_attribution_v1`` stores the result on ``doc._.cg_attributions``;
:func:`attribution_rows` flattens a record's attributions for display (source → via → cue →
content).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimgraph.extract.attribution import classifier
from claimgraph.extract.attribution.affiliation import one_affiliation
from claimgraph.extract.attribution.chains import citing_of, republisher, vias
from claimgraph.extract.attribution.cues import (
    SIGNING_DASHES,
    find_cues,
    headline_cues,
    hearsay_cues,
    signed_cues,
    signer_end,
)
from claimgraph.extract.attribution.frames import Cue, Quotes
from claimgraph.extract.attribution.hedges import backshifted, find_hedges
from claimgraph.extract.attribution.identity import make_source, one_identity
from claimgraph.extract.attribution.lexicon import lexicon
from claimgraph.extract.attribution.quotes import find_quotes
from claimgraph.extract.attribution.sources import (
    appositive_speaker,
    inverted_speaker,
    nobody_speaks,
    stranded_speaker,
    subject_of,
)
from claimgraph.extract.dateline import dateline_end
from claimgraph.extract.events.domain import public_affairs
from claimgraph.extract.span_index import SpanIndex
from claimgraph.ids import item_id, text_hash
from claimgraph.nlp import extensions
from claimgraph.record import Attribution, Record, Source, Span, span_of

__all__ = ["find_attributions", "attribution_rows", "AttributionTagger", "make_attribution"]

_QUOTE_MARKS = "“”\"«»‘’„"
#: at most this many words from a light verb to the noun cue it governs
LIGHT_VERB_REACH = 4


def _type(cue: Cue, text: str, start: int, end: int) -> str:
    content = text[start:end]
    if cue.frame == "quote" or (content[:1] in _QUOTE_MARKS and content[-1:] in _QUOTE_MARKS):
        return "direct"
    if cue.frame in ("according", "in_document"):
        return "according_to"
    if any(mark in content for mark in "“”\"«»"):
        return "mixed"
    return lexicon().cue_types.get(cue.token.lemma_.lower(), "indirect")


def _cue_span(cue: Cue, text: str) -> Span:
    tok = cue.token
    end = tok.idx + len(tok.text)
    start = tok.idx
    head = tok.head
    # a noun cue a light verb governs says it with the verb: "expressed concern over",
    # "made several statements", "offered his assessment of"
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and head.pos_ == "VERB" and 0 < tok.i - head.i <= LIGHT_VERB_REACH:
        start = head.idx
    if cue.frame == "signed":  # the dash alone, not the quotation mark glued to it ("”―")
        dash = next(d for d in SIGNING_DASHES if tok.text.endswith(d))
        return span_of(text, end - len(dash), end)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # "according to", and the preposition a prepositional cue governs ("critical of", "calling for")
    if nxt is not None and (
        cue.frame == "according" or (cue.frame == "prep" and nxt.head.i == tok.i and nxt.dep_ == "prep")
    ):
        end = nxt.idx + len(nxt.text)
    return span_of(text, start, end)


def _trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a character span past spaces and commas at either end."""
    while start < end and text[start] in " ,;\n\t":
        start += 1
    while end > start and text[end - 1] in " ,;\n\t":
        end -= 1
    return start, end


def _drop_nested(found: list[tuple[Cue, int, int]]) -> list[tuple[Cue, int, int]]:
    """Drop attributions whose cue sits inside another's content (PolNeAR keeps the outer one).

    Contents sorted by start with a running top-two of their ends answer "does any other content
    cover this offset?" in log time, so a long article stays linear.
    """
    order = sorted(range(len(found)), key=lambda i: found[i][1])
    starts = [found[i][1] for i in order]
    best: list[tuple[int, int, int]] = []  # per prefix: (max end, its index, second max end)
    top, top_i, second = -1, -1, -1
    for i in order:
        end = found[i][2]
        if end > top:
            top, top_i, second = end, i, top
        elif end > second:
            second = end
        best.append((top, top_i, second))
    kept = []
    contents = SpanIndex((s, e) for _, s, e in found)
    for i, (cue, start, end) in enumerate(found):
        k = bisect_right(starts, cue.token.idx) - 1
        if k >= 0:
            top, top_i, second = best[k]
            if (top if top_i != i else second) > cue.token.idx \
                    and not _wins_mutual(found, i, contents):
                continue
        kept.append((cue, start, end))
    return kept


class _Coverage:
    """Answers "does any of these character ranges cover [s, e)?" in log time (ranges sorted by
    start, with the running maximum of their ends)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [s for s, _ in ranges]
        self.max_end: list[int] = []
        top = -1
        for _, end in ranges:
            top = max(top, end)
            self.max_end.append(top)

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start) - 1
        return k >= 0 and self.max_end[k] >= end


def _republished(
    found: list[tuple[Cue, int, int]], kept: list[tuple[Cue, int, int]]
) -> tuple[list[tuple[Cue, int, int]], dict[int, TokenSpan]]:
    """ "Russia lost 300 tanks, an official told Bloomberg, according to Reuters": Reuters
    republishes the official's claim. The attribution nested in an outlet's "according to"
    content whose own content lies inside it takes the outer one's place, with the outlet as
    its farthest intermediary (``id(cue)`` -> the outlet's mention)."""
    kept_ids = {id(c) for c, _, _ in kept}
    contents = SpanIndex((s, e) for _, s, e in found)
    out: list[tuple[Cue, int, int]] = []
    chains: dict[int, TokenSpan] = {}
    for cue, start, end in kept:
        outlet = republisher(cue.token) if cue.frame == "according" else None
        inner = [
            (c, s, e) for c, s, e in (found[j] for j in contents.inside(start, end))
            if id(c) not in kept_ids and c.frame != "according"
            and start <= c.token.idx < end and start <= s and e <= end
            and lexicon().cue_types.get(c.token.lemma_.lower()) == "indirect"  # a speech act
            and subject_of(c.token) is not None  # by someone the text names
        ] if outlet is not None else []
        # the outermost of them: "…, diplomats said, according to X" also holds the cues of
        # what the diplomats report ("over what they described as …")
        inner = [
            (c, s, e) for c, s, e in inner
            if not any(s2 <= c.token.idx < e2 for c2, s2, e2 in inner if c2 is not c)
        ]
        if outlet is not None and len(inner) == 1:
            out.append(inner[0])
            chains[id(inner[0][0])] = outlet
        else:
            out.append((cue, start, end))
    return out, chains


def _headline_speaker(cue: Cue) -> TokenSpan | None:
    """The words of a headline before its cue verb ("Clinton Urges …" -> Clinton)."""
    doc = cue.token.doc
    start = cue.token.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
    words = [t for t in doc[start : cue.token.i] if not (t.is_punct or t.is_space)]
    return doc[words[0].i : words[-1].i + 1] if words else None


def _signer(cue: Cue) -> TokenSpan | None:
    """The name after a signing dash ("― Sonya Herridge")."""
    doc = cue.token.doc
    end = signer_end(doc, cue.token.i + 1)
    return doc[cue.token.i + 1 : end] if end is not None else None


def _wins_mutual(found: list[tuple[Cue, int, int]], i: int, contents: SpanIndex) -> bool:
    """True when every content covering cue ``i`` is one that ``i``'s content covers in turn, by
    a less likely cue ("X shelled the town, according to officials": each reads the other as
    its content; the likelier reading stays). ``contents`` indexes ``found``'s contents."""
    cue, start, end = found[i]
    at = cue.token.idx
    return all(
        start <= found[j][0].token.idx < end and found[j][0].probability < cue.probability
        for j in contents.holding(at, at + 1)  # the contents with s <= at < e
        if j != i
    )


def _sentence_end(tok: Token) -> int:
    """Where the cue's sentence ends: its first full stop, or the parser's sentence end.

    The parser may hang the opening mark of the next quotation on this sentence
    ('… she said. ''I was …'), which must not hide that quotation.
    """
    sent_end = tok.sent.end
    for t in tok.doc[tok.i : sent_end]:
        if t.text in (".", "?", "!"):
            return t.idx + 1
    return tok.sent.end_char


def _continue_quotes(
    doc: Doc, text: str, found: list[tuple[Cue, int, int]], quotes: Quotes
) -> list[tuple[Cue, int, int]]:
    """Extend a quotation's content over the quotes that follow it unclaimed.

    '"A," he said. "B."': the next quotation, right after the cue's sentence (in the same or
    the next paragraph) and with no cue of its own, is the same speaker going on (PolNeAR marks
    A and B as one content).
    """
    quote_starts = [qs for qs, _ in quotes.spans]
    claimed: set[int] = set()  # quotations some content already covers
    for _, start, end in found:
        k = max(bisect_right(quote_starts, start) - 1, 0)
        while k < len(quotes.spans) and quotes.spans[k][0] < end:
            if quotes.spans[k][1] > start:
                claimed.add(k)
            k += 1
    out: list[tuple[Cue, int, int]] = []
    for cue, start, end in found:
        tok = cue.token
        quoted = cue.frame == "quote" or text[end - 1 : end] in _QUOTE_MARKS
        if quoted and tok.idx >= end:
            pos = _sentence_end(tok)
            for k in range(bisect_left(quote_starts, pos), len(quotes.spans)):
                qs, qe = quotes.spans[k]
                if qs < pos:
                    continue
                gap = text[pos:qs]
                if gap.strip() or k in claimed:
                    break
                end = qe
                last = doc.char_span(qe - 1, qe, alignment_mode="expand")
                pos = last.sent.end_char if last is not None else qe
                if pos < qe:
                    pos = qe
        out.append((cue, start, end))
    return out


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in ``doc``, in text order of its cue."""
    text = extensions.text_of(doc)
    quotes = Quotes.index(doc, find_quotes(text))
    found: list[tuple[Cue, int, int]] = []
    used_quotes: dict[int, int] = {}  # quotation -> index in found of the cue that took it
    cues = find_cues(doc, quotes, text=text)
    cues = headline_cues(doc, quotes, cues, classifier.headline_end(text)) + cues
    cues += signed_cues(doc, quotes, text)
    cues += hearsay_cues(doc, quotes, cues)
    cues.sort(key=lambda c: c.token.i)  # text order: sources resolve against earlier ones
    for cue in cues:
        span = cue.content  # every finder reads it before deciding
        if span is None:
            continue
        # one quotation, one cue: the likelier ("…," he said, adding …)
        clash = next((used_quotes[q] for q in cue.quotes if q in used_quotes), None)
        if clash is not None:
            if found[clash][0].probability >= cue.probability:
                continue
            found[clash] = (cue, *span)
            continue
        for q in cue.quotes:
            used_quotes[q] = len(found)
        found.append((cue, *span))
    kept = _drop_nested(found)
    kept, republished = _republished(found, kept)
    kept = _continue_quotes(doc, text, kept, quotes)
    hedges = find_hedges(doc)  # sorted by start
    hedge_starts = [s for s, _ in hedges]
    claimed = _Coverage([(start, end) for _, start, end in kept])
    key = text_hash(text)
    strict = not public_affairs(doc)  # outside politics an attribution needs a speaker
    history: list[Source] = []
    out: list[Attribution] = []
    relayed: set[int] = set()  # offsets of "citing" words a via chain has read
    given: set[str] = set()  # the ids of the attributions made so far
    for cue, start, end in kept:
        if cue.frame == "headline":
            mention = _headline_speaker(cue)
        elif cue.frame == "signed":
            mention = _signer(cue)
        elif cue.frame == "hearsay":
            mention = None  # "reportedly": someone reports it, the text does not say who
        else:
            mention = subject_of(cue.token)
        if mention is None and cue.frame == "ccomp":
            mention = appositive_speaker(cue.token)
            if mention is not None:
                end = min(end, doc[mention.start - 1].idx)
                start, end = _trim_chars(text, start, end)
        if mention is None and cue.frame not in ("headline", "signed", "hearsay"):
            mention = stranded_speaker(cue.token) or inverted_speaker(cue.token)
        opening = dateline_end(text, start)
        if opening is not None and opening < end:
            start = opening  # "BRUSSELS (Continental Wire) - EU ministers agreed …", diplomats said
        citing = citing_of(cue.token)
        if citing is not None and start <= citing.idx < end:
            # "reported, citing two officials, that …": the citation is not content
            cut = citing.right_edge.idx + len(citing.right_edge.text)
            if citing.idx - start < 3:
                start, end = _trim_chars(text, cut, end)
        if not text[start:end].strip(" ,;:.-—–\n\t\"'“”‘’«»()"):
            continue  # nothing left to attribute once the dateline or citation is out
        if mention is not None and not mention.text.strip():
            mention = None  # a "phrase" of punctuation alone
        if mention is not None and "\n" in text[mention.end_char : cue.token.idx]:
            mention = None  # a headline the parser glued to the next line is not its subject
        inside = mention is not None and mention.start_char < end and start < mention.end_char
        if inside and mention is not None and mention.root.head.i != cue.token.i:
            mention = None  # the "source" is inside the content: a misparse
        cited_by, (mention, via_mentions) = mention, vias(cue.token, mention)
        if mention is not cited_by and citing is not None:  # "the agency said, citing the commission": the citing is no claim of its own
            relayed.add(citing.idx)
        if id(cue) in republished:  # "…, an official told Bloomberg, according to Reuters"
            via_mentions.append(republished[id(cue)])
        if mention is not None and not mention.text.strip():
            mention = None  # the cited party may be punctuation alone too
        via_mentions = [v for v in via_mentions if v.text.strip()]
        if strict and nobody_speaks(cue.token, cue.frame, mention):
            continue  # "Remember, …", "if you want to …": no one's claim to count
        source = make_source(mention, history) if mention is not None else None
        if source is not None:
            history.append(source)
        cue_span = _cue_span(cue, text)
        lo = min(start, cue_span.start, source.start if source else start)
        hi = max(end, cue_span.end)
        near = hedges[bisect_left(hedge_starts, lo) : bisect_right(hedge_starts, hi)]
        # an id names one attribution: events, numbers and the store point at it, so a second
        # cue over the same content (a fact-check's "Claim: …": the word and its colon) takes
        # its cue's start into its id
        attribution_id = item_id(key, "attribution", start, end)
        if attribution_id in given:
            attribution_id = item_id(key, "attribution", start, end, cue_span.start)
        given.add(attribution_id)
        out.append(
            Attribution(
                id=attribution_id,
                type=_type(cue, text, start, end),  # type: ignore[arg-type]
                source=source,
                cue=cue_span,
                content=span_of(text, start, end),
                via=[make_source(v, history) for v in via_mentions],
                # a hedge in another attribution's content is that one's: "X warned that it
                # could spiral and said he would end it" gives "could" to the warning only
                # and a "would" that only backshifts a past cue's "will" is no hedge:
                # "said the government would deploy 5,000 troops"
                hedges=[
                    span_of(text, s, e) for s, e in near
                    if e <= hi and ((start <= s and e <= end) or not claimed.covers(s, e))
                    and not backshifted(doc, s, e, cue.token, quotes.of_token)
                ],
            )
        )
    out = [a for a in out if a.cue is None or a.cue.start not in relayed]
    sources = [s for a in out for s in (a.source, *a.via) if s is not None]
    one_identity(sources)
    one_affiliation(doc, sources)
    return out


def attribution_rows(record: Record) -> list[dict[str, Any]]:
    """One flat row per attribution for a table: source → via → cue → content, with flags.

    Pure (reads only the record), so the CLI's Rich view, the web UI and tests share it.
    """
    rows: list[dict[str, Any]] = []
    for att in record.attributions:
        src = att.source
        rows.append(
            {
                "id": att.id,
                "type": att.type,
                "source": (src.canonical or src.text) if src else None,
                "mention": src.text if src else None,
                "kind": src.kind if src else None,
                "anonymous": bool(src and src.anonymous),
                "descriptor": src.descriptor if src else None,
                "affiliation": src.affiliation if src else None,
                "via": [v.canonical or v.text for v in att.via],
                "cue": att.cue.text if att.cue else None,
                "content": att.content.text,
                "hedged": bool(att.hedges),
                "hedges": [h.text for h in att.hedges],
            }
        )
    return rows


class AttributionTagger:
    """Sets ``doc._.cg_attributions`` (list[Attribution]) on every doc."""

    def __init__(self, name: str = "attribution") -> None:
        self.name = name
        lexicon()  # load the knowledge files once, at pipeline build time

    def __call__(self, doc: Doc) -> Doc:
        with extensions.holding_ents(doc):
            doc._.cg_attributions = find_attributions(doc)
        return doc


@Language.factory(
    "claimgraph_attribution_v1",
    assigns=["doc._.cg_attributions"],
    requires=[*extensions.PARSE, *extensions.ENTITIES, "doc._.cg_places"],  # demonyms: affiliation
)
def make_attribution(nlp: Language, name: str) -> AttributionTagger:
    """The attribution component (place it after the parser, the NER, the news ruler and the
    places, whose demonyms give a source its state: "a Moroccan official")."""
    extensions.register()
    return AttributionTagger(name)
