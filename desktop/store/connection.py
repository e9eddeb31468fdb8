"""Opening a Blotter database and writing to it safely.

Every connection runs in WAL mode with a busy timeout and foreign keys on;
:func:`write` wraps a group of statements in one ``BEGIN IMMEDIATE`` transaction
(so two processes queue instead of failing) and turns SQLite's errors into
:class:`StoreError` messages a person can act on.

Example::

    >>> db = connect(":memory:")
    >>> with write(db):
    ...     db.execute("CREATE TABLE t (x)")
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Iterator, Optional, Union

import sqlite_utils

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_MS = 15_000


class StoreError(Exception):
    """A database problem explained for a person (the file and what to do)."""


def connect(path: Union[str, Path], busy_timeout_ms: Optional[int] = None) -> sqlite_utils.Database:
    """Open (creating if needed) the SQLite file at ``path`` with Blotter's settings.

    A file on a read-only mount (or otherwise not writable) is opened read-only, so it can
    still be browsed and exported; ``db.blotter_read_only`` says so. A file runs ``PRAGMA quick_check``
    first and is refused when damaged, unless it is exactly as Blotter last checked or cleanly closed it
    (:mod:`desktop.store.open_stamp`, ADR 0011); ``db.blotter_checked_at`` says when it was last checked.

    :param path: a file path, or ``":memory:"`` for a throwaway database
    :param busy_timeout_ms: how long a write waits for another writer (default :data:`BUSY_TIMEOUT_MS`)
    :raises StoreError: when the file is not an SQLite database, is damaged, or cannot be opened
    """
    name = str(path)
    busy = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
    if name != ":memory:":
        p = Path(name)
        if p.is_dir():
            raise StoreError(f"{name}: is a folder, not a database file")
        # (The header is SQLite's to read: a file of ours opened and closed beside a connection of this
        # process would drop that connection's POSIX locks. A file that is not SQLite fails below.)
        if not p.exists() and not p.parent.exists():
            p.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = _open(name, busy)
        db.execute("PRAGMA foreign_keys = ON")
        if name != ":memory:":
            from desktop.store.open_stamp import file_id
            db.blotter_file_id = file_id(name)  # the file this connection has open
            db.blotter_checked_at = _refuse_if_damaged(db, name)
        if name != ":memory:" and not db.blotter_read_only and _ours_to_change(db):
            _enable_wal(db, name)
        # Reviewer edits are small: each commit waits for the disk (FULL), so an OS crash or a
        # power cut cannot take back an edit the window said was saved. Bulk imports switch to
        # NORMAL for their own transactions (see :func:`bulk_sync`).
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise StoreError(f"{name}: not a Blotter database (the file is not SQLite)") from None
        if _no_space(name):
            raise StoreError(f"{name}: the disk is full: the database cannot be opened. "
                             "Free some space and try again.") from None
        raise StoreError(f"{name}: cannot be opened as a database ({exc})") from None
    return db


def _open(name: str, busy_ms: int) -> sqlite_utils.Database:
    """A connection that can read ``name``: normally, else (a file in a read-only place) read-only."""
    conn = sqlite3.connect(name, timeout=busy_ms / 1000, check_same_thread=False)
    read_only = name != ":memory:" and Path(name).exists() and not _writable(name)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        if not read_only:
            conn.close()
            raise
        conn.close()
        conn = _open_read_only(name, busy_ms)
    except sqlite3.DatabaseError:  # not SQLite: closed here, explained by connect()
        conn.close()
        raise
    # execute_plugins=False: no third-party sqlite-utils plugin changes Blotter's connections, and
    # looking for them (importlib.metadata over every installed package) cost the start 40-70 ms
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.blotter_read_only = read_only
    db.blotter_busy_ms = busy_ms
    db.blotter_path = None if name == ":memory:" else name
    return db


def _open_read_only(name: str, busy_ms: int) -> sqlite3.Connection:
    """``mode=ro``; for a WAL file whose ``-shm`` cannot be created there, ``immutable=1`` (safe:
    nothing can write to a read-only place either)."""
    uri = Path(name).resolve().as_uri()
    last: Optional[Exception] = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        conn = sqlite3.connect(f"{uri}?{flags}", uri=True, timeout=busy_ms / 1000, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            last = exc
    raise last  # type: ignore[misc]


def _writable(name: str) -> bool:
    """Whether the file and its folder can be written (False on a read-only mount, even for root)."""
    p = Path(name)
    return os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)


@contextlib.contextmanager
def bulk_sync(db: sqlite_utils.Database) -> Iterator[None]:
    """``synchronous = NORMAL`` for the duration of a bulk import (a re-import repairs what an OS
    crash could take back), ``FULL`` again afterwards for reviewer edits."""
    db.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        if not db.conn.in_transaction:
            db.execute("PRAGMA synchronous = FULL")


#: The page cache of a connection while it imports, in KiB (SQLite's default is 2,000 KiB). The documents'
#: indexes (title, publisher, date) take rows in no order, so with the default cache the writer of 20,000
#: releases read 1.1 GB of pages back from the operating system again and again: 0.86 -> 0.74 ms of CPU a
#: release with 16 MiB, a little less again with 64 MiB (ADR 0010, fifth round).
IMPORT_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def import_cache(db: sqlite_utils.Database) -> Iterator[None]:
    """A page cache of :data:`IMPORT_CACHE_KIB` for the whole of an import (many transactions: the cache
    stays valid between them while no other connection writes), the connection's own size again afterwards."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]  # KiB when negative, else pages
    kib = -before if before < 0 else before * db.execute("PRAGMA page_size").fetchone()[0] // 1024
    if kib >= IMPORT_CACHE_KIB:
        yield
        return
    db.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


