"""A large CSV export on two cores: the second half of the rows written by a worker process.

The rows are split by document id at the middle of the metrics table. The calling process writes
the byte-order mark, the header and the first half into the export's temporary file; a worker
process (a program of its own, :mod:`desktop.export_worker`: an SQLite connection must not cross a
``fork``, and ``multiprocessing``'s ``spawn`` would run the caller's main script again) opens the same
database read-only and writes the second half into a temporary file of its own in the same
folder; the calling process then appends that file (``os.copy_file_range``, in the kernel) and
:func:`desktop.export.export` syncs and renames as for any export. The output is byte for byte
the one process's (ADR ``export-on-two-cores``).

Both halves come from one state of the database: the calling process starts its read
transaction first, the worker starts its own, and a third connection's ``PRAGMA data_version``,
read before the first and after the second, says whether any other connection committed in
between. If one did, or the worker did not start, it is stopped and the calling process writes
the second half itself, in its own transaction; so it does for a file a second reader cannot open.

Errors stay for people: a worker that fails sends its error back (a full disk is an
:class:`OSError` like any other), a worker that dies is reported as such, Ctrl+C stops both, and
every temporary file is removed (``remove_stale_parts`` also finds a killed export's).
"""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, Optional

from desktop import export as ex

#: Below this many metric rows one process does it all: starting a worker costs ~0.2 s.
MIN_ROWS = 200_000
#: How long to wait for the worker's first word (its start and its query's first step).
START_TIMEOUT_S = 60


