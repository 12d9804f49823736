"""The open baseline: quote-only attribution, as textacy's ``extract.triples.direct_quotations``.

textacy 0.13 does not install beside spaCy 3.8, so its rule set is re-implemented here (not
used by the component, only scored alongside it): every quotation whose sentence holds,
outside the quotation, a verb from textacy's reporting-verb list; the speaker is that verb's
nominal subject, the content the quotation. No indirect speech, no "according to", no states.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.extract.attribution.quotes import find_quotes
from claimgraph.ids import item_id, text_hash
from claimgraph.record import Attribution, Source, span_of

#: textacy.constants.REPORTING_VERBS (0.13)
REPORTING_VERBS = frozenset(
    ["according", "accuse", "acknowledge", "add", "admit", "agree", "allege", "announce", "argue", "ask", "assert", "believe", "blame", "charge", "cite", "claim", "complain", "concede", "conclude", "confirm", "contend", "criticize", "declare", "decline", "deny", "describe", "disagree", "disclose", "estimate", "explain", "fear", "hope", "insist", "maintain", "mention", "note", "observe", "order", "predict", "promise", "recall", "recommend", "reply", "report", "say", "state", "stress", "suggest", "tell", "testify", "think", "urge", "warn", "worry", "write"]
)


def direct_quotations(doc: Doc) -> list[Attribution]:
    """Quote-only attributions: (speaker, reporting verb, quotation) triples."""
    text = doc.text
    key = text_hash(text)
    out: list[Attribution] = []
    for start, end in find_quotes(text):
        if end - start < 4:
            continue
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            continue
        sents = {first[0].sent, first[-1].sent}
        window = [t for sent in sents for t in sent]
        verbs = [
            t for t in window
            if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS
            and not (start <= t.idx < end)
        ]
        if not verbs:
            continue
        cue = min(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        source = None
        if subj is not None:
            left = [t for t in subj.subtree if t.dep_ in ("compound", "det", "amod") or t is subj]
            s, e = min(t.idx for t in left), subj.idx + len(subj.text)
            source = Source(s, e, text[s:e])
        out.append(
            Attribution(
                id=item_id(key, "attribution", start, end),
                type="direct",
                source=source,
                cue=span_of(text, cue.idx, cue.idx + len(cue.text)),
                content=span_of(text, start, end),
            )
        )
    return out
