"""The store conformance suite: every test runs against DuckDB and PostgreSQL."""

from __future__ import annotations

import pytest

from claimgraph.errors import DocumentError
from claimgraph.store import Store, open_store
from claimgraph.store.rows import COLUMNS
from claimgraph.store.schema import MIGRATIONS
from tests.store.store_samples import brussels, corpus, gaza, kursk

TABLES = [*COLUMNS, "rejected"]


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def test_new_database_records_every_named_migration(store: Store) -> None:
    assert store.schema_version() == len(MIGRATIONS)
    assert [m["name"] for m in store.migrations()] == [m.name for m in MIGRATIONS]


def test_reopening_applies_no_migration_twice(db_url: str) -> None:
    with open_store(db_url) as first:
        first.add_record(kursk())
    with open_store(db_url) as again:
        assert again.migrate() == []
        assert again.schema_version() == len(MIGRATIONS)
        assert again.get_record("doc-kursk") == kursk()


def test_stored_record_comes_back_identical(store: Store) -> None:
    for record in corpus():
        assert store.add_record(record) is True
    for record in corpus():
        assert store.get_record(record.id) == record
        assert store.get_record(record.id).to_dict() == record.to_dict()  # type: ignore[union-attr]


def test_storing_the_same_article_again_changes_nothing(store: Store) -> None:
    store.add_record(kursk())
    before = counts(store)
    assert store.add_record(kursk()) is False
    assert counts(store) == before


def test_one_source_row_for_every_mention_of_the_same_source(store: Store) -> None:
    store.add_record(kursk())
    store.add_record(brussels())
    rows = store.query(
        "SELECT id, name, kind, anonymous FROM sources WHERE canonical = ?",
        ["Russian Defence Ministry"],
    )
    assert len(rows) == 1
    assert (rows[0]["name"], rows[0]["kind"], bool(rows[0]["anonymous"])) == (
        "Russian Defence Ministry", "military", False
    )
    links = store.query(
        "SELECT document_id FROM attribution_sources WHERE source_id = ? ORDER BY document_id",
        [rows[0]["id"]],
    )
    assert [r["document_id"] for r in links] == ["doc-brussels", "doc-kursk"]


def test_each_mention_keeps_the_affiliation_its_article_gives(store: Store) -> None:
    # one source row (the ministry), two articles: one says whose it is, the other does not
    store.add_record(kursk())
    store.add_record(brussels())
    kursk_back, brussels_back = store.get_record("doc-kursk"), store.get_record("doc-brussels")
    assert kursk_back is not None and brussels_back is not None
    assert [a.source.affiliation for a in kursk_back.attributions if a.source] == [None, "Russia"]
    assert [a.source.affiliation for a in brussels_back.attributions if a.source] == [None, None]


def test_an_analysed_article_comes_back_with_its_affiliations(store: Store) -> None:
    from claimgraph.analyze import analyze_text

    record = analyze_text(
        "U.S. Defense Secretary Mark Esper on Tuesday accused China of stealing technology. "
        "Esper said the United States would respond. He added that allies agreed.")
    sources = {a.source.text: a.source.affiliation for a in record.attributions if a.source}
    assert (sources["Esper"], sources["He"]) == ("United States", "United States")
    store.add_record(record)
    assert store.get_record(record.id).to_dict() == record.to_dict()  # type: ignore[union-attr]


def test_via_links_keep_nesting_order(store: Store) -> None:
    record = gaza()
    chain = [record.attributions[1].via[0], record.attributions[0].source]
    record.attributions[1].via = chain  # type: ignore[assignment]
    store.add_record(record)
    back = store.get_record(record.id)
    assert back is not None
    assert [v.text for v in back.attributions[1].via] == ["Reuters", "officials"]


def test_stored_ids_lists_only_stored_documents(store: Store) -> None:
    store.add_record(gaza())
    assert store.stored_ids(["doc-gaza", "doc-kursk", "doc-gaza"]) == {"doc-gaza"}


def test_unknown_document_is_none(store: Store) -> None:
    assert store.get_record("no-such-id") is None


