"""The normalised schema and its named, recorded migrations (as sqlite-utils' migrations).

Every change to the schema is a new entry appended to ``MIGRATIONS``: a stable name and the
statements that apply it. ``migrate`` runs, in order and each in its own transaction, the
migrations not yet recorded in ``schema_migrations``; the schema version is the number of
migrations applied. Never edit or reorder a migration that has shipped: add a new one.
A migration whose new values need Python (the exact text of a number, a date check) names a
``backfill(store)`` run after its statements, in the same transaction.

The SQL is the subset DuckDB and PostgreSQL share (``TEXT``, ``INTEGER``, ``BIGINT``,
``DOUBLE PRECISION``, ``BOOLEAN``, ``TIMESTAMP``, ``ON CONFLICT``), so both backends run the very
same statements. Column names avoid the reserved words ``start``/``end``: spans are stored as
``start_char``/``end_char``/``text``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimgraph.record import publication_day
from claimgraph.store import corpus, counts, event_list, list_counts, rank_counts
from claimgraph.store.rows import number_text

EVENT_BUCKET = list_counts.BUCKET.replace("e.", "")


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    statements: tuple[str, ...]
    backfill: Callable[[Any], None] | None = None  # called with the Store


_SPAN = "start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL"

INITIAL = Migration(
    "0001_initial_schema",
    (
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            published TEXT,
            title TEXT,
            outlet TEXT,
            url TEXT,
            text TEXT NOT NULL,
            ingested_at TIMESTAMP NOT NULL)""",
        f"""CREATE TABLE entities (
            document_id TEXT NOT NULL, idx INTEGER NOT NULL, {_SPAN},
            label TEXT NOT NULL, canonical TEXT, country TEXT, metonym BOOLEAN NOT NULL,
            PRIMARY KEY (document_id, idx))""",
        # One row per distinct source: who, not where in which text. ``name`` is the canonical
        # name, else the mention's text; ``id`` hashes (canonical or lower-cased text, kind,
        # anonymous), so every mention of "the Russian Defense Ministry" links to one row.
        """CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            canonical TEXT,
            kind TEXT NOT NULL,
            anonymous BOOLEAN NOT NULL)""",
        """CREATE TABLE attributions (
            document_id TEXT NOT NULL, idx INTEGER NOT NULL,
            id TEXT NOT NULL, type TEXT NOT NULL,
            source_id TEXT,
            cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
            content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
            content_text TEXT NOT NULL,
            PRIMARY KEY (document_id, idx))""",
        # The mentions of sources in one attribution: role 'source' (position 0) or 'via'
        # (position 0 = the nearest intermediary, as in the record's ``via`` list).
        f"""CREATE TABLE attribution_sources (
            document_id TEXT NOT NULL, attribution_idx INTEGER NOT NULL,
            role TEXT NOT NULL, position INTEGER NOT NULL,
            source_id TEXT NOT NULL, {_SPAN}, descriptor TEXT,
            PRIMARY KEY (document_id, attribution_idx, role, position))""",
        f"""CREATE TABLE hedges (
            document_id TEXT NOT NULL, attribution_idx INTEGER NOT NULL,
            position INTEGER NOT NULL, {_SPAN},
            PRIMARY KEY (document_id, attribution_idx, position))""",
        # Numbers keep their JSON type: ``int_fields`` lists which of value/low/high were ints.
        f"""CREATE TABLE quantities (
            document_id TEXT NOT NULL, idx INTEGER NOT NULL, {_SPAN},
            value DOUBLE PRECISION, low DOUBLE PRECISION, high DOUBLE PRECISION,
            int_fields TEXT NOT NULL, unit TEXT, attribution TEXT,
            PRIMARY KEY (document_id, idx))""",
        f"""CREATE TABLE times (
            document_id TEXT NOT NULL, idx INTEGER NOT NULL, {_SPAN},
            type TEXT NOT NULL, value TEXT,
            PRIMARY KEY (document_id, idx))""",
        f"""CREATE TABLE places (
            document_id TEXT NOT NULL, idx INTEGER NOT NULL, {_SPAN},
            name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, admin1 TEXT,
            geonames_id BIGINT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
            PRIMARY KEY (document_id, idx))""",
        """CREATE TABLE events (
            document_id TEXT NOT NULL, idx INTEGER NOT NULL,
            id TEXT NOT NULL, type TEXT NOT NULL,
            trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
            trigger_text TEXT NOT NULL,
            place_idx INTEGER, time_idx INTEGER, attribution TEXT,
            PRIMARY KEY (document_id, idx))""",
        # Actor and target of an event (role 'actor' | 'target'), absent when unknown.
        f"""CREATE TABLE event_actors (
            document_id TEXT NOT NULL, event_idx INTEGER NOT NULL, role TEXT NOT NULL,
            {_SPAN}, canonical TEXT, country TEXT, sector TEXT,
            PRIMARY KEY (document_id, event_idx, role))""",
        # Inputs that did not become a record, keyed by the input's name (path, path:line, URL).
        """CREATE TABLE rejected (
            input TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            time TIMESTAMP NOT NULL)""",
        "CREATE INDEX documents_published ON documents (published)",
        "CREATE INDEX documents_outlet ON documents (outlet)",
        "CREATE INDEX attributions_id ON attributions (id)",
        "CREATE INDEX attributions_source ON attributions (source_id)",
        "CREATE INDEX attribution_sources_source ON attribution_sources (source_id)",
        "CREATE INDEX events_type ON events (type)",
        "CREATE INDEX places_country ON places (country)",
    ),
)

