"""Dask scale-out gives exactly the serial results, and sets failing documents aside."""

from __future__ import annotations

from pathlib import Path

import claimgraph.analyze
from claimgraph.analyze import analyze_documents
from claimgraph.errors import DocumentError
from claimgraph.ingest import read_inputs
from claimgraph.scale.dask_runner import analyze_with_dask


def test_partitions_in_processes_give_the_serial_records_in_order(examples_dir: Path) -> None:
    items = list(read_inputs([examples_dir], "2024-08-13"))
    serial = [r.to_dict() for r in analyze_documents(items)]
    scaled = [r.to_dict() for r in analyze_with_dask(items, partition_size=2, num_workers=2)]
    assert scaled == serial


def test_read_errors_keep_their_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Moscow said talks had failed.")
    (tmp_path / "b.txt").write_text("")
    (tmp_path / "c.txt").write_text("Kyiv denied it.")
    out = list(analyze_with_dask(read_inputs([tmp_path]), partition_size=2, scheduler="synchronous"))
    assert [type(x).__name__ for x in out] == ["Record", "DocumentError", "Record"]


def test_a_failing_partition_accounts_for_each_of_its_documents(tmp_path: Path, monkeypatch) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Text {name} said so.")

    def crash(items):
        if any("Text b" in getattr(i, "text", "") for i in items):
            raise MemoryError("worker died")
        return original(items)

    original = claimgraph.analyze.analyze_in_process
    monkeypatch.setattr(claimgraph.analyze, "analyze_in_process", crash)
    out = list(analyze_with_dask(read_inputs([tmp_path]), partition_size=2, scheduler="synchronous"))
    assert [type(x).__name__ for x in out] == ["DocumentError", "DocumentError", "Record"]
    assert all(e.code == "E110" and "worker died" in e.reason for e in out[:2] if isinstance(e, DocumentError))
