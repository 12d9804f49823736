"""Query functions over both backends: filters, pagination, sources, events, places, exports."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.query import (
    get_document,
    get_source,
    list_attributions,
    list_documents,
    list_events,
    list_outlets,
    list_places,
    list_sources,
)
from claimgraph.record import span_of
from claimgraph.render.export import EVENT_COLUMNS, event_rows, write, write_csv, write_jsonl
from claimgraph.store import Store
from tests.store.store_samples import corpus, gaza, kursk


@pytest.fixture
def filled(store: Store) -> Store:
    for record in corpus():
        store.add_record(record)
    return store


def contents(page: dict) -> list[str]:
    return [item["content"]["text"] for item in page["items"]]


def test_documents_newest_first_with_counts(filled: Store) -> None:
    page = list_documents(filled)
    assert [d["id"] for d in page["items"]] == ["doc-brussels", "doc-kursk", "doc-gaza"]
    assert page["total"] == 3
    assert page["items"][1]["counts"] == {
        "attributions": 2, "events": 1, "quantities": 1, "times": 1, "places": 2,
    }


def test_documents_pagination_and_filters(filled: Store) -> None:
    second = list_documents(filled, limit=1, offset=1)
    assert [d["id"] for d in second["items"]] == ["doc-kursk"]
    assert (second["total"], second["limit"], second["offset"]) == (3, 1, 1)
    assert [d["id"] for d in list_documents(filled, outlet="harbor times")["items"]] == ["doc-gaza"]
    assert list_documents(filled, since="2024-08", until="2024-08")["total"] == 1
    assert [d["id"] for d in list_documents(filled, q="catastrophic")["items"]] == ["doc-gaza"]


def test_get_document_is_the_contract_record(filled: Store) -> None:
    assert get_document(filled, "doc-kursk") == corpus()[0].to_dict()
    assert get_document(filled, "missing") is None


def test_attributions_filtered_by_source_words(filled: Store) -> None:
    page = list_attributions(filled, source="defence ministry")
    assert contents(page) == ["the talks were pointless", "its forces had repelled the attack near Sudzha"]
    assert {i["source_name"] for i in page["items"]} == {"Russian Defence Ministry"}


def test_attributions_filtered_by_anonymity_kind_and_outlet(filled: Store) -> None:
    anonymous = list_attributions(filled, anonymous=True)
    assert anonymous["total"] == 3
    assert all(i["source"]["anonymous"] for i in anonymous["items"])
    assert list_attributions(filled, kind="military")["total"] == 2
    assert contents(list_attributions(filled, outlet="Harbor Times", anonymous=False)) == [
        "the situation in Gaza remained catastrophic"
    ]


def test_attributions_filtered_by_date_place_country_and_event(filled: Store) -> None:
    assert list_attributions(filled, since="2024-08-01", until="2024-08-31")["total"] == 2
    assert list_attributions(filled, until="2024-03-05")["total"] == 2
    assert list_attributions(filled, place="Sudzha")["total"] == 2
    assert list_attributions(filled, country="ps")["total"] == 2
    assert list_attributions(filled, event_type="consult")["total"] == 2


def test_attributions_free_text_hedges_and_via(filled: Store) -> None:
    page = list_attributions(filled, q="Rafah")
    assert contents(page) == ["Aid trucks reportedly reached Rafah"]
    assert page["items"][0]["hedges"] == [{"start": 11, "end": 21, "text": "reportedly"}]
    assert list_attributions(filled, hedged=True)["total"] == 1
    kursk_claim = list_attributions(filled, q="kilometres")["items"][0]
    assert [v["name"] for v in kursk_claim["via"]] == ["Bloomberg"]
    assert kursk_claim["document"]["url"] == "https://ledger.example/kursk"


def test_attributions_in_articles_mentioning_words(filled: Store) -> None:
    assert list_attributions(filled, text="Sudzha")["total"] == 2
    assert list_attributions(filled, text="Kursk incursion")["total"] == 2  # the title
    assert list_attributions(filled, q="Sudzha")["total"] == 1  # only one claim says it


def test_search_terms_are_literal_not_patterns(filled: Store) -> None:
    assert list_attributions(filled, q="%")["total"] == 0
    assert list_attributions(filled, q="_")["total"] == 0


def test_sources_ranked_with_outlets_and_anonymity_share(filled: Store) -> None:
    page = list_sources(filled)
    top = page["items"][0]
    assert (top["name"], top["claims"], top["documents"]) == ("Russian Defence Ministry", 2, 2)
    assert top["outlets"] == [
        {"name": "Continental Wire", "claims": 1}, {"name": "Daily Ledger", "claims": 1}
    ]
    assert page["summary"] == {
        "sources": 7, "claims": 6, "anonymous_claims": 3, "anonymous_share": 0.5,
    }
    reuters = next(s for s in page["items"] if s["name"] == "Reuters")
    assert (reuters["claims"], reuters["relayed"]) == (0, 1)


def test_sources_filters(filled: Store) -> None:
    assert [s["name"] for s in list_sources(filled, min_claims=2)["items"]] == [
        "Russian Defence Ministry"
    ]
    assert list_sources(filled, anonymous=True)["summary"]["anonymous_share"] == 1.0
    assert [s["name"] for s in list_sources(filled, q="health")["items"]] == [
        "World Health Organization"
    ]
    assert [s["name"] for s in list_sources(filled, kind="media")["items"]] == [
        "Bloomberg", "Reuters"
    ]


def test_source_detail_has_every_claim_and_via_chains(filled: Store) -> None:
    who = list_sources(filled, q="health")["items"][0]
    detail = get_source(filled, who["id"])
    assert detail is not None
    assert [c["content"]["text"] for c in detail["attributions"]] == [
        "the situation in Gaza remained catastrophic"
    ]
    assert detail["via_chains"] == [{"chain": "Reuters", "claims": 1}]
    reuters = list_sources(filled, q="reuters")["items"][0]
    assert [c["id"] for c in get_source(filled, reuters["id"])["relayed_claims"]] == [  # type: ignore[index]
        "attribution-g2"
    ]
    assert get_source(filled, "src-missing") is None


def test_via_chains_count_every_claim_even_when_the_list_is_capped(store: Store) -> None:
    record = gaza()
    record.attributions[0].via = [record.attributions[1].via[0], record.attributions[0].source]
    record.attributions[0].source = record.attributions[1].source
    store.add_record(record)
    who = list_sources(store, q="health")["items"][0]
    detail = get_source(store, who["id"], limit=1)
    assert detail is not None and len(detail["attributions"]) == 1 and detail["claims"] == 2
    assert detail["via_chains"] == [
        {"chain": "Reuters", "claims": 1}, {"chain": "Reuters → officials", "claims": 1}
    ]


def test_events_dated_by_time_expression_else_publication(filled: Store) -> None:
    page = list_events(filled)
    assert [(e["id"], e["date"]) for e in page["items"]] == [
        ("event-g1", "2024-03-05"),  # no time: published
        ("event-k1", "2024-08-06"),  # "Tuesday" = 2024-08-06
        ("event-b1", "2024-09-17"),  # "next week" is a week, not a day: published
    ]
    kursk_event = page["items"][1]
    assert kursk_event["place_detail"]["name"] == "Sudzha"
    assert kursk_event["claimed_by"] == "Russian Defence Ministry"
    assert kursk_event["actor"]["country"] == "UKR"


def test_events_filters(filled: Store) -> None:
    assert [e["id"] for e in list_events(filled, type="assault")["items"]] == ["event-k1"]
    assert [e["id"] for e in list_events(filled, since="2024-08-06", until="2024-08-06")["items"]] == ["event-k1"]
    assert [e["id"] for e in list_events(filled, country="RU")["items"]] == ["event-k1"]
    assert [e["id"] for e in list_events(filled, country="UKR")["items"]] == ["event-k1"]
    assert [e["id"] for e in list_events(filled, actor="european")["items"]] == ["event-b1"]
    assert [e["id"] for e in list_events(filled, place="rafah")["items"]] == ["event-g1"]


def test_places_with_counts_for_a_map(filled: Store) -> None:
    page = list_places(filled, country="RU")
    assert [(p["name"], p["mentions"], p["events"]) for p in page["items"]] == [
        ("Kursk", 1, 0), ("Sudzha", 1, 1)
    ]
    assert page["items"][1]["lat"] == pytest.approx(51.19)
    assert list_places(filled)["total"] == 5


def test_outlets_anonymity_share(filled: Store) -> None:
    shares = {o["outlet"]: o["anonymous_share"] for o in list_outlets(filled)}
    assert shares == {"Daily Ledger": 0.5, "Harbor Times": 0.5, "Continental Wire": 0.5}


def test_bad_filter_values_are_coded_errors(filled: Store) -> None:
    with pytest.raises(ClaimgraphError) as info:
        list_events(filled, since="last week")
    assert info.value.code == "E002"
    with pytest.raises(ClaimgraphError):
        list_documents(filled, limit=-1)


def test_event_export_has_acled_columns(filled: Store) -> None:
    rows = event_rows(list_events(filled, type="ASSAULT")["items"])
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert rows[0] == {
        "event_id": "event-k1", "date": "2024-08-06", "actor1": "Ukrainian Armed Forces",
        "actor1_country": "UKR", "actor2": None, "actor2_country": None, "event_type": "ASSAULT",
        "place": "Sudzha", "country": "RU", "lat": 51.19, "lon": 35.27, "source": "Daily Ledger",
        "claimed_by": "Russian Defence Ministry", "polarity": "positive", "certainty": "certain",
        "tense": "present", "fatalities": None,
    }


def test_the_event_export_counts_the_dead_tied_to_an_event(store: Store) -> None:
    record = gaza()
    record.events = [dataclasses.replace(e, fatalities=12) for e in record.events]
    store.add_record(record)
    rows = event_rows(list_events(store)["items"])
    assert rows and {row["fatalities"] for row in rows} == {12}


@pytest.mark.parametrize("fact", [{"polarity": "negative"}, {"certainty": "possible"},
                                  {"tense": "future"}])
def test_the_timeline_counts_only_what_happened_unless_asked(store: Store, fact: dict) -> None:
    record = gaza()
    record.events = [dataclasses.replace(e, **fact) for e in record.events]
    store.add_record(record)
    assert list_events(store)["items"] == []
    (shown,) = list_events(store, factual=False)["items"]
    assert {k: shown[k] for k in fact} == fact


def test_the_timeline_and_export_count_only_coded_events_unless_asked(store: Store) -> None:
    record = gaza()
    record.events = [dataclasses.replace(e, type=None) for e in record.events]
    store.add_record(record)
    assert list_events(store)["items"] == []
    (shown,) = list_events(store, coded=False)["items"]
    assert shown["type"] is None
    assert event_rows([shown])[0]["event_type"] is None


def test_a_listed_event_carries_its_mentions_and_quantities(store: Store) -> None:
    record = kursk()
    mention = span_of(record.text, 0, 9)
    record.events = [dataclasses.replace(e, mentions=[mention], quantities=[0])
                     for e in record.events]
    store.add_record(record)
    (shown,) = list_events(store)["items"]
    assert (shown["mentions"], shown["quantities"]) == ([mention.to_dict()], [0])


def test_a_probable_event_is_counted(store: Store) -> None:
    record = gaza()
    record.events = [dataclasses.replace(e, certainty="probable") for e in record.events]
    store.add_record(record)
    assert [e["id"] for e in list_events(store)["items"]] == ["event-g1"]


def test_csv_jsonl_and_parquet_exports(filled: Store, tmp_path: Path) -> None:
    items = list_attributions(filled, limit=None)["items"]
    out = io.StringIO()
    assert write_csv(items, out) == 6
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (rows[0]["source.text"], rows[0]["source.canonical"]) == ("diplomats", "")
    assert rows[1]["source.canonical"] == "Russian Defence Ministry"
    assert json.loads(rows[0]["via"]) == []
    buf = io.StringIO()
    write_jsonl(items, buf)
    assert [json.loads(line) for line in buf.getvalue().splitlines()] == items
    path = tmp_path / "events.parquet"
    assert write(event_rows(list_events(filled)["items"]), "parquet", path) == 3
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_COLUMNS)
    assert table.column("event_type").to_pylist() == ["AID", "ASSAULT", "CONSULT"]


@pytest.mark.parametrize("filters", [
    {}, {"anonymous": True}, {"anonymous": False, "outlet": "Harbor Times"}, {"kind": "military"},
    {"since": "2024-08-01", "until": "2024-08-31"}, {"place": "Sudzha"}, {"country": "ps"},
    {"event_type": "consult"}, {"hedged": True}, {"type": "direct"},
])
def test_claims_found_in_the_index_equal_claims_found_by_joining(
    filled: Store, filters: dict, monkeypatch
) -> None:
    """A page found in ``claim_index`` is the page the full join finds, filters and order."""
    import claimgraph.query.attributions as attributions

    indexed = list_attributions(filled, limit=2, offset=1, **filters)
    full = list_attributions(filled, limit=None, **filters)
    monkeypatch.setattr(attributions, "_indexed", lambda values: False)
    assert list_attributions(filled, limit=2, offset=1, **filters) == indexed
    assert list_attributions(filled, limit=None, **filters) == full


def test_the_claim_index_is_built_for_claims_stored_before_it(db_url: str) -> None:
    from claimgraph.store import open_store

    with open_store(db_url) as store:
        for record in corpus():
            store.add_record(record)
        before = list_attributions(store, limit=None, anonymous=True)
        store._execute("DROP TABLE claim_index")  # as a database written before the migration
        store._execute("DELETE FROM schema_migrations WHERE name = '0015_claim_index'")
    with open_store(db_url) as store:
        assert list_attributions(store, limit=None, anonymous=True) == before
        assert store.count("claim_index") == store.count("attributions")
