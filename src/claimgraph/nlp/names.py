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

from spacy.tokens import Doc, Span, Token

from claimgraph.knowledge import word_sets
from claimgraph.nlp.extensions import ents_of
from claimgraph.nlp.words import Word
from claimgraph.nlp.words import words as words_of

#: ``doc.user_data`` key: entity start token -> canonical name of its person
_KEY = "claimgraph.person_names"
_NAME_WORDS = word_sets("name_words.tsv")
#: titles a tagger may keep inside a PERSON entity ("Mr. Esper", "Sen. Warren")
TITLES = _NAME_WORDS["titles"]
#: offices and roles written before their holder's name ("Secretary of State Mike Pompeo")
OFFICES = _NAME_WORDS["offices"]
#: words that join an office to what it is of ("Secretary *of* State", "ambassador *to* Britain")
_OFFICE_JOINS = frozenset({"of", "for", "to", "at"})
#: words that end an organisation's name ("Big Machine Records")
ORGANIZATION_WORDS = _NAME_WORDS["organization_words"]
#: what may follow a surname and still be the name ("Martin Luther King Jr.")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def person_name(text: str) -> str:
    """A PERSON entity's name as written, without a possessive, a leading title or the office
    written before it ("Putin's" -> "Putin", "Mr. Esper" -> "Esper", "Secretary of State Mike
    Pompeo" -> "Mike Pompeo")."""
    words = after_office(text.removesuffix("'s").removesuffix("’s").strip().split())
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def after_office(words: list[str]) -> list[str]:
    """The name in ``words`` that an office or role is written in front of ("Deputy Director of
    Public Prosecution Eva-Marie Persson" -> Eva-Marie Persson), else ``words`` as they are.

    Where the office's own words end the text does not say ("Public Prosecution" is the office's,
    "Eva-Marie" the name's), so the name is taken as news writes one after an office: a given
    name and a surname, a middle initial or a suffix ("Jr.") kept.
    """
    lowered = [w.lower().rstrip(".,") for w in words]
    offices = [i for i, w in enumerate(lowered[:-1]) if w in OFFICES]
    if not offices:
        return words
    last = max(i for i, w in enumerate(lowered[:-1]) if i >= offices[0] and (i in offices or w in _OFFICE_JOINS))
    rest = words[last + 1 :]
    if not rest:
        return words
    end = len(rest) - 1
    while end > 0 and lowered[last + 1 + end] in _SUFFIXES:
        end -= 1  # "Jr." ends the name, the surname is before it
    start = end
    while start > 0 and _is_initial(rest[start - 1]):
        start -= 1  # "George W. Bush": the initial and the given name before it
    return rest[max(0, start - 1) :]


def person_names(doc: Doc) -> dict[int, str]:
    """Entity start token -> canonical name, for every PERSON entity of ``doc`` (computed once
    per doc)."""
    cached = doc.user_data.get(_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    groups = group_words(doc)  # "Democrats" is never a surname
    alone = ({ent.text for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) == 1} | person_words(doc)) - groups
    people = [
        (ent.start, written_name(ent)) for ent in ents_of(doc)
        if (ent.label_ == "PERSON" and not organization_like(ent) and not group_like(ent))
        or _named_like_person(ent, alone)
    ]
    untagged = _untagged_full_names(doc, alone)
    doc.user_data[_UNTAGGED_KEY] = untagged
    people = _without_participles(doc, sorted(people + untagged))
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


def organization_like(ent: Span) -> bool:
    """True for a name the tagger called a person that names an organisation or a team: it ends
    in an organisation's word ("Big Machine Records", "Dick Clark Productions") or is a plural
    proper noun with an article ("The Steelers"; a surname in -s may be tagged plural too,
    "Emily Maitlis", but takes no article)."""
    article = ent[0].lower_ == "the" or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the")
    return ent[-1].lower_ in ORGANIZATION_WORDS or (ent.root.tag_ == "NNPS" and article)


#: ``doc.user_data`` key: words the document names a group of people by (NORP entities)
_GROUPS_KEY = "claimgraph.group_words"


def group_words(doc: Doc) -> frozenset[str]:
    """The words the tagger names a group of people by somewhere in the document ("Democrats")."""
    cached = doc.user_data.get(_GROUPS_KEY)
    if cached is None:
        cached = doc.user_data[_GROUPS_KEY] = frozenset(e.text for e in ents_of(doc) if e.label_ == "NORP")
    return cached  # type: ignore[no-any-return]


def group_like(ent: Span) -> bool:
    """True for a name the tagger called a person whose last word it names a group by elsewhere
    ("Virginia Democrats" beside "Democrats"): a group, not a person."""
    return ent[-1].text in group_words(ent.doc)


