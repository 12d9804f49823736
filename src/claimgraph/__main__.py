"""``python -m claimgraph`` is the ``claimgraph`` command."""

from claimgraph.cli import app

app()
