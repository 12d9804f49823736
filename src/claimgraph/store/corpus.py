"""The corpus records of ``claimgraph resolve`` in the store: tables, upserting writes, reads.

``claimgraph resolve`` says what many documents have in common: copies of one report, stories,
events told by several outlets, claims carried everywhere, relations between claims. These are
``claimgraph.resolve.corpus`` records; here they are written through the backend primitives,
so DuckDB and PostgreSQL run the same statements (``Store.add_corpus`` / ``corpus_records``).

**A rerun replaces what it resolves again.** Ids are content hashes of what a record groups, so
the same documents resolved twice give the same ids, and writing a record replaces the stored
one of its id. A group whose members changed has a new id (a story that gained an article), so
a written group also replaces every stored group of its kind that shares a member with it: a
document is in one copies group and one story, an event mention in one event, an attribution in
one claim. ``replace=True`` (a resolve of the whole database) first clears every corpus table,
so nothing of an earlier run survives that this run did not say again.

**Counts are kept at write time.** A story's ``events``, ``claims`` and ``contradictions`` are
counted in the same transaction for every story a write touched, so the story list reads them
instead of counting the corpus per request; the claim list's counts per rank bucket
(``store/rank_counts.py``) gain the written claims and lose the deleted ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

from claimgraph.record import Record
from claimgraph.resolve.corpus import Claim, Copies, CorpusEvent, CorpusRecord, Relation, Story
from claimgraph.resolve.forget import Touched, forget
from claimgraph.store import rank_counts
from claimgraph.store.corpus_rows import (
    CORPUS_COLUMNS,
    KEY,
    MEMBERS,
    TABLE,
    claim_seq,
    corpus_from_rows,
    corpus_rows,
    record_key,
)


class Store(Protocol):
    """The backend primitives this module writes and reads with (``store.base.Store`` has
    them; naming that class here would make the two modules import each other)."""

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
    def _insert(self, table: str, rows: Sequence[Any], *, upsert: bool = False) -> None: ...
    def _add_counts(self, table: str, deltas: Sequence[Any]) -> None: ...


Grouped = TypeVar("Grouped", Copies, Story, CorpusEvent, Claim)
Of = TypeVar("Of", bound=CorpusRecord)
_CHUNK = 500
_SPAN = "start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL"


def _member_table(name: str, key: str, extra: str = "") -> str:
    return (f"CREATE TABLE {name} ({key} TEXT NOT NULL, position INTEGER NOT NULL,"
            f" document_id TEXT NOT NULL{extra}, PRIMARY KEY ({key}, position))")


TABLES = (
    "CREATE TABLE copies (id TEXT PRIMARY KEY, original TEXT NOT NULL,"
    " documents INTEGER NOT NULL)",
    _member_table("copies_documents", "copies_id"),
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, first_published TEXT, last_published TEXT,
        documents INTEGER NOT NULL, events INTEGER NOT NULL, claims INTEGER NOT NULL,
        contradictions INTEGER NOT NULL)""",
    _member_table("story_documents", "story_id"),
    "CREATE TABLE corpus_events (id TEXT PRIMARY KEY, story_id TEXT, type TEXT,"
    " mentions INTEGER NOT NULL)",
    _member_table("corpus_event_mentions", "event_id", f", event TEXT, {_SPAN}"),
    """CREATE TABLE corpus_claims (
        id TEXT PRIMARY KEY, story_id TEXT, source TEXT, content TEXT NOT NULL,
        first_document TEXT NOT NULL, first_published TEXT,
        independent_sources BIGINT NOT NULL, outlets BIGINT NOT NULL, mentions INTEGER NOT NULL)""",
    _member_table("corpus_claim_mentions", "claim_id", ", attribution TEXT NOT NULL"),
    """CREATE TABLE relations (
        id TEXT PRIMARY KEY, type TEXT NOT NULL,
        a_document TEXT NOT NULL, a_attribution TEXT, a_quantity BIGINT,
        b_document TEXT NOT NULL, b_attribution TEXT, b_quantity BIGINT,
        reason TEXT NOT NULL)""",
    # Which group holds a document (a story page, the copies of an article), what a story has.
    "CREATE INDEX copies_documents_document ON copies_documents (document_id)",
    "CREATE INDEX story_documents_document ON story_documents (document_id)",
    "CREATE INDEX stories_last_published ON stories (last_published)",
    "CREATE INDEX corpus_events_story ON corpus_events (story_id)",
    "CREATE INDEX corpus_event_mentions_document ON corpus_event_mentions (document_id)",
    "CREATE INDEX corpus_claims_story ON corpus_claims (story_id)",
    # The claim list's order: most independent sources first.
    "CREATE INDEX corpus_claims_rank ON corpus_claims (independent_sources, outlets)",
    "CREATE INDEX corpus_claim_mentions_document ON corpus_claim_mentions (document_id)",
    "CREATE INDEX relations_a ON relations (a_document)",
    "CREATE INDEX relations_b ON relations (b_document)",
)

