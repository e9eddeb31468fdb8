"""Undo and redo against a database another window may have changed since.

An undo puts back what a row held before an edit, but only while the row still holds what
that edit wrote. If another writer changed it since, the later edit wins (as it does for two
writers) and the undo is refused with a message naming the row.

Example::

    >>> check("metric", row, {"value": 222, "status": "corrected"})   # raises StoreError if changed
"""

from __future__ import annotations

from typing import Any

from desktop.store.connection import StoreError


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


def describe(kind: str, row: dict) -> str:
    """A row as a person recognises it: ``metric 'arrests 1,800' (row 7)``."""
    if kind == "metric":
        value = row.get("value")
        shown = "" if value is None else f" {value:,}" if isinstance(value, (int, float)) else f" {value}"
        what = f"{row.get('category')}{shown}"
    elif kind == "operation":
        what = str(row.get("name"))
    else:
        what = str(row.get("title") or row.get("name"))
    what = what if len(what) <= 60 else what[:59] + "…"
    return f"{kind} '{what}' (row {row.get('id')})"


def check(kind: str, row: dict, expect: dict) -> None:
    """Raise :class:`StoreError` when ``row`` no longer holds every value of ``expect``."""
    changed = [f for f, v in expect.items() if not _same(row.get(f), v)]
    if not changed:
        return
    by = row.get("updated_by") or row.get("reviewer")
    who = f" by {by}" if by else ""
    raise StoreError(f"{describe(kind, row)} was changed{who} in another window since ({', '.join(changed)}); "
                     "the later edit is kept and this step was not undone")
