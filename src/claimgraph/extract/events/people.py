"""People across a report: a person is coded by who they are, wherever the text names them.

"U.S. Defense Secretary Mark Esper on Tuesday accused China ..." says who Esper is once, in his
title; the report then writes "Esper" and "he". An analyst codes all three USA GOV, not by the
country named nearest ("China", the one accused). So, per document, before any event is coded:

- each person (a PERSON entity, identified across mentions by :func:`canonical_entities`: a
  surname takes the full name of an earlier mention) takes the affiliation the text gives it:
  a country and a title in front of the name ("U.S. Defense Secretary Mark Esper", "China's
  foreign minister Wang Yi") or in an apposition ("Mark Esper, the U.S. defense secretary",
  "Qatar's emir, Sheikh Hamad");
  a leader of ``data/events/leaders.tsv`` has theirs already, also when the text spells the
  full name a letter apart ("Abdelaziz Bouteflicka", "Muammar Qadhafi": transliterations vary
  from wire to wire; a bare surname must match exactly, as "Johnston" is no "Johnson");
- every later mention of that person, and a "he"/"she" whose nearest person before it is that
  person, becomes a ``person`` mention with that country and sector (added to the actor
  mentions, where the actor coder reads it as it reads a leader's name);
- a country name inside a person's name is no country ("Lisa O. Monaco").

A person named in the text whom nothing affiliates keeps no country: the country named nearest
is a guess that is wrong as often as a person acts abroad (:func:`named_person` tells the coder).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.events.actors import (
    Mention,
    leader_forms,
    phrase_tokens,
    sector_of,
    tables,
)
from claimgraph.knowledge import word_sets
from claimgraph.nlp.entities import canonical_entities
from claimgraph.nlp.words import words
from claimgraph.record import Actor

#: pronouns that stand for one person: "he accused", "she said"
PERSON_PRONOUNS = {"he", "she"}
#: how far back (in sentences) a pronoun looks for its person
PRONOUN_REACH = 3
#: prepositions that name where someone is posted ("ambassador *to* Britain", "envoy *in* Kabul")
POSTED_PREPS = {"to", "in", "at"}
_WORDS = word_sets("events/words.tsv")
#: bodies of a state and titles of office at home (:func:`_local_official`)
STATE_BODIES = _WORDS["state_bodies"]
LOCAL_TITLES = _WORDS["local_titles"]
#: kinds of mention that can place a person in a country (not a town it is in: "Esper in Kyiv")
AFFILIATING = {"country", "demonym", "seat", "group", "leader"}


def _persons(doc: Doc) -> list[tuple[Span, str]]:
    """PERSON entities with their canonical name, in text order (the names the entities
    component left on the ``Doc``, when it ran: the same list, not made again)."""
    entities = doc._.cg_entities
    if entities is None:
        entities = canonical_entities(doc)
    canonical = {(e.start, e.end): e.canonical for e in entities}
    return [(ent, canonical.get((ent.start_char, ent.end_char)) or ent.text)
            for ent in doc.ents if ent.label_ == "PERSON"]


def affiliating_tokens(ent: Span) -> list[Token]:
    """The tokens that may say who a person is: the title and modifiers in front of the name,
    and an apposition ("Mark Esper, *the U.S. defense secretary*"); not a place the phrase
    puts the person in ("Esper *in Brussels*")."""
    root = ent.root
    out = [t for t in phrase_tokens(root) if t.i < ent.start]
    if root.dep_ == "appos":  # "Qatar's emir, *Sheikh Hamad*"
        out += [t for t in phrase_tokens(root.head) if t.i < ent.start]
    for appos in (c for c in root.children if c.dep_ == "appos"):
        out += [t for t in phrase_tokens(appos) if t.i <= appos.i]
    for attr in described_as(root):  # "Kevin McAleenan, *who was the acting director of*
        out += phrase_tokens(attr)      # *the Department of Homeland Security*"
    return out


def described_as(root: Token) -> list[Token]:
    """What a relative clause says the person is ("X, who was *the acting director* of the
    Department of Homeland Security", "X, who is *the country's president*"): the attribute of
    its copula."""
    return [a for rel in root.children if rel.dep_ == "relcl" and rel.lemma_ == "be"
            and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in rel.children)
            for a in rel.children if a.dep_ == "attr"]


def posted_to(mention: Mention, doc: Doc) -> bool:
    """The mention names where the person serves, not whom they serve: "China's ambassador
    *to Britain* Liu Xiaming" is Chinese, "the U.S. envoy *in Kabul*" American. Read from the
    words before it, not the parse, which often hangs "Britain" on the name."""
    i = mention.start - 1
    while i >= 0 and doc[i].pos_ == "DET":  # "to *the* EU"
        i -= 1
    if i >= 1 and doc[i].lower_ == "to" and doc[i - 1].lower_ == "according":
        return False  # "according to (the) *Moroccan* reporter …": whose words, not a post
    return i >= 0 and doc[i].lower_ in POSTED_PREPS


def affiliating_mentions(tokens: list[Token], mentions: dict[int, Mention]) -> list[Mention]:
    """The countries, seats, groups and leaders among ``tokens`` that may say whom a person
    serves, in text order; a place the person is posted to left out (shared with attribution's
    sources, :mod:`claimgraph.extract.attribution.affiliation`)."""
    return [mentions[t.i] for t in tokens if t.i in mentions and mentions[t.i].kind in AFFILIATING
            and not posted_to(mentions[t.i], t.doc)]


def _affiliation(ent: Span, mentions: dict[int, Mention]) -> tuple[str, str | None] | None:
    """(country, sector) the person's own phrase gives, or None."""
    own = next((mentions[i] for i in range(ent.start, ent.end) if i in mentions), None)
    if own is not None and own.kind == "leader":
        return own.code, own.sector
    tokens = affiliating_tokens(ent)
    found = affiliating_mentions(tokens, mentions)
    if not found:
        return None
    sectors = tables().sectors
    heads = [ent.root, *(c for c in ent.root.children if c.dep_ == "appos"),
             *described_as(ent.root)]
    sector = next((s for head in heads if (s := sector_of(head, tokens + [head], sectors, mentions))), None)
    # the outermost country is whom the person serves; one nearer the name says what the job
    # is about ("former White House *Russia* expert Fiona Hill", "U.S. *Syria* envoy")
    return found[0].code, sector


def _local_official(ent: Span, tokens: list[Token]) -> str | None:
    """The sector of a person the text calls an official of a body of the state, or gives a
    title of office at home ("Kevin McAleenan, who was the acting director *of the Department of
    Homeland Security*", "Mayor Jane Roe"), None otherwise. A cabinet title alone ("Defense
    Secretary Mark Esper") is no such thing: its holder acts abroad as often as at home."""
    sectors = tables().sectors
    words = {t.lemma_.lower() for t in tokens if t.i not in range(ent.start, ent.end)}
    if words & LOCAL_TITLES:
        return "GOV"
    if not words & STATE_BODIES:
        return None
    heads = [ent.root, *(c for c in ent.root.children if c.dep_ == "appos"),
             *described_as(ent.root)]
    found = next((s for head in heads if (s := sector_of(head, tokens + [head], sectors))), None)
    return found or "GOV"


def _dominant_country(mentions: dict[int, Mention]) -> str | None:
    """The country the document names most (its first named on a tie): the story's country."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in {m.start: m for m in mentions.values()}.values():
        if mention.kind in {"country", "demonym", "seat"} and len(mention.code) == 3 \
                and mention.code not in {"IGO", "NGO", "IMG"}:
            counts[mention.code] += 1
            first.setdefault(mention.code, mention.start)
            first[mention.code] = min(first[mention.code], mention.start)
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], first[code]))


def _folded(name: str) -> str:
    """A name without accents and case, for comparing spellings ("Sánchez", "SANCHEZ")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=1)
