"""The extractor's suggestions, kept exactly as produced, one extraction run at a time.

A run records the extractor version; its operations and metrics are never
edited afterwards. The reviewed state (``desktop.store.review``) points back at
them, so the window can show the extractor's original beside a correction.

Example::

    >>> run_id, op_ids, metric_ids = add_run(db, document_id, extraction)
"""

from __future__ import annotations

from typing import Optional

import sqlite_utils

from desktop.domain import Extraction
from desktop.store.audit import now

METRIC_FIELDS = ("category", "value", "qualifier", "unit", "subject", "operation", "offset", "length", "text", "rule")
OPERATION_FIELDS = ("name", "start", "end", "duration")


def add_run(db: sqlite_utils.Database, document_id: int, extraction: Extraction,
            stamp: Optional[str] = None) -> tuple[int, list[int], list[int]]:
    """Store one extraction run (inside the caller's transaction).

    :returns: ``(run_id, suggested operation ids, suggested metric ids)`` in the extraction's order
    """
    cur = db.execute(
        "INSERT INTO extraction_runs (document_id, extractor_version, created_at, error) VALUES (?, ?, ?, ?)",
        [document_id, extraction.extractor_version or "unknown", stamp or now(), extraction.error])
    run_id = cur.lastrowid
    op_ids = [db.execute(
        'INSERT INTO suggested_operations (run_id, name, start, "end", duration) VALUES (?, ?, ?, ?, ?)',
        [run_id, o.name, o.start, o.end, o.duration]).lastrowid for o in extraction.operations]
    metric_ids = [db.execute(
        'INSERT INTO suggested_metrics (run_id, category, value, qualifier, unit, subject, operation, "offset", '
        "length, text, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [run_id] + [getattr(m, f) for f in METRIC_FIELDS]).lastrowid for m in extraction.metrics]
    return run_id, op_ids, metric_ids


def latest_run(db: sqlite_utils.Database, document_id: int) -> Optional[dict]:
    """The newest extraction run of a document."""
    rows = list(db.query(
        "SELECT * FROM extraction_runs WHERE document_id = ? ORDER BY id DESC LIMIT 1", [document_id]))
    return rows[0] if rows else None


def metric(db: sqlite_utils.Database, suggestion_id: int) -> Optional[dict]:
    """One suggested metric as the extractor produced it."""
    rows = list(db.query("SELECT * FROM suggested_metrics WHERE id = ?", [suggestion_id]))
    return rows[0] if rows else None


def operation(db: sqlite_utils.Database, suggestion_id: int) -> Optional[dict]:
    """One suggested operation as the extractor produced it."""
    rows = list(db.query("SELECT * FROM suggested_operations WHERE id = ?", [suggestion_id]))
    return rows[0] if rows else None