# Migrations after the first (``store/schema.py`` names them). The claim list sorts by integers
# only (``corpus_rows.claim_seq``): a column ``seq`` for the claims stored before it. DuckDB adds
# a column only to a table without indexes and builds an index only after the transaction that
# updated its rows, so the claims' indexes are dropped here and built, with the member tables'
# lookups by group (a claim's or a story's members read by one index probe instead of a scan of
# every member: 49 ms -> 1.5 ms of CPU for one claim's mentions among 800,000), in the next.
CLAIM_ORDER = (
    "DROP INDEX corpus_claims_story",
    "DROP INDEX corpus_claims_rank",
    "ALTER TABLE corpus_claims ADD COLUMN seq BIGINT",
)
LOOKUPS = (
    "CREATE INDEX corpus_claims_story ON corpus_claims (story_id)",
    # the claim list's order, read backwards: most sources, most outlets, then seq
    "CREATE INDEX corpus_claims_order ON corpus_claims (independent_sources, outlets, seq)",
    "CREATE INDEX copies_documents_group ON copies_documents (copies_id)",
    "CREATE INDEX story_documents_group ON story_documents (story_id)",
    "CREATE INDEX corpus_event_mentions_group ON corpus_event_mentions (event_id)",
    "CREATE INDEX corpus_claim_mentions_group ON corpus_claim_mentions (claim_id)",
)


def backfill_claim_seq(store: Any) -> None:
    """``seq`` of the claims stored before the column existed."""
    rows = [(claim_seq(r["id"]), r["id"]) for r in store._fetch("SELECT id FROM corpus_claims")]
    if rows:
        store._update("corpus_claims", ("id",), ("seq",), rows)


#: What makes two members the same member: a document (copies, stories), a place in a document
#: (event mentions), an attribution (claim mentions).
_MEMBER = {
    "copies": ("document_id",),
    "story": ("document_id",),
    "event": ("document_id", "start_char", "end_char"),
    "claim": ("document_id", "attribution"),
}

# A story's counts from the rows that hold them (events and claims name their story; a
# contradiction counts for the story of either end's document), set-wise: zeros first, then one
# grouped count per kind ({where} narrows to the touched stories, or is empty for every story).
_CONTRADICTIONS = """SELECT sd.story_id, r.id FROM relations r JOIN story_documents sd
    ON sd.document_id = r.{end}_document WHERE r.type = 'contradicts'{where}"""
_RECOUNT = (
    "UPDATE stories SET events = 0, claims = 0, contradictions = 0{where}",
    "UPDATE stories SET events = x.n FROM (SELECT story_id, count(*) AS n FROM corpus_events"
    " WHERE story_id IS NOT NULL{also} GROUP BY story_id) x WHERE stories.id = x.story_id",
    "UPDATE stories SET claims = x.n FROM (SELECT story_id, count(*) AS n FROM corpus_claims"
    " WHERE story_id IS NOT NULL{also} GROUP BY story_id) x WHERE stories.id = x.story_id",
    "UPDATE stories SET contradictions = x.n FROM (SELECT story_id, count(*) AS n FROM ("
    + _CONTRADICTIONS.format(end="a", where="{also_sd}") + " UNION "
    + _CONTRADICTIONS.format(end="b", where="{also_sd}")
    + ") p GROUP BY story_id) x WHERE stories.id = x.story_id",
)


