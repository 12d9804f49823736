"""The wire dateline: "BRUSSELS (Continental Wire) -", "KYIV, Ukraine —" opening a story.

It says where the story was filed and by whom, not what anyone said or did: events read it as
the place of an event the sentence does not place, attributions keep it out of a content, places
take no place from its date or agency. It is recognised and parsed in
:mod:`claimgraph.ingest.masthead` (beside the headline, which a dateline may follow); the
extractors import it from here.
"""

from __future__ import annotations

from claimgraph.ingest.masthead import (
    DATELINE,
    Dateline,
    dateline_end,
    lead_dateline,
    parse_dateline,
)

__all__ = ["DATELINE", "Dateline", "dateline_end", "lead_dateline", "parse_dateline"]