def test_a_failing_write_leaves_no_part_of_the_document(store: Store, monkeypatch) -> None:
    real = store._insert

    def fail_on_events(table: str, rows, **kw):  # type: ignore[no-untyped-def]
        if table == "events":
            raise RuntimeError("disk full")
        return real(table, rows, **kw)

    monkeypatch.setattr(store, "_insert", fail_on_events)
    with pytest.raises(DocumentError) as info:
        store.add_record(kursk())
    assert info.value.code == "E201" and info.value.source == "kursk.txt"
    assert all(n == 0 for n in counts(store).values())
    monkeypatch.setattr(store, "_insert", real)
    assert store.add_record(kursk()) is True
    assert store.get_record("doc-kursk") == kursk()


def test_rejected_inputs_keep_code_and_reason(store: Store) -> None:
    store.reject_error(DocumentError("E104", "photo.txt", "input looks binary (NUL bytes), not text"))
    store.reject("feed.rss", "E109", "not an RSS/Atom feed")
    rows = store.rejected()
    assert [(r["input"], r["code"]) for r in rows] == [("feed.rss", "E109"), ("photo.txt", "E104")]
    assert rows[1]["reason"] == "input looks binary (NUL bytes), not text"
    assert rows[0]["time"][:2] == "20"


def test_rejecting_the_same_input_again_replaces_the_reason(store: Store) -> None:
    store.reject("wire.jsonl:7", "E107", "not JSON")
    store.reject("wire.jsonl:7", "E103", "'text' is empty")
    assert [(r["input"], r["code"]) for r in store.rejected()] == [("wire.jsonl:7", "E103")]


def test_storing_an_input_clears_its_earlier_rejection(store: Store) -> None:
    store.reject("kursk.txt", "E110", "analysis failed")
    store.add_record(kursk())
    assert store.rejected() == []


def test_a_rejected_documents_content_hash_is_remembered(store: Store) -> None:
    store.reject_errors([DocumentError("E110", "kursk.txt", "analysis failed"),
                         DocumentError("E103", "empty.txt", "input is empty")],
                        {"kursk.txt": "0123456789abcdef"})
    assert store.rejected_hashes(["0123456789abcdef", "fedcba9876543210"]) == {"0123456789abcdef"}


def test_iter_records_yields_every_document_once(store: Store) -> None:
    for record in corpus():
        store.add_record(record)
    assert sorted(r.id for r in store.iter_records(batch=2)) == sorted(r.id for r in corpus())


def test_a_batch_is_stored_in_one_go_and_skips_what_is_stored(store: Store) -> None:
    store.add_record(gaza())
    assert store.add_records([kursk(), gaza(), kursk(), brussels()]) == [True, False, False, True]
    assert store.count("documents") == 3
    assert store.get_record("doc-brussels") == brussels()


def test_one_unstorable_record_does_not_cost_the_batch(store: Store, monkeypatch) -> None:
    real = store._write

    def refuse_kursk(records, **kwargs):  # type: ignore[no-untyped-def]
        if any(r.id == "doc-kursk" for r in records):
            raise RuntimeError("value out of range")
        return real(records, **kwargs)

    monkeypatch.setattr(store, "_write", refuse_kursk)
    outcome = store.add_records([gaza(), kursk(), brussels()])
    assert outcome[0] is True and outcome[2] is True
    assert isinstance(outcome[1], DocumentError) and outcome[1].code == "E201"
    assert store.stored_ids(["doc-gaza", "doc-kursk", "doc-brussels"]) == {"doc-gaza", "doc-brussels"}


def test_a_later_migration_is_applied_once_and_recorded(db_url: str, monkeypatch) -> None:
    from claimgraph.store import schema

    with open_store(db_url) as first:
        first.add_record(gaza())
    extra = schema.Migration(
        "0099_documents_language", ("ALTER TABLE documents ADD COLUMN language TEXT",)
    )
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, extra))
    monkeypatch.setattr("claimgraph.store.base.MIGRATIONS", schema.MIGRATIONS)
    with open_store(db_url) as upgraded:
        assert upgraded.schema_version() == len(MIGRATIONS) + 1
        assert upgraded.migrations()[-1]["name"] == "0099_documents_language"
        assert upgraded.query("SELECT language FROM documents") == [{"language": None}]
        assert upgraded.get_record("doc-gaza") == gaza()
        assert upgraded.migrate() == []