# An event's date: its time expression when that names a day, else the publication date.
# Stored (and indexed) so a timeline is sorted and filtered without joining times and
# documents; new rows get it from ``rows.event_date``, old rows from this backfill.
EVENT_DATE = Migration(
    "0002_event_date",
    (
        "ALTER TABLE events ADD COLUMN date TEXT",
        """UPDATE events SET date = (
            SELECT CASE WHEN t.value LIKE '1___-__-__%' OR t.value LIKE '2___-__-__%'
                        THEN substr(t.value, 1, 10) ELSE d.published END
            FROM documents d
            LEFT JOIN times t ON t.document_id = d.id AND t.idx = events.time_idx
            WHERE d.id = events.document_id)""",
    ),
)

# Its own migration: DuckDB cannot build an index in the transaction that updated the rows.
EVENT_DATE_INDEX = Migration("0003_event_date_index", ("CREATE INDEX events_date ON events (date)",))

# The content hash of a rejected document (NULL for inputs that never became one: unreadable,
# empty, a broken JSON row), so a rerun of ingest skips content that failed analysis or storage
# before instead of analysing it again (``claimgraph ingest --retry-rejected`` does).
REJECTED_CONTENT_HASH = Migration(
    "0004_rejected_content_hash",
    (
        "ALTER TABLE rejected ADD COLUMN content_hash TEXT",
        "CREATE INDEX rejected_content_hash ON rejected (content_hash)",
    ),
)


def _exact_numbers(store: Any) -> None:
    """Old rows' exact text from what the DOUBLE columns kept (``int_fields`` said which were
    ints). An int above 2**53 was already rounded there: `claimgraph ingest --reanalyse`
    stores it exactly again."""
    rows = store._fetch("SELECT document_id, idx, value, low, high, int_fields FROM quantities")
    updates = []
    for row in rows:
        numbers = [
            None if row[name] is None or not math.isfinite(row[name])  # JSON has no inf/NaN
            else int(row[name]) if name[0] in row["int_fields"] else float(row[name])
            for name in ("value", "low", "high")
        ]
        if any(number is not None for number in numbers):
            doubles = [None if n is None else float(n) for n in numbers]
            texts = [number_text(n) for n in numbers]
            updates.append((*doubles, *texts, row["document_id"], row["idx"]))
    if updates:
        store._update(
            "quantities", ("document_id", "idx"),
            ("value", "low", "high", "value_text", "low_text", "high_text"), updates,
        )


