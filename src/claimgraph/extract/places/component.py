"""The ``claimgraph_places_v1`` spaCy component: find place mentions, geocode them, store them."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.extract.places import gazetteer as gazetteer_module
from claimgraph.extract.places.context import find_place_mentions
from claimgraph.extract.places.gazetteer import Gazetteer
from claimgraph.extract.places.geocode import geocode
from claimgraph.nlp import extensions
from claimgraph.record import Place


def find_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Every place ``doc`` names, in text order, geocoded where the gazetteer knows it.

    A street, building or river the gazetteer does not know ("Royal Street", "the Cottonport
    Fire Station") is placed at the article's own town — the town it names most — with a
    null ``geonames_id``: local news walks its own streets. Any other unknown name ("the
    Donbas front") is still a place, with ``geonames_id``, ``lat`` and ``lon`` null.
    """
    gazetteer = gazetteer or gazetteer_module.load()
    mentions = find_place_mentions(doc, gazetteer)
    entries = geocode(mentions, gazetteer)
    towns = Counter(e for e in entries if e is not None and e.level in ("city", "admin2"))
    home = towns.most_common(1)[0][0] if towns else None
    places = []
    for mention, entry in zip(mentions, entries, strict=True):
        if entry is None and mention.local and home is not None:
            places.append(Place(mention.start, mention.end, mention.text, name=mention.text,
                                country=home.country, admin1=home.admin1, lat=home.lat,
                                lon=home.lon))
            continue
        if entry is None:
            places.append(Place(mention.start, mention.end, mention.text, name=mention.text,
                                kind=mention.kind, country=mention.country))
            continue
        places.append(Place(
            mention.start, mention.end, mention.text,
            name=entry.name, kind=mention.kind,  # type: ignore[arg-type]
            country=entry.country, admin1=entry.admin1, geonames_id=entry.geonames_id,
            lat=entry.lat, lon=entry.lon,
        ))
    return places


class PlaceTagger:
    """Sets ``doc._.cg_places``; the gazetteer is loaded once, when the pipeline is built."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.gazetteer = gazetteer_module.load()

    def __call__(self, doc: Doc) -> Doc:
        with extensions.holding_ents(doc):
            doc._.cg_places = find_places(doc, self.gazetteer)
        return doc


@Language.factory(
    "claimgraph_places_v1",
    assigns=["doc._.cg_places"],
    requires=[*extensions.PARSE, *extensions.ENTITIES],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlaceTagger:
    extensions.register()
    return PlaceTagger(name)
