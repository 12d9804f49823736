"""Both stores keep every value exactly, refuse what neither can hold the same way, and
migrate old databases to the exact schema (issue 11 items 1, 2 and 6).

Run against DuckDB and PostgreSQL through the ``store`` fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

import claimgraph.store.base as store_base
from claimgraph import query
from claimgraph.analyze import analyze_documents
from claimgraph.errors import DocumentError
from claimgraph.ingest import Document
from claimgraph.record import Quantity, Record, span_of
from claimgraph.store import Store, open_store
from claimgraph.store.schema import MIGRATIONS

TWEET_IDS = (672138506081275904, 672137288055398401)  # above 2**53: a double rounds them


def counted(number: int | float) -> Record:
    text = f"Officials said {number} people were counted in Paris on Monday."
    start = text.index(str(number))
    q = span_of(text, start, start + len(str(number)) + len(" people"))
    return Record(id=f"n{number!r}", source="t.txt", published="2024-08-13", text=text,
                  quantities=[Quantity(q.start, q.end, q.text, value=number, unit="people")])


@pytest.mark.parametrize("number", TWEET_IDS)
def test_an_integer_above_two_to_the_53_is_stored_exactly(store: Store, number: int) -> None:
    record = counted(number)
    assert store.add_record(record) is True
    back = store.get_record(record.id)
    assert back is not None and back.quantities[0].value == number
    assert type(back.quantities[0].value) is int


@pytest.mark.parametrize("number", [-0.0, 5e-324, 1e308, 3.0])
def test_a_float_comes_back_bit_for_bit_and_still_a_float(store: Store, number: float) -> None:
    store.add_record(counted(number))
    back = store.get_record(counted(number).id)
    assert back is not None and json.dumps(back.quantities[0].value) == json.dumps(number)


def test_the_double_column_keeps_the_nearest_double_for_sql(store: Store) -> None:
    store.add_record(counted(TWEET_IDS[0]))
    [row] = store.query("SELECT value, value_text FROM quantities")
    assert row["value"] == float(TWEET_IDS[0]) and row["value_text"] == str(TWEET_IDS[0])


def test_the_article_of_the_issue_is_analysed_and_stored_exactly(
    store: Store, nlp: Language
) -> None:
    """The reproduction: DuckDB refused this article (E201), PostgreSQL rounded its number."""
    document = Document(
        text="Officials said 672138506081275904 people were counted in Paris on Monday.\n",
        source="t.txt", published="2024-08-13",
    )
    [record] = analyze_documents([document], nlp)
    assert isinstance(record, Record)
    assert store.add_records([record]) == [True]
    back = store.get_record(record.id)
    assert back is not None
    assert json.dumps(back.to_dict()) == json.dumps(record.to_dict())
    assert back.quantities[0].value == 672138506081275904


def test_a_nul_character_is_refused_alike_by_both_and_the_batch_goes_on(store: Store) -> None:
    """PostgreSQL text cannot hold NUL, DuckDB's can: both refuse it, so they never differ."""
    bad = Record(id="nul", source="nul.txt", published=None, text="Kyiv\x00 said.")
    good = counted(7)
    outcome = store.add_records([bad, good])
    assert isinstance(outcome[0], DocumentError) and outcome[0].code == "E201"
    assert outcome[0].reason == "could not store: text contains a NUL character, which cannot be stored"
    assert outcome[1] is True and store.stored_ids(["nul", good.id]) == {good.id}


def test_an_id_beyond_64_bits_is_refused_by_both(store: Store) -> None:
    from claimgraph.record import Place

    record = Record(id="geo", source="geo.txt", published=None, text="Paris",
                    places=[Place(0, 5, "Paris", name="Paris", geonames_id=2**63)])
    [outcome] = store.add_records([record])
    assert isinstance(outcome, DocumentError) and outcome.code == "E201"


# -- migrating a database written before the exact schema --------------------------------------

