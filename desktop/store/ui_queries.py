"""Small read queries the review window needs beyond :class:`~desktop.store.Store` (no Qt here).

Example::

    >>> list_row(store, 7)["metric_count"]
    4
"""

from __future__ import annotations

from typing import Optional

from desktop.store import Store

_LIST_ROW = """
SELECT id, name, title, published, publisher, status, flagged,
       (SELECT count(*) FROM metrics m WHERE m.document_id = documents.id AND m.status != 'rejected')
         AS metric_count
FROM documents WHERE id = ?
"""


def list_row(store: Store, document_id: int) -> Optional[dict]:
    """One document as the document list shows it (the fields of ``Store.page()``), or ``None``."""
    rows = list(store.db.query(_LIST_ROW, [document_id]))
    return rows[0] if rows else None
