"""Where a news text names a place: toponyms, demonyms and metonyms, before geocoding.

Candidates come from the entities on the ``Doc`` (spaCy's GPE/LOC/FAC/NORP plus what the news
entity ruler marked: seats of government, capitals speaking for their government, demonyms),
including towns the NER misread as persons or organisations ("in Kharkiv" tagged as a person,
"the Harwinton Senior Center"); :mod:`.context` adds what no entity covers. A mention keeps what its context says about it: the kind ("Moscow said" is a
metonym, "Ukrainian forces" a demonym), a country the ruler already knows, and a qualifier
("Paris, Texas": Texas narrows Paris).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from claimgraph.extract.places.gazetteer import ABBREVIATIONS, Gazetteer, GazetteerEntry, fold
from claimgraph.knowledge import word_sets
from claimgraph.nlp.entities import PLACE_LABELS
from claimgraph.nlp.extensions import ents_of
from claimgraph.nlp.news_entities import EntityInfo, acts_as_agent, entity_info, knowledge
from claimgraph.nlp.words import words as words_of

#: labels the small NER gives towns that their context shows to be places ("in Chattanooga"
#: read as a product)
MISREAD_LABELS = {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}


_WORDS = word_sets("place_words.tsv")
#: prepositions that make a bare proper noun a location: "fighting near Bakhmut"
LOCATIVE = _WORDS["locative"]
#: nouns a town name modifies in local news: "Alexandria woman", "Mansfield Police Department"
LOCAL_NOUNS = _WORDS["local_nouns"]
#: words that open the rest of an institution's name after its town: "Huntsville High School"
INSTITUTION_WORDS = _WORDS["institution_words"]
#: compass words NER tags as places on their own ("the West", "the South")
COMPASS = _WORDS["compass"]
#: last words of streets, buildings and waters the gazetteer lacks: "Royal Street"
FEATURES = _WORDS["features"]
#: last words of buildings and grounds named as places: "Altnagelvin Hospital"
BUILDINGS = _WORDS["buildings"]
#: the kind of a government body: a one-word name right before it is a portfolio, not a town
BODIES = _WORDS["bodies"]
#: the words "St.", "Mt.", "Ft." stand for: the NER cuts them off the name they open
ABBREVIATED = frozenset(ABBREVIATIONS.values())
#: party letters before a politician's home: "D-S.C.", "DFL-Cook"
PARTIES = _WORDS["parties"]
#: words that name a place by its kind before "of": "the City of Norfolk"
ADMIN_WORDS = _WORDS["admin_words"]
#: words that open a region's name before its demonym: "Central American", "North African"
REGION_WORDS = COMPASS | {"central", "latin"}
#: how large a town named by an ordinary English word must be to be read as a place at the head
#: of an institution's name with no other word of the article for it: "the Supreme Court" is
#: none of Supreme, Louisiana, "the Central Government" none of Central, Louisiana
COMMON_WORD_TOWN = 50_000
#: nouns a language's name modifies as a language: "English lessons", "the Welsh version"
LANGUAGE_NOUNS = _WORDS["language_nouns"]
#: words that are never a place's name on their own, though a town somewhere bears them
CONTEXT_WORDS = LOCAL_NOUNS | INSTITUTION_WORDS | FEATURES | COMPASS


@dataclass(slots=True)
class Mention:
    """A stretch of text that names a place, with what its context tells about it."""

    start: int  # character offsets into doc.text
    end: int
    text: str
    kind: str = "place"  # place | demonym | metonym
    country: str | None = None  # ISO alpha-2 the entity ruler already knows
    fixed: GazetteerEntry | None = None  # a demonym's or seat's place: nothing to choose
    qualifier: int | None = None  # index of the mention that narrows this one ("Paris, Texas")
    source: str = "ner"  # ner | context | gazetteer | dateline | repeat | building
    capital: bool = False  # the ruler knows the name as its country's capital
    local: bool = False  # a feature no gazetteer here knows: a street, a building, a river
    lookup: str | None = None  # the name to look up when the text says less ("Barrow" -> county)
    listed: int | None = None  # the list it is named in ("Washington, New York and Boston")

    @property
    def name(self) -> str:
        """The name the gazetteer is asked for: "Barrow" in "Barrow and Jackson counties" is
        Barrow County."""
        return self.lookup or self.text


def _ruler_info(ent: Span) -> EntityInfo | None:
    """What the news entity ruler knows about an entity (None without the ruler)."""
    if not ent.ent_id_:
        return None
    return entity_info(ent.ent_id_)


def trim_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" or party letter ("D-Iowa City") and a trailing possessive from a
    token range."""
    ws = words_of(doc)
    while start < end and ws[start].lower_ in ("the", "'s", "’s"):
        start += 1
    if end - start > 2 and ws[start].lower_ in PARTIES and ws[start + 1].text == "-":
        start += 2
    while end > start and ws[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def _capital_of(gazetteer: Gazetteer, country: str | None) -> GazetteerEntry | None:
    """The capital city of a country, for a seat of government ("the Kremlin" -> Moscow)."""
    if not country:
        return None
    for info in knowledge()[1].values():
        if getattr(info, "kind", None) == "capital" and info.country == country:
            found = gazetteer.city_in(info.canonical, country)
            if found:
                return found
    return gazetteer.countries.get(country)


def people_words(doc: Doc) -> set[str]:
    """Words of the article's full personal names ("Tom Bell" -> bell): a bare "Bell" later
    is the person, not Bell, California."""
    return {fold(t.text) for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) > 1
            for t in ent if t.is_alpha}