def _refuse_if_damaged(db: sqlite_utils.Database, name: str) -> float:
    """``PRAGMA quick_check`` before anything is written: a damaged file is refused untouched.

    Skipped when the file is exactly as Blotter last checked or cleanly closed it (ADR 0011).

    :returns: when the file was last checked (a ``time.time()``)
    """
    from desktop.store import open_stamp
    when = open_stamp.checked_at(name)
    if when is not None:
        return when
    from desktop.store.integrity import damaged_message, problems  # here: integrity imports this module
    found = problems(db)
    if found:
        db.close()
        raise StoreError(damaged_message(name, found))
    when = time.time()
    open_stamp.record(name, when, wait=False, same_file=getattr(db, "blotter_file_id", None))
    return when


def close(db: sqlite_utils.Database) -> None:
    """Close ``db``; when that was the last connection to its file (SQLite then checkpoints the WAL and
    removes it), stamp the file as Blotter leaves it, so the next open can skip the check (ADR 0011)."""
    checked = getattr(db, "blotter_checked_at", None)
    path = getattr(db, "blotter_path", None)
    db.close()
    if checked is not None and path is not None:
        from desktop.store import open_stamp
        open_stamp.record(path, checked, same_file=getattr(db, "blotter_file_id", None))


def _ours_to_change(db: sqlite_utils.Database) -> bool:
    """False for a file from a newer Blotter or another program: it must stay byte for byte as it is
    (switching it to WAL rewrites its header) until the migrations have accepted it."""
    from desktop.store.migrations import latest_version  # here: migrations imports this module
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > latest_version():
        return False
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return version > 0 or not tables or "documents" in tables


def _enable_wal(db: sqlite_utils.Database, name: str) -> None:
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() == "wal":
        return
    try:
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # a read-only file stays in its own mode; reads still work


def _no_space(name: str) -> bool:
    """Whether the disk holding the file ``name`` is full (SQLite reports that as a plain I/O error
    when it cannot create its ``-wal``/``-shm`` files)."""
    try:
        folder = Path(name).resolve().parent
        return folder.is_dir() and shutil.disk_usage(folder).free < 64 * 1024
    except (OSError, ValueError):
        return False


def explain(exc: BaseException, name: str = "the database") -> str:
    """A sentence for a person from an SQLite error."""
    text = str(exc)
    low = text.lower()
    if "readonly" in low or "read-only" in low:
        return f"{name} is read-only: the change was not saved. Check the file's permissions, or open another database."
    if "disk is full" in low or "max_page_count" in low or ("disk i/o error" in low and _no_space(name)):
        return f"{name}: the disk is full: the change was not saved. Free some space and try again."
    if "locked" in low or "busy" in low:
        return f"{name} is busy in another window or program: the change was not saved. Try again in a moment."
    if "not a database" in low or "malformed" in low:
        return f"{name} is damaged or not a Blotter database ({text})."
    return f"{name}: {text}"


@contextlib.contextmanager
def write(db: sqlite_utils.Database, name: str = "the database") -> Iterator[sqlite_utils.Database]:
    """One immediate write transaction: all of it lands, or none of it.

    Nested calls join the outer transaction. ``sqlite3`` errors become
    :class:`StoreError` with a message from :func:`explain`.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    _begin_immediate(db, name)
    try:
        yield db
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(explain(exc, name)) from exc
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(explain(exc, name)) from exc


def _begin_immediate(db: sqlite_utils.Database, name: str) -> None:
    deadline = time.monotonic() + getattr(db, "blotter_busy_ms", BUSY_TIMEOUT_MS) / 1000
    while True:
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise StoreError(explain(exc, name)) from exc
            time.sleep(0.05)
