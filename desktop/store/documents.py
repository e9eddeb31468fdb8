"""Documents: adding them in batches, reading, listing, searching and their review status.

The list queries never read bodies and page with ``LIMIT``/``OFFSET`` over
indexed columns, so a list of 100,000 documents costs what one page costs.

Example::

    >>> ids = add_documents(db, [doc])
    >>> page(db, limit=10)[0]["title"]
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Optional

import sqlite_utils

from desktop.domain import DOCUMENT_STATUSES, Document
from desktop.store.audit import now

#: The columns the document list shows (no body).
LIST_COLUMNS = ("id", "name", "title", "published", "publisher", "status", "metric_count", "flagged")
#: Fields a reviewer may edit on a document.
EDITABLE_FIELDS = ("title", "published", "publisher", "url", "area")
_ORDER = {
    "published": "published DESC NULLS LAST, id",
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


def add_documents(db: sqlite_utils.Database, docs: Iterable[Document]) -> dict[str, int]:
    """Insert new documents (inside the caller's transaction); returns ``{sha256: id}`` of those added."""
    stamp = now()
    rows = [{
        "sha256": d.sha256, "name": d.name, "source_path": d.source_path, "title": d.title,
        "published": d.published, "publisher": d.publisher, "url": d.url, "area": d.area,
        "body": d.body, "front_matter": json.dumps(d.front_matter, ensure_ascii=False, default=str),
        "encoding": d.encoding, "status": "new", "imported_at": stamp,
    } for d in docs]
    if not rows:
        return {}
    db["documents"].insert_all(rows, batch_size=500)
    return existing_ids(db, [r["sha256"] for r in rows])


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
    sql = (f"SELECT {', '.join(LIST_COLUMNS)} FROM documents{where} "
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
    """The id after (or before) ``document_id`` in list order, optionally only unreviewed ones."""
    ids = [r[0] for r in db.execute(
        f"SELECT id FROM documents ORDER BY {_ORDER.get(order, _ORDER['published'])}")]
    if document_id not in ids:
        return ids[0] if ids else None
    i = ids.index(document_id)
    seq = ids[i + 1:] + ids[:i] if forward else list(reversed(ids[:i])) + list(reversed(ids[i + 1:]))
    if not unreviewed:
        return seq[0] if seq else None
    statuses = dict(db.execute("SELECT id, status FROM documents WHERE status IN ('new', 'in_review')").fetchall())
    return next((d for d in seq if d in statuses), None)
