"""Where the browser tests save their screenshots.

The README's pictures (``docs/screenshots/*.png``) are tracked files: a plain ``make test`` must
not rewrite them (every run would leave a dirty tree of slightly different PNGs). So the tests
write to a temporary folder, and only ``make screenshots`` points them at ``docs/screenshots``
through ``CLAIMGRAPH_SCREENSHOTS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

ENV = "CLAIMGRAPH_SCREENSHOTS"


def screenshot_dir(temporary: Path, environ: Mapping[str, str]) -> Path:
    """``$CLAIMGRAPH_SCREENSHOTS`` when set (``make screenshots``), else ``temporary``."""
    chosen = environ.get(ENV)
    return Path(chosen) if chosen else temporary
