"""``/docs`` (the API reference, offline), the favicon and the error pages a person meets."""

from __future__ import annotations

import re

from claimgraph.serve.apidocs import operations, type_of


def test_docs_page_lists_every_api_route_of_the_schema(client):
    response = client.get("/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    schema = client.get("/api/openapi.json").json()
    for path in schema["paths"]:
        assert f"<code>{path}</code>" in response.text, path
    assert 'href="/api/openapi.json"' in response.text


def test_docs_page_loads_nothing_from_outside_and_runs_no_script(client):
    html = client.get("/docs").text
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "<script" not in html


def test_docs_page_shows_parameters_with_their_bounds(client):
    ops = {(op.method, op.path): op for op in operations(client.get("/api/openapi.json").json())}
    listing = ops[("GET", "/api/documents")]
    offset = next(f for f in listing.fields if f.name == "offset")
    assert offset.where == "query" and "≥ 0" in offset.description


def test_readable_types_from_schema_fragments():
    assert type_of({"anyOf": [{"type": "integer"}, {"type": "null"}]}) == "integer | null"
    assert type_of({"type": "array", "items": {"$ref": "#/components/schemas/Place"}}) == "array of Place"
    assert type_of({"type": "string", "format": "date"}) == "string (date)"


def test_the_navigation_api_link_opens_the_docs_page(client):
    assert '<a href="/docs" id="nav-api">API</a>' in client.get("/").text


def test_favicon_is_served_and_linked(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert '<link rel="icon" type="image/svg+xml" href="/static/favicon.svg">' in client.get("/").text


def test_an_unknown_page_is_a_styled_404_with_a_way_on(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<p class="status">404</p>' in html
    assert "Page not found" in html and "There is no page at this address." in html
    assert 'href="/static/style.css"' in html and 'href="/docs"' in html and 'id="nav-articles"' in html
    assert ">Not Found<" not in html


def test_an_unknown_api_route_answers_the_json_envelope_not_a_page(client):
    response = client.get("/api/no/such/route")
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == "not_found"