def _full_leader_names() -> dict[str, tuple[str, str | None]]:
    """The leaders' forms of two words or more (full names), folded -> (alpha-3, name)."""
    return {_folded(form): found for form, found in leader_forms().items() if " " in form}


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _without_one_letter(name: str) -> set[str]:
    """``name`` and every spelling of it with one letter left out."""
    return {name, *(name[:i] + name[i + 1:] for i in range(len(name)))}


@lru_cache(maxsize=1)
def _leaders_by_deletion() -> dict[str, list[str]]:
    """The leaders' full names (folded) filed under each of :func:`_without_one_letter`: two
    names a letter apart share a key (the shorter one itself when a letter is added, the same
    deletion when one is replaced), so a name is compared with the few that share one, not
    with all ~1,000 (on 40 PolNeAR texts that was 270,000 comparisons)."""
    index: dict[str, list[str]] = {}
    for form in _full_leader_names():
        for key in _without_one_letter(form):
            index.setdefault(key, []).append(form)
    return index


def _leader_spelled(ent: Span) -> tuple[str, str | None] | None:
    """The leader whose full name ``ent`` writes a letter apart ("Abdelaziz Bouteflicka"), when
    exactly one country's leaders are that close; None otherwise."""
    name = _folded(ent.text)
    if " " not in name:
        return None
    index, leaders = _leaders_by_deletion(), _full_leader_names()
    near = {form for key in _without_one_letter(name) for form in index.get(key, ())}
    found = {leaders[form] for form in near if _one_edit(name, form)}
    return found.pop() if len({code for code, _ in found}) == 1 and len(found) == 1 else None


