"""``claimgraph serve`` option checks, and the worker-process app factory."""

from __future__ import annotations

import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from claimgraph.serve.api import Settings
from claimgraph.serve.app import ENV_TOKEN, app_from_env, settings_env
from claimgraph.serve.cli import serve_command
from claimgraph.store import open_store

cli = typer.Typer()
cli.command()(serve_command)


def test_a_missing_database_stops_serve_with_a_coded_error(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "E201" in result.output


def test_several_writing_workers_need_postgresql(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.duckdb"), "--workers", "2",
                                      "--token", "t"])
    assert result.exit_code == 2
    assert "PostgreSQL" in result.output


def test_page_limit_is_bounded(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.duckdb"), "--max-limit", "5000"])
    assert result.exit_code == 2 and "--max-limit" in result.output


def test_worker_processes_build_the_app_from_the_environment(tmp_path, records, monkeypatch):
    db = tmp_path / "w.duckdb"
    with open_store(db) as store:
        store.add_record(records[0])
    for key, value in settings_env(str(db), Settings(max_limit=7)).items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv(ENV_TOKEN, raising=False)
    client = TestClient(app_from_env())
    assert client.get("/api/documents").json()["meta"]["total"] == 1
    assert client.get("/api/documents?limit=8").status_code == 400
    assert client.post("/api/documents", json={"text": "x"}).json()["error"]["code"] == "forbidden"
