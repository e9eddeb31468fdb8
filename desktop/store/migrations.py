"""Schema versions: numbered SQL files under ``db/migrations`` applied in order.

The version lives in ``PRAGMA user_version``. Opening a database of an older
version applies the missing migrations in one transaction, keeping every row;
a database from a newer Blotter is refused untouched.

Example::

    >>> db = connect(":memory:")
    >>> migrate(db)
    2
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import sqlite_utils

from desktop.paths import migrations_dir
from desktop.store.connection import StoreError, write

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def available(folder: Optional[Path] = None) -> list[tuple[int, Path]]:
    """The migrations shipped with this version, as ``(version, file)`` in order."""
    folder = folder or migrations_dir()
    found = []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if m:
            found.append((int(m.group(1)), path))
    return sorted(found)


def latest_version() -> int:
    """The schema version this code writes."""
    return available()[-1][0]


def schema_version(db: sqlite_utils.Database) -> int:
    """The database's ``user_version`` (0 for a new, empty file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, name: str = "the database", target: Optional[int] = None) -> int:
    """Bring ``db`` up to ``target`` (default: the latest); returns the version reached.

    :raises StoreError: for a database written by a newer Blotter, or a file that
        has tables but no Blotter schema
    """
    steps = available()
    target = steps[-1][0] if target is None else target
    current = schema_version(db)
    if current > steps[-1][0]:
        raise StoreError(
            f"{name} was written by a newer Blotter (schema version {current}; this one knows up to "
            f"{steps[-1][0]}). Update Blotter to open it; the file was not changed.")
    if current == 0 and db.table_names() and "documents" not in db.table_names():
        raise StoreError(f"{name} is an SQLite database, but not a Blotter one; it was not changed.")
    pending = [(v, p) for v, p in steps if current < v <= target]
    if not pending:
        return current
    with write(db, name):
        for version, path in pending:
            db.executescript(path.read_text(encoding="utf-8"))
            db.execute(f"PRAGMA user_version = {version}")
    return target
