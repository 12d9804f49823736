"""The README's layout block names every package and top-level module, so a reader who knows the
data's path finds every file (a new folder the README does not mention fails here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "claimgraph"


def layout_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout", 1)[1]
    return section.split("```", 2)[1]


def parts_of_the_package() -> list[str]:
    parts = []
    for path in sorted(PACKAGE.iterdir()):
        if path.name.startswith(("_", ".")):
            continue
        if path.is_dir() and (path / "__init__.py").exists() or path.name == "data":
            parts.append(f"{path.name}/")
        elif path.suffix == ".py":
            parts.append(path.name)
    return parts


def test_the_readme_layout_names_every_package_and_module():
    named = set(re.findall(r"[\w.]+/?", layout_block()))
    missing = [part for part in parts_of_the_package() if part not in named]
    assert missing == [], f"README.md's Layout block does not mention {missing}"


def test_developing_lists_what_a_new_output_field_touches():
    developing = (ROOT / "docs" / "developing.md").read_text(encoding="utf-8")
    checklist = developing.split("## What a new output field touches", 1)[1].split("\n## ", 1)[0]
    for stop in ("record.py", "record.schema.json", "contract.py", "analyze", "store/rows.py",
                 "store/schema.py", "query/", "render/", "serve/", "round trip"):
        assert stop in checklist, f"the checklist misses {stop}"
