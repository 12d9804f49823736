"""Place mentions local news writes that the NER does not tag, and the whole search.

:mod:`.mentions` reads the NER's entities; this module adds what the context says: runs of
proper nouns the gazetteer knows ("shelling in Vovchansk"), wire and local datelines
("TORRINGTON —"), names listed before "counties" ("Barrow and Jackson counties"), a politician's
home after a party letter ("D-S.C."), names listed with a place ("Oxford, Bicester and
Kidlington"), later occurrences of a name once it was a place, and buildings named as places
("Altnagelvin Hospital"). ``find_place_mentions`` runs it all.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimgraph.extract.dateline import Dateline, lead_dateline
from claimgraph.extract.places.gazetteer import Gazetteer, fold
from claimgraph.extract.places.mentions import (
    BUILDINGS,
    LOCATIVE,
    PARTIES,
    PLACE_LABELS,
    Mention,
    acronym,
    after_name,
    entity_mentions,
    known_place,
    people_words,
    regions_named,
    trim_span,
)
from claimgraph.extract.span_index import SpanIndex
from claimgraph.nlp.extensions import ents_of, text_of
from claimgraph.nlp.words import words as words_of


def gazetteer_mentions(doc: Doc, gazetteer: Gazetteer, taken: set[int],
                       states: frozenset[str] = frozenset()) -> list[Mention]:
    """Proper-noun runs outside entities that the gazetteer knows as a place.

    Kept only when the reading as a place is safe: a country or a region, a city of 100,000
    people, a town after a locative preposition ("shelling in Vovchansk"), or a town in a state
    the article's other places name (``states``: local news names its neighbours bare).
    """
    found: list[Mention] = dateline(doc, gazetteer, taken)
    people = people_words(doc)
    ws = words_of(doc)
    i, n = 0, len(ws)
    while i < n:
        w = ws[i]
        if w.pos_ != "PROPN" or i in taken or not w.text[:1].isupper():
            i += 1
            continue
        j = i
        while j < n and j - i < 4 and ws[j].pos_ == "PROPN" and j not in taken \
                and ws[j].text[:1].isupper():
            j += 1
        matched = False
        for end in range(j, i, -1):  # longest match first
            span = doc[i:end]
            entries = [e for e in gazetteer.candidates(span.text) if fold(e.name) == fold(span.text)]
            country = None if entries else gazetteer.demonym(span.text)
            if country is not None:  # a demonym the NER left untagged: "The Sri Lankan civil war"
                found.append(Mention(span.start_char, span.end_char, span.text, "demonym",
                                     country.country, fixed=country, source="gazetteer"))
                i, matched = end, True
                break
            if not entries:
                continue
            locative = i > 0 and ws[i - 1].lower_ in LOCATIVE
            if not locative and fold(span.text) in people:
                break
            # "New Quay, Ceredigion": a county after a comma closes the name of a place in it
            qualifies = after_name(doc, i)
            if len(span.text) > 3 and any(
                e.level in ("country", "admin1", "region")
                or (e.level == "admin2" and (qualifies or locative))
                or (e.level == "city" and e.population >= (1000 if locative else 100_000))
                or (e.level == "city" and e.population >= 1000 and e.admin1 in states)
                for e in entries
            ):
                found.append(Mention(span.start_char, span.end_char, span.text,
                                     source="gazetteer"))
                i, matched = end, True
            break
        if not matched:
            i = j if j > i else i + 1
    return found


#: what follows a dateline's place: "BEIRUT (AP) —", "TORRINGTON —", "HUDSON --", "BEIRUT:"
DATELINE_MARKS = frozenset({",", "(", "—", "-", "–", "--", "---", ":"})


def dateline(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> list[Mention]:
    """The capitalised place a story opens with, in its first sentences (a headline may come
    first): "BEIRUT (AP) —", "KYIV, Ukraine —", "TORRINGTON — City Council ...". The NER often
    reads the capitals as an organisation or a person ("HARTFORD", "CLINTON"); only a run it
    already took as a place is left to it. After a dash any town of the gazetteer will do."""
    for sent in list(doc.sents)[:3]:
        run: list[Token] = []
        for token in sent[:5]:
            if not (token.is_upper and token.is_alpha and (len(token.text) > 1 or run)):
                break
            run.append(token)
        if not run or run[-1].i + 1 >= len(doc) or doc[run[-1].i + 1].text not in DATELINE_MARKS:
            continue
        if any(t.i in taken and t.ent_type_ in PLACE_LABELS for t in run):
            return []  # the NER's own place: entity_mentions has it
        span = doc[run[0].i : run[-1].i + 1]
        dash = doc[run[-1].i + 1].text not in (",", "(")
        if known_place(gazetteer, span.text, 0 if dash else 1000):
            return [Mention(span.start_char, span.end_char, span.text, source="dateline")]
    return []


#: what follows the capitals of a dateline inside a text: an agency in brackets or a dash
#: ("... The Associated Press. WASHINGTON (AP) - An on-again effort ...")
_FILED = re.compile(r"(?:,[^\n()]{0,30}?)?\s*(?:\(\w[\w .]*\)|[-\u2013\u2014]{1,3}\s)")


def filed_from(text: str, mention: Mention) -> bool:
    """A place in capitals that opens a line or sentence and is followed by an agency or a dash
    is where a story was filed, wherever it stands (after a byline, or a second story's): a
    town, as the lead's dateline is."""
    if not (mention.text.isupper() and len(mention.text) > 2):
        return False
    before = text[: mention.start].rstrip(" \t")
    if before and before[-1] not in ".\n":
        return False
    return _FILED.match(text, mention.end, mention.end + 40) is not None


def party_homes(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """The home a party letter gives a politician: "Jim Clyburn, D-S.C.", "Tom Bakk, DFL-Cook"
    (Cook County), "Westrom, R-Elbow Lake," — a state, a county or a town, after a comma or an
    opening bracket. A bare name that is no place is tried as a county ("D-Kanawha")."""
    found: list[Mention] = []
    ws = words_of(doc)
    for w in ws[1:-2]:
        i = w.i
        if w.lower_ not in PARTIES or ws[i + 1].text != "-" or ws[i - 1].text not in (",", "("):
            continue
        stop = i + 2
        while stop < len(doc) and stop < i + 5 and doc[stop].text[:1].isupper():
            stop += 1
        for end in range(stop, i + 2, -1):
            span = doc[i + 2 : end]
            lookup = None
            if span.text not in gazetteer:  # "W. Va." is West Virginia's alias
                lookup = f"{span.text} County"
                if not any(e.level == "admin2" for e in gazetteer.candidates(lookup)):
                    continue
            found.append(Mention(span.start_char, span.end_char, span.text, source="context",
                                 lookup=lookup))
            break
    return found


def county_lists(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Each name of a list that ends in "counties" is a county: "Barrow and Jackson counties",
    "Clarke, Madison, Oconee and Oglethorpe counties" -> Barrow County, Jackson County, ...;
    so is the name before a "parish(es)" in Louisiana style ("Avoyelles and Rapides parishes")."""
    found: list[Mention] = []
    for w in words_of(doc):
        if w.lower_ not in ("counties", "parishes") or w.i == 0:
            continue
        suffix = "County" if w.lower_ == "counties" else "Parish"
        i, names = w.i - 1, []
        while i >= 0:
            end = i + 1
            while i >= 0 and doc[i].text[:1].isupper() and doc[i].is_alpha and end - i <= 3:
                i -= 1
            if i + 1 == end:
                break
            names.append(doc[i + 1 : end])
            if i >= 0 and doc[i].lower_ in (",", "and", "or", "&"):
                i -= 1
                if i >= 0 and doc[i].text == "," :
                    i -= 1
                continue
            break
        for span in names:
            lookup = f"{span.text} {suffix}"
            if any(e.level == "admin2" for e in gazetteer.candidates(lookup)):
                found.append(Mention(span.start_char, span.end_char, span.text,
                                     source="context", lookup=lookup))
    return found


def conjoined_places(doc: Doc, gazetteer: Gazetteer, found: list[Mention],
                     states: frozenset[str]) -> list[Mention]:
    """A name listed with a place is a place when the gazetteer knows it as a town of 1,000 or
    one in the article's states: "Bicester and Kidlington", "Gainesville and Lindsay",
    "Hamilton and Middletown" (the second read as a person); each found one lets the next in."""
    people = people_words(doc)
    spans = SpanIndex((m.start, m.end) for m in found)
    extra: list[Mention] = []
    ents = [e for e in ents_of(doc) if e.label_ in ("PERSON", "ORG", "NORP", "FAC", "PRODUCT")]
    for _ in range(3):
        added = False
        for ent in ents:
            start, end = trim_span(doc, ent.start, ent.end)
            if start >= end:
                continue
            span = doc[start:end]
            if spans.overlaps(span.start_char, span.end_char):
                continue
            before = doc[start - 2 : start] if start >= 2 else None
            after = doc[end : end + 2] if end + 2 <= len(doc) else None
            linked = (before is not None and before[1].lower_ in ("and", "or", ",")
                      and before[0].idx + len(before[0].text) in spans.ends) or (
                after is not None and after[0].lower_ in ("and", "or", ",")
                and after[1].idx in spans.starts)
            if not linked or fold(span.text) in people or acronym(span.text):
                continue
            entries = [e for e in gazetteer.candidates(span.text)
                       if e.level == "city" and fold(e.name) == fold(span.text)]
            if any(e.population >= 1000 or e.admin1 in states for e in entries):
                extra.append(Mention(span.start_char, span.end_char, span.text, source="context"))
                spans.add(span.start_char, span.end_char)
                added = True
        if not added:
            break
    return extra


def repeated_mentions(doc: Doc, gazetteer: Gazetteer, found: list[Mention]) -> list[Mention]:
    """A place name keeps its reading through an article: once "Alexandria" is a place, the
    "Alexandria" the NER took for a person three lines down is the same town."""
    names = {fold(m.text) for m in found if m.kind == "place" and m.text in gazetteer}
    names -= people_words(doc)
    if not names:
        return []
    covered = {(m.start, m.end) for m in found}
    spans = SpanIndex(covered)
    capitals = {m.text for m in found if m.text.isupper()}  # "TORRINGTON —" ... "TORRINGTON"
    extra: list[Mention] = []
    for ent in ents_of(doc):
        if ent.label_ not in ("PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"):
            continue
        start, end = trim_span(doc, ent.start, ent.end)
        span = doc[start:end]
        if start >= end or (span.start_char, span.end_char) in covered:
            continue
        if span.text.isupper() and span.text not in capitals:
            continue  # an acronym is not the town it spells: "NATO" after Nato (Philippines)
        if fold(span.text) in names and not spans.overlaps(span.start_char, span.end_char):
            extra.append(Mention(span.start_char, span.end_char, span.text, source="repeat"))
    return extra


def buildings(doc: Doc) -> list[Mention]:
    """Buildings and grounds named as places: "Altnagelvin Hospital", "the Barclays Center",
    "St Seachnails Church", "the South Kilburn Estate" — an organisation's, facility's or
    person-like name (the small NER's reading) that ends in a building's word. The gazetteer
    knows none of them: :mod:`.component` places them at the article's own town, as it does
    the streets and waters it does not know. Not a court (an institution far more often than
    a building: "the Supreme Court ruled"), nor a name with an initial ("Manly P. Hall")."""
    found: list[Mention] = []
    for ent in ents_of(doc):
        if ent.label_ not in ("ORG", "FAC", "PERSON") or len(ent) < 2:
            continue
        last = ent[-1]
        if last.lower_ not in BUILDINGS or not last.text[:1].isupper():
            continue
        if any(len(t.text) == 2 and t.text.endswith(".") for t in ent):
            continue
        start, end = trim_span(doc, ent.start, ent.end)
        if end - start >= 2:
            span = doc[start:end]
            found.append(Mention(span.start_char, span.end_char, span.text, source="building",
                                 local=True))
    return found


def _add_new(mentions: list[Mention], more: list[Mention]) -> None:
    """Append the mentions of ``more`` that overlap none already found (the first reading of a
    stretch of text wins: the NER's, then the context's)."""
    found = SpanIndex((o.start, o.end) for o in mentions)
    for m in more:
        if not found.overlaps(m.start, m.end):
            mentions.append(m)
            found.add(m.start, m.end)


def _dateline_town(dateline: Dateline, text: str, gazetteer: Gazetteer) -> Mention | None:
    """The lead dateline's town as one mention, read off the parsed dateline rather than the
    NER's pieces of it ("ST. LOUIS –" tagged as "ST" and "LOUIS"); it replaces them."""
    name = dateline.place.split(",")[0]
    end = dateline.start + len(name)
    if text[dateline.start : end] != name or name not in gazetteer:
        return None
    return Mention(dateline.start, end, name, source="dateline")


def _inside(mention: Mention, town: Mention | None) -> bool:
    """``mention`` is a piece of the dateline's ``town`` (and not the town itself)."""
    return town is not None and mention is not town and mention.start < town.end \
        and town.start < mention.end


def find_place_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Every place mention in ``doc``, in text order; none from the date or agency of the
    story's dateline ("BRUSSELS, Aug 14 (Continental Wire) -": Continental is no town). The
    dateline's town, and any town in capitals that files a story further down ("WASHINGTON
    (AP) -"), is marked ``source="dateline"``: :mod:`.geocode` reads it as a town."""
    mentions = entity_mentions(doc, gazetteer)
    taken = {i for ent in ents_of(doc) for i in range(ent.start, ent.end)}
    _add_new(mentions, gazetteer_mentions(doc, gazetteer, taken, regions_named(mentions, gazetteer)))
    _add_new(mentions, conjoined_places(doc, gazetteer, mentions, regions_named(mentions, gazetteer)))
    _add_new(mentions, repeated_mentions(doc, gazetteer, mentions))
    _add_new(mentions, county_lists(doc, gazetteer))
    _add_new(mentions, party_homes(doc, gazetteer))
    _add_new(mentions, buildings(doc))
    text = text_of(doc)  # built once per document
    dateline = lead_dateline(text)
    town = None if dateline is None else _dateline_town(dateline, text, gazetteer)
    if town is not None:
        mentions.append(town)
    kept = [k for k, m in enumerate(mentions)
            if dateline is None or not (dateline.place_end <= m.start < dateline.end
                                        or _inside(m, town))]
    for m in mentions:
        if (dateline is not None and m.start == dateline.start) or filed_from(text, m):
            m.source = "dateline"  # the filing town, whoever found it: geocoded as a town
    order = sorted(kept, key=lambda k: mentions[k].start)
    new_index = {old: new for new, old in enumerate(order)}
    ordered = [mentions[k] for k in order]
    for m in ordered:
        if m.qualifier is not None:
            m.qualifier = new_index.get(m.qualifier)
    for i, (a, b) in enumerate(zip(ordered, ordered[1:], strict=False)):
        if a.qualifier is None and text[a.end:b.start].strip() == ",":
            a.qualifier = i + 1  # "Athens, Ga.": the second narrows the first
            if b.kind == "metonym":  # a town's state, not its government: "Tacoma, Washington
                b.kind = "place"  # shares tips" (the parse makes the state the subject)
    mark_lists(ordered, text)
    return ordered


#: what stands between two names of one list: "Iraq and Syria", "Washington, New York and Boston"
_LINKS = {",": False, "and": True, "or": True, ", and": True, ", or": True, "&": True}


def mark_lists(mentions: list[Mention], text: str) -> None:
    """Number the lists of place names (``Mention.listed``): names joined by "and"/"or" and the
    commas before them ("Washington, New York and Boston", "England and Wales"). Commas alone
    make no list: "Tacoma, Washington" is a town and its state."""
    run: list[Mention] = []
    joined = False
    following: list[Mention | None] = [*mentions[1:], None]
    for a, b in zip(mentions, following[: len(mentions)], strict=True):
        link = None if b is None else _LINKS.get(" ".join(text[a.end:b.start].split()))
        if not run:
            run = [a]
        if link is not None and b is not None and b.kind == a.kind:
            run.append(b)
            joined = joined or link
            continue
        if joined and len(run) >= 2:
            for m in run:
                m.listed = a.start
        run, joined = [], False
