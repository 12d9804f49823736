"""Reading inputs: every kind of file becomes a Document, every bad one a one-line error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError, DocumentError
from claimgraph.ingest import Document, check_published_option, read_inputs
from claimgraph.ingest.readers import MAX_BYTES


def read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_plain_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    raw = "Kyiv said on Tuesday\r\nthat “six brigades” crossed — reportedly.\n\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    [doc] = read(path)
    assert isinstance(doc, Document)
    assert doc.text == raw  # no newline or whitespace normalisation: gold offsets line up


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffMoscow said.".encode())
    [doc] = read(path)
    assert doc.text == "Moscow said."


def test_same_text_gets_the_same_id_wherever_it_comes_from(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ministry said so.")
    (tmp_path / "b.txt").write_text("The ministry said so.")
    a, b = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert a.id == b.id and a.source != b.source


def test_jsonl_rows_keep_their_metadata_and_bad_rows_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "r1", "text": "Kyiv said.", "published": "2024-08-13T10:00:00Z",
                    "outlet": "Wire", "title": "T", "url": "https://x.test/1"}) + "\n"
        + "not json\n"
        + json.dumps({"id": "r3"}) + "\n"
        + "\n"
        + json.dumps({"text": "Moscow denied it."}) + "\n"
    )
    items = read(path, published="2024-01-01")
    assert [type(x).__name__ for x in items] == ["Document", "DocumentError", "DocumentError", "Document"]
    first, bad_json, no_text, last = items
    assert (first.id, first.published, first.outlet, first.url) == ("r1", "2024-08-13", "Wire", "https://x.test/1")
    assert bad_json.source.endswith("corpus.jsonl:2") and bad_json.code == "E107"
    assert no_text.source.endswith(":3")
    assert last.published == "2024-01-01"  # the --published fallback


def test_html_gives_the_body_and_the_page_metadata(examples_dir: Path) -> None:
    [doc] = read(examples_dir / "gaza-aid.html")
    assert doc.title == "Aid convoy reaches northern Gaza after weeks of delays"
    assert doc.outlet == "Harbor Times"
    assert doc.published == "2024-03-05"
    assert "31 trucks" in doc.text
    assert "Subscribe" not in doc.text and "Privacy" not in doc.text  # boilerplate removed


def test_a_directory_is_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second.")
    (tmp_path / "one.txt").write_text("First.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    assert [d.text for d in read(tmp_path)] == ["Second.", "First."]


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "E103"), (b"  \n\t ", "E103"), (b"\x89PNG\r\n\x1a\n\x00\x00", "E104"), (b"caf\xe9 au lait", "E106")],
    ids=["empty", "blank", "binary", "latin1"],
)
def test_bad_files_give_one_line_errors_and_the_rest_still_reads(tmp_path: Path, content: bytes, code: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Kyiv said.")
    error, doc = read(bad, good)
    assert isinstance(error, DocumentError) and error.code == code
    assert "\n" not in error.one_line() and str(bad) in error.one_line()
    assert isinstance(doc, Document)


def test_oversized_and_missing_inputs_are_errors(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    too_big, missing = read(big, tmp_path / "nope.txt")
    assert too_big.code == "E105" and missing.code == "E101"


def test_stdin_is_read_with_a_dash() -> None:
    [doc] = list(read_inputs(["-"], stdin=b"Moscow said."))
    assert doc.text == "Moscow said." and doc.source == "-"


def test_published_option_must_be_a_real_date() -> None:
    assert check_published_option("2024-08-13") == "2024-08-13"
    for bad in ("2024-13-01", "13/08/2024", "2024-08-13T00:00"):
        with pytest.raises(ClaimgraphError, match="E002"):
            check_published_option(bad)


@pytest.mark.parametrize("bad", ["not a date", 99999, "2024-13-45", "0000-01-01"])
def test_a_jsonl_row_with_a_bad_date_is_refused_and_the_next_row_read(
    tmp_path: Path, bad: object
) -> None:
    """A date the user wrote is not guessed at: the row is an E112 error, not a dateless row."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"text": "Kyiv said.", "published": bad}) + "\n"
                    + json.dumps({"text": "Moscow denied it.", "published": None}) + "\n")
    refused, kept = read(path)
    assert isinstance(refused, DocumentError) and refused.code == "E112"
    assert refused.source.endswith("corpus.jsonl:1") and repr(bad) in refused.reason
    assert isinstance(kept, Document) and kept.published is None


def test_a_bad_date_in_html_metadata_means_no_date() -> None:
    """Metadata is a library's guess, so a bad one is dropped (checked by the same function)."""
    from claimgraph.ingest import parse_published

    assert parse_published("2024-13-45") is None and parse_published("2024-08-13") == "2024-08-13"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = "Kyiv said “six brigades” crossed — reportedly.\n"
    path = tmp_path / "wide.txt"
    path.write_bytes(("\ufeff" + text).encode(encoding))  # the mark, then the text
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.text == text


def test_utf16_that_does_not_decode_names_the_encoding_its_mark_claims(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(b"\xff\xfe" + "Kyiv said.".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    [error] = read(path)
    assert isinstance(error, DocumentError) and error.code == "E106"
    assert "UTF-16" in error.reason and "byte-order mark" in error.reason


def test_a_nul_byte_far_into_a_file_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_bytes(b"Kyiv said so. " * 1000 + b"\x00" + b"More text.")  # NUL at 14,000
    [error] = read(path)
    assert isinstance(error, DocumentError) and error.code == "E104"
    assert "14,000" in error.reason


def test_a_nul_character_in_a_jsonl_text_is_refused_for_that_row(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"text": "Kyiv said\\u0000 so."}\n{"text": "Moscow denied it."}\n')
    error, doc = read(path)
    assert isinstance(error, DocumentError) and error.code == "E104" and error.source.endswith(":1")
    assert isinstance(doc, Document)