def _spelled_leaders(persons: list[tuple[Span, str]], mentions: dict[int, Mention]) -> None:
    """Add a ``leader`` mention for each person the leaders' table names in another spelling."""
    for ent, _ in persons:
        if any(i in mentions for i in range(ent.start, ent.end)):
            continue
        found = _leader_spelled(ent)
        if found is not None:
            mention = Mention(ent.start, ent.end, found[0], "leader", found[1], "GOV")
            for i in range(ent.start, ent.end):
                mentions[i] = mention


def _drop_countries_in_names(persons: list[tuple[Span, str]], mentions: dict[int, Mention]) -> None:
    """"Lisa O. Monaco": a country matched after the first word of a person's name is part of
    the name (not "*Bosnian* Serbs", a people the tagger took for a person), and so is a
    country's name before a surname ("Chad Wolf")."""
    for ent, _ in persons:
        for i in range(ent.start, ent.end):
            mention = mentions.get(i)
            if mention is None or mention.kind not in {"country", "seat", "place"}:
                continue
            # "Chad Wolf", "Jordan Peterson": a country's name as a first name, the surname
            # after it inside the name
            first_name = mention.start == ent.start and mention.end < ent.end \
                and mention.kind == "country" and ent.end - ent.start >= 2
            if mention.start > ent.start or first_name:
                del mentions[i]


def _antecedent(pronoun: int, persons: list[tuple[Span, str]], ends: list[int],
                sentence_starts: list[int]) -> str | None:
    """The canonical name of the person a "he"/"she" (the word at ``pronoun``) stands for: the
    nearest named before it, within a few sentences (``ends``: the persons' end tokens,
    ``sentence_starts``: the document's, both sorted, so each pronoun costs two bisections)."""
    n = bisect_right(ends, pronoun)
    if n == 0:
        return None
    ent, name = persons[n - 1]
    apart = bisect_right(sentence_starts, pronoun) - bisect_right(sentence_starts, ent.start)
    return name if apart < PRONOUN_REACH else None


def person_mentions(doc: Doc, mentions: dict[int, Mention]) -> None:
    """Add (in place) a ``person`` mention with its country and sector for each mention of an
    affiliated person, and for each "he"/"she" that stands for one; remove countries matched
    inside people's names."""
    persons = _persons(doc)
    if not persons:
        return
    _drop_countries_in_names(persons, mentions)
    _spelled_leaders(persons, mentions)
    known: dict[str, tuple[str, str | None]] = {}
    home = _dominant_country(mentions)
    for ent, name in persons:
        found = _affiliation(ent, mentions)
        if found is None and home is not None:
            sector = _local_official(ent, affiliating_tokens(ent))
            found = (home, sector) if sector is not None else None
        if found is not None:
            known.setdefault(name, found)
        elif name in known and not any(i in mentions for i in range(ent.start, ent.end)):
            code, sector = known[name]
            mention = Mention(ent.start, ent.end, code, "person", name, sector)
            for i in range(ent.start, ent.end):
                mentions[i] = mention
    ends = [ent.end for ent, _ in persons]
    sentence_starts = [sent.start for sent in doc.sents]
    for tok in words(doc):
        if tok.lower_ in PERSON_PRONOUNS and tok.i not in mentions:
            meant = _antecedent(tok.i, persons, ends, sentence_starts)
            if meant is not None and meant in known:
                code, sector = known[meant]
                mentions[tok.i] = Mention(tok.i, tok.i + 1, code, "person", meant, sector)


def named_person(doc: Doc, actor: Actor | None, mentions: dict[int, Mention]) -> bool:
    """The actor is a person the text names and nothing affiliates (no country of its own):
    the coder then leaves its country empty rather than guess it from the sentence."""
    if actor is None or actor.country is not None:
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root  # one person: a proper noun in the singular ("Serbs" is a people)
    if root.lower_ in PERSON_PRONOUNS:  # "he" for a person nothing affiliates
        return root.i not in mentions
    return root.ent_type_ == "PERSON" and root.tag_ == "NNP" and root.i not in mentions
