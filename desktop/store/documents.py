"""Documents: adding them in batches, reading, listing, searching and their review status.

The list queries never read bodies and page with ``LIMIT``/``OFFSET`` over
indexed columns, so a list of 100,000 documents costs what one page costs.

Example::

    >>> page(db, status="new", limit=10)[0]["title"]
"""

from __future__ import annotations

import json
import re
from typing import Iterable, Optional, Sequence

import sqlite_utils

from desktop.domain import DOCUMENT_STATUSES, Document

#: The columns the document list shows (no body).
LIST_COLUMNS = ("id", "name", "title", "published", "publisher", "status", "flagged", "attention",
                "check_summary", "uncited", "review_flag", "note")
_METRIC_COUNT = ("(SELECT count(*) FROM metrics m WHERE m.document_id = d.id AND m.status != 'rejected')"
                 " AS metric_count")
_SELECT = ", ".join(f"d.{c}" for c in LIST_COLUMNS) + ", " + _METRIC_COUNT
#: Fields a reviewer may edit on a document.
EDITABLE_FIELDS = ("title", "published", "publisher", "url", "area", "note")
_ORDER = {
    "published": "d.published DESC, d.id DESC",
    "title": "d.title COLLATE NOCASE, d.id",
    "name": "d.name, d.id",
    "status": "d.status, d.published, d.id",  # the order of an index (documents_status_order)
    "id": "d.id",
    "attention": "d.attention DESC, d.published DESC, d.id DESC",
    # the list's column headers (issue 11): each way round, sorted by SQLite a page at a time
    "published_asc": "d.published, d.id",  # no date first; the list's own index, read forwards
    "title_desc": "d.title COLLATE NOCASE DESC, d.id DESC",
    "publisher": "d.publisher COLLATE NOCASE, d.id",  # no publisher first; indexed (migration 0004)
    "publisher_desc": "d.publisher COLLATE NOCASE DESC, d.id DESC",
    "status_desc": "d.status DESC, d.published DESC, d.id DESC",
    # counted for every document at each page: the one slow sort (about half a second at 100,000)
    "figures": "metric_count DESC, d.published DESC, d.id DESC",
    "figures_asc": "metric_count, d.published DESC, d.id DESC",
}
#: the orders a list may ask for
ORDERS = tuple(_ORDER)
#: Search hits come newest import first (the full-text index's own order, so the first
#: page costs what it finds), or by relevance when asked.
_SEARCH_ORDER = {"relevance": "documents_fts.rank", "default": "documents_fts.rowid DESC"}


def existing_hashes(db: sqlite_utils.Database, hashes: list[str]) -> set[str]:
    """Which of ``hashes`` are stored already."""
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        chunk = hashes[i:i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(f"SELECT sha256 FROM documents WHERE sha256 IN ({marks})", chunk))
    return found


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


