"""Ingest: every kind of input becomes a ``Document`` (or a ``DocumentError`` naming why not)."""

from claimgraph.ingest.document import Document, parse_published
from claimgraph.ingest.readers import check_published_option, read_inputs, read_path

__all__ = ["Document", "read_inputs", "read_path", "parse_published", "check_published_option"]