def _named_like_person(ent: Span, surnames: set[str]) -> bool:
    """True for a two- or three-word name the tagger called an organisation (or a place, a
    product) whose last word the document names a person by on its own ("Montell Figgins, who
    represents Thomas, said … Figgins said"), or that an office is written before ("executive
    chair Marcelo Claure"): a person's full name. Names the entity tables know stay what they are."""
    if ent.label_ not in _MISLABELLED or ent.ent_id_ or not 2 <= len(ent) <= 3:
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in ent):
        return False
    return ent[-1].text in surnames or (ent.start > 0 and ent.doc[ent.start - 1].lower_ in OFFICES)


#: entity labels a tagger gives a person's name it does not know ("Claure" an ORG, a GPE)
_MISLABELLED = frozenset({"ORG", "GPE", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"})
#: relative pronouns that only a person takes ("Claure, who is also an executive")
_PERSON_RELATIVES = frozenset({"who", "whom", "whose"})
#: ``doc.user_data`` key: one-word names the document shows to be people
_WORDS_KEY = "claimgraph.person_words"


def person_words(doc: Doc) -> frozenset[str]:
    """One-word proper names the document shows to be people, whatever the tagger labelled them
    (computed once per doc): a title or an office before one ("Ms Persson", "coach Moya"), a
    "who" clause on one ("…, added Claure, who is also an executive"), or a "he"/"she" as the
    subject of what one says ("Schwartzman said he was tired").

    Names the entity tables know ("Jordan", "Xinhua") are left out: they say what those are.
    """
    cached = doc.user_data.get(_WORDS_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    words: set[str] = set()
    ws = words_of(doc)
    for w in ws:
        if w.pos_ != "PROPN" or not w.text[:1].isupper() or not w.text.isalpha() or doc[w.i].ent_id_:
            continue
        if w.i + 1 < len(ws) and ws[w.i + 1].pos_ == "PROPN":
            continue  # a word inside a longer name: "Hong" in "Hong Kong"
        before = ws[w.i - 1].lower_.rstrip(".") if w.i > 0 else ""
        if before in TITLES or before in OFFICES or _person_clause(w):
            words.add(w.text)
    out = frozenset(words)
    doc.user_data[_WORDS_KEY] = out
    return out


def _person_clause(tok: Token | Word) -> bool:
    """True when a clause about ``tok`` shows a person: a "who" clause hangs on it, or it says
    something whose subject is "he" or "she" ("Schwartzman said he was tired")."""
    for child in tok.children:
        if child.dep_ == "relcl" and any(
            c.lower_ in _PERSON_RELATIVES for c in child.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "poss")
        ):
            return True
    if tok.dep_ != "nsubj":
        return False
    for clause in tok.head.children:
        if clause.dep_ == "ccomp" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she") for c in clause.children
        ):
            return True
    return False


#: how far after an office its holder's name is looked for ("former special envoy to Ukraine Kurt Volker")
_OFFICE_REACH = 8


def _surnames_after_offices(doc: Doc) -> set[str]:
    """Surnames of people written in full after an office the tagger did not see as names
    ("former special envoy to Ukraine Kurt Volker … Volker said"): the last of two proper nouns
    in the office's phrase, when the document also writes it alone (a word written only after a
    given name, "Public Prosecution", is no one's surname)."""
    alone: set[str] = set()
    ws = words_of(doc)
    n = len(ws)
    for w in ws:
        if w.pos_ != "PROPN" or not w.text.isalpha() or not w.text[:1].isupper():
            continue
        if (w.i == 0 or ws[w.i - 1].pos_ != "PROPN") and (w.i + 1 == n or ws[w.i + 1].pos_ != "PROPN"):
            alone.add(w.text)
    out: set[str] = set()
    for w in ws:
        if w.lower_ not in OFFICES:
            continue
        for k in range(w.i + 2, min(n, w.i + _OFFICE_REACH)):
            if ws[k].pos_ in ("VERB", "AUX") or doc[k].is_punct:
                break
            last, given = ws[k], ws[k - 1]
            ends = k + 1 == n or ws[k + 1].pos_ != "PROPN"
            if ends and last.text in alone and given.pos_ == "PROPN" and given.text[:1].isupper():
                out.add(last.text)
                break
    return out


def written_name(ent: Span) -> str:
    """A PERSON entity's name as :func:`person_name` reads it, without a participle the tagger
    took into it from the start of its sentence ("Hosting Cook at the White House, Trump
    said …" names Cook)."""
    if _opens_with_participle(ent):
        return person_name(ent[1:].text)
    return person_name(ent.text)


def _opens_with_participle(ent: Span) -> bool:
    """True when the first word of a name is a participle opening its sentence whose object the
    rest of the name is: a word in -ing, first in its sentence, and the name no subject."""
    return _opens_with_ing(ent) and ent.root.dep_ not in ("nsubj", "nsubjpass")


def _opens_with_ing(ent: Span) -> bool:
    """True when a name of two words or more starts its sentence with a word in -ing: a
    participle ("Hosting Cook at Dreamforce …") or a given name ("Channing Tatum said")."""
    first = ent[0]
    if len(ent) < 2 or len(first) < 5 or not first.lower_.endswith("ing"):
        return False
    before = ent.doc[first.i - 1] if first.i > 0 else None
    return before is None or first.is_sent_start or before.is_space or before.is_quote


def _without_participles(doc: Doc, people: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The names with a sentence-opening participle taken off where the document shows it is
    no given name: the rest is the surname of someone it names in full with another first word
    ("Hosting Cook at Dreamforce 'is our dream'" after "Tim Cook": the gerund clause is the
    sentence's subject, so the parse alone cannot tell it from "Channing Tatum said")."""
    firsts: dict[str, set[str]] = {}
    for _, name in people:
        words = name.split()
        if len(words) > 1:
            firsts.setdefault(words[-1], set()).add(words[0])
    ents = {ent.start: ent for ent in ents_of(doc)}
    out = []
    for start, name in people:
        words = name.split()
        ent = ents.get(start)
        if (
            ent is not None and len(words) == 2 and ent[0].text == words[0] and _opens_with_ing(ent)
            and firsts.get(words[1], set()) - {words[0]}
        ):
            name = words[1]
        out.append((start, name))
    return out


#: ``doc.user_data`` key: (token, canonical name) of each full person name, in text order
_FULL_KEY = "claimgraph.person_full_names"
#: ``doc.user_data`` key: (token, name) of each full name the tagger left out of any PERSON entity
_UNTAGGED_KEY = "claimgraph.person_untagged_names"


def _full_names(doc: Doc) -> list[tuple[int, str]]:
    """(start token, canonical name) of every person named with two words or more: PERSON
    entities and the full names :func:`_untagged_full_names` finds."""
    cached = doc.user_data.get(_FULL_KEY)
    if cached is None:
        names = person_names(doc)
        tagged = [
            (ent.start, names[ent.start]) for ent in ents_of(doc)
            if ent.start in names and len(written_name(ent).split()) > 1
        ]
        untagged = [(start, names[start]) for start, _ in doc.user_data.get(_UNTAGGED_KEY, [])]
        cached = doc.user_data[_FULL_KEY] = sorted(tagged + untagged)
    return cached  # type: ignore[no-any-return]


def _untagged_full_names(doc: Doc, surnames: set[str] | frozenset[str]) -> list[tuple[int, str]]:
    """(start token, name) of each full name the tagger took into another phrase or left
    unlabelled, found by its surname: a surname the document names a person by on its own
    ("Ms Persson said"), written after a capitalised given name ("Deputy Director of Public
    Prosecution Eva-Marie Persson"). One given name, hyphenated parts joined; never a title or
    an office ("Ms Persson", "Director Persson")."""
    out: list[tuple[int, str]] = []
    surnames = set(surnames) | _surnames_after_offices(doc)
    ws = words_of(doc)
    for tok in ws:
        if tok.text not in surnames or tok.ent_type_ == "PERSON" or tok.i == 0:
            continue
        given = ws[tok.i - 1]
        if not (given.pos_ == "PROPN" and given.text[:1].isupper() and given.text.isalpha()):
            continue
        if given.lower_ in TITLES or given.lower_ in OFFICES or given.ent_type_ == "PERSON":
            continue
        start = given_name_start(doc, given.i)
        out.append((start, doc[start : tok.i + 1].text))
    return out


def given_name_start(doc: Doc, i: int, floor: int = 0) -> int:
    """The first token of the given name whose last part is token ``i``: the parts of a
    hyphenated given name joined ("Eva-Marie", written without spaces), none before ``floor``."""
    while i - 2 >= floor and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        i -= 2
    return i


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
    return person_names(ent.doc).get(ent.start) or written_name(ent)


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
    ents = [(ent.start, organization_name(ent.text), ent.ent_id_) for ent in ents_of(doc) if ent.label_ in ORG_LABELS]
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

    people = [ent for ent in ents_of(doc) if ent.label_ == "PERSON" and ent.start in names]
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
    ws = words_of(doc)
    for sent in doc.sents:
        while at < len(people) and people[at].start < sent.start:
            at += 1
        k = at
        for tok in ws[sent.start : sent.end]:
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
