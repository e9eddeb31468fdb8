"""The extractor's suggestions, kept exactly as produced, one extraction run at a time.

A run records the extractor version; its operations and metrics are never
edited afterwards. The reviewed state (``desktop.store.review``) points back at
them, so the window can show the extractor's original beside a correction.

Example::

    >>> [(run_id, op_ids, metric_ids)] = add_runs(db, [(document_id, extraction)])
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter
from typing import Optional

import sqlite_utils

from desktop.domain import Extraction
from desktop.store.audit import now
from desktop.store.bulk import insert_rows, next_id
from desktop.store.numbers import is_figure

METRIC_FIELDS = ("category", "value", "qualifier", "unit", "subject", "operation", "offset", "length", "text", "rule")
OPERATION_FIELDS = ("name", "start", "end", "duration")


RUN_COLUMNS = ("id", "document_id", "extractor_version", "created_at", "error")
SOP_COLUMNS = ("id", "run_id", "name", "start", "end", "duration")
SMET_COLUMNS = ("id", "run_id") + METRIC_FIELDS
#: a metric's :data:`METRIC_FIELDS` as a tuple, in C (the writer calls it for every suggestion twice)
metric_values = attrgetter(*METRIC_FIELDS)


def admissible(extraction: Extraction) -> Extraction:
    """``extraction`` without metrics whose value is not finite or beyond ``MAX_FIGURE`` (the store's own
    guard: ``desktop.extract_limits`` already left them out, with a note, for imports)."""
    if all(m.value is None or is_figure(m.value) for m in extraction.metrics):
        return extraction
    return replace(extraction, metrics=tuple(m for m in extraction.metrics if m.value is None or is_figure(m.value)))


def add_runs(db: sqlite_utils.Database, items: list[tuple[int, Extraction]],
             stamp: Optional[str] = None) -> list[tuple[int, list[int], list[int]]]:
    """Store one extraction run a document (inside the caller's transaction).

    :param items: ``(document id, extraction)`` pairs
    :returns: for each item ``(run_id, suggested operation ids, suggested metric ids)``, in order
    """
    stamp = stamp or now()
    run_id, sop_id = next_id(db, "extraction_runs"), next_id(db, "suggested_operations")
    smet_id = next_id(db, "suggested_metrics")
    runs, sops, smets, out = [], [], [], []
    for document_id, ext in items:
        runs.append((run_id, document_id, ext.extractor_version or "unknown", stamp, ext.error))
        op_ids = list(range(sop_id, sop_id + len(ext.operations)))
        metric_ids = list(range(smet_id, smet_id + len(ext.metrics)))
        sops += [(i, run_id, o.name, o.start, o.end, o.duration) for i, o in zip(op_ids, ext.operations)]
        smets += [(i, run_id) + metric_values(m) for i, m in zip(metric_ids, ext.metrics)]
        out.append((run_id, op_ids, metric_ids))
        run_id, sop_id, smet_id = run_id + 1, sop_id + len(op_ids), smet_id + len(metric_ids)
    insert_rows(db, "extraction_runs", RUN_COLUMNS, runs)
    insert_rows(db, "suggested_operations", SOP_COLUMNS, sops)
    insert_rows(db, "suggested_metrics", SMET_COLUMNS, smets)
    return out


def metric(db: sqlite_utils.Database, suggestion_id: int) -> Optional[dict]:
    """One suggested metric as the extractor produced it."""
    rows = list(db.query("SELECT * FROM suggested_metrics WHERE id = ?", [suggestion_id]))
    return rows[0] if rows else None


def operation(db: sqlite_utils.Database, suggestion_id: int) -> Optional[dict]:
    """One suggested operation as the extractor produced it."""
    rows = list(db.query("SELECT * FROM suggested_operations WHERE id = ?", [suggestion_id]))
    return rows[0] if rows else None
