"""``claimgraph serve --db ...``: options -> the library.

Mount in ``claimgraph/cli.py`` with::

    from claimgraph.serve.cli import serve_command
    app.command("serve")(serve_command)
"""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from claimgraph.errors import ClaimgraphError
from claimgraph.extras import require
from claimgraph.store import DEFAULT_DB

_err = Console(stderr=True)


def serve_command(
    db: Annotated[str, typer.Option(
        "--db", help="DuckDB file, postgresql:// URL or .jsonl file of records.")]
    = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="CLAIMGRAPH_TOKEN",
        help="Bearer token that allows writes (POST /api/documents); without it the server "
        "is read-only. Prefer the CLAIMGRAPH_TOKEN variable to keep it out of `ps`.")] = None,
    max_limit: Annotated[int, typer.Option(help="Largest page a client may ask for.")] = 500,
    max_body_bytes: Annotated[int, typer.Option(
        help="Largest request body (POST /api/analyze text), answered with 413 above.")]
    = 1_000_000,
    max_anonymous_bytes: Annotated[int, typer.Option(
        help="Largest text analysed for a client without the token (413 above).")] = 100_000,
    analysis_seconds: Annotated[float, typer.Option(
        help="An analysis running longer is stopped (422 timeout).")] = 60.0,
    max_analyses: Annotated[int | None, typer.Option(
        help="Analyses at once, each in a worker process; more get 503 busy. Default: the "
        "cores.")] = None,
    workers: Annotated[int, typer.Option(
        help="Server processes, each with its own read-only connection (a DuckDB file takes "
        "writes from one process only: with --token, use 1 or PostgreSQL).")] = 1,
) -> None:
    """Serve the REST API (/api, schema at /api/openapi.json) and the web UI over a database."""
    try:
        require("serve", "`claimgraph serve`")
    except ClaimgraphError as exc:
        _err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    import uvicorn

    from claimgraph.serve.api import Settings
    from claimgraph.serve.app import ENV_TOKEN, create_app, settings_env

    problem = None
    if not 1 <= max_limit <= 1000 or min(max_body_bytes, max_anonymous_bytes, workers) < 1:
        problem = ("--max-limit must be 1..1000, --max-body-bytes, --max-anonymous-bytes and "
                   "--workers at least 1")
    elif analysis_seconds <= 0 or (max_analyses is not None and max_analyses < 1):
        problem = "--analysis-seconds must be above 0 and --max-analyses at least 1"
    elif workers > 1 and token and not db.startswith(("postgresql://", "postgres://")):
        problem = "--workers above 1 with --token needs PostgreSQL (a DuckDB file has one writer)"
    if problem:
        _err.print(f"[red]error[/red] [E002] {problem}", highlight=False)
        raise typer.Exit(2)
    settings = Settings(default_limit=min(50, max_limit), max_limit=max_limit,
                        max_body_bytes=max_body_bytes, max_anonymous_bytes=max_anonymous_bytes,
                        analysis_seconds=analysis_seconds)
    if max_analyses is not None:
        settings.max_analyses = max_analyses
    try:
        app = create_app(db, token=token, settings=settings)  # fails early on a bad --db
    except ClaimgraphError as exc:
        _err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    mode = "read-write (token required)" if token else "read-only"
    _err.print(f"claimgraph serving {db} on http://{host}:{port}/ ({mode}, {workers} worker(s))",
               highlight=False, markup=False)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    app.state.database.close()
    os.environ.update(settings_env(db, settings))
    if token:
        os.environ[ENV_TOKEN] = token
    uvicorn.run("claimgraph.serve.app:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level="warning")
