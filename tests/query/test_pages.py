"""A page placed by the kept day counts (``query/pages.py``) is the page the full sort gives:
every offset of the lists in date order, with the filters the day counts answer, on both
backends."""

from __future__ import annotations

import pytest

from claimgraph import query
from claimgraph.query import attributions, documents, events, pages
from claimgraph.store import Store
from tests.store.test_store_list_counts import dated_records

LISTS = [
    (query.list_documents, {}),
    (query.list_documents, {"since": "2024-01-03"}),
    (query.list_documents, {"until": "2024-01"}),
    (query.list_attributions, {}),
    (query.list_attributions, {"anonymous": True}),
    (query.list_attributions, {"anonymous": False, "since": "2024-01-02"}),
    (query.list_events, {}),
    (query.list_events, {"factual": False, "coded": False}),
    (query.list_events, {"factual": False, "coded": False, "until": "2024-06"}),
    (query.list_events, {"since": "2024-01-03"}),
]


def _full_sort(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (documents, attributions):
        monkeypatch.setattr(module, "day_window", lambda *a, **k: None)
    monkeypatch.setattr(events, "slot_window", lambda *a, **k: None)


@pytest.mark.parametrize(("list_fn", "filters"), LISTS)
def test_every_page_by_the_day_counts_is_the_page_of_the_full_sort(
    store: Store, monkeypatch: pytest.MonkeyPatch, list_fn, filters
) -> None:
    store.add_records(dated_records())
    total = list_fn(store, limit=None, **filters)["total"]
    windowed = [list_fn(store, limit=2, offset=o, **filters) for o in range(total + 2)]
    with monkeypatch.context() as m:
        _full_sort(m)
        full = [list_fn(store, limit=2, offset=o, **filters) for o in range(total + 2)]
    assert windowed == full
    assert total > 2 and windowed[-1]["items"] == []


@pytest.mark.parametrize("filters", [{}, {"factual": False, "coded": False}])
def test_every_page_of_events_by_the_day_buckets_is_the_page_of_the_full_sort(
    store: Store, monkeypatch: pytest.MonkeyPatch, filters
) -> None:
    """Pages of every length starting anywhere: from inside one bucket of a day to across
    several days, the undated last."""
    store.add_records(dated_records())
    total = query.list_events(store, limit=None, **filters)["total"]
    spans = [(o, n) for n in (1, 3, 5) for o in range(total + 1)]
    windowed = [query.list_events(store, limit=n, offset=o, **filters) for o, n in spans]
    with monkeypatch.context() as m:
        _full_sort(m)
        full = [query.list_events(store, limit=n, offset=o, **filters) for o, n in spans]
    assert windowed == full


def test_bucket_counts_that_disagree_with_the_day_counts_give_the_full_sort_not_an_error(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest committed between the day counts' read and the buckets' read of one request
    (each select reads its own snapshot): the page is counted and sorted from the rows."""
    store.add_records(dated_records())
    total = query.list_events(store, limit=None)["total"]
    monkeypatch.setattr(pages, "_slots", lambda *a, **k: [])  # what a stale read gives
    stale = [query.list_events(store, limit=3, offset=o) for o in range(total)]
    with monkeypatch.context() as m:
        _full_sort(m)
        full = [query.list_events(store, limit=3, offset=o) for o in range(total)]
    assert stale == full and stale[0]["items"]


def test_a_page_spanning_undated_rows_keeps_them_last(store: Store) -> None:
    records = dated_records()
    store.add_records(records)
    listed = query.list_documents(store, limit=3, offset=len(records) - 3)["items"]
    assert [d["published"] for d in listed][-2:] == [None, None]