# before 0005_exact_numbers, 0006_drop_int_fields, 0007_valid_dates (and any later migration)
OLD = [m.name for m in MIGRATIONS].index("0005_exact_numbers")


def _old_database(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database from before the exact schema, holding what that version stored: numbers as doubles
    with ``int_fields``, and the dates the old API let in."""
    with monkeypatch.context() as m:
        m.setattr(store_base, "MIGRATIONS", MIGRATIONS[:OLD])
        with open_store(db_url) as old:
            assert old.schema_version() == OLD
            for doc_id, published in (("good", "2024-08-13"), ("bad", "2024-13-45")):
                old._execute(
                    "INSERT INTO documents (id, source, published, title, outlet, url, text,"
                    " ingested_at) VALUES (?, ?, ?, NULL, NULL, NULL, ?, '2024-08-14 10:00:00')",
                    (doc_id, f"{doc_id}.txt", published, "Some 3 or 2.5 said."),
                )
                old._execute(
                    "INSERT INTO quantities (document_id, idx, start_char, end_char, text, value,"
                    " low, high, int_fields, unit, attribution)"
                    " VALUES (?, 0, 5, 6, '3', 3.0, NULL, 2.5, 'v', NULL, NULL)",
                    (doc_id,),
                )
                old._execute(
                    "INSERT INTO events (document_id, idx, id, type, trigger_start, trigger_end,"
                    " trigger_text, place_idx, time_idx, attribution, date)"
                    " VALUES (?, 0, 'e', 'ASSAULT', 15, 19, 'said', NULL, NULL, NULL, ?)",
                    (doc_id, published),
                )


def test_an_old_database_is_migrated_by_name(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_database(db_url, monkeypatch)
    with open_store(db_url) as store:
        names = [m["name"] for m in store.migrations()]
        assert names[OLD : OLD + 3] == ["0005_exact_numbers", "0006_drop_int_fields", "0007_valid_dates"]
        assert store.schema_version() == len(MIGRATIONS)


def test_migrated_numbers_keep_their_json_type(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _old_database(db_url, monkeypatch)
    with open_store(db_url) as store:
        back = store.get_record("good")
        assert back is not None
        q = back.quantities[0]
        assert (json.dumps(q.value), q.low, json.dumps(q.high)) == ("3", None, "2.5")


def test_migrated_bad_dates_become_null_and_the_timeline_reads(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_database(db_url, monkeypatch)
    with open_store(db_url) as store:
        assert store.get_record("bad").published is None  # type: ignore[union-attr]
        assert store.get_record("good").published == "2024-08-13"  # type: ignore[union-attr]
        dates = {e["document"]["id"]: e["date"] for e in query.list_events(store)["items"]}
        assert dates == {"good": "2024-08-13", "bad": None}


def test_a_new_database_has_no_int_fields_column(tmp_path: Path) -> None:
    with open_store(tmp_path / "new.duckdb") as store:
        columns = {r["column_name"] for r in store.query("DESCRIBE quantities")}
    assert {"value_text", "low_text", "high_text"} <= columns and "int_fields" not in columns


def test_an_event_dated_by_an_impossible_day_takes_the_publication_date() -> None:
    from claimgraph.record import Event, Span, Time
    from claimgraph.store.rows import event_date

    text = "On 2024-02-30 troops moved."
    record = Record(id="e", source="e.txt", published="2024-03-02", text=text,
                    times=[Time(3, 13, text[3:13], value="2024-02-30")],
                    events=[Event(id="e1", type="MOVE", trigger=Span(20, 25, "moved"), time=0)])
    assert event_date(record, 0) == "2024-03-02"


def test_a_date_set_after_the_record_was_built_is_checked_again(store: Store) -> None:
    record = counted(9)
    record.published = "2024-13-45"  # around Record's own check
    [outcome] = store.add_records([record])
    assert isinstance(outcome, DocumentError) and outcome.code == "E112"
    assert store.stored_ids([record.id]) == set()
