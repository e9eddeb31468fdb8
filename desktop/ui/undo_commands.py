"""Every edit the window makes, as an undoable command that writes to the store at once.

:class:`Edits` owns the ``QUndoStack``. ``Edits.run(command)`` performs the
write first (so a ``ValueError`` or ``StoreError`` is reported and nothing is
pushed), then pushes the command already done. Undo and redo write again and
announce what changed, so the panels refresh and the window can follow an undo
into another document.

Example::

    >>> edits.run(EditRow(edits, "metric", doc_id, row_id, {"value": "1,825"}))
    True
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.store import Store, StoreError

FAILURES = (ValueError, StoreError)
#: How long a write from the window waits for another writer: the GUI thread must not freeze
#: for the store's usual 15 s. A busy refusal keeps the typed value in the editor for a retry.
WINDOW_BUSY_TIMEOUT_MS = 1000


class Edits(QObject):
    """The undo stack and the one door through which the window writes."""

    #: kind ("metric", "operation", "document"), document id, row id (0 for a document)
    changed = Signal(str, int, int)
    #: a document whose rows changed in bulk
    reset = Signal(int)
    #: a message for a person: the edit was not saved
    failed = Signal(str)
    #: a message for a person: the edit was saved
    saved = Signal(str)

    def __init__(self, store: Store, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.store = store
        store.set_busy_timeout(WINDOW_BUSY_TIMEOUT_MS)
        self.stack = QUndoStack(self)

    def set_store(self, store: Store) -> None:
        """Another database: its edits start a new history."""
        self.store = store
        store.set_busy_timeout(WINDOW_BUSY_TIMEOUT_MS)
        self.stack.clear()

    def run(self, command: "StoreCommand") -> bool:
        """Write ``command`` now; push it when it changed something. False when it failed."""
        before = self._document_status(command.document_id)
        try:
            changed = command.apply()
        except FAILURES as exc:
            self.failed.emit(str(exc))
            return False
        if changed is False:
            return True
        command.done = True
        self.stack.push(command)
        command.announce()
        message = f"Saved: {command.text()}"
        if before in ("reviewed", "skipped") and self._document_status(command.document_id) == "in_review":
            message += f". This document was {before}: it is back in review"
        self.saved.emit(message)
        return True

    def _document_status(self, document_id: int) -> Optional[str]:
        try:
            row = self.store.document(document_id)
        except StoreError:
            return None
        return row["status"] if row else None


def _shown(value) -> str:
    """A stored value as a person reads it: ``1800.0`` -> ``1,800``, ``None`` -> ``—``."""
    if value is None or value == "":
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (int, float)):
        return f"{value:,}"
    return str(value).replace("_", " ")


class StoreCommand(QUndoCommand):
    """A command whose first ``redo`` was already done by :meth:`Edits.run`."""

    kind = "document"

    def __init__(self, edits: Edits, text: str, document_id: int, row_id: int = 0):
        super().__init__(text)
        self.edits = edits
        self.document_id = document_id
        self.row_id = row_id
        self.done = False

    @property
    def store(self) -> Store:
        return self.edits.store

    def apply(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def announce(self) -> None:
        self.edits.changed.emit(self.kind, self.document_id, self.row_id)

    def describe(self, undone: bool) -> str:
        """What undoing (or redoing) this command changed, for the status bar."""
        return self.text()

    def redo(self) -> None:
        if self.done:
            self.done = False  # the push after run(): the write is already made
            return
        if self._guarded(self.apply):
            self.edits.saved.emit(f"Redone: {self.describe(undone=False)}")

    def undo(self) -> None:
        if self._guarded(self.revert):
            self.edits.saved.emit(f"Undone: {self.describe(undone=True)}")

    def _guarded(self, step) -> bool:
        try:
            step()
        except FAILURES as exc:
            self.edits.failed.emit(f"{self.text()}: {exc}")
            self.setObsolete(True)  # the store did not follow; drop it from the history
            return False
        self.announce()
        return True


class EditRow(StoreCommand):
    """Change fields of a metric or operation."""

    def __init__(self, edits: Edits, kind: str, document_id: int, row_id: int, changes: dict):
        field_names = ", ".join(changes)
        super().__init__(edits, f"edit {kind} {field_names}", document_id, row_id)
        self.kind = kind
        self.changes = changes
        self.before: Optional[dict] = None
        self.after: Optional[dict] = None

    def _state(self, row: dict) -> dict:
        return {**{f: row[f] for f in self.changes}, "status": row["status"]}

    def apply(self):
        if self.after is not None:  # a redo: only over the row as the undo left it
            self.store.restore_row(self.kind, self.row_id, expect=self._state(self.before), restore=self.after)
            return True
        row = self.store.row(self.kind, self.row_id)
        self.before = row
        after = self.store.update_row(self.kind, self.row_id, **self.changes)
        self.after = self._state(after)
        return after != row

    def describe(self, undone: bool) -> str:
        after = getattr(self, "after", None) or {}
        parts = []
        for field in self.changes:
            old, new = _shown(self.before.get(field)), _shown(after.get(field))
            parts.append(f"{field} {new} → {old}" if undone else f"{field} {old} → {new}")
        return f"{self.kind} " + "; ".join(parts)

    def revert(self) -> None:
        # refused (StoreError naming the row) when another window changed the row since
        self.store.restore_row(self.kind, self.row_id, expect=self.after, restore=self._state(self.before))


class SetRowStatus(StoreCommand):
    """Confirm or reject one row."""

    def __init__(self, edits: Edits, kind: str, document_id: int, row_id: int, action: str):
        super().__init__(edits, f"{action} {kind}", document_id, row_id)
        self.kind = kind
        self.action = action
        self.previous: Optional[str] = None
        self.result: Optional[str] = None

    def apply(self):
        if self.result is not None:  # a redo
            self.store.restore_row(self.kind, self.row_id, {"status": self.previous}, {"status": self.result})
            return True
        self.previous = self.store.row(self.kind, self.row_id)["status"]
        if self.action == "confirm":
            self.result = self.store.confirm(self.kind, self.row_id)
            return self.result != self.previous
        if self.previous == "rejected":
            return False
        self.store.reject(self.kind, self.row_id)
        self.result = "rejected"
        return True

    def revert(self) -> None:
        self.store.restore_row(self.kind, self.row_id, {"status": self.result}, {"status": self.previous})


class ConfirmAll(StoreCommand):
    """Confirm every suggested row of a document."""

    def __init__(self, edits: Edits, document_id: int):
        super().__init__(edits, "confirm all suggestions", document_id)
        self.changed_rows: list[tuple[str, int, str]] = []
        self.results: dict[tuple[str, int], str] = {}

    def apply(self):
        self.changed_rows = self.store.confirm_all(self.document_id)
        self.results = {(k, i): self.store.row(k, i)["status"] for k, i, _ in self.changed_rows}
        return bool(self.changed_rows)

    def revert(self) -> None:
        with self.store.write():  # all rows or none: one changed elsewhere refuses the whole undo
            for kind, row_id, previous in self.changed_rows:
                self.store.restore_row(kind, row_id, {"status": self.results[(kind, row_id)]}, {"status": previous})

    def announce(self) -> None:
        self.edits.reset.emit(self.document_id)


class AddRow(StoreCommand):
    """A reviewer's new metric or operation (redo re-creates the same id)."""

    def __init__(self, edits: Edits, kind: str, document_id: int, fields: dict):
        super().__init__(edits, f"add {kind}", document_id)
        self.kind = kind
        self.fields = fields

    def apply(self):
        self.row_id = self.store.add_row(self.kind, self.document_id, row_id=self.row_id or None, **self.fields)
        return True

    def revert(self) -> None:
        self.store.delete_row(self.kind, self.row_id)