def write_csv(store, fh: IO[str], include_all: bool, bom: bool, part_dir: Path, part_prefix: str) -> int:
    """Write the CSV export to ``fh`` (a regular file), on two cores when it is large; returns the rows.

    :param part_dir: where the worker's temporary file goes (the export's folder)
    :param part_prefix: its name's start (the export's temporary files' prefix, with this pid)
    """
    path = _file_of(store.db)
    total = store.db.execute("SELECT count(*) FROM metrics").fetchone()[0] if path else 0
    checker = _reader(path) if total >= MIN_ROWS and not store.db.conn.in_transaction \
        and not getattr(store.db, "blotter_read_only", False) else None
    if checker is None:  # small, or a file a second reader cannot open (a read-only place)
        return ex.write(store, fh, include_all=include_all, fmt="csv", bom=bom)
    split = store.db.execute("SELECT document_id FROM metrics ORDER BY document_id LIMIT 1 OFFSET ?",
                             [total // 2]).fetchone()[0]
    worker, pipe, part = None, None, ""
    try:
        before = checker.execute("PRAGMA data_version").fetchone()[0]
        fd, part = tempfile.mkstemp(prefix=part_prefix, suffix=".part", dir=str(part_dir))
        os.close(fd)
        store.db.execute("BEGIN")  # the first half's snapshot, taken by the query's first step
        first = ex.safe_records(store.db, include_all, "first", split)
        try:
            worker, pipe = _start_worker(path, include_all, split, part)
            started = _receive(pipe, worker, START_TIMEOUT_S)
        except OSError:  # no process to be had (too many open files, ...)
            started = ("died", "not started")
        same = started == ("started",) and checker.execute("PRAGMA data_version").fetchone()[0] == before
        if not same:  # the worker did not start, or another connection committed in between:
            if worker is not None:
                _stop(worker)  # this process does it all, in its own transaction
            worker = None
        ex.write_header(fh, bom)
        count = ex.write_rows(fh, first)
        if worker is None:
            return count + ex.write_rows(fh, ex.safe_records(store.db, include_all, "second", split))
        done = _receive(pipe, worker, None)
        if done[0] != "done":
            _raise(done)
        fh.flush()
        _append(fh.fileno(), part)
        return count + done[1]
    finally:
        if worker is not None:
            _stop(worker)
        if pipe is not None:
            pipe.close()
        if store.db.conn.in_transaction:
            store.db.execute("ROLLBACK")
        checker.close()
        if part:
            try:
                os.unlink(part)
            except OSError:
                pass


def _reader(path: str) -> Optional[sqlite3.Connection]:
    """A read-only connection to ``path`` that has read it, or None when there cannot be one."""
    try:
        conn = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error:
        return None


def _file_of(db) -> str:
    """The database's file, or ``""`` for one in memory."""
    for _seq, name, file in db.execute("PRAGMA database_list"):
        if name == "main":
            return file or ""
    return ""


class _Messages:
    """The calling process's end of the worker's pipe: one JSON list a line."""

    def __init__(self, fd: int):
        self.fd, self._buffer = fd, b""

    def poll(self, timeout: float) -> bool:
        """Whether a message (or the end of the pipe) is there to read, waiting up to ``timeout`` s."""
        return b"\n" in self._buffer or bool(select.select([self.fd], [], [], timeout)[0])

    def recv(self) -> tuple:
        while b"\n" not in self._buffer:
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("the worker closed its pipe")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return tuple(json.loads(line))

    def close(self) -> None:
        os.close(self.fd)


def _start_worker(path: str, include_all: bool, split: int, part: str):
    """Start ``python -m desktop.export_worker`` for the second half; returns (process, messages)."""
    ours, theirs = os.pipe()
    worker = f"{WORKER.__module__}:{WORKER.__qualname__}"
    env = {**os.environ, "BLOTTER_EXPORT_SYS_PATH": json.dumps(sys.path)}
    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None  # the worker inherits the ignore
    try:
        proc = subprocess.Popen([sys.executable, "-m", "desktop.export_worker", str(theirs), worker, path,
                                 "1" if include_all else "0", json.dumps(split), part],
                                pass_fds=(theirs,), env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        os.close(ours)
        raise
    finally:
        os.close(theirs)
        if main:
            signal.signal(signal.SIGINT, old)
    return proc, _Messages(ours)


def _receive(pipe: _Messages, proc: subprocess.Popen, timeout: Optional[float]) -> tuple:
    """The worker's next message; ``("died", code)`` when it ends without one."""
    while not pipe.poll(1 if timeout is None else min(timeout, 1)):
        if proc.poll() is not None and not pipe.poll(0):
            return ("died", proc.returncode)
        if timeout is not None:
            timeout -= 1
            if timeout <= 0:
                return ("died", "no answer")
    try:
        return pipe.recv()
    except (EOFError, OSError, ValueError):
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        return ("died", proc.returncode)


def _raise(message: tuple):
    if message[0] == "error":
        _kind, errno, text = message
        raise OSError(errno, text) if errno else OSError(text)
    raise OSError(f"the export's second process stopped before it finished (exit {message[1]})")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _append(out_fd: int, part: str) -> None:
    """Append the file ``part`` at ``out_fd``'s position, in the kernel where it can."""
    with open(part, "rb") as src:
        left = os.fstat(src.fileno()).st_size
        while left > 0:
            try:
                n = os.copy_file_range(src.fileno(), out_fd, left)
            except OSError:
                n = 0  # another file system, an old kernel: copy through memory
            if n == 0:
                while chunk := src.read(1 << 20):
                    os.write(out_fd, chunk)
                return
            left -= n


def work(path: str, include_all: bool, split: int, part: str, pipe) -> None:
    """The worker: the second half of the rows into ``part``; reports ``started``, then ``done``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the calling process's to handle
    try:
        import sqlite_utils
        conn = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        db.execute("BEGIN")
        rows = ex.safe_records(db, include_all, "second", split)
        pipe.send(("started",))
        with open(part, "w", encoding="utf-8", newline="") as fh:
            count = ex.write_rows(fh, rows)
        conn.close()
        pipe.send(("done", count))
    except Exception as exc:  # noqa: BLE001 - sent back to be shown as a message, never a traceback
        try:
            pipe.send(("error", getattr(exc, "errno", None), getattr(exc, "strerror", None) or str(exc)))
        except OSError:
            pass  # the calling process is gone (killed): its temporary files are removed by the next export


#: What the worker runs (tests put a failing one here; it must be importable by name).
WORKER = work
