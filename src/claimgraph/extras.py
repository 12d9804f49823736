"""The optional parts of claimgraph and the one-line error when one is missing.

The core (read, analyse, the embedded DuckDB store, the CLI's ``analyze``, ``ingest`` and
``query``) needs no extra. The server, the PostgreSQL backend and the Dask runner each come with
an extra of the package (``pip install 'claimgraph[serve]'``; ``[all]`` brings every one), and
the command that needs one says which, instead of failing on an import deep inside:

    error [E005] `claimgraph serve` needs the 'serve' extra: pip install 'claimgraph[serve]'
"""

from __future__ import annotations

import importlib

from claimgraph.errors import ClaimgraphError

#: Each extra (as named in pyproject.toml) and the modules that show it is installed.
EXTRAS: dict[str, tuple[str, ...]] = {
    "serve": ("fastapi", "uvicorn"),
    "postgres": ("psycopg",),
    "dask": ("dask",),
}


def require(extra: str, feature: str) -> None:
    """Raise ``E005`` naming ``extra`` when one of its modules cannot be imported; ``feature``
    is what the user asked for (```claimgraph serve```, ``a postgresql:// database``)."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError:
            raise ClaimgraphError(
                "E005", f"{feature} needs the '{extra}' extra: pip install 'claimgraph[{extra}]'"
            ) from None