# Quantities as exact JSON numbers (``rows.number_text``): a DOUBLE cannot hold an int above
# 2**53 (DuckDB refused the whole article, PostgreSQL rounded the number).
EXACT_NUMBERS = Migration(
    "0005_exact_numbers",
    (
        "ALTER TABLE quantities ADD COLUMN value_text TEXT",
        "ALTER TABLE quantities ADD COLUMN low_text TEXT",
        "ALTER TABLE quantities ADD COLUMN high_text TEXT",
    ),
    _exact_numbers,
)

# The text says whether a number is an int: ``int_fields`` would be a second truth.
# Its own migration: DuckDB alters a table only after the transaction that updated it.
DROP_INT_FIELDS = Migration(
    "0006_drop_int_fields", ("ALTER TABLE quantities DROP COLUMN int_fields",)
)


def _valid_dates(store: Any) -> None:
    """Dates the old API let in ("2024-13-45") become NULL, so the timeline can read every
    stored date; an event dated by such a date falls back to its document's (valid) one."""

    def bad(value: Any) -> bool:
        try:
            return publication_day(value) != value
        except ValueError:
            return True

    documents = [
        (r["id"],) for r in store._fetch(
            "SELECT id, published FROM documents WHERE published IS NOT NULL"
        ) if bad(r["published"])
    ]
    if documents:
        store._executemany("UPDATE documents SET published = NULL WHERE id = ?", documents)
    events = [
        (r["document_id"], r["idx"]) for r in store._fetch(
            "SELECT document_id, idx, date FROM events WHERE date IS NOT NULL"
        ) if bad(r["date"])
    ]
    if events:
        store._executemany(
            "UPDATE events SET date = (SELECT d.published FROM documents d"
            " WHERE d.id = events.document_id) WHERE document_id = ? AND idx = ?",
            events,
        )


VALID_DATES = Migration("0007_valid_dates", (), _valid_dates)

# ``Record.published_guessed``: the date was read from the article's text (an HTML page with no
# date metadata); documents stored before it were not told, so they read as not guessed.
PUBLISHED_GUESSED = Migration(
    "0008_published_guessed",
    ("ALTER TABLE documents ADD COLUMN published_guessed BOOLEAN DEFAULT FALSE",),
)

# Whether each event happened, by the text's account (``record.FACTUALITY``), so the timeline
# and the export can leave out what did not. Rows stored before it read as positive, certain
# and present, as the record reads old JSON; `claimgraph ingest --reanalyse` reads them anew.
EVENT_FACTUALITY = Migration(
    "0009_event_factuality",
    (
        "ALTER TABLE events ADD COLUMN polarity TEXT DEFAULT 'positive'",
        "ALTER TABLE events ADD COLUMN certainty TEXT DEFAULT 'certain'",
        "ALTER TABLE events ADD COLUMN tense TEXT DEFAULT 'present'",
    ),
)

# Per-document and per-source counts kept by the write path (``store/counts.py``), built here
# from the stored rows: list pages read them instead of aggregating the corpus per request.
SUMMARY_COUNTS = Migration("0010_summary_counts", counts.TABLES)

# What ``claimgraph resolve`` says across documents (``store/corpus.py``): copies, stories,
# corpus events, claims and relations, each group with its members in order.
CORPUS_RECORDS = Migration("0011_corpus_records", corpus.TABLES)

# Every reported event, coded or not (issue 13): ``type`` is NULL for an event PLOVER has no
# category for (an earthquake, a merger); an event's other mentions ("the attack", "the
# operation") and the quantities that count it ("killing at least five people") get a table
# each. DuckDB alters no column of a table with an index on it, so the events' indexes are
# dropped around the ALTER and built again (rows are not updated, so in the same transaction).
EVENT_MENTIONS = Migration(
    "0012_event_mentions",
    (
        "DROP INDEX events_type",
        "DROP INDEX events_date",
        "ALTER TABLE events ALTER COLUMN type DROP NOT NULL",
        "CREATE INDEX events_type ON events (type)",
        "CREATE INDEX events_date ON events (date)",
        f"""CREATE TABLE event_mentions (
            document_id TEXT NOT NULL, event_idx INTEGER NOT NULL, position INTEGER NOT NULL,
            {_SPAN}, PRIMARY KEY (document_id, event_idx, position))""",
        """CREATE TABLE event_quantities (
            document_id TEXT NOT NULL, event_idx INTEGER NOT NULL, position INTEGER NOT NULL,
            quantity_idx INTEGER NOT NULL, PRIMARY KEY (document_id, event_idx, position))""",
    ),
)

