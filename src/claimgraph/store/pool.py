"""A small pool of database connections for concurrent reads (PostgreSQL).

psycopg_pool would do, but the store needs only this: at most ``size`` connections, opened
when first needed, each lent to one caller at a time, a caller waiting when all are lent;
a connection that broke (server restart, killed backend) is dropped instead of lent again.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

C = TypeVar("C")


class ConnectionPool(Generic[C]):
    def __init__(self, connect: Callable[[], C], size: int) -> None:
        if size < 1:
            raise ValueError("a pool needs room for at least one connection")
        self._connect = connect
        self._idle: list[C] = []
        self._opened = 0
        self._size = size
        self._ready = threading.Condition()
        self._closed = False

    def get(self) -> C:
        """An idle connection, a new one while fewer than ``size`` are open, else wait."""
        with self._ready:
            while not self._idle and self._opened >= self._size:
                self._ready.wait()
            if self._closed:
                raise RuntimeError("the connection pool is closed")
            if self._idle:
                return self._idle.pop()
            self._opened += 1
        try:
            return self._connect()
        except BaseException:
            with self._ready:
                self._opened -= 1
                self._ready.notify()
            raise

    def put(self, con: C) -> None:
        """Give a connection back; a broken or closed one is closed and forgotten."""
        broken = bool(getattr(con, "closed", False) or getattr(con, "broken", False))
        with self._ready:
            if broken or self._closed:
                self._opened -= 1
            else:
                self._idle.append(con)
            self._ready.notify()
        if broken or self._closed:
            _close(con)

    def close(self) -> None:
        """Close the idle connections; lent ones are closed when given back."""
        with self._ready:
            self._closed = True
            idle, self._idle = self._idle, []
            self._opened -= len(idle)
            self._ready.notify_all()
        for con in idle:
            _close(con)


def _close(con: Any) -> None:
    with contextlib.suppress(Exception):  # closing a broken connection may fail: it is gone
        con.close()
