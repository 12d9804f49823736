"""Renderers: a record or query results made readable, one module per medium.

- :mod:`.terminal`: the Rich view of a record (``claimgraph analyze`` and ``claimgraph show``).
- :mod:`.annotate`: a record's spans as annotated text segments for the web UI's article page.
- :mod:`.export`: query results as a table, JSON Lines, CSV or Parquet; events as ACLED/GDELT rows.
"""
