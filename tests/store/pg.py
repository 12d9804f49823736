"""A throwaway PostgreSQL server for the store tests, from Debian's binaries.

``PostgresServer`` runs ``initdb`` in a temporary directory and ``pg_ctl start`` on a free
loopback port (unix socket in the same directory), with durability switched off for speed, and
removes everything on ``stop()``. initdb refuses to run as root, so as root the server runs as
the ``postgres`` system user (created by Debian's ``postgresql`` package) through ``runuser``.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

_schemas = itertools.count(1)


def find_bindir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb, else initdb on PATH."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit()
        else 0,
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """``start()`` -> DSN of the ``postgres`` database; ``stop()`` shuts down and cleans up."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="claimgraph-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root needs the 'postgres' system user") from exc
            self.user = "postgres"
            shutil.chown(self.dir, user="postgres")
            os.chmod(self.dir, 0o700)

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=self.dir)

    def start(self) -> str:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=40 -c shared_buffers=32MB"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options,
                  "-l", str(self.dir / "server.log"), "-w", "-t", "60", "start")
        return self.dsn("postgres")

    def dsn(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def fresh_pg_url(dsn: str) -> str:
    """A DSN whose search_path is a new, empty schema: an isolated database for one test."""
    name = f"t{next(_schemas)}"
    with psycopg.connect(dsn, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
    return f"{dsn}?options=-csearch_path%3D{name}"