@pytest.mark.postgres
def test_two_postgres_writers_store_one_article_once(pg_dsn: str) -> None:
    import threading
    import time

    from tests.store.pg import fresh_pg_url

    url = fresh_pg_url(pg_dsn)
    with open_store(url) as first, open_store(url) as second:
        outcome: list[object] = []
        with first.transaction():
            assert first._write([kursk()]) == [True]
            other = threading.Thread(target=lambda: outcome.extend(second.add_records([kursk()])))
            other.start()  # blocks on the document's key until the first writer commits
            time.sleep(0.5)
        other.join(timeout=30)
        assert outcome == [False]
        assert second.count("documents") == 1
        assert second.get_record("doc-kursk") == kursk()


@pytest.mark.postgres
def test_text_postgres_cannot_hold_is_a_coded_rejection(pg_dsn: str) -> None:
    from tests.store.pg import fresh_pg_url

    record = gaza()
    record.id, record.text = "doc-nul", record.text + "\x00"
    with open_store(fresh_pg_url(pg_dsn)) as store:
        (outcome,) = store.add_records([record])
        assert isinstance(outcome, DocumentError) and outcome.code == "E201"
        assert outcome.source == "gaza.html"
        assert store.count("documents") == 0


def test_event_date_backfill_agrees_with_the_date_stored_on_write(store: Store) -> None:
    from claimgraph.store.schema import EVENT_DATE

    for record in corpus():
        store.add_record(record)
    written = store.query("SELECT id, date FROM events ORDER BY id")
    assert written == [
        {"id": "event-b1", "date": "2024-09-17"},  # "next week": a week, so the publication
        {"id": "event-g1", "date": "2024-03-05"},  # no time expression: the publication
        {"id": "event-k1", "date": "2024-08-06"},  # "Tuesday" = 2024-08-06
    ]
    store._execute("UPDATE events SET date = NULL")
    store._execute(EVENT_DATE.statements[1])
    assert store.query("SELECT id, date FROM events ORDER BY id") == written


def test_read_only_duckdb_refuses_an_outdated_schema(tmp_path, monkeypatch) -> None:
    from claimgraph.errors import ClaimgraphError
    from claimgraph.store import schema

    path = tmp_path / "old.duckdb"
    monkeypatch.setattr("claimgraph.store.base.MIGRATIONS", schema.MIGRATIONS[:1])
    open_store(path).close()
    monkeypatch.undo()
    with pytest.raises(ClaimgraphError) as info:
        open_store(path, read_only=True)
    assert info.value.code == "E201" and "schema version 1" in str(info.value)
    open_store(path).close()  # opening for writing migrates it
    with open_store(path, read_only=True) as store:
        assert store.schema_version() == len(MIGRATIONS)


def test_replacing_a_document_swaps_its_rows(store: Store) -> None:
    store.add_records([kursk(), gaza()])
    before = counts(store)
    newer = kursk()
    newer.attributions = newer.attributions[:1]
    newer.events = []
    assert store.add_records([newer], replace=True) == [True]
    assert store.get_record("doc-kursk") == newer
    after = counts(store)
    assert after["attributions"] == before["attributions"] - 1
    assert after["events"] == before["events"] - 1
    assert after["documents"] == before["documents"]
    assert store.get_record("doc-gaza") == gaza()


def test_deleting_documents_removes_every_row_of_them(store: Store) -> None:
    store.add_records([kursk(), gaza()])
    assert store.delete_documents(["doc-kursk", "doc-missing"]) == 1
    left = store.query(
        "SELECT DISTINCT document_id FROM attributions UNION SELECT DISTINCT document_id FROM places"
    )
    assert [r["document_id"] for r in left] == ["doc-gaza"]
    assert store.get_record("doc-kursk") is None


@pytest.mark.postgres
def test_stores_opening_a_new_postgres_database_together_migrate_it_once(pg_dsn: str) -> None:
    import threading

    from tests.store.pg import fresh_pg_url

    url = fresh_pg_url(pg_dsn)
    versions: list[int] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            with open_store(url) as store:
                versions.append(store.schema_version())
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == [] and versions == [len(MIGRATIONS)] * 4
    with open_store(url) as store:
        assert [m["version"] for m in store.migrations()] == list(range(1, len(MIGRATIONS) + 1))
