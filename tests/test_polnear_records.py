"""The foundation's acceptance check: 200 real news texts (PolNeAR dev, then train) come out
as valid records, and a JSON Lines corpus of them does too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.contract import problems
from claimgraph.evaluate import evaldata_root

pytestmark = pytest.mark.eval


def polnear_texts(n: int) -> list[Path]:
    root = evaldata_root()
    if root is None or not (root / "polnear/data/dev/text").is_dir():
        pytest.skip("no ../shared/evaldata/polnear on this machine")
    files = sorted((root / "polnear/data/dev/text").glob("*.txt"))
    files += sorted((root / "polnear/data/train/text").glob("*.txt"))
    return files[:n]


def test_200_polnear_texts_give_200_valid_records(tmp_path: Path) -> None:
    files = polnear_texts(200)
    for f in files:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    result = CliRunner().invoke(app, ["analyze", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 200
    by_name = {f.name: f for f in files}
    for record in records:
        original = by_name[Path(record["source"]).name]
        assert record["text"] == original.read_text(encoding="utf-8")  # verbatim: offsets line up
        assert problems(record) == [], original.name


def test_a_jsonl_corpus_gives_valid_records(tmp_path: Path) -> None:
    files = polnear_texts(30)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8"),
                            "published": f.stem.split("_")[1]}) + "\n" for f in files)
    )
    result = CliRunner().invoke(app, ["analyze", "--json", str(corpus)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [f.stem for f in files]
    assert all(r["published"] == f.stem.split("_")[1] for r, f in zip(records, files, strict=True))
    assert all(problems(r) == [] for r in records)
