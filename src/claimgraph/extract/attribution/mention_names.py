"""The name a source mention carries itself, before any antecedent is looked for.

Its head's named entity ("Pompeo said"), a name in apposition to its head ("A Pentagon
spokesperson, Major General Pat Ryder"), the holder an office is written before ("Deputy
Director of Public Prosecution Eva-Marie Persson"), and the full name the same description
is given later in the text ("China's ambassador to Britain accused … China's ambassador to
Britain Liu Xiaoming has said").
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from claimgraph.extract.attribution.entities import (
    entity_at,
    entity_info_of,
    entity_name,
    head_entity,
)
from claimgraph.nlp.names import OFFICES, TITLES, given_name_start, person_by_surname
from claimgraph.nlp.words import where
from claimgraph.nlp.words import words as words_of


def named(mention: Span) -> str | None:
    """The name a mention carries itself: its head entity's canonical form or text, else the
    name in apposition to its head ("A Pentagon spokesperson, Major General Pat Ryder")."""
    ent = head_entity(mention)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC"):
        return entity_name(ent)
    return appositive_name(mention)


def is_person_appositive(mention: Span) -> bool:
    return any(
        app.dep_ == "appos" and app.ent_type_ == "PERSON" and mention.start <= app.i < mention.end
        for app in mention.root.children
    )


def appositive_name(mention: Span) -> str | None:
    """The named entity an appositive of the mention's head is (a person, or an organisation)."""
    for app in mention.root.children:
        if app.dep_ != "appos" or not (mention.start <= app.i < mention.end):
            continue
        ent = entity_at(app)
        if ent is not None and ent.label_ in ("PERSON", "ORG") and ent.end <= mention.end:
            return entity_info_of(app)[0] or (entity_name(ent) if ent.label_ == "PERSON" else ent.text)
    return None


def office_holder(mention: Span) -> str | None:
    """The person an office in ``mention`` is written before when the tagger did not take the two
    apart ("Deputy Director of Public Prosecution Eva-Marie Persson", "Another diplomat, former
    special envoy to Ukraine Kurt Volker": the name is the last proper noun of the phrase, a
    person the document names)."""
    doc = mention.doc
    office = next((t for t in mention if t.lower_ in OFFICES), None)
    if office is None:
        return None
    last = next((t for t in reversed(doc[office.i + 1 : mention.end]) if t.pos_ == "PROPN"), None)
    if last is None:
        return None
    # the name is a given name and a surname (a hyphenated given name joined, "Eva-Marie"); what
    # is before it belongs to the office ("envoy to Ukraine Kurt Volker")
    first = last.i - 1 if last.i - 1 > office.i and doc[last.i - 1].pos_ == "PROPN" else last.i
    first = given_name_start(doc, first, floor=office.i + 1)
    before = doc[first - 1]
    if before.i != office.i and (before.pos_ in ("ADP", "DET") or before.lower_.rstrip(".") in OFFICES | TITLES):
        return None  # "a spokesman for (President) Donald Trump": the name is someone else's
    ent = entity_at(last)
    if ent is not None and ent.label_ == "PERSON":
        return entity_name(ent)
    return person_by_surname(doc, last.text, last.i)


#: how far ahead a description's later full name is looked for (tokens): bounded, so long
#: articles stay linear
LOOKAHEAD_TOKENS = 400
#: words a description may open with that a later mention need not repeat
_ARTICLES = frozenset({"the", "a", "an"})


def named_later(mention: Span) -> str | None:
    """The person a description is named as later in the text: the same words again, then a
    name ("China's ambassador to Britain accused … China's ambassador to Britain Liu Xiaoming
    has said" is Liu Xiaoming), or the same words with the name set off by a comma.

    Only a description of two words or more (a bare "the ambassador" may be anyone's), headed
    by a noun, and only a person's name: an organisation is named where it is written.
    """
    root = mention.root
    if root.pos_ != "NOUN":
        return None
    words = [t.lower_ for t in mention]
    while words and words[0] in _ARTICLES:
        words = words[1:]
    if len(words) < 2:
        return None
    doc = mention.doc
    n = len(words)
    ws = words_of(doc)
    stop = min(len(doc) - n, mention.end + LOOKAHEAD_TOKENS)
    firsts = where(doc, words[0])
    for i in firsts[bisect_left(firsts, mention.end):]:
        if i >= stop:
            break
        if [w.lower_ for w in ws[i : i + n]] != words:
            continue
        after = doc[i + n + 1] if doc[i + n].text == "," and i + n + 1 < len(doc) else doc[i + n]
        ent = entity_at(after)
        if ent is not None and ent.label_ == "PERSON" and ent.start == after.i:
            return entity_name(ent)
    return None


#: the words that join speakers into one ("Smith and Jones said")
_AND = frozenset({"and", "&"})


def conjuncts(mention: Span) -> list[Span]:
    """The speakers a mention joins with "and" ("The United Nations and European Union", "Rep.
    Ilhan Omar and Rep. Rashida Tlaib"), each as its own phrase; ``[mention]`` when it names one
    (a name with "and" in it, "Johnson & Johnson", the "Department of Health and Human
    Services", is one)."""
    root = mention.root
    doc = mention.doc
    heads = [root]
    while True:
        nxt = next((c for c in heads[-1].children if c.dep_ == "conj" and mention.start <= c.i < mention.end), None)
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "PRON"):
            break
        heads.append(nxt)
    if len(heads) < 2 or not any(t.lower_ in _AND for t in doc[heads[0].i : heads[-1].i]):
        return [mention]
    ent = entity_at(root)
    if ent is not None and ent.end > heads[1].i:
        return [mention]  # one name: "Procter & Gamble"
    parts = []
    for k, head in enumerate(heads):
        start = mention.start if k == 0 else head.left_edge.i
        later = heads[k + 1].left_edge.i if k + 1 < len(heads) else mention.end
        end = min(later, mention.end)
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in _AND or doc[end - 1].dep_ == "cc"):
            end -= 1
        while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
            start += 1
        if start < end:
            parts.append(doc[start:end])
    return parts if len(parts) > 1 else [mention]
