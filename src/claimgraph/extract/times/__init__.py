"""Dates and times: TIMEX3 types and values for temporal expressions, anchored on the
publication date (``find_times``; the ``claimgraph_times_v1`` component)."""

from claimgraph.extract.times.component import TimeTagger, make_times
from claimgraph.extract.times.finder import find_times

__all__ = ["TimeTagger", "find_times", "make_times"]
