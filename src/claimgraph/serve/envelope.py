"""One JSON envelope for every API response and every error (as datasette's ``handle_exception``).

Success: ``{"ok": true, "data": ..., "meta": {...}}``; failure: ``{"ok": false, "error":
{"code": ..., "message": ...}}`` with the HTTP status carrying the class of failure. Clients test
one key (``ok``) and never meet FastAPI's default ``{"detail": ...}`` shape: every exception
handler below returns this envelope, including validation errors, 404s of unknown paths and
unexpected crashes (whose message hides the internals).

A crash is answered by ``CatchAll``, inside the other middleware, not by Starlette's outermost
error handler: so its 500 passes out through them (it carries the security headers like any
answer) and the server sees a finished response, not an exception (uvicorn closes a kept-alive
connection when an exception reaches it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph.errors import ClaimgraphError

log = logging.getLogger(__name__)

# API error codes: stable, documented in docs/api.md (a test checks that every code is listed).
API_CODES: dict[str, str] = {
    "bad_request": "a parameter has a bad value or the body is malformed",
    "unauthorized": "a write needs `Authorization: Bearer <token>`",
    "forbidden": "the server is read-only (started without --token)",
    "not_found": "no such document, source or path",
    "method_not_allowed": "the path exists but not with this HTTP method",
    "too_large": "the posted text is larger than the size limit",
    "unprocessable": "the text could not be analysed",
    "internal": "an unexpected server error (logged on the server)",
    "busy": "the analyser has as many texts as it admits: retry shortly",
    "invalid_date": "`published` is not a calendar day YYYY-MM-DD (E112): nothing was analysed or stored",
    "timeout": "the analysis took longer than the server's limit and was stopped",
}

#: the pydantic error type of a bad ``published`` (``api.calendar_day``), answered 422
INVALID_DATE = "invalid_date"

_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "bad_request",
    503: "busy",
}


class ApiError(Exception):
    """An error a handler raises to answer with the error envelope."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def ok(data: Any, **meta: Any) -> dict[str, Any]:
    """The success envelope."""
    return {"ok": True, "data": data, "meta": meta}


def error_body(code: str, message: str) -> dict[str, Any]:
    """The error envelope's body."""
    return {"ok": False, "error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


HtmlError = Callable[[int, str, str], Response]
Answer = Callable[[Request, int, str, str], Response]


class CatchAll:
    """ASGI middleware: an exception that no handler took becomes the 500 envelope (logged with
    its traceback), unless the response had already started (then nothing can be said)."""

    def __init__(self, app: Any, answer: Answer) -> None:
        self.app = app
        self.answer = answer

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            if started:
                raise
            request = Request(scope)
            log.exception("unhandled error on %s %s", request.method, request.url.path)
            await self.answer(request, 500, "internal", "internal server error")(scope, receive, send)


def install(app: FastAPI, html_error: HtmlError | None = None) -> None:
    """Register the handlers that turn every exception into the error envelope (call it before
    adding any other middleware, so that a crash is answered inside them).

    Paths outside ``/api`` (the web UI) get ``html_error(status, code, message)`` instead, so
    a person sees a page and a program always sees the envelope.
    """

    def answer(request: Request, status: int, code: str, message: str) -> Response:
        if html_error is not None and not request.url.path.startswith("/api"):
            return html_error(status, code, message)
        return error_response(status, code, message)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        response = answer(request, exc.status, exc.code, exc.message)
        if exc.status == 503:
            response.headers["retry-after"] = "5"
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if any(err.get("type") == INVALID_DATE for err in exc.errors()):
            return answer(request, 422, INVALID_DATE, _validation_message(exc))
        return answer(request, 400, "bad_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return answer(request, exc.status_code, code, message)

    @app.exception_handler(ClaimgraphError)
    async def _claimgraph(request: Request, exc: ClaimgraphError) -> Response:
        if exc.code == "E002":  # a bad option value: the query functions' filter checks
            return answer(request, 400, "bad_request", exc.message)
        if exc.code == "E201":
            log.error("database error on %s: %s", request.url.path, exc.message)
            return answer(request, 500, "internal", "database error")
        return answer(request, 422, "unprocessable", f"[{exc.code}] {exc.message}")

    app.add_middleware(CatchAll, answer=answer)  # added first: inside every other middleware