def entity_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions from the Doc's named entities."""
    found: list[Mention] = []
    names_of_people = people_words(doc)
    states = regions_named([Mention(e.start_char, e.end_char, e.text) for e in ents_of(doc)
                      if e.label_ == "GPE"], gazetteer)
    # the article's own place names (its GPEs the gazetteer knows): one reading per article
    named = frozenset(fold(e.text) for e in ents_of(doc) if e.label_ == "GPE" and e.text in gazetteer)
    for ent in ents_of(doc):
        if found and found[-1].start <= ent.start_char and ent.end_char <= found[-1].end:
            continue  # the end of a name a mention before took whole: "Trinidad and [Tobago]"
        info = _ruler_info(ent)
        kind_of_info = getattr(info, "kind", None)
        sea = _named_by_demonym(doc, ent, gazetteer)
        if sea is not None:  # "the Indian Ocean" is no Indian thing: a sea of its own
            found.append(sea)
            continue
        if ent.label_ == "NORP" or kind_of_info == "nationality" or (
            ent.label_ in ("GPE", "PERSON", "ORG") and ent.text not in gazetteer
            and gazetteer.demonym(ent.text) is not None
        ) or (ent.label_ == "LANGUAGE" and _language_as_demonym(ent, gazetteer)):
            # a demonym the NER read as a place, a person or a language: "the Sri Lankan war",
            # "the English city of Salisbury"
            span = _demonym_span(doc, ent)
            if span is None:
                continue  # read with the region word's entity before it
            country = _region_demonym(span.text, gazetteer)
            if country is None and span is ent:
                country = gazetteer.demonym(ent.text)
                if country is None and info is not None and info.country:
                    country = gazetteer.countries.get(info.country)
            if country is not None:
                found.append(Mention(span.start_char, span.end_char, span.text, "demonym",
                                     country.country, fixed=country))
                continue
            if ent.label_ != "NORP" or info is not None or span is not ent or ent.text.isupper():
                continue  # "Central American" is no American: a region we do not know; but a
                # NORP no demonym names may be a town ("Greer, South Carolina"; not "BA")
        if ent.label_ == "ORG" and info is not None and info.metonym:
            start, end = trim_span(doc, ent.start, ent.end)
            span = doc[start:end]
            found.append(Mention(span.start_char, span.end_char, span.text, "metonym",
                                 info.country, fixed=_capital_of(gazetteer, info.country)))
            continue
        start, end = trim_span(doc, ent.start, ent.end)
        if start >= end or doc[start:end].text.islower() or fold(doc[start:end].text) in ABBREVIATED:
            continue  # "St." cut off "Paris" is taken back by the name it opens
        if ent.label_ in ("GPE", "NORP"):
            start = _extend_left(doc, start, end, gazetteer)
        if ent.label_ == "GPE":
            end = _extend_right(doc, start, end, gazetteer)
        if ent.label_ in ("GPE", "LOC") and (start, end) == trim_span(doc, ent.start, ent.end):
            start, end = _extend_around(doc, start, end, gazetteer)
        if ent.label_ == "ORG" and end - start >= 2:
            country = gazetteer.demonym(doc[start].text)  # "the Syrian army", "Russian Navy"
            if country is not None and doc[start].text[:1].isupper():
                found.append(Mention(doc[start].idx, doc[start].idx + len(doc[start].text),
                                     doc[start].text, "demonym", country.country, fixed=country))
                continue
        if ent.label_ == "ORG" and any(
            e.level in ("region", "country", "continent")
            for e in gazetteer.candidates(doc[start:end].text)
        ):  # a union of countries or a country read as an organisation: "the EU said"
            span = doc[start:end]
            found.append(Mention(span.start_char, span.end_char, span.text,
                                 "metonym" if acts_as_agent(span) else "place"))
            continue
        if ent.label_ not in PLACE_LABELS:
            rescued = _misread_place(doc, start, end, gazetteer, states, named, names_of_people)
            if rescued is not None:
                found.append(rescued)
            continue
        if end - start == 1 and doc[start].lower_ in COMPASS:
            continue
        parts = _split_on_commas(doc, start, end)
        first = len(found)
        for i, (s, e) in enumerate(parts):
            span = doc[s:e]
            known = span.text in gazetteer
            local = not known and (ent.label_ == "LOC" or (
                ent.label_ == "FAC" and doc[e - 1].lower_.rstrip(".") in FEATURES))
            if not known:
                inner = _inner_place(doc, s, e, gazetteer, names_of_people)
                if inner is not None:  # "Henderson County Jail", "North Texas", "City of Norfolk"
                    found.append(inner)
                    continue
            if ent.label_ == "FAC" and not known and not local:
                continue
            if e - s == 1 and ent.label_ == "GPE" and (
                s == 0 or doc[s - 1].lower_ not in LOCATIVE
            ) and (not known or (info is None and fold(span.text) in names_of_people)):
                continue  # a one-word "place" outside a locative that is a name: "Obama"
            if len(parts) > 1 and not known:
                continue
            kind = "place"
            country = getattr(info, "country", None)
            if ent.ent_id_.startswith("Government of") or (
                kind_of_info in ("country", "capital") and acts_as_agent(span)
            ):
                kind = "metonym"
            capital = ent.label_ == "GPE" and (
                kind_of_info == "capital" or ent.ent_id_.startswith("Government of"))
            found.append(Mention(span.start_char, span.end_char, span.text, kind, country,
                                 capital=capital, local=local))
            if i > 0 and len(found) - first >= 2:
                found[-2].qualifier = len(found) - 1
    return found


