"""Who a name is, across one document: "Esper", "Mr. Esper" and "Mark Esper" are one person,
"the FBI" and "the Federal Bureau of Investigation" one organisation.

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

Organisations are named in full once and by their initials after ("the Environmental Protection
Agency (EPA) … the EPA said"): :func:`organization_names` ties an acronym to the full name
whose words' initials it spells (with or without its small words: "DOJ" is the Department of
Justice), by the same nearest-before rule, so a source is one source under either name.

A pronoun takes a person of its gender only (:func:`person_genders`): the document itself says
which, by a title or role noun at a name ("Mrs.", "spokeswoman Sarah Sanders", "Sanders, the
spokeswoman") or by the pronouns a sentence uses after naming one person alone ("Clinton said
her plan …"); no list of first names is needed, and a person the text gives no sign for fits
either pronoun.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from claimgraph.knowledge import word_sets

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
    alone = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) == 1}
    people = [
        (ent.start, person_name(ent.text)) for ent in doc.ents
        if ent.label_ == "PERSON" or _named_like_person(ent, alone)
    ]
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


def _named_like_person(ent: Span, surnames: set[str]) -> bool:
    """True for a two- or three-word name the tagger called an organisation whose last word the
    document names a person by on its own ("Montell Figgins, who represents Thomas, said …
    Figgins said"): a person's full name. Names the entity tables know stay organisations."""
    return (
        ent.label_ == "ORG" and not ent.ent_id_ and 2 <= len(ent) <= 3 and ent[-1].text in surnames
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in ent)
    )


#: ``doc.user_data`` key: (token, canonical name) of each full person name, in text order
_FULL_KEY = "claimgraph.person_full_names"


def _full_names(doc: Doc) -> list[tuple[int, str]]:
    """(entity start token, canonical name) of every PERSON entity of two words or more."""
    cached = doc.user_data.get(_FULL_KEY)
    if cached is None:
        names = person_names(doc)
        cached = doc.user_data[_FULL_KEY] = [
            (ent.start, names[ent.start]) for ent in doc.ents
            if ent.start in names and len(person_name(ent.text).split()) > 1
        ]
    return cached  # type: ignore[no-any-return]


def person_by_surname(doc: Doc, word: str, at: int) -> str | None:
    """The person a lone capitalised ``word`` at token ``at`` is, when it is the surname of a
    person the document names in full: the nearest such person written before it, else the only
    one after it; None when no full name ends in it.

    The tagger may label a surname it sees alone an organisation or a place, or nothing at all
    ("Webb admitted …", "Claure said", "Arroyo added" after "Michael Webb", "Marcelo Claure",
    "Dr. Luz Contreras Arroyo"): the document's own full names say who it is.
    """
    word = word.removesuffix("'s").removesuffix("’s")
    fits = [(s, c) for s, c in _full_names(doc) if c.split()[-1] == word]
    before = [c for s, c in fits if s < at]
    if before:
        return before[-1]
    return fits[0][1] if len({c for _, c in fits}) == 1 else None


def _fits(short: str, full: str) -> bool:
    words, full_words = short.split(), full.split()
    if len(words) == 1:
        return words[0] in (full_words[-1], full_words[0])
    return set(words) <= set(full_words)


def name_of(ent: Span) -> str:
    """The canonical name of a PERSON entity (its cluster's), else its text without a
    possessive."""
    return person_names(ent.doc).get(ent.start) or person_name(ent.text)


#: ``doc.user_data`` key: organisation entity start token -> the full name its acronym stands for
_ORG_KEY = "claimgraph.organization_names"
#: entity labels an organisation's name or its acronym may carry (taggers disagree on "NATO")
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
#: an acronym as written: two to six capitals, with or without full stops ("EPA", "U.N.", "DoD")
_ACRONYM = re.compile(r"(?:[A-Z]\.?)(?:[A-Za-z]\.?){1,5}")
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&", "to", "at"})


def organization_name(text: str) -> str:
    """An organisation's name as written, without a leading "the" or a possessive."""
    text = text.removesuffix("'s").removesuffix("’s").strip()
    return text[4:] if text[:4].lower() == "the " else text


