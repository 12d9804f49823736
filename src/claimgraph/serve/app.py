"""The app factory: one process serves the JSON API (``/api``), its OpenAPI schema
(``/api/openapi.json``), its reference page (``/docs``) and the web UI. FastAPI's Swagger page is
off: it loads its scripts from a CDN, and the UI must work offline; ``/docs`` is drawn from the
schema by the server (:mod:`claimgraph.serve.apidocs`).

    create_app("claims.duckdb")                 # read-only
    create_app("claims.duckdb", token="s3cret") # POST /api/documents needs that bearer token

The pipeline is loaded on the first ``POST /api/analyze`` (not at start-up), in worker processes
(:mod:`claimgraph.serve.analyses`), so browsing a database costs no model load.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from claimgraph.record import Record
from claimgraph.serve import api, apidocs, envelope, ui
from claimgraph.serve.analyses import Analyses, Analyzer
from claimgraph.serve.api import Settings
from claimgraph.serve.database import Database, open_database
from claimgraph.serve.limits import BodyLimit


def default_analyzer(text: str, **kwargs: Any) -> Record:
    """``claimgraph.analyze.analyze_text``, imported on first use (it loads spaCy)."""
    from claimgraph.analyze import analyze_text

    return analyze_text(text, **kwargs)


FAVICON = ui.HERE / "static" / "favicon.svg"

def load_pipeline() -> None:
    """Load the pipeline a worker process analyses with, before its first text."""
    from claimgraph.nlp.pipeline import default_pipeline

    default_pipeline()


# Defence in depth behind autoescaping: only the server's own scripts and styles may run.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


#: the heading of an error page, by status (others: "Something went wrong")
HEADINGS = {400: "That request was not understood", 401: "A token is needed",
            403: "Not allowed", 404: "Page not found", 405: "Not allowed here",
            413: "Too large", 503: "Busy, try again shortly"}


def _html_error(status: int, code: str, message: str) -> HTMLResponse:
    """An error as a page of the UI (the API's routes answer the JSON envelope instead)."""
    if status == 404 and message == "Not Found":  # an unknown path: say so in words
        message = "There is no page at this address."
    return ui.render("error.html", status=status, http_status=status, title=HEADINGS.get(status, "Error"),
                     heading=HEADINGS.get(status, "Something went wrong"), code=code,
                     message=message)


def create_app(
    db_url: str | None,
    *,
    token: str | None = None,
    database: Database | None = None,
    analyzer: Analyzer | None = None,
    settings: Settings | None = None,
) -> FastAPI:
    """Build the app over the database at ``db_url`` (or an already opened ``database``).

    ``token`` enables writes (and opens a DuckDB file for writing; without it the file is
    opened read-only); ``analyzer`` replaces the NLP pipeline (tests); ``settings`` holds the
    page-size and body-size limits.
    """
    if database is None:
        if db_url is None:
            raise ValueError("create_app needs a db_url or a database")
        database = open_database(db_url, writable=bool(token))
    settings = settings or Settings()
    app = FastAPI(
        title="claimgraph",
        summary="Who says what, on whose authority: attributions, events, dates, places and "
        "numbers in news reports.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = database
    app.state.token = token or None
    # the pipeline in worker processes; a test's stand-in analyzer in the calling thread
    app.state.analyses = Analyses(analyzer or default_analyzer, slots=settings.max_analyses,
                                  seconds=settings.analysis_seconds, processes=analyzer is None,
                                  warm=load_pipeline)
    app.router.add_event_handler("shutdown", app.state.analyses.close)
    app.state.settings = settings
    envelope.install(app, html_error=_html_error)
    app.include_router(api.router)
    app.include_router(ui.router)
    app.include_router(apidocs.router)
    app.mount("/static", StaticFiles(directory=ui.HERE / "static"), name="static")
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        """Browsers ask for /favicon.ico whatever the page links; the icon is an SVG."""
        return FileResponse(FAVICON, media_type="image/svg+xml")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


ENV_DB, ENV_TOKEN, ENV_SETTINGS = "CLAIMGRAPH_SERVE_DB", "CLAIMGRAPH_TOKEN", "CLAIMGRAPH_SERVE_SETTINGS"


def settings_env(db_url: str, settings: Settings) -> dict[str, str]:
    """The environment ``app_from_env`` reads: how ``serve --workers N`` hands its options to
    each worker process."""
    return {ENV_DB: db_url, ENV_SETTINGS: json.dumps(asdict(settings))}


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes (``--workers``): options from the environment."""
    settings = Settings(**json.loads(os.environ.get(ENV_SETTINGS, "{}")))
    return create_app(os.environ[ENV_DB], token=os.environ.get(ENV_TOKEN) or None,
                      settings=settings)
