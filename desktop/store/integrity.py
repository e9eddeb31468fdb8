"""Damaged databases: a quick check on open, a full check on demand, and recovery into a new file.

A file whose pages hold garbage still opens, and SQLite only notices when a query reaches the
bad page. :func:`problems` runs ``PRAGMA quick_check`` (it reads every page once, but skips
the index cross-checks) so :meth:`desktop.store.Store.open` can refuse a damaged file before
anything writes to it; ``blotter check`` runs the full ``integrity_check``. :func:`recover`
copies every row that can still be read into a new database (what the ``sqlite3`` shell's
``.recover`` does, for Blotter's own tables), skipping past unreadable pages.

Example::

    >>> problems(db)            # [] for a healthy file
    >>> recover("bad.sqlite", "new.sqlite")
    {'documents': (40, 0), 'metrics': (1160, 40), ...}
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Union

import sqlite_utils

from desktop.store.connection import StoreError

#: Tables copied by :func:`recover`, parents first (the full-text index is rebuilt by triggers).
TABLES = ("documents", "extraction_runs", "suggested_operations", "suggested_metrics", "operations", "metrics",
          "audit_log")


def problems(db: sqlite_utils.Database, full: bool = False, limit: int = 100) -> list[str]:
    """What SQLite's own check finds wrong with ``db``: ``[]`` when the file is sound.

    :param full: ``integrity_check`` (indexes against tables too) instead of ``quick_check``
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        found = [str(r[0]) for r in db.execute(f"PRAGMA {pragma}({int(limit)})").fetchall()]
    except sqlite3.DatabaseError as exc:
        if any(w in str(exc).lower() for w in ("malformed", "corrupt", "not a database")):
            return [str(exc)]  # the check itself ran into a page it cannot read
        raise  # a full disk, a lock, a read-only place: not damage, the caller explains it
    return [] if found == ["ok"] else found


def damaged_message(name: str, found: list[str]) -> str:
    """Why a damaged file is refused, and how to get the readable part back."""
    first = " ".join(found[0].replace("*** in database main ***", "").split())[:200]
    shown = first + (f"; and {len(found) - 1} more problems" if len(found) > 1 else "")
    return (f"{name} is damaged ({shown}). Blotter will not write to it, so nothing more is lost. "
            f"Copy what can still be read into a new file with: blotter recover --db {name} NEW.sqlite "
            f"(then open NEW.sqlite); blotter check --db {name} runs a full check.")


def open_read_only(path: Union[str, Path]) -> sqlite_utils.Database:
    """The file at ``path`` opened for reading only (nothing, not even its journal mode, is changed)."""
    p = Path(path)
    if not p.is_file():
        raise StoreError(f"{path}: no such database file")
    # The file is never opened outside SQLite (closing our own descriptor of it would drop the POSIX
    # locks of any connection this process holds on it, ADR 0011): SQLite itself tells a file that is
    # not a database; only an empty one, which SQLite would take for a new database, is refused here.
    not_sqlite = StoreError(f"{path}: not a Blotter database (the file is not SQLite)")
    if p.stat().st_size == 0:
        raise not_sqlite
    try:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise not_sqlite from None
        raise StoreError(f"{path}: cannot be read as a database ({exc})") from None
    return sqlite_utils.Database(conn, execute_plugins=False)  # as in connection._open


def check(path: Union[str, Path]) -> list[str]:
    """The full integrity check of the file at ``path`` (read-only); ``[]`` when sound."""
    db = open_read_only(path)
    try:
        return problems(db, full=True)
    finally:
        db.close()


