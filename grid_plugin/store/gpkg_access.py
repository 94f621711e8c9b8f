"""How the GeoPackage store shares its file with other imports, readers and programs.

The file keeps SQLite's rollback journal. Opening a store only reads (it takes the write lock
just to create or migrate the file), so a count, the heat map or the dock read while an import
writes: they read the last committed state until the import's changes outgrow its page cache
(store/gpkg.py: 256 MiB, which a million-case batch does) or it commits; then they wait for it.
A writer takes the write lock when its transaction starts (BEGIN IMMEDIATE), so a second import
waits there instead of failing half-way through its batch.

Whoever waits says so first through the store's feedback ("waiting for another import ..."),
looks at the feedback's cancel about once a second, and gives up after the store's busy timeout
(store/gpkg.py BUSY_TIMEOUT_S, a minute) with a message naming the file and what to do, never
sqlite3's "database is locked".

WAL would let readers through even then, but it writes every page twice (the log, then the
checkpoint into the file): a million-case import took 15-35 % longer with it (measured against
this journal on the same machine), so the store does not switch a file to WAL; a file another
program has put in WAL is used as it is.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from grid_plugin.core.errors import Cancelled, message
from grid_plugin.store.base import StoreError, StoreFeedback

_POLL_S = 1.0  # a waiting store looks at the feedback's cancel this often
_T = TypeVar("_T")


def is_busy(error: BaseException) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock this one needs."""
    return isinstance(error, sqlite3.OperationalError) and any(
        word in str(error) for word in ("database is locked", "database table is locked", "database is busy"))


def set_busy_timeout(conn: sqlite3.Connection, seconds: float) -> None:
    conn.execute(f"PRAGMA busy_timeout = {max(0, round(seconds * 1000))}")


def wait_while_busy(conn: sqlite3.Connection, action: Callable[[], _T], path: str, timeout: float,
                    feedback: StoreFeedback, writing: bool) -> _T:
    """`action()` (BEGIN IMMEDIATE, or a whole read), retried while another connection holds the
    file, for at most `timeout` seconds; the first try does not wait, so the wait is announced."""
    deadline = time.monotonic() + timeout
    waiting = False
    set_busy_timeout(conn, 0)
    try:
        while True:
            try:
                return action()
            except sqlite3.OperationalError as err:
                if not is_busy(err):
                    raise
                if time.monotonic() >= deadline:
                    raise (busy_writing(path, timeout) if writing else busy_reading(path, timeout)) from None
            if not waiting:
                waiting = True
                feedback.notify(message("Waiting for another import or program writing {path} to finish (at most "
                                        "{seconds} s)...", path=path, seconds=f"{timeout:g}"))
            if feedback.is_cancelled():
                raise Cancelled()
            set_busy_timeout(conn, max(0.0, min(_POLL_S, deadline - time.monotonic())))
    finally:
        set_busy_timeout(conn, timeout)


def busy_writing(path: str, timeout: float) -> StoreError:
    return StoreError("{path} is being written by another import or program, which did not finish within {seconds} s; "
                      "nothing was saved. Run again when it has finished, or close the program that holds the file.",
                      path=path, seconds=f"{timeout:g}")


def busy_reading(path: str, timeout: float) -> StoreError:
    return StoreError("{path} is being written by another import or program, which did not finish within {seconds} s; "
                      "run again when it has finished, or close the program that holds the file.", path=path,
                      seconds=f"{timeout:g}")
