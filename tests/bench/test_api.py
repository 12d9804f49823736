"""The synthetic records of the latency benchmark keep the contract."""

from __future__ import annotations

from claimgraph.bench.synthetic import SOURCE_VARIANTS, synthetic_records


def spans(record):
    for a in record.attributions:
        yield from [x for x in (a.source, a.cue, a.content, *a.via, *a.hedges) if x]
    yield from record.quantities
    yield from record.times
    yield from record.places
    yield from (e.trigger for e in record.events)


def test_copies_keep_offsets_and_get_their_own_ids(records):
    copies = list(synthetic_records(records, 12))
    assert len({c.id for c in copies}) == 12
    for copy in copies:
        assert all(copy.text[s.start:s.end] == s.text for s in spans(copy))
        claim_ids = {a.id for a in copy.attributions}
        assert all(e.attribution in claim_ids for e in copy.events if e.attribution)
        assert all(q.attribution in claim_ids for q in copy.quantities if q.attribution)


def test_ids_do_not_grow_with_the_insertion_order(records):
    """As content-hash ids do not: a store pruning by the insertion order would look fast."""
    ids = [c.id for c in synthetic_records(records, 20)]
    assert ids != sorted(ids)


def test_copies_spread_sources_dates_and_outlets(records):
    copies = list(synthetic_records(records[:1], SOURCE_VARIANTS + 1))
    names = {c.attributions[0].source.canonical for c in copies}
    assert len(names) == SOURCE_VARIANTS
    assert len({c.published for c in copies}) > 300 and len({c.outlet for c in copies}) > 5
    assert records[0].attributions[0].source.canonical == "Ukrainian Defence Ministry"


def test_the_built_database_holds_exactly_the_synthetic_records(db_url, records):
    """Built through the store's write path on either backend, summary counts included."""
    from claimgraph.bench.api import build_database
    from claimgraph.bench.synthetic import bench_id, vary
    from claimgraph.store import open_store

    assert build_database(db_url, 40, lambda: records, log=lambda _: None) == 40
    with open_store(db_url) as store:
        for n in (0, 1, 2, 39):
            assert store.get_record(bench_id(n)) == vary(records[n % len(records)], n)
        assert store.count("document_counts") == 40
        assert store.count("corpus_claims") == 8 * 40  # and resolve's records of them
    assert build_database(db_url, 40, lambda: [], log=lambda _: None) == 40  # reused, no NLP


def test_every_list_route_of_the_api_is_measured_deep_in_its_list():
    """A list route the benchmark does not ask for could grow slow unseen; each is asked for
    pages anywhere in its list, not only the first."""
    import random

    from claimgraph.bench.api import routes
    from claimgraph.serve.api import router

    lists = {r.path for r in router.routes if "GET" in r.methods and "{" not in r.path}
    plan = routes(["d1"], ["s1"], 40, random.Random(1), total=100_000)
    asked = {url.split("?")[0] for urls in plan.values() for url in urls}
    assert lists <= asked
    deep = {url.split("?")[0] for urls in plan.values() for url in urls
            if "offset=" in url and int(url.rsplit("offset=", 1)[1]) > 1000}
    assert lists - {"/api/places", "/api/sources"} <= deep


def test_the_report_gives_each_route_and_the_server_cpu_per_request():
    from claimgraph.bench.api import format_results

    route = {"requests": 10, "errors": 0, "p50_ms": 5.0, "p95_ms": 9.0, "max_ms": 12.0}
    text = format_results({"documents": 100, "database": "x.duckdb", "workers": 1,
                           "requests_per_route": 10, "runs": [{
                               "server": "this", "concurrency": 8, "load_before": 1.0,
                               "load_after": 1.0, "server_cpu_seconds": 0.1,
                               "requests_per_second": 50.0,
                               "routes": {"GET /api/claims?offset=…": route}}]})
    assert "server CPU 10.0 ms a request" in text and "GET /api/claims?offset=…" in text
