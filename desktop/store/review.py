"""The reviewed state: operations and metrics as the reviewer leaves them.

Each row has an origin (``extractor`` or ``reviewer``) and a status
(suggested / confirmed / corrected / added / rejected). Functions here run
inside the caller's transaction and return the audit entries of what changed;
:class:`desktop.store.Store` wraps them in transactions.

Example::

    >>> seed_from_suggestions(db, [(document_id, extraction, op_ids, metric_ids)])
"""

from __future__ import annotations

from typing import Any, Optional

import sqlite_utils

from desktop.domain import CATEGORIES, QUALIFIERS, ROW_STATUSES, Extraction
from desktop.store import suggestions
from desktop.store.audit import now
from desktop.store.bulk import insert_rows
from desktop.store.connection import StoreError
from desktop.store.numbers import clean_number
from desktop.textrules import MAX_TEXT, ONE_LINE, iso_date, strip_controls, too_long

METRIC_EDITABLE = ("category", "value", "qualifier", "unit", "subject", "operation", "offset", "length", "text",
                   "note")
OPERATION_EDITABLE = ("name", "start", "end", "duration", "note")
#: fields a reviewer writes that are not a decision about the figure (a note keeps the row's status)
NOT_DECISIONS = frozenset({"note"})
TABLES = {"metric": "metrics", "operation": "operations"}


OP_COLUMNS = ("document_id", "suggestion_id", "origin", "status", "position", "name", "start", "end",
              "duration", "updated_at")
MET_COLUMNS = ("document_id", "suggestion_id", "origin", "status", "position") + suggestions.METRIC_FIELDS + (
    "updated_at",)


def seed_from_suggestions(db: sqlite_utils.Database, items: list[tuple[int, Extraction, list[int], list[int]]],
                          stamp: Optional[str] = None, first_position: int = 0) -> None:
    """Reviewed rows with status ``suggested`` for runs' suggestions (inside the caller's transaction).

    :param items: ``(document id, extraction, suggested operation ids, suggested metric ids)``
    :param first_position: where the rows start in each document's order
    """
    stamp = stamp or now()
    ops, mets = [], []
    for document_id, ext, op_ids, metric_ids in items:
        ops += [(document_id, sid, "extractor", "suggested", first_position + i, o.name, o.start, o.end,
                 o.duration, stamp) for i, (o, sid) in enumerate(zip(ext.operations, op_ids))]
        mets += [(document_id, sid, "extractor", "suggested", first_position + i)
                 + suggestions.metric_values(m) + (stamp,)
                 for i, (m, sid) in enumerate(zip(ext.metrics, metric_ids))]
    insert_rows(db, "operations", OP_COLUMNS, ops)
    insert_rows(db, "metrics", MET_COLUMNS, mets)


def rows(db: sqlite_utils.Database, kind: str, document_id: int) -> list[dict]:
    """A document's metric or operation rows in their order, rejected ones included."""
    return [_tidy(r) for r in db.query(
        f"SELECT * FROM {TABLES[kind]} WHERE document_id = ? ORDER BY position, id", [document_id])]


def get(db: sqlite_utils.Database, kind: str, row_id: int) -> dict:
    """One row; raises :class:`StoreError` when it is gone."""
    found = list(db.query(f"SELECT * FROM {TABLES[kind]} WHERE id = ?", [row_id]))
    if not found:
        raise StoreError(f"that {kind} no longer exists (deleted in another window?)")
    return _tidy(found[0])


def _tidy(row: dict) -> dict:
    """Whole values read back as ints (SQLite stores them as REAL)."""
    if "value" in row:
        row["value"] = _norm(row["value"])
    return row


def clean_value(field: str, value: Any) -> Any:
    """Validate one field's new value; raises ``ValueError`` with a message for a person."""
    if field == "value":
        return clean_number(value)
    if field == "category" and value not in CATEGORIES:
        raise ValueError(f"unknown category {value!r}")
    if field == "qualifier" and value not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {value!r}")
    if field in ("offset", "length"):
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"{field} must be a whole number of characters, not {value!r}")
        return value
    if field in ("start", "end", "published"):
        return clean_date(value)
    if isinstance(value, str):
        value = strip_controls(value, keep_lines=field not in ONE_LINE)
        value = " ".join(value.split()) if field in ONE_LINE else value.strip()
        problem = too_long(field, value)
        if problem:
            raise ValueError(problem)
        if field == "name" and not value:
            raise ValueError("an operation needs a name")
        if field == "unit" and not value:
            return "count"
        return value or None
    if value is not None:
        raise ValueError(f"{field} must be text")
    return value


