"""The store: Blotter's single source of truth, one SQLite file through sqlite-utils.

:class:`Store` is the one door every other layer uses (CLI, Qt models, export).
Each method that writes runs in one transaction and appends to the audit log with
the reviewer's name; nothing is held anywhere else.

Example::

    >>> store = Store.open(":memory:", reviewer="ann")
    >>> added, duplicates = store.import_batch([(document, extraction)])
    >>> store.update_metric(store.metrics(added[0])[0]["id"], value=1826)
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Iterable, Optional, Union

from desktop.store import deferred_imports

with deferred_imports.importing_sqlite_utils():  # what it imports and compiles for work Blotter never asks waits
    import sqlite_utils

from desktop.domain import DOCUMENT_STATUSES, Document, Extraction
from desktop.store import audit, conflicts, documents, migrations, review, suggestions
from desktop.store.importing import bulk_import
from desktop.store.audit import now
from desktop.store.connection import StoreError, bulk_sync, close, connect, import_cache, write

__all__ = ["Store", "StoreError", "default_reviewer"]


def default_reviewer() -> str:
    """The system user's name (the reviewer until changed in Settings)."""
    try:
        return getpass.getuser() or "reviewer"
    except Exception:
        return "reviewer"


class Store:
    """A Blotter database: documents, suggestions, the reviewed state and the audit log.

    :param db: an open ``sqlite_utils.Database`` at the current schema
    :param reviewer: the name written to the audit log
    :param name: how messages name the file
    """

    def __init__(self, db: sqlite_utils.Database, reviewer: Optional[str] = None, name: str = "the database"):
        self.db = db
        self.reviewer = reviewer or default_reviewer()
        self.name = name

    @classmethod
    def open(cls, path: Union[str, Path], reviewer: Optional[str] = None,
             busy_timeout_ms: Optional[int] = None) -> "Store":
        """Open (creating and migrating as needed) the database at ``path``.

        A file in a read-only place opens read-only (:attr:`read_only`): browsing and export work,
        every write is refused with a message.

        :param busy_timeout_ms: how long a write waits for another writer (the window waits less)
        :raises StoreError: not SQLite, damaged, written by a newer Blotter, or cannot be created
        """
        name = str(path)
        db = connect(path) if busy_timeout_ms is None else connect(path, busy_timeout_ms)
        try:
            if db.blotter_read_only and migrations.schema_version(db) < migrations.latest_version():
                raise StoreError(f"{name} is in a read-only place and was written by an older Blotter; copy it "
                                 "somewhere writable to open it (it is brought up to date on opening)")
            migrations.migrate(db, name)
        except Exception:
            db.close()
            raise
        return cls(db, reviewer, name)

    def set_busy_timeout(self, ms: int) -> None:
        """How long a write waits for another writer before it is refused as busy."""
        self.db.execute(f"PRAGMA busy_timeout = {int(ms)}")
        self.db.blotter_busy_ms = int(ms)

    @property
    def read_only(self) -> bool:
        """Whether the file was opened read-only (a read-only mount or a file that cannot be written)."""
        return bool(getattr(self.db, "blotter_read_only", False))

    def close(self) -> None:
        """Close the connection; the last one to a file stamps it for the next open (ADR 0011)."""
        close(self.db)

    def write(self):
        """A transaction context for a group of writes."""
        return write(self.db, self.name)

    # -- documents -----------------------------------------------------------------
    def import_batch(self, pairs: Iterable[tuple[Document, Extraction]]) -> tuple[list[int], list[Document]]:
        """Add documents with their extractions in one transaction.

        :returns: ``(ids added, documents already stored)``; a body already stored
            (same SHA-256) is a duplicate and changes nothing
        """
        pairs = list(pairs)
        seen: set[str] = set()
        fresh, duplicates = [], []
        stored = documents.existing_hashes(self.db, [d.sha256 for d, _ in pairs])
        for doc, ext in pairs:
            ext = suggestions.admissible(ext)
            if doc.sha256 in stored or doc.sha256 in seen:
                duplicates.append(doc)
            else:
                seen.add(doc.sha256)
                fresh.append((doc, ext))
        if not fresh:
            return [], duplicates
        with bulk_sync(self.db), self.write():
            ids = bulk_import(self.db, fresh, self.reviewer)
        return ids, duplicates

    def importing(self):
        """A context for many :meth:`import_batch` calls: a larger page cache while they run (ADR 0010)."""
        return import_cache(self.db)

    def document(self, document_id: int) -> Optional[dict]:
        """The document row with its body, or ``None``."""
        return documents.get(self.db, document_id)

    def document_object(self, document_id: int) -> Optional[Document]:
        row = documents.get(self.db, document_id)
        return documents.to_document(row) if row else None

    def page(self, **kwargs) -> list[dict]:
        """One page of the document list; see :func:`desktop.store.documents.page`."""
        return documents.page(self.db, **kwargs)

    def count(self, **kwargs) -> int:
        return documents.count(self.db, **kwargs)

    def status_counts(self) -> dict[str, int]:
        return documents.status_counts(self.db)

    def neighbour(self, document_id: int, **kwargs) -> Optional[int]:
        return documents.neighbour(self.db, document_id, **kwargs)

    def set_document_status(self, document_id: int, status: str) -> None:
        """new / in_review / reviewed / skipped; ``reviewed`` stamps the reviewer and time."""
        if status not in DOCUMENT_STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self.write():
            row = self._doc(document_id)
            if row["status"] == status:
                return
            stamp = now()
            reviewed = status == "reviewed"
            self.db["documents"].update(document_id, {
                "status": status, "reviewer": self.reviewer if reviewed else row["reviewer"],
                "reviewed_at": stamp if reviewed else row["reviewed_at"]})
            audit.record(self.db, [audit.entry("document", document_id, "status", reviewer=self.reviewer,
                                               document_id=document_id, field="status", old=row["status"],
                                               new=status, at=stamp)])

    def update_document(self, document_id: int, field: str, value) -> None:
        """Edit title, published, publisher, url, area or note."""
        if field not in documents.EDITABLE_FIELDS:
            raise ValueError(f"cannot edit a document's {field}")
        value = review.clean_value(field, value)
        with self.write():
            row = self._doc(document_id)
            if row[field] == value:
                return
            self.db["documents"].update(document_id, {field: value})
            if field != "note":  # a note changes no figure: the document keeps its status
                self._touch(row)
            audit.record(self.db, [audit.entry("document", document_id, "update", reviewer=self.reviewer,
                                               document_id=document_id, field=field, old=row[field], new=value)])

    def set_review_flag(self, document_id: int, flagged: bool) -> None:
        """Flag a document for a second look (or clear the flag); audited, the status unchanged."""
        with self.write():
            row = self._doc(document_id)
            new = 1 if flagged else 0
            if row["review_flag"] == new:
                return
            self.db["documents"].update(document_id, {"review_flag": new})
            audit.record(self.db, [audit.entry("document", document_id, "update", reviewer=self.reviewer,
                                               document_id=document_id, field="review_flag",
                                               old=row["review_flag"], new=new)])

    def _doc(self, document_id: int) -> dict:
        row = documents.get(self.db, document_id)
        if row is None:
            raise StoreError(f"document {document_id} no longer exists")
        return row

    def _touch(self, row: dict) -> None:
        """A document whose figures change is in review: a new one starts, a reviewed or skipped one
        goes back; either change of status is audited, so it is never silent."""
        if row["status"] in ("new", "reviewed", "skipped"):
            self.db["documents"].update(row["id"], {"status": "in_review"})
            audit.record(self.db, [audit.entry("document", row["id"], "status", reviewer=self.reviewer,
                                               document_id=row["id"], field="status", old=row["status"],
                                               new="in_review")])

    # -- reviewed rows -------------------------------------------------------------
    def metrics(self, document_id: int) -> list[dict]:
        """A document's metric rows (rejected included), in order."""
        return review.rows(self.db, "metric", document_id)

    def operations(self, document_id: int) -> list[dict]:
        return review.rows(self.db, "operation", document_id)

    def row(self, kind: str, row_id: int) -> dict:
        return review.get(self.db, kind, row_id)

    def original(self, kind: str, row: dict) -> Optional[dict]:
        """The extractor's suggestion behind a reviewed row, as produced."""
        if row.get("suggestion_id") is None:
            return None
        return (suggestions.metric if kind == "metric" else suggestions.operation)(self.db, row["suggestion_id"])

    def update_row(self, kind: str, row_id: int, **changes) -> dict:
        """Edit fields of a metric or operation row; returns the row as stored.

        :raises ValueError: for an invalid value (nothing is written)
        """
        with self.write():
            entries = review.update(self.db, kind, row_id, changes, self.reviewer)
            self._log_and_touch(entries)
        return review.get(self.db, kind, row_id)

    def update_metric(self, row_id: int, **changes) -> dict:
        return self.update_row("metric", row_id, **changes)

    def update_operation(self, row_id: int, **changes) -> dict:
        return self.update_row("operation", row_id, **changes)

    def set_status(self, kind: str, row_id: int, status: str) -> None:
        """Set a row's status exactly (reject, and undo of any status change)."""
        with self.write():
            self._log_and_touch(review.set_status(self.db, kind, row_id, status, self.reviewer))

    def confirm(self, kind: str, row_id: int) -> str:
        """Accept a row: it becomes confirmed, corrected or added. Returns the new status."""
        with self.write():
            row = review.get(self.db, kind, row_id)
            status = review.decided_status(self.db, kind, row)
            self._log_and_touch(review.set_status(self.db, kind, row_id, status, self.reviewer))
        return status

    def restore_row(self, kind: str, row_id: int, expect: dict, restore: dict) -> None:
        """Undo (or redo) one step: put ``restore`` (fields and/or ``status``) back, only if the row
        still holds ``expect``; otherwise another writer changed it since and :class:`StoreError` says so."""
        with self.write():
            conflicts.check(kind, review.get(self.db, kind, row_id), expect)
            fields = {f: v for f, v in restore.items() if f != "status"}
            if fields:
                self._log_and_touch(review.update(self.db, kind, row_id, fields, self.reviewer))
            if "status" in restore:
                self._log_and_touch(review.set_status(self.db, kind, row_id, restore["status"], self.reviewer))

    def restore_document(self, document_id: int, expect: dict, restore: dict) -> None:
        """:meth:`restore_row` for a document's fields or status."""
        with self.write():
            conflicts.check("document", self._doc(document_id), expect)
            for field, value in restore.items():
                if field == "status":
                    self.set_document_status(document_id, value)
                else:
                    self.update_document(document_id, field, value)

    def reject(self, kind: str, row_id: int) -> None:
        self.set_status(kind, row_id, "rejected")

    def confirm_all(self, document_id: int) -> list[tuple[str, int, str]]:
        """Confirm every still-suggested row of a document in one transaction.

        :returns: ``(kind, id, previous status)`` of each row changed, for undo
        """
        changed = []
        with self.write():
            entries = []
            for kind in ("operation", "metric"):
                for row in review.rows(self.db, kind, document_id):
                    if row["status"] == "suggested":
                        status = review.decided_status(self.db, kind, row)
                        entries += review.set_status(self.db, kind, row["id"], status, self.reviewer)
                        changed.append((kind, row["id"], "suggested"))
            self._log_and_touch(entries)
        return changed

    def add_row(self, kind: str, document_id: int, row_id: Optional[int] = None, **fields) -> int:
        """A reviewer's new metric or operation; returns its id (``row_id`` re-creates one on redo)."""
        with self.write():
            new_id, entries = review.add(self.db, kind, document_id, fields, self.reviewer, row_id=row_id)
            self._log_and_touch(entries)
        return new_id

    def delete_row(self, kind: str, row_id: int) -> None:
        """Remove a reviewer-added row (the undo of :meth:`add_row`)."""
        with self.write():
            self._log_and_touch(review.delete(self.db, kind, row_id, self.reviewer))

    def _log_and_touch(self, entries: list[dict]) -> None:
        audit.record(self.db, entries)
        # a note decides nothing: it leaves the document's status as it is
        for doc_id in {e["document_id"] for e in entries if e["document_id"] is not None and e.get("field") != "note"}:
            self._touch(self._doc(doc_id))

    # -- re-extraction and history -------------------------------------------------
    def reextract(self, document_id: int, extraction: Extraction) -> bool:
        """Store a new run; undecided rows follow it, decisions stay. Returns whether flagged."""
        extraction = suggestions.admissible(extraction)
        with bulk_sync(self.db), self.write():
            before = self._undecided(document_id)
            [(_, op_ids, metric_ids)] = suggestions.add_runs(self.db, [(document_id, extraction)])
            flagged = review.replace_undecided(self.db, document_id, extraction, op_ids, metric_ids)
            self.db["documents"].update(document_id, {"flagged": int(flagged)})
            after = self._undecided(document_id)
            entries = [audit.entry("document", document_id, "extract", reviewer=self.reviewer,
                                   document_id=document_id, new=extraction.extractor_version)]
            # the undecided rows swapped for the new run's, so the log accounts for every row
            entries += [audit.entry(kind, None, "replace", reviewer=self.reviewer, document_id=document_id,
                                    field="suggested", old=[i for i, _ in before[kind]], new=after[kind])
                        for kind in ("operation", "metric") if before[kind] != after[kind]]
            audit.record(self.db, entries)
        return flagged

    def _undecided(self, document_id: int) -> dict[str, list[list[int]]]:
        """``[row id, suggestion id]`` of a document's still-suggested rows, by kind."""
        return {kind: [list(r) for r in self.db.execute(
                    f"SELECT id, suggestion_id FROM {review.TABLES[kind]} WHERE document_id = ? "
                    "AND status = 'suggested' ORDER BY id", [document_id])]
                for kind in ("operation", "metric")}

    def history(self, document_id: Optional[int] = None, limit: int = 1000) -> list[dict]:
        """Audit entries, newest first."""
        return audit.history(self.db, document_id, limit)

    def all_document_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]
