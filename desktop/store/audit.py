"""The audit log: every change a reviewer (or an import) makes, with old and new values.

Example::

    >>> entries = [entry("metric", 7, "update", document_id=1, field="value", old=3, new=4, reviewer="ann")]
    >>> record(db, entries)
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Iterable, Optional

import sqlite_utils


def now() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _text(value: Any) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def entry(entity: str, entity_id: Optional[int], action: str, *, reviewer: str,
          document_id: Optional[int] = None, field: Optional[str] = None,
          old: Any = None, new: Any = None, at: Optional[str] = None) -> dict:
    """One audit row.

    :param entity: ``document``, ``metric`` or ``operation``
    :param action: ``import``, ``update``, ``status``, ``add``, ``delete``, ``extract``
    """
    return {
        "at": at or now(), "reviewer": reviewer, "document_id": document_id, "entity": entity,
        "entity_id": entity_id, "action": action, "field": field, "old": _text(old), "new": _text(new),
    }


def record(db: sqlite_utils.Database, entries: Iterable[dict]) -> None:
    """Append entries (inside the caller's transaction)."""
    rows = list(entries)
    if rows:
        db["audit_log"].insert_all(rows, batch_size=500)


def history(db: sqlite_utils.Database, document_id: Optional[int] = None, limit: int = 1000) -> list[dict]:
    """The newest entries first, for one document or all."""
    if document_id is None:
        sql, params = "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit]
    else:
        sql, params = "SELECT * FROM audit_log WHERE document_id = ? ORDER BY id DESC LIMIT ?", [document_id, limit]
    return list(db.query(sql, params))