def clean_date(value: Any) -> Optional[str]:
    """An ISO date (``YYYY-MM-DD``) or ``None``; refuses dates that do not exist and trailing junk."""
    return iso_date(value)


def _differs_from_suggestion(db: sqlite_utils.Database, kind: str, row: dict) -> bool:
    if row["suggestion_id"] is None:
        return True
    original = (suggestions.metric if kind == "metric" else suggestions.operation)(db, row["suggestion_id"])
    if original is None:
        return True
    fields = METRIC_EDITABLE if kind == "metric" else OPERATION_EDITABLE
    return any(_norm(original[f]) != _norm(row[f]) for f in fields if f not in NOT_DECISIONS)


def _norm(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def decided_status(db: sqlite_utils.Database, kind: str, row: dict) -> str:
    """The status a row earns when a reviewer accepts it: added, corrected or confirmed."""
    if row["origin"] == "reviewer":
        return "added"
    return "corrected" if _differs_from_suggestion(db, kind, row) else "confirmed"


def update(db: sqlite_utils.Database, kind: str, row_id: int, changes: dict, reviewer: str) -> list[dict]:
    """Apply field changes to a row; the status becomes corrected/added/confirmed. Returns audit entries."""
    from desktop.store.audit import entry
    editable = METRIC_EDITABLE if kind == "metric" else OPERATION_EDITABLE
    unknown = set(changes) - set(editable)
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))} of a {kind}")
    row = get(db, kind, row_id)
    clean = {f: clean_value(f, v) for f, v in changes.items()}
    clean = {f: v for f, v in clean.items() if _norm(row[f]) != _norm(v)}
    if not clean:
        return []
    stamp = now()
    new_row = {**row, **clean}
    status = row["status"] if row["status"] == "rejected" and "status" not in changes else None
    if set(clean) <= NOT_DECISIONS:
        status = row["status"]  # a note decides nothing
    status = status or decided_status(db, kind, new_row)
    updates = {**clean, "status": status, "updated_at": stamp, "updated_by": reviewer}
    db[TABLES[kind]].update(row_id, updates)
    entries = [entry(kind, row_id, "update", reviewer=reviewer, document_id=row["document_id"], field=f,
                     old=row[f], new=v, at=stamp) for f, v in clean.items()]
    if status != row["status"]:
        entries.append(entry(kind, row_id, "status", reviewer=reviewer, document_id=row["document_id"],
                             field="status", old=row["status"], new=status, at=stamp))
    if kind == "operation" and "name" in clean:
        entries += _rename_operation(db, row["document_id"], row["name"], clean["name"], reviewer, stamp)
    return entries


def _rename_operation(db: sqlite_utils.Database, document_id: int, old: str, new: str, reviewer: str,
                      stamp: str) -> list[dict]:
    """A renamed operation renames it in its metrics too, each change with its audit entry."""
    from desktop.store.audit import entry
    ids = [r[0] for r in db.execute("SELECT id FROM metrics WHERE document_id = ? AND operation = ? ORDER BY id",
                                    [document_id, old])]
    if not ids:
        return []
    db.execute("UPDATE metrics SET operation = ? WHERE document_id = ? AND operation = ?", [new, document_id, old])
    return [entry("metric", i, "update", reviewer=reviewer, document_id=document_id, field="operation", old=old,
                  new=new, at=stamp) for i in ids]


def set_status(db: sqlite_utils.Database, kind: str, row_id: int, status: str, reviewer: str) -> list[dict]:
    """Set a row's status exactly (used by reject and by undo); returns audit entries."""
    from desktop.store.audit import entry
    if status not in ROW_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    row = get(db, kind, row_id)
    if row["status"] == status:
        return []
    stamp = now()
    db[TABLES[kind]].update(row_id, {"status": status, "updated_at": stamp, "updated_by": reviewer})
    return [entry(kind, row_id, "status", reviewer=reviewer, document_id=row["document_id"], field="status",
                  old=row["status"], new=status, at=stamp)]


