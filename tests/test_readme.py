"""Every ``claimgraph`` command in README.md runs as written after ``make run``.

A new user copies them one by one from the README, in the repository's folder, after ``make
run``; so does this test: in a fresh folder that holds only ``.venv`` and ``examples/`` (links
to this checkout's), after ``make run`` has written the database there, each command is run by
bash exactly as the README prints it and must exit 0. The one command that does not end by
itself, ``serve``, is run on a free port, asked for a page and stopped. ``eval TASK`` needs the shared gold data:
without it the command is skipped, saying so (and fails in CI, which must have it).
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: a command, its output included, must end within this many seconds (eval scores 84 articles)
TIMEOUT = 900


def readme_commands(text: str) -> list[str]:
    """The lines of the README's code blocks that run ``claimgraph``, without their comment."""
    commands = []
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.splitlines():
            command = line.split(" # ")[0].strip()
            if re.search(r"(^|[\s/])claimgraph\s", command):
                commands.append(command)
    return commands


COMMANDS = readme_commands(README)


def test_the_readme_shows_commands() -> None:
    assert len(COMMANDS) >= 8
    assert any(" serve" in c for c in COMMANDS) and any(" query " in c for c in COMMANDS)


@pytest.fixture(scope="module")
def after_make_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out as the checkout is for a user (``.venv``, ``examples/``), holding the
    database ``make run`` writes (the Makefile's ``DB``, here under this folder)."""
    folder = tmp_path_factory.mktemp("readme")
    for name in (".venv", "examples"):
        (folder / name).symlink_to(ROOT / name)
    made = subprocess.run(
        ["make", "-C", str(ROOT), "run", f"DB={folder / 'var' / 'claimgraph.duckdb'}"],
        capture_output=True, text=True, timeout=TIMEOUT,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(url: str, process: subprocess.Popen[str], seconds: float) -> int:
    """The HTTP status of ``url`` once the server answers (0 if it died or never answered)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status)
        except OSError:
            time.sleep(0.5)
    return 0


def needs_missing_gold_data(command: str) -> bool:
    """``eval TASK`` scores the shared gold data, which a clean clone without it cannot."""
    from claimgraph.evaluate import evaldata_root

    return bool(re.search(r"\seval\s+(?!list\b)", command)) and evaldata_root() is None


@pytest.mark.parametrize("command", [c for c in COMMANDS if " serve" not in c])
def test_readme_command_runs_as_written(command: str, after_make_run: Path) -> None:
    if needs_missing_gold_data(command):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{command}: no gold data (../shared/evaldata), which CI must have")
        pytest.skip(f"{command}: no gold data here (../shared/evaldata)")
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], cwd=after_make_run,
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, f"{command}\n{done.stderr[-3000:]}"
    redirected = re.search(r">\s*(\S+)$", command)
    output = (after_make_run / redirected.group(1)).read_text() if redirected else done.stdout
    assert (output + done.stderr).strip(), f"{command} said nothing"


@pytest.mark.parametrize("command", [c for c in COMMANDS if " serve" in c])
def test_readme_serve_command_answers(command: str, after_make_run: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [*shlex.split(command), "--port", str(port)], cwd=after_make_run,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        status = answers(f"http://127.0.0.1:{port}/api/documents", process, 120)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert status == 200, f"{command}\n{stderr[-3000:]}"