class EditDocument(StoreCommand):
    """Change one of a document's fields (title, published, publisher, url)."""

    def __init__(self, edits: Edits, document_id: int, field: str, value):
        super().__init__(edits, f"edit document {field}", document_id)
        self.field = field
        self.value = value
        self.before = None

    def apply(self):
        old = self.store.document(self.document_id)[self.field]
        if self.before is None:
            self.before = old
        self.store.update_document(self.document_id, self.field, self.value)
        self.after = self.store.document(self.document_id)[self.field]
        return self.after != old

    def revert(self) -> None:
        self.store.restore_document(self.document_id, {self.field: self.after}, {self.field: self.before})


class SetDocumentStatus(StoreCommand):
    """Mark a document reviewed (or any document status)."""

    def __init__(self, edits: Edits, document_id: int, status: str):
        super().__init__(edits, f"mark document {status.replace('_', ' ')}", document_id)
        self.status = status
        self.previous: Optional[str] = None

    def apply(self):
        self.previous = self.store.document(self.document_id)["status"]
        self.store.set_document_status(self.document_id, self.status)
        return self.previous != self.status

    def revert(self) -> None:
        self.store.restore_document(self.document_id, {"status": self.status}, {"status": self.previous})


class SetReviewFlag(StoreCommand):
    """Flag a document for a second look, or clear the flag (issue 11)."""

    def __init__(self, edits: Edits, document_id: int, flagged: bool):
        super().__init__(edits, "flag document" if flagged else "clear document flag", document_id)
        self.flagged = flagged

    def apply(self):
        before = bool(self.store.document(self.document_id)["review_flag"])
        self.store.set_review_flag(self.document_id, self.flagged)
        return before != self.flagged

    def revert(self) -> None:
        self.store.set_review_flag(self.document_id, not self.flagged)


class Together(StoreCommand):
    """Several commands as one step, in one transaction (e.g. confirm all, then mark reviewed)."""

    def __init__(self, edits: Edits, text: str, document_id: int, parts: list[StoreCommand]):
        super().__init__(edits, text, document_id)
        self.parts = parts

    def apply(self):
        with self.store.write():
            changed = [part.apply() for part in self.parts]
        return any(c is not False for c in changed)

    def revert(self) -> None:
        with self.store.write():
            for part in reversed(self.parts):
                part.revert()

    def announce(self) -> None:
        for part in self.parts:
            part.announce()