# The dead an event's tied numbers count (``Event.fatalities``, ACLED's field), so the export
# reads it without the quantities; events stored before it read as having none tied.
EVENT_FATALITIES = Migration(
    "0013_event_fatalities", ("ALTER TABLE events ADD COLUMN fatalities BIGINT",),
)

# Per distinct place, its mentions, documents and events, kept by the write path like
# ``source_counts`` (``store/counts.py``); the map's list read them instead of grouping every
# mention per request (16 s at 100,000 documents). Built here from the stored rows.
PLACE_COUNTS = Migration("0014_place_counts", (counts.PLACE_TABLE,), counts.backfill_place_counts)

# Per claim, the columns its list filters and sorts by (publication date, outlet, the source's
# id, kind and anonymity, the claim's type), copied from its document and source at write time
# so a page of claims reads one table instead of joining the corpus's claims to documents,
# mentions and sources (2.1 s for a page of anonymous claims at 100,000 documents).
CLAIM_INDEX = Migration(
    "0015_claim_index",
    (
        """CREATE TABLE claim_index (
            document_id TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, published TEXT,
            outlet TEXT, source_id TEXT, kind TEXT, anonymous BOOLEAN,
            PRIMARY KEY (document_id, idx))""",
        "INSERT INTO claim_index (document_id, idx, type, published, outlet, source_id, kind,"
        " anonymous) SELECT a.document_id, a.idx, a.type, d.published, d.outlet, s.id, s.kind,"
        " s.anonymous FROM attributions a JOIN documents d ON d.id = a.document_id"
        " LEFT JOIN sources s ON s.id = a.source_id",
        "CREATE INDEX claim_index_published ON claim_index (published)",
    ),
)

# The claim list sorted by integers (``corpus.CLAIM_ORDER``), then indexes for it and for reading
# a group's members (``corpus.LOOKUPS``; DuckDB builds them only after the backfill's commit).
CORPUS_CLAIM_ORDER = Migration("0016_corpus_claim_order", corpus.CLAIM_ORDER,
                               corpus.backfill_claim_seq)
CORPUS_LOOKUPS = Migration("0017_corpus_lookups", corpus.LOOKUPS)

# Per day, the documents, claims and events on it; per source and outlet, its claims there
# (``store/list_counts.py``), kept by the write path: a deep page of a list in date order reads
# the days instead of sorting the corpus, the sources list reads its outlets instead of grouping
# every mention. Built here from the stored rows by the aggregates the write path runs.
LIST_COUNTS = Migration("0018_list_counts", list_counts.TABLES, list_counts.backfill_list_counts)


def _document_lookups(store: Any) -> None:
    """DuckDB: an index on ``document_id`` for every table of a document's rows. A page reads
    the rows of its documents, and DuckDB does not look up by the first column of a composite
    key: it scanned the table, pruned only when ids happened to grow with the insertion order
    (content-hash ids never do: 85 ms for one document's places at 100,000 documents, 1.4 ms
    with the index). PostgreSQL's composite keys already serve these lookups. (DuckDB alters
    no column of a table with an index: a later migration drops the table's first.)"""
    if store.dialect == "duckdb":
        for table in DOCUMENT_TABLES[:_DOCUMENT_TABLES_0019]:
            if table != "document_counts":  # keyed by document_id alone already
                store._execute(f"CREATE INDEX {table}_document ON {table} (document_id)")


DOCUMENT_LOOKUPS = Migration("0019_document_lookups", (), _document_lookups)

# Per rank bucket of the claim list (sources, outlets, a slice of ``seq``), how many claims fall
# in it (``store/rank_counts.py``), kept by the corpus write path: a deep page of claims reads
# the buckets instead of sorting every claim. Built here by the aggregate the write path runs.
CLAIM_RANK_COUNTS = Migration("0020_claim_rank_counts", (rank_counts.TABLE,),
                              rank_counts.recount)

