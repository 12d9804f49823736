"""Who a person's name is, across one document: "Esper", "Mr. Esper" and "Mark Esper" are one.

News names a person in full once and by surname after ("Defense Secretary Mark Esper …
Esper said"), sometimes by first name ("Hillary"), sometimes with a middle initial ("Donald J.
Trump … Donald Trump"). :func:`person_names` clusters the document's PERSON entities by those
rules and gives every mention its cluster's canonical name, the first full form written; the
entities component (:mod:`claimgraph.nlp.entities`) and attribution sources read the same
clusters, so a source's canonical name and the entity list agree.

A short name fits a full name when it is the full name's last or first word, or when all its
words are among the full name's; when two full names fit ("Trump": Donald and Ivanka), the
nearest one written before it wins, as a reader takes it; a short name written before any full
name that fits takes the only one written after it, and stays as written if there are several.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

#: ``doc.user_data`` key: entity start token -> canonical name of its person
_KEY = "claimgraph.person_names"
#: titles a tagger may keep inside a PERSON entity ("Mr. Esper", "Sen. Warren")
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
    "adm", "prof", "rev", "president", "senator", "secretary", "minister", "general", "sir",
})


def person_name(text: str) -> str:
    """A PERSON entity's name as written, without a possessive or a leading title
    ("Putin's" -> "Putin", "Mr. Esper" -> "Esper")."""
    words = text.removesuffix("'s").removesuffix("’s").strip().split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def person_names(doc: Doc) -> dict[int, str]:
    """Entity start token -> canonical name, for every PERSON entity of ``doc`` (computed once
    per doc)."""
    cached = doc.user_data.get(_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    people = [(ent.start, person_name(ent.text)) for ent in doc.ents if ent.label_ == "PERSON"]
    canonical: dict[str, str] = {}  # a full name as written -> its cluster's canonical name
    fulls: list[tuple[int, str]] = []  # (token, canonical) of each full name, in text order
    for start, name in people:
        words = name.split()
        if len(words) < 2 or name in canonical:
            continue
        # "Donald Trump" after "Donald J. Trump": every word in an earlier full name
        known = next(
            (c for _, c in reversed(fulls) if c.split()[-1] == words[-1] and set(words) <= set(c.split())),
            None,
        )
        canonical[name] = known or name
        fulls.append((start, canonical[name]))
    out: dict[int, str] = {}
    for start, name in people:
        if not name:
            continue
        if name in canonical:
            out[start] = canonical[name]
            continue
        fits = [(s, c) for s, c in fulls if _fits(name, c)]
        before = [c for s, c in fits[: bisect_left([s for s, _ in fits], start)]]
        if before:
            out[start] = before[-1]
        elif len({c for _, c in fits}) == 1:
            out[start] = fits[0][1]
        else:
            out[start] = name
    doc.user_data[_KEY] = out
    return out


def _fits(short: str, full: str) -> bool:
    words, full_words = short.split(), full.split()
    if len(words) == 1:
        return words[0] in (full_words[-1], full_words[0])
    return set(words) <= set(full_words)


def name_of(ent: Span) -> str:
    """The canonical name of a PERSON entity (its cluster's), else its text without a
    possessive."""
    return person_names(ent.doc).get(ent.start) or person_name(ent.text)