def _language_as_demonym(ent: Span, gazetteer: Gazetteer) -> bool:
    """A language's name that modifies a noun other than a language's is its people's
    adjective: "the English city of Salisbury", not "English lessons" or "in English"."""
    root = ent.root
    return len(ent) == 1 and root.dep_ in ("amod", "compound") \
        and root.head.pos_ in ("NOUN", "PROPN") and root.head.lower_ not in LANGUAGE_NOUNS \
        and gazetteer.demonym(ent.text) is not None


def _demonym_span(doc: Doc, ent: Span) -> Span | None:
    """A demonym with the region word the NER cut off or split from it: "[Central] American",
    "[Latin] [American]" (the second half of a split pair gives None: the first reads both)."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in REGION_WORDS and before.text[:1].isupper():
        if before.ent_type_ in ("", "LANGUAGE"):  # "[Latin] American": Latin, a language
            return doc[ent.start - 1 : ent.end]
        if before.ent_type_ == "NORP":
            return None
    if len(ent) == 1 and ent.label_ == "NORP" and ent.text.lower() in REGION_WORDS \
            and ent.end < len(doc) and doc[ent.end].ent_type_ == "NORP":
        return doc[ent.start : ent.end + 1]
    return ent


def _region_demonym(text: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """A region's or continent's demonym made by adding "n" to its name: "Central American",
    "Latin American", "South American" -> Central America, Latin America, South America."""
    if not text.endswith("an") or " " not in text:
        return None
    key = fold(text[:-1])
    return next((e for e in gazetteer.candidates(text[:-1])
                 if e.level in ("region", "continent") and fold(e.name) == key), None)


def _extend_right(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Take the words after a place the NER cut off when the whole is a place of its own:
    "[Tennessee] Colony" is Tennessee Colony, Texas, not Tennessee; and the second half of a
    country or region named "X and Y", whatever the NER made of it: "[Trinidad] and [Tobago]",
    "[Bosnia] and Herzegovina"."""
    for ahead in (3, 2):
        e = end + ahead
        if e > len(doc) or doc[end].lower_ not in ("and", "&") or any(
                not t.text[:1].isupper() or not t.is_alpha for t in doc[end + 1 : e]):
            continue
        if known_place(gazetteer, doc[start:e].text, 0, levels=("country", "admin1", "region")):
            return e
    for ahead in (2, 1):
        e = end + ahead
        if e > len(doc) or any(not t.text[:1].isupper() or not t.is_alpha for t in doc[end:e]):
            continue
        if not any(t.ent_type_ for t in doc[end:e]):
            if known_place(gazetteer, doc[start:e].text, 0):
                return e
        elif all(t.ent_type_ in ("GPE", "LOC") for t in doc[end:e]) and known_place(
                gazetteer, doc[start:e].text, 100_000):
            # two place entities the NER cut one name into: "[Baja] [California]", "[Boa] [Vista]"
            return e
    return end


