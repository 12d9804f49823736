"""The connection pool of concurrent reads: bounded, reuses, drops broken connections."""

from __future__ import annotations

import threading

from claimgraph.store.pool import ConnectionPool


class Con:
    def __init__(self) -> None:
        self.closed = False
        self.broken = False

    def close(self) -> None:
        self.closed = True


def test_a_returned_connection_is_lent_again_not_a_new_one():
    made: list[Con] = []
    pool = ConnectionPool(lambda: made.append(Con()) or made[-1], 2)
    first = pool.get()
    pool.put(first)
    assert pool.get() is first and len(made) == 1


def test_a_caller_waits_while_every_connection_is_lent():
    pool = ConnectionPool(Con, 1)
    lent = pool.get()
    got: list[Con] = []
    waiter = threading.Thread(target=lambda: got.append(pool.get()))
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive() and not got
    pool.put(lent)
    waiter.join(5)
    assert got == [lent]


def test_a_broken_connection_is_closed_and_replaced():
    pool = ConnectionPool(Con, 1)
    broken = pool.get()
    broken.broken = True
    pool.put(broken)
    fresh = pool.get()
    assert broken.closed and fresh is not broken


def test_closing_the_pool_closes_idle_connections():
    pool = ConnectionPool(Con, 2)
    idle, lent = pool.get(), pool.get()
    pool.put(idle)
    pool.close()
    assert idle.closed and not lent.closed
    pool.put(lent)
    assert lent.closed
