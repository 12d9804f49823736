"""Benchmarks, one module per thing measured, each run by a ``claimgraph bench*`` command.

- :mod:`.analysis` (``claimgraph bench``): words/s of ``analyze`` against the bare spaCy parse.
- :mod:`.api` (``claimgraph bench-api``): p50/p95 latency of the server over a large database.
- :mod:`.store` (``claimgraph bench-store``): write and read-back speed of the store backends
  and of a full ``ingest``, against the analysis time.
"""