# The claims of one source (``/api/attributions?source_id=``, a source's page) found by an index
# instead of a scan of every claim (PostgreSQL: 547 ms at 100,000 documents).
CLAIM_INDEX_SOURCE = Migration(
    "0021_claim_index_source", ("CREATE INDEX claim_index_source ON claim_index (source_id)",))

# The relation list's order (contradictions first, then by id) read off an index instead of a
# sort of every relation (PostgreSQL: 233 ms to skip 30,000 of 50,000).
RELATION_ORDER = Migration(
    "0022_relation_order", ("CREATE INDEX relations_order ON relations (type, id)",))



def _event_day_buckets(store: Any) -> None:
    """The buckets of every stored event, and on PostgreSQL an index in the events list's
    order: the day's events of one bucket are then found in the index, where a bitmap scan of
    the day read every heap page holding one of its 80,000 events (22,552 pages, 900 ms at
    100,000 documents). DuckDB scans the events table either way (15-20 ms) and keeps no
    index it does not use."""
    list_counts.backfill_event_day_buckets(store)
    if store.dialect == "postgresql":
        store._execute(f"CREATE INDEX IF NOT EXISTS events_day_bucket ON events (date, ({EVENT_BUCKET}),"
                       " document_id, idx)")


# Per day and slice of it (the last two characters of the document id), its events as
# ``day_counts`` counts them (``store/list_counts.py``): a page deep inside a crowded day sorts
# the events of the slices it spans, not the day's 80,000.
EVENT_DAY_BUCKETS = Migration("0023_event_day_buckets", (list_counts.BUCKET_TABLE,),
                              _event_day_buckets)

# Whom each source mention speaks for (the record's ``SOURCE.affiliation``, issue 12 item 1): a
# column of the mention, not of ``sources``, whose id names the entity whatever a document says
# it belongs to. Rows stored before it read back None, as their records had none.
SOURCE_AFFILIATION = Migration(
    "0024_source_affiliation", ("ALTER TABLE attribution_sources ADD COLUMN affiliation TEXT",))


def _event_list(store: Any) -> None:
    """The list's row of every stored event (``store/event_list.py``); DuckDB's lookup of a
    document's rows is an index of its own, built before the rows go in (DuckDB builds no
    index in the transaction that wrote the table's rows)."""
    if store.dialect == "duckdb":
        for statement in event_list.DUCKDB_INDEXES:
            store._execute(statement)
    event_list.backfill(store)


# One row per event with every column the events list shows and filters on, written with the
# event (``store/event_list.py``): a page of the timeline is one select of one table by the
# slots of the day buckets it spans, not a scan of the events and nine lookups.
EVENT_LIST = Migration("0025_event_list", (event_list.TABLE, *event_list.INDEXES), _event_list)

MIGRATIONS: tuple[Migration, ...] = (
    INITIAL, EVENT_DATE, EVENT_DATE_INDEX, REJECTED_CONTENT_HASH, EXACT_NUMBERS,
    DROP_INT_FIELDS, VALID_DATES, PUBLISHED_GUESSED, EVENT_FACTUALITY, SUMMARY_COUNTS,
    CORPUS_RECORDS, EVENT_MENTIONS, EVENT_FATALITIES, PLACE_COUNTS, CLAIM_INDEX,
    CORPUS_CLAIM_ORDER, CORPUS_LOOKUPS, LIST_COUNTS, DOCUMENT_LOOKUPS, CLAIM_RANK_COUNTS,
    CLAIM_INDEX_SOURCE, RELATION_ORDER, EVENT_DAY_BUCKETS, SOURCE_AFFILIATION, EVENT_LIST,
)

# The table that records applied migrations; created before any migration runs.
MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL)"""

# Tables holding one document's rows, deleted together if a document is ever replaced.
DOCUMENT_TABLES = (
    "entities",
    "attributions",
    "attribution_sources",
    "hedges",
    "quantities",
    "times",
    "places",
    "events",
    "event_actors",
    "event_mentions",
    "event_quantities",
    "document_counts",
    "claim_index",
    "event_list",
)
#: how many of them there were when ``0019_document_lookups`` indexed them (the later ones
#: index themselves)
_DOCUMENT_TABLES_0019 = 13