def _readable_rows(db: sqlite_utils.Database, table: str, columns: list[str], chunk: int = 500):
    """Every row of ``table`` that can be read, in rowid order, stepping over unreadable pages."""
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"SELECT rowid, {names} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?"
    try:
        top = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = 2 ** 62
    last = 0
    while last < top:
        size = chunk
        while True:
            try:
                rows = db.execute(sql, [last, size]).fetchall()
                break
            except sqlite3.DatabaseError:
                if size == 1:  # the very next row is unreadable: jump past it
                    rows = None
                    break
                size = 1  # near the bad page: one row at a time
        if rows is None:
            last = _skip(db, table, last, top)
            continue
        if not rows:
            return
        for row in rows:
            yield row[1:]
        last = rows[-1][0]


def _skip(db: sqlite_utils.Database, table: str, last: int, top: int) -> int:
    """A rowid past the unreadable one after ``last``: a b-tree search for a later rowid lands
    beyond the bad page, so probe ever further ahead until one succeeds."""
    step = 2
    while last + step <= top:
        try:
            db.execute(f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1", [last + step]).fetchone()
            return last + step - 1
        except sqlite3.DatabaseError:
            step *= 2
    return top


def recover(source: Union[str, Path], out: Union[str, Path], reviewer: str = "recover") -> dict[str, tuple[int, int]]:
    """Copy every readable row of the Blotter database ``source`` into the new database ``out``.

    Rows whose parent row was lost (a metric whose document is unreadable) are left out.
    :returns: for each table, ``(rows copied, rows left out as orphans)``
    :raises StoreError: ``out`` already holds data, or ``source`` cannot be read at all
    """
    from desktop.store import Store
    from desktop.store.audit import entry, record
    from desktop.store.migrations import latest_version

    target = Path(out)
    if target.exists() and target.stat().st_size > 0:
        raise StoreError(f"{out} already exists: recover into a new file, so nothing is overwritten")
    src = open_read_only(source)
    try:
        try:
            version = src.execute("PRAGMA user_version").fetchone()[0]
            tables = set(src.table_names())
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{source}: even the list of tables cannot be read ({exc}); nothing can be recovered") from None
        if version > latest_version():
            raise StoreError(f"{source} was written by a newer Blotter; recover it with that version")
        store = Store.open(out, reviewer=reviewer)
        try:
            summary = _copy(src, store, tables)
            with store.write():
                lost = sum(orphans for _, orphans in summary.values())
                kept = sum(copied for copied, _ in summary.values())
                record(store.db, [entry("database", None, "recover", reviewer=reviewer,
                                        old=str(source), new=f"{kept} rows recovered, {lost} orphans left out")])
        finally:
            store.close()
    finally:
        src.close()
    return summary


def _copy(src, store, tables: set) -> dict[str, tuple[int, int]]:
    db = store.db
    copied: dict[str, int] = {}
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with store.write():
            for table in TABLES:
                if table not in tables:
                    copied[table] = 0
                    continue
                wanted = [c for c in db[table].columns_dict if c in set(src[table].columns_dict)]
                names = ", ".join(f'"{c}"' for c in wanted)
                # OR IGNORE: a garbled row that breaks a NOT NULL or CHECK rule is left out, not fatal
                db.conn.executemany(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(wanted))})",
                                    _readable_rows(src, table, wanted))
                copied[table] = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            orphans = _drop_orphans(db)
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    return {t: (copied[t] - orphans.get(t, 0), orphans.get(t, 0)) for t in TABLES}


def _drop_orphans(db: sqlite_utils.Database) -> dict[str, int]:
    dropped: dict[str, int] = {}
    while True:
        bad = db.execute("PRAGMA foreign_key_check").fetchall()
        if not bad:
            return dropped
        for table, rowid, parent, _fk in bad:
            if parent.startswith("suggested_") and table in ("metrics", "operations"):
                # the extractor's original is lost, the reviewed row is not: it just stops pointing at it
                db.execute(f"UPDATE {table} SET suggestion_id = NULL WHERE rowid = ?", [rowid])
                continue
            db.execute(f"DELETE FROM {table} WHERE rowid = ?", [rowid])
            dropped[table] = dropped.get(table, 0) + 1
