"""Analyses for the API and the web form: few at once, each in its own process, each time-boxed.

The pipeline is CPU-bound and a long text can take minutes and gigabytes (a 997 KB text once
took 122 s and 2.5 GB inside the server while other requests waited). So the server never
analyses in its own process: each text goes to a worker process (started on first use, the
model loaded once per worker and kept), at most ``slots`` at once (the machine's cores). A
request beyond that is refused at once with 503 ``busy`` and ``Retry-After`` instead of queueing,
and a text that takes longer than ``seconds`` is stopped (its worker is killed, so the CPU and
memory come back) and answered with 422 ``timeout``. The event loop and the threads that answer
other requests only wait on a pipe, so a document fetch is served while analyses run.

An ``analyzer`` given by a test runs in the calling thread instead (``processes=False``): the
same slots, no process, no time limit.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from claimgraph.errors import DocumentError
from claimgraph.record import Record
from claimgraph.serve.envelope import ApiError

log = logging.getLogger(__name__)

Analyzer = Callable[..., Record]


#: How long a new worker may take to start (an interpreter, the imports, ``warm``: the model
#: load); the time limit of an analysis counts from the moment its text reaches a ready worker,
#: so a slow model load cannot make every first text time out.
STARTUP_SECONDS = 180.0


def _work(conn: Connection, analyzer: Analyzer, warm: Callable[[], object] | None) -> None:
    """A worker process: get ready (``warm``), then analyse each text received and send back
    the record or why not."""
    if warm is not None:
        warm()
    conn.send(("ready",))
    while True:
        try:
            text, kwargs = conn.recv()
        except (EOFError, OSError):  # the server closed the pipe: stop
            return
        try:
            conn.send(("ok", analyzer(text, **kwargs)))
        except DocumentError as exc:  # sent as parts: its constructor does not unpickle
            conn.send(("rejected", exc.code, exc.source, exc.reason))
        except Exception as exc:
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, analyzer: Analyzer, warm: Callable[[], object] | None) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, analyzer, warm), daemon=True,
                                       name="claimgraph-analysis")
        self.process.start()
        child.close()
        if not self.conn.poll(STARTUP_SECONDS):
            self.stop()
            raise RuntimeError(f"analysis worker did not start in {STARTUP_SECONDS:g} s")
        self.conn.recv()

    def ask(self, text: str, kwargs: dict[str, Any], seconds: float) -> tuple[Any, ...]:
        """The worker's answer; ``TimeoutError`` when it takes longer than ``seconds``."""
        self.conn.send((text, kwargs))
        if not self.conn.poll(seconds):
            raise TimeoutError
        answer: tuple[Any, ...] = self.conn.recv()
        return answer

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Analyses:
    """At most ``slots`` analyses at once, in worker processes stopped after ``seconds``."""

    def __init__(self, analyzer: Analyzer, *, slots: int, seconds: float,
                 processes: bool = True, warm: Callable[[], object] | None = None) -> None:
        self.analyzer = analyzer
        self.warm = warm
        self.slots = slots
        self.seconds = seconds
        self.processes = processes
        self.running = 0
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()

    def run(self, text: str, **kwargs: Any) -> Record:
        """The record of ``text`` (blocks the calling thread: call it off the event loop).

        Raises ``ApiError`` 503 ``busy`` when every slot is taken, 422 ``timeout`` past the time
        limit; ``DocumentError`` when the text cannot be analysed."""
        with self._lock:
            if self.running >= self.slots:
                raise ApiError(503, "busy", f"the analyser is busy with {self.slots} texts "
                               "(as many as this server runs at once): retry shortly")
            self.running += 1
        try:
            if not self.processes:
                return self.analyzer(text, **kwargs)
            return self._in_worker(text, kwargs)
        finally:
            with self._lock:
                self.running -= 1

    def _in_worker(self, text: str, kwargs: dict[str, Any]) -> Record:
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        if worker is not None and not worker.process.is_alive():  # died while idle (OOM killer)
            worker.stop()
            worker = None
        worker = worker or _Worker(self.analyzer, self.warm)
        try:
            answer = worker.ask(text, kwargs, self.seconds)
        except TimeoutError:
            worker.stop()
            raise ApiError(422, "timeout", f"the analysis took longer than {self.seconds:g} s "
                           "(this server's limit) and was stopped: send a shorter text") from None
        except (EOFError, OSError) as exc:  # the worker died (killed, out of memory)
            worker.stop()
            raise RuntimeError(f"analysis worker died: {exc!r}") from exc
        with self._lock:
            self._idle.append(worker)
        if answer[0] == "rejected":
            raise DocumentError(answer[1], answer[2], answer[3])
        if answer[0] == "failed":
            raise RuntimeError(f"analysis failed: {answer[1]}")
        record: Record = answer[1]
        return record

    def close(self) -> None:
        """Stop every idle worker (busy ones stop with the server: they are daemons)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()
