"""Small read queries the review window needs beyond :class:`~desktop.store.Store` (no Qt here).

Example::

    >>> list_row(store, 7)["metric_count"]
    4
"""

from __future__ import annotations

from typing import Optional, Sequence

from desktop.store import Store, documents

_LIST_ROW = """
SELECT id, name, title, published, publisher, status, flagged, attention, check_summary, uncited, review_flag, note,
       (SELECT count(*) FROM metrics m WHERE m.document_id = documents.id AND m.status != 'rejected')
         AS metric_count
FROM documents WHERE id = ?
"""


def list_row(store: Store, document_id: int) -> Optional[dict]:
    """One document as the document list shows it (the fields of ``Store.page()``), or ``None``."""
    rows = list(store.db.query(_LIST_ROW, [document_id]))
    return rows[0] if rows else None


def neighbour_in_list(store: Store, document_id: int, *, status: Optional[str] = None,
                      search: Optional[str] = None, flagged: Optional[bool] = None,
                      attention: Optional[bool] = None, review_flag: Optional[bool] = None,
                      noted: Optional[bool] = None, ids: Optional[Sequence[int]] = None, order: str = "published",
                      forward: bool = True) -> Optional[int]:
    """The document after (or before) ``document_id`` in the list's order under a filter, even when the
    filter hides ``document_id`` itself (Next after a filter change goes on from where the reviewer is).
    None at the end of the list. One indexed query.

    In another order than the default (the queue, a sorted column) a hidden document has no place: Next
    is the list's first document (the queue's most urgent), Previous none.
    """
    source, params, searching = documents._from(status, search, flagged, attention, review_flag, noted, ids)
    if order != "published" and not searching:
        if not forward:
            return None
        first = store.page(status=status, search=search, flagged=flagged, attention=attention,
                           review_flag=review_flag, noted=noted, ids=ids, order=order, limit=1)
        return first[0]["id"] if first else None
    glue = " AND " if " WHERE " in source else " WHERE "
    if searching:  # hits run newest import first: by id, descending
        after, order = ("d.id < ?", "d.id DESC") if forward else ("d.id > ?", "d.id ASC")
        extra = [document_id]
    else:  # published newest first (no date last), then id descending
        row = store.db.execute("SELECT published FROM documents WHERE id = ?", [document_id]).fetchone()
        published = row[0] if row else None
        if forward:
            order = "d.published DESC, d.id DESC"
            if published is None:
                after, extra = "(d.published IS NULL AND d.id < ?)", [document_id]
            else:
                after = "(d.published < ? OR (d.published = ? AND d.id < ?) OR d.published IS NULL)"
                extra = [published, published, document_id]
        else:
            order = "d.published IS NULL DESC, d.published ASC, d.id ASC"
            if published is None:
                after, extra = "(d.published IS NOT NULL OR d.id > ?)", [document_id]
            else:
                after, extra = "(d.published > ? OR (d.published = ? AND d.id > ?))", [published, published,
                                                                                        document_id]
    sql = f"SELECT d.id FROM {source}{glue}{after} ORDER BY {order} LIMIT 1"
    found = store.db.execute(sql, params + extra).fetchone()
    return found[0] if found else None


def data_version(store: Store) -> int:
    """SQLite's ``PRAGMA data_version``: changes when another connection (the command line, a second
    window) commits to the database, so the window knows when to refresh."""
    return store.db.execute("PRAGMA data_version").fetchone()[0]


def attention_count(store: Store) -> int:
    """How many documents need attention (the queue's length)."""
    return store.db.execute("SELECT count(*) FROM documents WHERE attention > 0").fetchone()[0]