def add(db: sqlite_utils.Database, kind: str, document_id: int, fields: dict, reviewer: str,
        status: str = "added", row_id: Optional[int] = None) -> tuple[int, list[dict]]:
    """A reviewer's new row; returns its id and audit entries."""
    from desktop.store.audit import entry
    editable = METRIC_EDITABLE if kind == "metric" else OPERATION_EDITABLE
    clean = {f: clean_value(f, v) for f, v in fields.items() if f in editable}
    if kind == "metric":
        clean.setdefault("category", "other")
        clean.setdefault("qualifier", "exact")
        clean.setdefault("unit", "count")
    elif not clean.get("name"):
        raise ValueError("an operation needs a name")
    position = db.execute(f"SELECT coalesce(max(position), -1) + 1 FROM {TABLES[kind]} WHERE document_id = ?",
                          [document_id]).fetchone()[0]
    stamp = now()
    record = {"document_id": document_id, "suggestion_id": fields.get("suggestion_id"), "origin": "reviewer",
              "status": status, "position": position, **clean, "updated_at": stamp, "updated_by": reviewer}
    if row_id is not None:
        record["id"] = row_id
    new_id = db[TABLES[kind]].insert(record).last_pk
    return new_id, [entry(kind, new_id, "add", reviewer=reviewer, document_id=document_id, new=clean, at=stamp)]


def delete(db: sqlite_utils.Database, kind: str, row_id: int, reviewer: str) -> list[dict]:
    """Remove a reviewer-added row (undo of add); extractor rows are rejected, never deleted."""
    from desktop.store.audit import entry
    row = get(db, kind, row_id)
    if row["origin"] != "reviewer":
        raise ValueError("only rows a reviewer added can be deleted; reject the others")
    db.execute(f"DELETE FROM {TABLES[kind]} WHERE id = ?", [row_id])
    return [entry(kind, row_id, "delete", reviewer=reviewer, document_id=row["document_id"],
                  old={k: row[k] for k in (METRIC_EDITABLE if kind == "metric" else OPERATION_EDITABLE)})]


def _identity(category: str, value: Any, offset: Optional[int], length: Optional[int]) -> tuple:
    """What makes a suggestion 'the same figure' as a decided row: its evidence span, else its pair."""
    if offset is not None and length:
        return ("span", offset, length)
    return ("pair", category, _norm(value))


def replace_undecided(db: sqlite_utils.Database, document_id: int, extraction: Extraction,
                      op_ids: list[int], metric_ids: list[int]) -> bool:
    """After a re-extraction: swap still-``suggested`` rows for the new run's, keep decisions.

    :returns: ``True`` when the reviewer's decided figures disagree with the new suggestions
    """
    db.execute("DELETE FROM metrics WHERE document_id = ? AND status = 'suggested'", [document_id])
    db.execute("DELETE FROM operations WHERE document_id = ? AND status = 'suggested'", [document_id])
    decided = rows(db, "metric", document_id)
    decided_ops = rows(db, "operation", document_id)
    known = {_identity(r["category"], r["value"], r["offset"], r["length"]) for r in decided}
    known_ops = {r["name"].lower() for r in decided_ops}
    keep_m = [(m, sid) for m, sid in zip(extraction.metrics, metric_ids)
              if _identity(m.category, m.value, m.offset, m.length) not in known]
    keep_o = [(o, sid) for o, sid in zip(extraction.operations, op_ids) if o.name.lower() not in known_ops]
    base = len(decided) + len(decided_ops)
    trimmed = Extraction(document=extraction.document, operations=tuple(o for o, _ in keep_o),
                         metrics=tuple(m for m, _ in keep_m))
    seed_from_suggestions(db, [(document_id, trimmed, [s for _, s in keep_o], [s for _, s in keep_m])],
                          first_position=base)
    accepted = sorted((r["category"], _norm(r["value"])) for r in decided if r["status"] != "rejected")
    suggested = sorted((m.category, _norm(m.value)) for m in extraction.metrics)
    return bool(decided) and accepted != suggested