def _recount(store: Store, stories: set[str] | None) -> None:
    """Count again the events, claims and contradictions of ``stories`` (None: of every one)."""
    for chunk in [None] if stories is None else _chunks(sorted(stories)):
        marks = "" if chunk is None else _marks(chunk)
        narrow = {"where": f" WHERE id IN ({marks})", "also": f" AND story_id IN ({marks})",
                  "also_sd": f" AND sd.story_id IN ({marks})"}
        for sql in _RECOUNT:
            uses = sum(sql.count("{" + name + "}") for name in narrow)
            if chunk is None:
                store._execute(sql.format(where="", also="", also_sd=""))
            else:
                store._execute(sql.format(**narrow), chunk * uses)


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    wanted = list(dict.fromkeys(values))
    for i in range(0, len(wanted), _CHUNK):
        yield wanted[i : i + _CHUNK]


def _marks(chunk: Sequence[Any]) -> str:
    return ", ".join("?" for _ in chunk)


def _select_in(store: Store, sql: str, values: Iterable[Any], *, twice: bool = False
               ) -> list[dict[str, Any]]:
    """``sql`` (with one ``{marks}``, or two with ``twice``) for every chunk of ``values``,
    rows joined."""
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(values):
        rows.extend(store._fetch(sql.format(marks=_marks(chunk)), chunk * (2 if twice else 1)))
    return rows


def write(store: Store, records: Sequence[CorpusRecord], *, replace: bool = False) -> dict[str, int]:
    """Store corpus records (inside the caller's transaction); how many of each kind.

    Each record replaces the stored record of its id and every stored group of its kind that
    shares a member with it; ``replace`` clears every corpus table first.
    """
    by_kind: dict[str, list[CorpusRecord]] = {kind: [] for kind in TABLE}
    for record in {(r.kind, record_key(r)): r for r in records}.values():
        by_kind[record.kind].append(record)
    touched: set[str] = set()
    if replace:
        for table in CORPUS_COLUMNS:
            store._execute(f"DELETE FROM {table}")
    else:
        for kind, mine in by_kind.items():
            touched |= _delete(store, kind, _superseded(store, kind, mine))
    rows = corpus_rows(r for mine in by_kind.values() for r in mine)
    for table, table_rows in rows.items():
        store._insert(table, table_rows)
    if replace:  # every story is new: count them all at once
        _recount(store, None)
        rank_counts.recount(store)
    else:
        store._add_counts("claim_rank_counts", rank_counts.added(rows.get("corpus_claims", [])))
        touched |= {r.id for r in by_kind["story"]}
        touched |= {r.story for r in by_kind["event"] + by_kind["claim"]
                    if isinstance(r, CorpusEvent | Claim) and r.story is not None}
        touched |= _stories_of(store, _relation_documents(by_kind["relation"]))
        _recount(store, touched)
    return {kind: len(mine) for kind, mine in by_kind.items()}


def _superseded(store: Store, kind: str, records: list[CorpusRecord]) -> set[str]:
    """Stored ids of ``kind`` that the records replace: their own ids, and the groups that
    share a member with one of them."""
    if not records:
        return set()
    ids = {record_key(r) for r in records}
    stale = {r["id"] for r in _select_in(
        store, f"SELECT id FROM {TABLE[kind]} WHERE id IN ({{marks}})", ids)}
    if kind in MEMBERS:
        table, key, same = MEMBERS[kind], KEY[MEMBERS[kind]], _MEMBER[kind]
        written = corpus_rows(records)[table]
        columns = CORPUS_COLUMNS[table]
        wanted = {tuple(row[columns.index(c)] for c in same) for row in written}
        stored = _select_in(store, f"SELECT {key}, {', '.join(same)} FROM {table}"
                            " WHERE document_id IN ({marks})", (w[0] for w in wanted))
        stale |= {r[key] for r in stored if tuple(r[c] for c in same) in wanted}
    return stale


def _delete(store: Store, kind: str, ids: set[str]) -> set[str]:
    """Delete records of ``kind`` by id; the stories whose counts they were part of."""
    if not ids:
        return set()
    touched: set[str] = set()
    if kind in ("event", "claim"):
        touched = {r["story_id"] for r in _select_in(
            store, f"SELECT story_id FROM {TABLE[kind]} WHERE id IN ({{marks}})", ids)
            if r["story_id"] is not None}
    elif kind == "relation":
        touched = _stories_of(store, (d for r in _select_in(
            store, "SELECT a_document, b_document FROM relations WHERE id IN ({marks})", ids)
            for d in (r["a_document"], r["b_document"])))
    for chunk in _chunks(sorted(ids)):
        if kind == "claim":  # the claim list's kept counts lose them (``store/rank_counts.py``)
            store._add_counts("claim_rank_counts", rank_counts.removed(store, chunk))
        if kind in MEMBERS:
            table = MEMBERS[kind]
            store._execute(f"DELETE FROM {table} WHERE {KEY[table]} IN ({_marks(chunk)})", chunk)
        store._execute(f"DELETE FROM {TABLE[kind]} WHERE id IN ({_marks(chunk)})", chunk)
    return touched


