"""The ``claimgraph_entities_v1`` component: every named entity with its canonical name.

``doc.ents`` says where the names are; a reader also wants to know *who* each one is, the same
way in every pipeline that reads claimgraph's output. So canonicalisation is a component, not a
step of the record assembly: anyone's pipeline that adds it gets ``doc._.cg_entities``
(``list[Entity]``, in ``doc.ents`` order).

It runs after the places component because a geocoded place lends its name and country to an
entity the news ruler knows nothing of ("Paiporta" → ES); it works without one (no place is
then known).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp import extensions
from claimgraph.nlp.names import organization_names, person_names
from claimgraph.nlp.news_entities import entity_info
from claimgraph.record import Entity

#: the entity labels (OntoNotes) that name places; a geocoded entity keeps its own
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def canonical_entities(doc: Doc) -> list[Entity]:
    """Named entities with canonical names.

    The news ruler gives outlets, ministries, seats of government and metonymic capitals their
    canonical name (``ent_id_``); a person mentioned by surname ("Putin") takes the full name
    of an earlier mention ("Vladimir Putin"), as a reader would (:mod:`claimgraph.nlp.names`,
    the clusters attribution sources read too); an entity the places component
    geocoded takes that place's name and country when the ruler knows nothing of it
    ("Paiporta" → ES), and a place's label when the tagger gave it another.
    """
    out: list[Entity] = []
    people = person_names(doc)
    organizations = organization_names(doc)  # "EPA" and "Environmental Protection Agency" are one
    places = {(p.start, p.end): p for p in extensions.results(doc, "cg_places")}
    for ent in extensions.ents_of(doc):
        canonical: str | None = ent.ent_id_ or organizations.get(ent.start)
        if ent.label_ == "PERSON" and ent.start in people:
            canonical = people[ent.start]
        info = entity_info(canonical)
        place = places.get((ent.start_char, ent.end_char))
        label = ent.label_
        if info is None and place is not None and place.kind == "place":
            canonical = place.name
            if label not in PLACE_LABELS:
                label = "GPE"  # "Valencia's regional leader": the tagger's PERSON, the map's town
        out.append(
            Entity(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=label,
                canonical=canonical,
                country=info.country if info else (place.country if place is not None else None),
                metonym=bool(info and (info.metonym or (info.kind == "government" and ent.label_ == "GPE"))),
            )
        )
    return out


class EntityCanonicaliser:
    """Sets ``doc._.cg_entities`` (list[Entity]) on every doc."""

    def __init__(self, name: str = "entities") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        with extensions.holding_ents(doc):
            doc._.cg_entities = canonical_entities(doc)
        return doc


@Language.factory(
    "claimgraph_entities_v1",
    assigns=["doc._.cg_entities"],
    requires=["doc.ents", "token.ent_id", "doc._.cg_places"],
)
def make_entities(nlp: Language, name: str) -> EntityCanonicaliser:
    """Canonical entities (place it after the news ruler, the NER and the places component)."""
    extensions.register()
    return EntityCanonicaliser(name)
