"""Places: toponyms, regions, demonyms and metonyms, geocoded offline against GeoNames.

``find_places(doc)`` is the whole job as a pure function; the ``claimgraph_places_v1`` component
(:mod:`claimgraph.extract.places.component`) stores its result on ``doc._.cg_places``.
One idea per module: :mod:`.gazetteer` (the tables), :mod:`.mentions` (where the NER's
entities name a place), :mod:`.context` (what local news writes that no entity covers, and the
whole search), :mod:`.geocode` (which place a name means).
"""

from claimgraph.extract.places.component import PlaceTagger, find_places

__all__ = ["PlaceTagger", "find_places"]
