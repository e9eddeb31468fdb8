"""Writing a batch of imported documents with their suggestions in one pass.

For each document: the document row, one extraction run, its suggested
operations and metrics exactly as produced, the reviewed rows that start as
``suggested`` copies of them, and one ``import`` audit entry. Everything goes
through :func:`desktop.store.bulk.insert_rows` with ids assigned up front; the full-text index
is filled for the whole batch by one statement (migration 0006: per-row trigger inserts made
FTS5 write a segment a release, 0.55 ms of the writer's 0.9).

Example::

    >>> with write(db):
    ...     ids = bulk_import(db, [(document, extraction)], "ann")
"""

from __future__ import annotations

import json

import sqlite_utils

from desktop.domain import Document, Extraction
from desktop.store import review, suggestions
from desktop.store.audit import now
from desktop.store.bulk import insert_rows, next_id

DOC_COLUMNS = ("id", "sha256", "name", "source_path", "title", "published", "publisher", "url", "area", "body",
               "front_matter", "encoding", "status", "imported_at")
AUDIT_COLUMNS = ("at", "reviewer", "document_id", "entity", "entity_id", "action", "new")


def bulk_import(db: sqlite_utils.Database, pairs: list[tuple[Document, Extraction]], reviewer: str) -> list[int]:
    """Insert new documents and their extractions (inside the caller's transaction); returns their ids."""
    stamp = now()
    first = next_id(db, "documents")
    ids = list(range(first, first + len(pairs)))
    db.conn.execute("INSERT INTO fts_deferred (since_id) VALUES (?)", (first,))  # the trigger stands aside
    insert_rows(db, "documents", DOC_COLUMNS, [
        (doc_id, doc.sha256, doc.name, doc.source_path, doc.title, doc.published, doc.publisher, doc.url,
         doc.area, doc.body, json.dumps(doc.front_matter, ensure_ascii=False, default=str), doc.encoding, "new",
         stamp) for doc_id, (doc, _) in zip(ids, pairs)])
    db.conn.execute("DELETE FROM fts_deferred")
    db.conn.execute('INSERT INTO "documents_fts" (rowid, "title", "body") '
                    "SELECT id, title, body FROM documents WHERE id >= ? ORDER BY id", (first,))
    runs = suggestions.add_runs(db, [(doc_id, ext) for doc_id, (_, ext) in zip(ids, pairs)], stamp)
    review.seed_from_suggestions(db, [(doc_id, ext, op_ids, metric_ids)
                                      for doc_id, (_, ext), (_, op_ids, metric_ids) in zip(ids, pairs, runs)], stamp)
    insert_rows(db, "audit_log", AUDIT_COLUMNS, [
        (stamp, reviewer, doc_id, "document", doc_id, "import", doc.source_path or doc.name)
        for doc_id, (doc, _) in zip(ids, pairs)])
    return ids