_WORD = re.compile(r"\w+", flags=re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


def fts_query(text: str) -> Optional[str]:
    """A user's search words as a safe FTS5 query: every word must match, the last (outside
    quotes) as a prefix; words in double quotes must appear together, in that order.

    Example: ``fts_query('"knives were" seiz') == '"knives were" "seiz"*'``
    """
    parts: list[str] = []
    at = 0
    for phrase in _PHRASE.finditer(text):
        parts += [f'"{w}"' for w in _WORD.findall(text[at:phrase.start()])]
        words = _WORD.findall(phrase.group(1))
        if words:
            parts.append('"' + " ".join(words) + '"')
        at = phrase.end()
    tail = [f'"{w}"' for w in _WORD.findall(text[at:])]
    if tail:
        tail[-1] += "*"
    parts += tail
    return " ".join(parts) or None


def _from(status: Optional[str], search: Optional[str], flagged: Optional[bool],
          attention: Optional[bool] = None, review_flag: Optional[bool] = None,
          noted: Optional[bool] = None, ids: Optional[Sequence[int]] = None) -> tuple[str, list, bool]:
    """The FROM and WHERE of a list query, its parameters, and whether it searches.

    :param attention: only documents the checks say need attention (the queue)
    :param review_flag: only documents a reviewer flagged for a second look
    :param noted: only documents with a note, on themselves or on a row
    :param ids: only these documents (the releases behind a total of View ▸ Summary)
    """
    clauses, params = [], []
    query = fts_query(search) if search else None
    if query:
        source = "documents_fts JOIN documents d ON d.id = documents_fts.rowid"
        clauses.append("documents_fts MATCH ?")
        params.append(query)
    else:
        source = "documents d"
    if status:
        if status not in DOCUMENT_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        clauses.append("d.status = ?")
        params.append(status)
    if flagged:
        clauses.append("d.flagged = 1")
    if attention:
        clauses.append("d.attention > 0")
    if review_flag:
        clauses.append("d.review_flag = 1")
    if noted:
        clauses.append("d.id IN (SELECT id FROM documents WHERE note IS NOT NULL "
                       "UNION SELECT document_id FROM metrics WHERE note IS NOT NULL "
                       "UNION SELECT document_id FROM operations WHERE note IS NOT NULL)")  # partial indexes
    if ids is not None:
        clauses.append("d.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps([int(i) for i in ids]))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return f"{source}{where}", params, bool(query)


def page(db: sqlite_utils.Database, *, status: Optional[str] = None, search: Optional[str] = None,
         flagged: Optional[bool] = None, attention: Optional[bool] = None, review_flag: Optional[bool] = None,
         noted: Optional[bool] = None, ids: Optional[Sequence[int]] = None, order: str = "published",
         offset: int = 0, limit: int = 200) -> list[dict]:
    """One page of the document list (no bodies), filtered and ordered.

    :param search: words that must all occur (the last one as a prefix); hits come newest
        import first, or best first with ``order="relevance"``
    :param order: ``published`` (newest first), ``title``, ``name``, ``status``, ``id``, ``attention``
        (the Needs attention queue: most urgent first, then newest)
    """
    source, params, searching = _from(status, search, flagged, attention, review_flag, noted, ids)
    if searching:
        order_sql = _SEARCH_ORDER["relevance" if order == "relevance" else "default"]
    else:
        order_sql = _ORDER.get(order, _ORDER["published"])
    sql = f"SELECT {_SELECT} FROM {source} ORDER BY {order_sql} LIMIT ? OFFSET ?"
    return list(db.query(sql, params + [limit, offset]))


def count(db: sqlite_utils.Database, *, status: Optional[str] = None, search: Optional[str] = None,
          flagged: Optional[bool] = None, attention: Optional[bool] = None, review_flag: Optional[bool] = None,
          noted: Optional[bool] = None, ids: Optional[Sequence[int]] = None) -> int:
    """How many documents the same filter would list."""
    if search and not (status or flagged or attention or review_flag or noted or ids is not None) \
            and fts_query(search):
        # The index alone knows (every row in it is a document): no join for each hit.
        return db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                          [fts_query(search)]).fetchone()[0]
    source, params, _ = _from(status, search, flagged, attention, review_flag, noted, ids)
    return db.execute(f"SELECT count(*) FROM {source}", params).fetchone()[0]


def status_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """``{status: count}`` for every status (zeros included).

    Read from ``document_status_counts``, which triggers keep in step with every write (migration
    0007): no scan of the documents. Should the counts ever disagree with ``count(*)`` (a REPLACE by
    another tool can delete a row without its trigger), the documents are counted instead.
    """
    counts = {s: 0 for s in DOCUMENT_STATUSES}
    kept = db.execute("SELECT status, n FROM document_status_counts").fetchall()
    if sum(n for _, n in kept) != db.execute("SELECT count(*) FROM documents").fetchone()[0]:
        kept = db.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall()
    counts.update(kept)
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