def _extend_left(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    """Take back words the NER left out of a name: "[South] America", "[New] Mexico"."""
    for back in (2, 1):
        s = start - back
        if s < 0 or any((t.ent_type_ not in ("", "LANGUAGE") and fold(t.text) not in ABBREVIATED)
                        or not t.text[:1].isupper() or t.lower_ == "the"
                        for t in doc[s:start]):
            continue  # "The Athens Police": "the" is no part of a name; "[St.] [Paris]" and
            # "[Latin] America" (Latin read as a language) are
        text = doc[s:end].text
        if gazetteer.demonym(text) or known_place(gazetteer, text, 0):
            return s
    return start


def _named_by_demonym(doc: Doc, ent: Span, gazetteer: Gazetteer) -> Mention | None:
    """A sea or region whose name opens with a demonym the NER tagged alone: "[Indian] Ocean",
    "[Arabian] Gulf" — the demonym and the capitalised word after it, when the gazetteer knows
    the whole as a region or continent."""
    if ent.label_ != "NORP" or ent.end >= len(doc):
        return None
    after = doc[ent.end]
    if after.ent_type_ or not after.text[:1].isupper() or not after.is_alpha:
        return None
    whole = doc[ent.start : ent.end + 1]
    start, end = trim_span(doc, whole.start, whole.end)
    whole = doc[start:end]
    if not known_place(gazetteer, whole.text, 0, levels=("region", "continent")):
        return None
    return Mention(whole.start_char, whole.end_char, whole.text, source="context")


def _extend_around(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """A sea or region whose name wraps a place the NER split out of it: "the [South] [China]
    Sea" (a compass word tagged apart, a feature word left out) is the South China Sea, not
    China. Only a whole that the gazetteer knows as a region, admin1 region or country."""
    if start == 0 or end >= len(doc):
        return start, end
    before, after = doc[start - 1], doc[end]
    if before.lower_ not in COMPASS or not before.text[:1].isupper() \
            or not after.text[:1].isupper() or not after.is_alpha:
        return start, end
    if known_place(gazetteer, doc[start - 1 : end + 1].text, 0,
                   levels=("region", "country", "admin1")):
        return start - 1, end + 1
    return start, end


def known_place(gazetteer: Gazetteer, text: str, min_population: int,
                 levels: tuple[str, ...] | None = None) -> bool:
    """The gazetteer has a place of that very name (not an alternate name) big enough."""
    key = fold(text)
    return any(fold(e.name) == key and (levels is None or e.level in levels)
               and (e.level != "city" or e.population >= min_population)
               for e in gazetteer.candidates(text))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words: WordNet's adjectives, verbs and adverbs, as the spaCy model's
    lemmatizer ships them (lower case). Not its nouns: names are among them ("meredith",
    "youngstown"), so a noun ("Justice") cannot be told from a town's name this way."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from claimgraph.nlp.pipeline import load_config

    model = get_package_path(load_config()["nlp"]["model"])
    folders = sorted(model.glob("*/lemmatizer/lookups")) or sorted(model.glob("lemmatizer/lookups"))
    if not folders:
        return frozenset()
    index = Lookups().from_disk(folders[0]).get_table("lemma_index", {})
    return frozenset(word for pos in ("adj", "verb", "adv") for word in index.get(pos, ()))


def after_name(doc: Doc, start: int) -> bool:
    """Token ``start`` follows a comma after a capitalised name: "Knockhill, [Fife]", "New
    Quay, [Ceredigion]" (where a place's county or state is written)."""
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].text[:1].isupper() \
        and doc[start - 2].is_alpha


def acronym(text: str) -> bool:
    """A short all-capital word names an organisation, not the town it spells: "NATO" (Nato,
    Philippines), "TASS"."""
    return text.isupper() and text.isalpha() and len(text) <= 4


def _misread_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer,
                   states: frozenset[str] = frozenset(),
                   named: frozenset[str] = frozenset(),
                   people: set[str] | None = None) -> Mention | None:
    """A town the NER read as a person or an organisation, told by its context.

    ``people`` is :func:`people_words` of ``doc``, read once per document by the caller (each
    reading walks every entity: once per entity made long texts quadratic).

    "shelling in Kharkiv" (a locative before it), "an Alexandria woman" (it modifies a
    local noun), "Athens, Ga." (a region or country after a comma), and a town at the head of
    a local institution's name: "the Mansfield Police Department" -> Mansfield.
    """
    label = doc[start].ent_type_
    whole = doc[start:end]
    if end - start >= 2 and any(
        e.level in ("country", "admin1", "region") and fold(e.name) == fold(whole.text)
        for e in gazetteer.candidates(whole.text)
    ):  # "Tamil Nadu", "Sri Lanka" read as a person: a two-word state or country is a place
        return Mention(whole.start_char, whole.end_char, whole.text, source="context")
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    if label in MISREAD_LABELS and not acronym(whole.text) and known_place(gazetteer, whole.text, 1000):
        comma_place = after == "," and end + 1 < len(doc) and any(
            e.level in ("admin1", "country") for e in gazetteer.candidates(doc[end + 1].text))
        # the words between the town and its noun are local nouns too ("the Mansfield Police
        # Department"): another name between them makes the town's word a part of a longer
        # name the NER cut ("the Free" + "Syrian Army" is no town called Free)
        noun = whole.root.head
        modifies = whole.root.dep_ == "compound" and noun.lower_ in LOCAL_NOUNS and all(
            t.lower_ in CONTEXT_WORDS for t in doc[end : noun.i])
        # "Larry Dunaway of Berea", "Keith Warden, 44, of Alexandria": where a person is from
        person_of = before == "of" and start >= 2 and (
            doc[start - 2].ent_type_ == "PERSON" or doc[start - 2].text == ",")
        # "Brands Hatch Indy, Kent": a region after a comma closes the name of a place in it
        region_after = after_name(doc, start) and known_place(
            gazetteer, whole.text, 0, levels=("admin1", "admin2", "country"))
        if before in LOCATIVE - {"and", "of"} or comma_place or modifies or person_of \
                or region_after:
            return Mention(whole.start_char, whole.end_char, whole.text, source="context")
        # the NER cut one organisation's name in two: "[the Free] [Syrian Army]"
        inside = end < len(doc) and doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "ORG"
        if label == "ORG" and end - start == 1 and not doc[start].ent_id_ and not inside \
                and known_place(gazetteer, whole.text, 15000) \
                and fold(whole.text) not in (people if people is not None else people_words(doc)):
            # a lone town's name is no organisation the ruler knows: "Evansville approved"
            # (unless it is the surname of someone the article names: "Tom Bell ... Bell");
            # nor is a word the NER cut off the organisation's name that follows it
            return Mention(whole.start_char, whole.end_char, whole.text, source="context")
    if label in ("ORG", "FAC", "EVENT", "PERSON") and end - start >= 2:
        if getattr(entity_info(doc[start].ent_id_), "kind", None) == "media":
            return None  # "The Washington Post" names a newspaper, not a place
        head = _head_place(doc, start, end, gazetteer,
                           states if label in ("ORG", "FAC") else frozenset(),
                           named if label in ("ORG", "FAC") else frozenset(), people)
        if head is not None:  # "the Laurel County Fiscal Court", "Huntsville High School"
            return head
        for of in range(start + 1, end - 1):  # "the University of Kentucky", "Bank of Canada"
            if doc[of].lower_ not in ("of", "in"):
                continue
            for stop in range(min(end, of + 4), of + 1, -1):  # "of Kentucky Medical Center"
                tail = doc[of + 1 : stop]
                if known_place(gazetteer, tail.text, 100_000) or (states and any(
                    e.level == "city" and e.admin1 in states and fold(e.name) == fold(tail.text)
                    for e in gazetteer.candidates(tail.text)
                )):  # or a town of the article's states: "United Concrete Products of Wallingford"
                    return Mention(tail.start_char, tail.end_char, tail.text, source="context")
    return None


