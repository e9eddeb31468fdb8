"""Documents: adding them in batches, reading, listing, searching and their review status.

The list queries never read bodies and page with ``LIMIT``/``OFFSET`` over
indexed columns, so a list of 100,000 documents costs what one page costs.

Example::

    >>> page(db, status="new", limit=10)[0]["title"]
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Optional

import sqlite_utils

from desktop.domain import DOCUMENT_STATUSES, Document

#: The columns the document list shows (no body).
LIST_COLUMNS = ("id", "name", "title", "published", "publisher", "status", "flagged")
_METRIC_COUNT = ("(SELECT count(*) FROM metrics m WHERE m.document_id = documents.id AND m.status != 'rejected')"
                 " AS metric_count")
#: Fields a reviewer may edit on a document.
EDITABLE_FIELDS = ("title", "published", "publisher", "url", "area")
_ORDER = {
    "published": "published DESC, id DESC",
    "title": "title COLLATE NOCASE, id",
    "name": "name, id",
    "status": "status, id",
    "id": "id",
}


def existing_hashes(db: sqlite_utils.Database, hashes: list[str]) -> set[str]:
    """Which of ``hashes`` are stored already."""
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        chunk = hashes[i:i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(f"SELECT sha256 FROM documents WHERE sha256 IN ({marks})", chunk))
    return found


def existing_ids(db: sqlite_utils.Database, hashes: list[str]) -> dict[str, int]:
    """``{sha256: id}`` for the stored documents among ``hashes``."""
    out: dict[str, int] = {}
    for i in range(0, len(hashes), 500):
        chunk = hashes[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(db.execute(f"SELECT sha256, id FROM documents WHERE sha256 IN ({marks})", chunk).fetchall())
    return out


def get(db: sqlite_utils.Database, document_id: int) -> Optional[dict]:
    """The whole document row, body included, or ``None``."""
    rows = list(db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
    return rows[0] if rows else None


def to_document(row: dict) -> Document:
    """A stored row back into a :class:`Document`."""
    return Document(
        name=row["name"], body=row["body"], sha256=row["sha256"], title=row["title"],
        published=row["published"], publisher=row["publisher"], url=row["url"], area=row["area"],
        source_path=row["source_path"], encoding=row["encoding"],
        front_matter=json.loads(row["front_matter"] or "{}"),
    )


def fts_query(text: str) -> Optional[str]:
    """A user's search words as a safe FTS5 query (every word must match; the last as a prefix)."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _where(status: Optional[str], search: Optional[str], flagged: Optional[bool]) -> tuple[str, list]:
    clauses, params = [], []
    if status:
        if status not in DOCUMENT_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        clauses.append("status = ?")
        params.append(status)
    if flagged:
        clauses.append("flagged = 1")
    query = fts_query(search) if search else None
    if query:
        clauses.append("id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(query)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def page(db: sqlite_utils.Database, *, status: Optional[str] = None, search: Optional[str] = None,
         flagged: Optional[bool] = None, order: str = "published", offset: int = 0, limit: int = 200) -> list[dict]:
    """One page of the document list (no bodies), filtered and ordered."""
    where, params = _where(status, search, flagged)
    sql = (f"SELECT {', '.join(LIST_COLUMNS)}, {_METRIC_COUNT} FROM documents{where} "
           f"ORDER BY {_ORDER.get(order, _ORDER['published'])} LIMIT ? OFFSET ?")
    return list(db.query(sql, params + [limit, offset]))


def count(db: sqlite_utils.Database, *, status: Optional[str] = None, search: Optional[str] = None,
          flagged: Optional[bool] = None) -> int:
    """How many documents the same filter would list."""
    where, params = _where(status, search, flagged)
    return db.execute(f"SELECT count(*) FROM documents{where}", params).fetchone()[0]


def status_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """``{status: count}`` for every status (zeros included)."""
    counts = {s: 0 for s in DOCUMENT_STATUSES}
    counts.update(db.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
    return counts


def neighbour(db: sqlite_utils.Database, document_id: int, *, unreviewed: bool = False,
              order: str = "published", forward: bool = True) -> Optional[int]:
    """The id after (or before) ``document_id`` in the list's default order, wrapping round.

    Two indexed look-ups whatever the size of the database.

    :param unreviewed: only documents still new or in review
    :param forward: the next one (``True``) or the previous one
    """
    row = db.execute("SELECT published, id FROM documents WHERE id = ?", [document_id]).fetchone()
    extra = " AND status IN ('new', 'in_review')" if unreviewed else ""
    # The list runs published DESC (NULLs last), then id DESC.
    if forward:
        order_sql = "ORDER BY published DESC, id DESC"
        after = ("(published IS NULL AND id < :id)" if row and row[0] is None else
                 "(published < :pub OR (published = :pub AND id < :id) OR published IS NULL)")
    else:
        order_sql = "ORDER BY published IS NULL DESC, published ASC, id ASC"
        after = ("(published IS NOT NULL OR id > :id)" if row and row[0] is None else
                 "(published > :pub OR (published = :pub AND id > :id))")
    params = {"pub": row[0] if row else None, "id": document_id}
    if row:
        found = db.execute(f"SELECT id FROM documents WHERE {after}{extra} {order_sql} LIMIT 1", params).fetchone()
        if found:
            return found[0]
    found = db.execute(f"SELECT id FROM documents WHERE id != :id{extra} {order_sql} LIMIT 1", params).fetchone()
    return found[0] if found else None
