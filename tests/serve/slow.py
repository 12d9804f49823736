"""Stand-in analysers that a worker process can import (a test's local function cannot be sent
to another process)."""

from __future__ import annotations

import time

from claimgraph.errors import DocumentError
from claimgraph.record import Record


def spin(text: str, **kwargs: object) -> Record:
    """Keep a core busy for ``float(text)`` seconds, as a long analysis does, then answer."""
    until = time.monotonic() + float(text)
    while time.monotonic() < until:
        sum(range(1000))
    return Record(id="spun", source="api", published=None, text=text)


def reject(text: str, **kwargs: object) -> Record:
    raise DocumentError("E110", "api", "analysis failed: the parser gave up")