def _head_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer,
                states: frozenset[str] = frozenset(),
                named: frozenset[str] = frozenset(),
                people: set[str] | None = None) -> Mention | None:
    """The place that opens a longer name: a state or county ("the Laurel County Fiscal
    Court", "Henderson County Jail"), a town before a local noun or an institution's word
    ("Huntsville High School"), a county named without "County" before its court or sheriff
    ("Kanawha Circuit Court", "DuPage Sheriff") or, when it lies in one of ``states`` (regions
    the article's unambiguous places name) or the article names it as a place elsewhere
    (``named``), before any capitalised word of an organisation's or building's name ("the
    Harwinton Senior Center" beside Connecticut, "Dublin Arts Council" beside "in Dublin"). Not a street or river
    named after a place ("Texas Street", "Red River"), not context words that happen to name a
    town ("Police Department": Police, Poland), not the name of someone the article names
    ("Clinton Foundation" beside Bill Clinton)."""
    for cut in range(min(end - 1, start + 3), start, -1):
        head, following = doc[start:cut], doc[cut]
        if not head.text[:1].isupper() or following.lower_.rstrip(".") in FEATURES:
            continue
        if all(t.lower_ in CONTEXT_WORDS for t in head):
            continue  # "Police Department", "North Central": but "West Virginia", "Iowa City"
        mention = Mention(head.start_char, head.end_char, head.text, source="context")
        if known_place(gazetteer, head.text, 1000, levels=("admin1", "admin2")):
            return mention
        institution = following.lower_ in LOCAL_NOUNS | INSTITUTION_WORDS
        if institution and not known_place(gazetteer, head.text, 1000) and any(
            e.level == "admin2" for e in gazetteer.candidates(f"{head.text} County")
        ):  # a county named without "County" before its court or sheriff: "Kanawha Circuit Court"
            mention.lookup = f"{head.text} County"
            return mention
        capitalised = following.text[:1].isupper() and following.is_alpha
        # a common word ("Supreme", "Central") heading a name is the name's word, and so is a
        # portfolio before its body ("the Justice Department"), unless the town it spells is
        # large or the article places it (below)
        common = len(head) == 1 and (
            head.text.lower() in english_words() or following.lower_ in BODIES
        ) and not known_place(gazetteer, head.text, COMMON_WORD_TOWN)
        ours = capitalised and (fold(head.text) in named or (states and any(
            e.level == "city" and e.admin1 in states and fold(e.name) == fold(head.text)
            for e in gazetteer.candidates(head.text))))
        if (institution and known_place(gazetteer, head.text, 1000) and not common) or ours:
            if people is None:
                people = people_words(doc)
            if fold(head.text) not in people:
                return mention
    return None