def _relation_documents(relations: Iterable[CorpusRecord]) -> set[str]:
    return {d for r in relations if isinstance(r, Relation) for d in (r.a.document, r.b.document)}


def _stories_of(store: Store, documents: Iterable[str]) -> set[str]:
    return {r["story_id"] for r in _select_in(
        store, "SELECT story_id FROM story_documents WHERE document_id IN ({marks})", documents)}


def forget_documents(store: Store, ids: Sequence[str],
                     document: Callable[[str], Record | None]) -> None:
    """Take documents about to be deleted out of every corpus record that holds them
    (``resolve/forget.py``), inside the caller's transaction and before their rows go:
    ``document`` reads them (a story may carry one's title)."""
    gone = set(ids)
    touched = Touched(
        copies=_holding(store, Copies, gone),
        stories=_holding(store, Story, gone),
        events=_holding(store, CorpusEvent, gone),
        relations=_only(Relation, read(store, "relation", {r["id"] for r in _select_in(
            store, "SELECT id FROM relations WHERE a_document IN ({marks})"
            " UNION SELECT id FROM relations WHERE b_document IN ({marks})", gone, twice=True)})),
    )
    # a copy whose group loses its original was heard first by another outlet now
    moved = {d for g in touched.copies if g.original in gone for d in g.documents} - gone
    touched.claims = _holding(store, Claim, gone | moved)
    if not any((touched.copies, touched.stories, touched.events, touched.claims,
                touched.relations)):
        return
    grouped = {d for g in [*touched.copies, *touched.stories] for d in g.documents}
    mentioned = {m.document for c in touched.claims for m in c.mentions} - gone
    published = {r["id"]: r["published"] for r in _select_in(
        store, "SELECT id, published FROM documents WHERE id IN ({marks})", grouped)}
    story_of = {r["document_id"]: r["story_id"] for r in _select_in(
        store, "SELECT document_id, story_id FROM story_documents WHERE document_id IN ({marks})",
        mentioned)}
    change = forget(gone, touched, document=document, published=published, story_of=story_of,
                    copies_of=_holding(store, Copies, mentioned))
    stories: set[str] = set()
    for kind in ("relation", "claim", "event", "story", "copies"):
        stories |= _delete(store, kind, {record_key(r) for r in change.removed.get(kind, [])})
    write(store, change.updated)
    _recount(store, stories)


def _holding(store: Store, kind: type[Grouped], documents: Iterable[str]) -> list[Grouped]:
    """The stored records of ``kind`` with a member in one of ``documents``."""
    table = MEMBERS[kind.kind]
    return _only(kind, read(store, kind.kind, {r[KEY[table]] for r in _select_in(
        store, f"SELECT {KEY[table]} FROM {table} WHERE document_id IN ({{marks}})", documents)}))


def _only(kind: type[Of], records: Iterable[CorpusRecord]) -> list[Of]:
    return [r for r in records if isinstance(r, kind)]


def read(store: Store, kind: str, ids: Iterable[str] | None = None) -> list[CorpusRecord]:
    """The stored records of ``kind`` (every one when ``ids`` is None), in id order."""
    table = TABLE[kind]
    if ids is None:
        groups = store._fetch(f"SELECT * FROM {table} ORDER BY id")
    else:
        groups = sorted(_select_in(store, f"SELECT * FROM {table} WHERE id IN ({{marks}})", ids),
                        key=lambda r: r["id"])
    members: list[dict[str, Any]] = []
    if kind in MEMBERS and groups:
        member_table = MEMBERS[kind]
        members = _select_in(
            store, f"SELECT * FROM {member_table} WHERE {KEY[member_table]} IN ({{marks}})",
            (g["id"] for g in groups))
    return corpus_from_rows(kind, groups, members)
