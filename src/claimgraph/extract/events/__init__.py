"""Events: who did what to whom, where and when, coded to PLOVER.

``find_events(doc)`` (pure, on a parsed ``Doc``) and the ``claimgraph_events_v1`` component that
puts its result on ``doc._.cg_events``. See ``coder`` for the method, ``actors`` for actor
coding, ``people`` for who a person is across a report, ``lexicon`` for the tables in
``claimgraph/data/events``.
"""

from claimgraph.extract.events.coder import find_events, main_event

__all__ = ["find_events", "main_event"]