def _inner_place(doc: Doc, start: int, end: int, gazetteer: Gazetteer,
                 people: set[str] | None = None) -> Mention | None:
    """The known place inside a place entity the gazetteer does not know as a whole.

    - a compass word before a state, county, country or city of 100,000 is a part of it,
      located at the whole: "North Texas", "South Los Angeles", "West Wichita" (the span stays
      whole; the point is Texas's);
    - a place heading a longer name is the place the text names: "the Lamar County
      Commissioners", "Henderson County Jail" -> Lamar County, Henderson County;
    - an administrative word's "of" names its place: "the City of Norfolk", "the Province of
      Ontario", "the Port of Los Angeles".
    """
    first = doc[start].lower_.rstrip(".")
    if end - start >= 2 and (first in COMPASS or first in ("n", "s", "e", "w")):
        rest = doc[start + 1 : end]
        if known_place(gazetteer, rest.text, 100_000) and not known_place(
            gazetteer, rest.text, 0, levels=("continent",)
        ):  # a state, county, country or city ("West Wing" is not a part of Wing, England),
            # but "North Africa" is no part of Africa's middle: a region of its own
            whole = doc[start:end]
            return Mention(whole.start_char, whole.end_char, whole.text, source="context",
                           lookup=rest.text)
    head = _head_place(doc, start, end, gazetteer, people=people)
    if head is not None:
        return head
    if end - start >= 3 and first in ADMIN_WORDS and doc[start + 1].lower_ == "of":
        tail = doc[start + 2 : end]
        if known_place(gazetteer, tail.text, 1000):
            return Mention(tail.start_char, tail.end_char, tail.text, source="context")
    return None


def _split_on_commas(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "Paris, Texas" as one entity -> [Paris, Texas]."""
    parts, begin = [], start
    for i in range(start, end):
        if doc[i].text == ",":
            if begin < i:
                parts.append((begin, i))
            begin = i + 1
    if begin < end:
        parts.append((begin, end))
    return parts


def regions_named(mentions: list[Mention], gazetteer: Gazetteer) -> frozenset[str]:
    """Regions (ISO 3166-2) that the article's unambiguous place names lie in."""
    states = set()
    for m in mentions:
        regions = {e.admin1 for e in gazetteer.candidates(m.text) if e.admin1}
        if len(regions) == 1:
            states |= regions
    return frozenset(states)
