"""The browser tests leave the tracked README screenshots alone unless asked to refresh them."""

from __future__ import annotations

from pathlib import Path

from tests.serve.screenshots import ENV, screenshot_dir

DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_a_test_run_saves_screenshots_in_a_temporary_folder(tmp_path):
    assert screenshot_dir(tmp_path, {}) == tmp_path


def test_make_screenshots_points_them_at_the_docs_folder(tmp_path):
    assert screenshot_dir(tmp_path, {ENV: str(DOCS_SHOTS)}) == DOCS_SHOTS
