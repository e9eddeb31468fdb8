"""Writing a batch of imported documents with their suggestions in one pass.

For each document: the document row, one extraction run, its suggested
operations and metrics exactly as produced, the reviewed rows that start as
``suggested`` copies of them, and one ``import`` audit entry. Everything goes
through :func:`desktop.store.bulk.insert_rows` with ids assigned up front.

Example::

    >>> with write(db):
    ...     ids = bulk_import(db, [(document, extraction)], "ann")
"""

from __future__ import annotations

import json

import sqlite_utils

from desktop.domain import Document, Extraction
from desktop.store.audit import now
from desktop.store.bulk import insert_rows, next_id

DOC_COLUMNS = ("id", "sha256", "name", "source_path", "title", "published", "publisher", "url", "area", "body",
               "front_matter", "encoding", "status", "imported_at")
RUN_COLUMNS = ("id", "document_id", "extractor_version", "created_at", "error")
SOP_COLUMNS = ("id", "run_id", "name", "start", "end", "duration")
SMET_COLUMNS = ("id", "run_id", "category", "value", "qualifier", "unit", "subject", "operation", "offset",
                "length", "text", "rule")
OP_COLUMNS = ("document_id", "suggestion_id", "origin", "status", "position", "name", "start", "end",
              "duration", "updated_at")
MET_COLUMNS = ("document_id", "suggestion_id", "origin", "status", "position", "category", "value", "qualifier",
               "unit", "subject", "operation", "offset", "length", "text", "rule", "updated_at")
AUDIT_COLUMNS = ("at", "reviewer", "document_id", "entity", "entity_id", "action", "new")


def bulk_import(db: sqlite_utils.Database, pairs: list[tuple[Document, Extraction]], reviewer: str) -> list[int]:
    """Insert new documents and their extractions (inside the caller's transaction); returns their ids."""
    stamp = now()
    doc_id, run_id = next_id(db, "documents"), next_id(db, "extraction_runs")
    sop_id, smet_id = next_id(db, "suggested_operations"), next_id(db, "suggested_metrics")
    docs, runs, sops, smets, ops, mets, log, ids = [], [], [], [], [], [], [], []
    for doc, ext in pairs:
        ids.append(doc_id)
        docs.append((doc_id, doc.sha256, doc.name, doc.source_path, doc.title, doc.published, doc.publisher,
                     doc.url, doc.area, doc.body, json.dumps(doc.front_matter, ensure_ascii=False, default=str),
                     doc.encoding, "new", stamp))
        runs.append((run_id, doc_id, ext.extractor_version or "unknown", stamp, ext.error))
        for pos, o in enumerate(ext.operations):
            sops.append((sop_id, run_id, o.name, o.start, o.end, o.duration))
            ops.append((doc_id, sop_id, "extractor", "suggested", pos, o.name, o.start, o.end, o.duration, stamp))
            sop_id += 1
        for pos, m in enumerate(ext.metrics):
            fields = (m.category, m.value, m.qualifier, m.unit, m.subject, m.operation, m.offset, m.length,
                      m.text, m.rule)
            smets.append((smet_id, run_id) + fields)
            mets.append((doc_id, smet_id, "extractor", "suggested", pos) + fields + (stamp,))
            smet_id += 1
        log.append((stamp, reviewer, doc_id, "document", doc_id, "import", doc.source_path or doc.name))
        doc_id += 1
        run_id += 1
    insert_rows(db, "documents", DOC_COLUMNS, docs)
    insert_rows(db, "extraction_runs", RUN_COLUMNS, runs)
    insert_rows(db, "suggested_operations", SOP_COLUMNS, sops)
    insert_rows(db, "suggested_metrics", SMET_COLUMNS, smets)
    insert_rows(db, "operations", OP_COLUMNS, ops)
    insert_rows(db, "metrics", MET_COLUMNS, mets)
    insert_rows(db, "audit_log", AUDIT_COLUMNS, log)
    return ids
