"""--n-process: worker processes give the serial records, in order, balanced by text length."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from threadpoolctl import threadpool_info

import claimgraph.analyze
from claimgraph import processes
from claimgraph.analyze import analyze_documents, analyze_in_process
from claimgraph.errors import DocumentError
from claimgraph.ingest import Document, read_inputs
from claimgraph.processes import partitions


def _doc(chars: int, name: str) -> Document:
    return Document(text="x" * chars, source=name)


def test_partitions_are_cut_by_length_of_text() -> None:
    items = [_doc(15_000, "a"), _doc(15_000, "b"), _doc(15_000, "c"), _doc(90_000, "d"),
             _doc(10, "e")]
    parts = partitions(items, max_chars=40_000)
    assert [[d.source for d in p] for p in parts] == [["a", "b"], ["c"], ["d"], ["e"]]


def test_partitions_hold_at_most_max_items_and_errors_weigh_nothing() -> None:
    error = DocumentError("E103", "empty.txt", "input is empty")
    items = [_doc(10, "a"), error, _doc(10, "b"), _doc(10, "c")]
    parts = list(partitions(items, max_chars=40_000, max_items=2))
    assert [len(p) for p in parts] == [2, 2] and parts[0][1] is error


def test_two_processes_give_the_serial_records_without_a_model_here(
    examples_dir: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = list(read_inputs([examples_dir], "2024-08-13"))
    serial = [r.to_dict() for r in analyze_in_process(items, nlp)]

    def no_model_here() -> Language:
        raise AssertionError("the main process loaded the model (spaCy's n_process fell back)")

    monkeypatch.setattr(claimgraph.analyze, "default_pipeline", no_model_here)
    parallel = [r.to_dict() for r in analyze_documents(items, n_process=2, batch_size=1)]
    assert parallel == serial


def test_a_worker_keeps_numpys_blas_to_one_thread() -> None:
    """Two workers on two cores: each BLAS thread pool of one thread, not one a core each
    (four spinning threads spent more CPU than one process on the same documents)."""
    info = processes._pool(2).submit(threadpool_info).result()
    assert {i["num_threads"] for i in info if i["user_api"] == "blas"} == {1}