def acronyms_of(name: str) -> set[str]:
    """The acronyms a full name may go by: the initials of its capitalised words, and of all its
    words ("Department of Justice": DJ, DOJ); none for a single word."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2:
        return set()
    capitals = "".join(w[0] for w in words if w[0].isupper() and w.lower() not in _SMALL_WORDS)
    every = "".join(w[0] for w in words if w[0].isalpha()).upper()
    return {a for a in (capitals, every) if len(a) >= 2}


def _as_acronym(name: str) -> str | None:
    """``name`` as bare capitals when it is written as an acronym ("U.N." -> "UN"), else None."""
    if " " in name or not _ACRONYM.fullmatch(name) or not name[-1:].isupper() and name[-1:] != ".":
        return None
    letters = name.replace(".", "")
    return letters.upper() if sum(c.isupper() for c in letters) >= 2 else None


def organization_names(doc: Doc) -> dict[int, str]:
    """Entity start token -> its organisation's one name, for every acronym of ``doc`` that
    spells a full organisation name written in the same document and for that full name
    (computed once per doc).

    The one name is the entity ruler's canonical name for either form when it has one ("FBI"
    is the ruler's Federal Bureau of Investigation), else the full name as first written. An
    acronym no full name spells, and a full name no acronym stands for, are left out."""
    cached = doc.user_data.get(_ORG_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    ents = [(ent.start, organization_name(ent.text), ent.ent_id_) for ent in doc.ents if ent.label_ in ORG_LABELS]
    fulls = [(start, name, acronyms_of(name)) for start, name, _ in ents if _as_acronym(name) is None]
    members: dict[str, list[tuple[int, str]]] = {}  # full name -> (start, ruler id) of each member
    for start, name, ruler in ents:
        short = _as_acronym(name)
        if short is None:
            continue
        fits = [(s, full) for s, full, acronyms in fulls if short in acronyms]
        before = [full for s, full in fits if s < start]
        full = before[-1] if before else fits[0][1] if len({f for _, f in fits}) == 1 else None
        if full is not None:
            members.setdefault(full, []).append((start, ruler))
    out: dict[int, str] = {}
    for start, name, ruler in ents:
        if name in members and _as_acronym(name) is None:
            members[name].append((start, ruler))
    for full, group in members.items():
        one = next((ruler for _, ruler in sorted(group) if ruler), full)
        out.update((start, one) for start, _ in group)
    doc.user_data[_ORG_KEY] = out
    return out


#: ``doc.user_data`` key: canonical person name -> "male" / "female"
_GENDER_KEY = "claimgraph.person_genders"
_GENDER_WORDS = word_sets("gender_words.tsv")
#: gendered pronoun -> its gender
PRONOUN_GENDERS = {
    **dict.fromkeys(_GENDER_WORDS["male_pronouns"], "male"),
    **dict.fromkeys(_GENDER_WORDS["female_pronouns"], "female"),
}
_QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "«", "»"})
#: a title or role noun outweighs this many pronouns of the other gender
WORD_WEIGHT = 3


def _word_gender(word: str) -> str | None:
    lower = word.lower().rstrip(".")
    return "male" if lower in _GENDER_WORDS["male"] else "female" if lower in _GENDER_WORDS["female"] else None


def person_genders(doc: Doc) -> dict[str, str]:
    """Canonical person name -> "male" or "female", where the document shows which (computed
    once per doc); a person with no sign, or as many of each, is left out.

    Signs: a title or role noun in the name, just before it or in apposition to it (worth
    ``WORD_WEIGHT``), and each gendered pronoun of a sentence whose names up to it are all
    one person's, before any quotation mark (worth one)."""
    cached = doc.user_data.get(_GENDER_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    names = person_names(doc)
    votes: dict[str, dict[str, int]] = {}

    def vote(name: str, gender: str | None, weight: int) -> None:
        if gender is not None:
            tally = votes.setdefault(name, {"male": 0, "female": 0})
            tally[gender] += weight

    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.start in names]
    for ent in people:
        name = names[ent.start]
        words = [t.text for t in ent] + ([doc[ent.start - 1].text] if ent.start > 0 else [])
        # "spokeswoman, Sarah Sanders" / "Sarah Sanders, the spokeswoman"
        words += [t.text for t in ent.root.children if t.dep_ == "appos"]
        if ent.root.dep_ == "appos":
            words.append(ent.root.head.text)
        for word in words:
            vote(name, _word_gender(word), WORD_WEIGHT)
    # pronouns after one person alone in their sentence
    at = 0
    for sent in doc.sents:
        while at < len(people) and people[at].start < sent.start:
            at += 1
        k = at
        for tok in sent:
            if tok.text in _QUOTE_MARKS:
                break  # '… Trump said: "She lied"': who a quotation's pronoun is, it does not say
            gender = PRONOUN_GENDERS.get(tok.text.lower())
            if gender is None:
                continue
            while k < len(people) and people[k].end <= tok.i:
                k += 1
            seen = {names[e.start] for e in people[at:k]}
            if len(seen) == 1:
                vote(next(iter(seen)), gender, 1)
    out = {name: ("male" if t["male"] > t["female"] else "female")
           for name, t in votes.items() if t["male"] != t["female"]}
    doc.user_data[_GENDER_KEY] = out
    return out
