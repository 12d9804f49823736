"""Counts kept per place in the claim list's order, so a deep page of claims reads a few rows
instead of sorting every claim.

The claim list (``query/claims.py``) is ordered by ``independent_sources DESC, outlets DESC,
seq DESC`` (``seq``: 60 bits of a hash of the id, ``corpus_rows.claim_seq``). Skipping 400,000
of 800,000 claims sorted them all (270 ms on DuckDB, 3.1 s on PostgreSQL, which walked the
order's index row by row through the heap). ``claim_rank_counts`` holds how many claims fall
in each *rank bucket*: a pair (sources, outlets) and one of 1,024 equal slices of ``seq``
(``seq_bucket``: its top 10 bits). The buckets follow the list's order, so a page at any
offset reads the counts, finds the buckets it spans (``query/pages.py``'s ``rank_window``) and
sorts only their claims: a few hundred out of 800,000, found by the ``(independent_sources,
outlets, seq)`` index on PostgreSQL. The list's ``total``, and the total of ``min_sources``
(the claims of at least k sources are the start of the list), are sums of these rows.

Kept by the corpus write path (``store/corpus.py``): written claims are added from their rows,
claims about to be deleted are subtracted by the aggregate below over their ids, in the same
transaction; a resolve of the whole database (``replace``) clears the counts and recounts them
with that aggregate over every claim, as the migration ``0020_claim_rank_counts`` does. A
bucket whose claims are all deleted keeps a row of zeros, which readers skip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from claimgraph.store.corpus_rows import CORPUS_COLUMNS, Row

#: ``seq`` is below 2**60 (``claim_seq``); a bucket is 2**50 of it: 1,024 buckets, so a
#: million claims of one (sources, outlets) pair fill ~1,000 a bucket. (Read at each call, so
#: a test can make the buckets crowded.)
BUCKET_BITS = 50

TABLE = """CREATE TABLE claim_rank_counts (
    independent_sources BIGINT NOT NULL, outlets BIGINT NOT NULL, seq_bucket BIGINT NOT NULL,
    claims BIGINT NOT NULL, PRIMARY KEY (independent_sources, outlets, seq_bucket))"""

KEYS = ("independent_sources", "outlets", "seq_bucket")
COUNTED = ("claims",)


def aggregate(where: str = "") -> str:
    """The counts of the claims ``where`` narrows ``corpus_claims c`` to, in the SQL both
    backends share: ``/`` of two integers is a DOUBLE on DuckDB, exact here (a multiple of
    2**BUCKET_BITS below 2**60 divided by it)."""
    size = 1 << BUCKET_BITS
    bucket = f"CAST((c.seq - c.seq % {size}) / {size} AS BIGINT)"
    return (f"SELECT c.independent_sources, c.outlets, {bucket} AS seq_bucket, count(*) AS claims"
            f" FROM corpus_claims c{where} GROUP BY c.independent_sources, c.outlets, {bucket}")


_C = {c: CORPUS_COLUMNS["corpus_claims"].index(c) for c in ("independent_sources", "outlets", "seq")}


def bucket_of(seq: int) -> int:
    """A claim's ``seq_bucket`` (as ``aggregate`` counts it)."""
    return seq >> BUCKET_BITS


def bucket_range(bucket: int) -> tuple[int, int]:
    """The first and last ``seq`` of a bucket."""
    return bucket << BUCKET_BITS, ((bucket + 1) << BUCKET_BITS) - 1


def added(rows: Iterable[Row]) -> list[Row]:
    """What written ``corpus_claims`` rows add to the counts, as delta rows in key order."""
    n = Counter((int(r[_C["independent_sources"]]), int(r[_C["outlets"]]),
                 bucket_of(int(r[_C["seq"]]))) for r in rows)
    return [(*key, claims) for key, claims in sorted(n.items())]


def removed(store: Any, ids: Sequence[str]) -> list[Row]:
    """What the stored claims ``ids`` (about to be deleted) take from the counts, as negative
    delta rows in key order."""
    marks = ", ".join("?" for _ in ids)
    rows = store._fetch(aggregate(f" WHERE c.id IN ({marks})"), list(ids))
    return sorted((int(r["independent_sources"]), int(r["outlets"]), int(r["seq_bucket"]),
                   -int(r["claims"])) for r in rows)


def recount(store: Any) -> None:
    """Every claim's counts afresh (a migration, a resolve of the whole database)."""
    store._execute("DELETE FROM claim_rank_counts")
    store._execute(f"INSERT INTO claim_rank_counts ({', '.join(KEYS + COUNTED)}) "
                   + aggregate())
