"""``/docs``: the API reference as a page of this server, drawn from its own OpenAPI schema.

FastAPI's Swagger and ReDoc pages load their scripts from a CDN and run inline scripts, which
both the offline rule and the content security policy forbid; so the schema FastAPI already
builds (``/api/openapi.json``) is rendered here by the same templates as the rest of the UI:
each route with its parameters, request body and responses. Nothing runs in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from claimgraph.serve import ui

router = APIRouter(include_in_schema=False)

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(slots=True)
class Field:
    """A parameter or a body field: where it goes, its type, whether it must be given."""

    name: str
    where: str
    type: str
    required: bool
    description: str = ""
    default: str = ""


@dataclass(slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    fields: list[Field] = field(default_factory=list)
    responses: list[tuple[str, str]] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"{self.method}-{self.path}".replace("/", "-").replace("{", "").replace("}", "")


def type_of(schema: dict[str, Any]) -> str:
    """A readable type: ``integer``, ``string (date)``, ``array of string``, ``Document | null``."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " | ".join(type_of(s) for s in schema[key])
    kind = str(schema.get("type", "object"))
    if kind == "array":
        return f"array of {type_of(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(repr(v) for v in schema["enum"])
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _limits(schema: dict[str, Any]) -> str:
    bounds = [f"{word} {schema[key]}" for key, word in (
        ("minimum", "≥"), ("maximum", "≤"), ("minLength", "length ≥"), ("maxLength", "length ≤"),
        ("pattern", "matches")) if key in schema]
    return ", ".join(bounds)


def _body_fields(spec: dict[str, Any], body: dict[str, Any]) -> list[Field]:
    schema = body.get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        schema = spec.get("components", {}).get("schemas", {}).get(type_of(schema), {})
    required = set(schema.get("required", []))
    return [Field(name, "body", type_of(prop), name in required, prop.get("description", ""),
                  "" if "default" not in prop else repr(prop["default"]))
            for name, prop in schema.get("properties", {}).items()]


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every route of the schema, in its order, with its parameters and responses."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            fields = []
            for p in op.get("parameters", []):
                schema = p.get("schema", {})
                note = " ".join(x for x in (p.get("description", ""), _limits(schema)) if x)
                fields.append(Field(p["name"], p.get("in", ""), type_of(schema),
                                    bool(p.get("required")), note,
                                    "" if "default" not in schema else repr(schema["default"])))
            if "requestBody" in op:
                fields += _body_fields(spec, op["requestBody"])
            responses = [(code, r.get("description", "")) for code, r in op.get("responses", {}).items()]
            found.append(Operation(method.upper(), path, op.get("summary", ""),
                                   op.get("description", "").replace("``", ""), fields, responses))
    return found


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    info = spec.get("info", {})
    return ui.render("api_docs.html", title="API", info=info, operations=operations(spec),
                     schema_url=request.app.openapi_url)
