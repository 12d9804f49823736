"""Resolve on a Dask cluster gives exactly the single-machine records, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.analyze import analyze_documents
from claimgraph.bench.resolve_corpus import synthetic_records
from claimgraph.ingest import read_inputs
from claimgraph.record import Record
from claimgraph.resolve.corpus import Story
from claimgraph.resolve.resolver import resolve_records
from claimgraph.scale.dask_resolve import resolve_with_dask, story_partitions
from claimgraph.scale.packed import pack


@pytest.fixture(scope="module")
def corpus(examples_dir: Path) -> list[Record]:
    """The examples analysed, remade into 80 documents: new reports and copies (with their
    attributions, figures and events) over several stories."""
    analysed = [r for r in analyze_documents(read_inputs([examples_dir], "2024-08-13"))
                if isinstance(r, Record)]
    return list(synthetic_records(analysed, 80))


def test_a_local_cluster_gives_the_single_machine_records(corpus: list[Record]) -> None:
    distributed = pytest.importorskip("distributed")
    serial = [r.to_dict() for r in resolve_records(corpus)]
    assert {r["kind"] for r in serial} >= {"copies", "story", "event", "claim"}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        scaled = [r.to_dict() for r in resolve_with_dask(corpus, partition_documents=15)]
    assert scaled == serial


def test_packed_records_on_a_local_cluster_give_the_single_machine_records(
        corpus: list[Record]) -> None:
    """The bounded-memory path (records held packed, :mod:`claimgraph.scale.packed`) on the
    cluster: the workers get plain records and the records come out the same."""
    distributed = pytest.importorskip("distributed")
    serial = [r.to_dict() for r in resolve_records(corpus)]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        scaled = [r.to_dict() for r in resolve_with_dask(pack(corpus), partition_documents=15)]
    assert scaled == serial


def test_partitions_keep_each_story_whole_and_in_order() -> None:
    stories = [Story(f"s{n}", [f"d{n}-{i}" for i in range(size)], "")
               for n, size in enumerate([3, 9, 2, 2, 12, 1])]
    parts = story_partitions(stories, 10)
    assert [[s.id for s in p] for p in parts] == [["s0"], ["s1"], ["s2", "s3"], ["s4"], ["s5"]]
