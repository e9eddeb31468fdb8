"""What the review keys and buttons do: confirm, reject, add from a selection, mark reviewed.

Each step builds an undo command (:mod:`desktop.ui.undo_commands`) and runs it,
which writes to the store at once; this module decides which row and document
the reviewer means.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from desktop.selection import guess_metric, trim
from desktop.ui.dialogs import ask_undecided
from desktop.text_numbers import first_number
from desktop.category_keys import category_for
from desktop.ui.undo_commands import (AddRow, ConfirmAll, EditDocument, EditRow, SetDocumentStatus, SetReviewFlag,
                                     SetRowStatus, Together)

if TYPE_CHECKING:  # pragma: no cover
    from desktop.ui.main_window import MainWindow

METRIC_FIELDS = ("category", "value", "qualifier", "unit", "subject", "operation", "offset", "length", "text")


class ReviewActions:
    def __init__(self, window: "MainWindow"):
        self.window = window
        #: the open "undecided rows" question, if any
        self.question = None

    @property
    def edits(self):
        return self.window.edits

    def _view(self, kind: Optional[str]):
        form = self.window.form
        if kind is None:
            kind = "operation" if form.operations_view.hasFocus() else "metric"
        return kind, form.operations_view if kind == "operation" else form.metrics_view

    def _need_document(self) -> Optional[int]:
        if self.window.document_id is None:
            self.window.show_error("open a document first")
        return self.window.document_id

    # -- rows --------------------------------------------------------------------
    def confirm(self, kind: Optional[str]) -> None:
        self._set_status(kind, "confirm")

    def reject(self, kind: Optional[str]) -> None:
        self._set_status(kind, "reject")

    def _set_status(self, kind: Optional[str], action: str) -> None:
        doc_id = self._need_document()
        kind, view = self._view(kind)
        row_id = view.current_id()
        if doc_id is None:
            return
        if row_id is None:
            self.window.statusBar().showMessage(f"Select a {kind} row first.", 4000)
            return
        if self.edits.run(SetRowStatus(self.edits, kind, doc_id, row_id, action)):
            row = view.currentIndex().row()
            if row + 1 >= view.model().rowCount() and view.model().canFetchMore():
                view.model().fetchMore()  # the table shows its rows a page at a time
            if row + 1 < view.model().rowCount():  # on to the next row, as a reviewer works down a list
                view.select_id(view.model().row_at(row + 1)["id"])

    def category_key(self, typed: str) -> bool:
        """A category key pressed on the current metric row: set its category. False when ``typed`` is no
        category's key (the table then edits the cell as usual)."""
        category = category_for(self.window.category_keys, typed)
        if category is None:
            return False
        doc_id = self._need_document()
        view = self.window.form.metrics_view
        row_id = view.current_id()
        if doc_id is None or row_id is None:
            return True
        self.edits.run(EditRow(self.edits, "metric", doc_id, row_id, {"category": category}))
        return True

    def confirm_all(self) -> None:
        doc_id = self._need_document()
        if doc_id is not None:
            self.window.commit_open_editors()
            self.edits.run(ConfirmAll(self.edits, doc_id))

    # -- adding from the release's selection ---------------------------------------
    def _selection(self, what: str, key: str) -> Optional[tuple[int, int, int]]:
        doc_id = self._need_document()
        if doc_id is None:
            return None
        span = self.window.release.selection_span()
        if span is None:
            self.window.show_error(f"select the words of {what} in the release first, then press {key}")
            return None
        return doc_id, span[0], span[1]

    def add_metric(self) -> None:
        """A metric from the release's selection, trimmed to its words; category, qualifier and unit are the
        extractor's reading of the sentence around it (``other`` when no rule reads it)."""
        found = self._selection("a figure", "Ctrl+M")
        if found is None:
            return
        doc_id, start, end = found
        document = self.window.store.document_object(doc_id)
        start, end = trim(document.body, start, end)
        try:
            metric = guess_metric(document, start, end)
        except Exception:  # noqa: BLE001 - a guess that failed is no guess; the reviewer fills it in
            metric = None
        text = document.body[start:end]
        if metric is not None:
            fields = {f: getattr(metric, f) for f in METRIC_FIELDS}
        else:
            fields = {"category": "other", "value": first_number(text), "qualifier": "exact", "unit": "count",
                      "offset": start, "length": end - start, "text": text}
        self._add("metric", doc_id, fields)

    def add_operation(self) -> None:
        found = self._selection("an operation's name", "Ctrl+Shift+O")
        if found is None:
            return
        doc_id, start, end = found
        document = self.window.store.document_object(doc_id)
        start, end = trim(document.body, start, end)
        try:
            from desktop import extractor
            operation = extractor.extract_operation_span(document, start, end)
        except Exception:  # noqa: BLE001 - as above
            operation = None
        if operation is not None:
            fields = {"name": operation.name, "start": operation.start, "end": operation.end,
                      "duration": operation.duration}
        else:
            fields = {"name": " ".join(document.body[start:end].split())[:200]}
        self._add("operation", doc_id, fields)

    def _add(self, kind: str, doc_id: int, fields: dict) -> None:
        command = AddRow(self.edits, kind, doc_id, fields)
        if self.edits.run(command):
            _, view = self._view(kind)
            view.select_id(command.row_id)
            view.setFocus()

    # -- the document ----------------------------------------------------------------
    def edit_document_field(self, field: str, value) -> None:
        doc_id = self._need_document()
        if doc_id is None:
            return
        if self.edits.run(EditDocument(self.edits, doc_id, field, value)):
            stored = self.window.store.document(doc_id)[field]
            self.window.form.accept_field(field, stored)
        else:
            self.window.form.mark_field_error(field, True)

    def toggle_flag(self) -> None:
        """F: flag this document for a second look, or clear its flag."""
        doc_id = self._need_document()
        if doc_id is None:
            return
        flagged = bool(self.window.store.document(doc_id)["review_flag"])
        self.edits.run(SetReviewFlag(self.edits, doc_id, not flagged))

    def note_document(self) -> None:
        field = self.window.form.edits["note"]
        field.setFocus()
        field.selectAll()

    def note_row(self) -> None:
        view = self.window.form.metrics_view
        if view.current_id() is None:
            self.window.statusBar().showMessage("Select a metric row first.", 4000)
            return
        self.window.form.detail.note.setFocus()
        self.window.form.detail.note.selectAll()

    def mark_reviewed(self) -> None:
        """Mark this document reviewed and open the next unreviewed one.

        With rows still undecided it asks once: confirm them all, leave them, or cancel.
        """
        doc_id = self._need_document()
        if doc_id is None:
            return
        self.window.commit_open_editors()
        store = self.window.store
        undecided = sum(1 for kind in ("metric", "operation")
                        for r in (store.metrics(doc_id) if kind == "metric" else store.operations(doc_id))
                        if r["status"] == "suggested")
        if not undecided:
            self._finish("reviewed")
            return
        self.question = ask_undecided(self.window, undecided, lambda answer: self._answered(doc_id, answer))

    def _answered(self, doc_id: int, answer: str) -> None:
        self.question = None
        self.window.activateWindow()
        self.window.focus_rows()
        if answer == "cancel" or doc_id != self.window.document_id:
            self.window.statusBar().showMessage("Not marked reviewed.", 4000)
            return
        if answer == "confirm":  # one step: undo brings back the document and its undecided rows
            both = Together(self.edits, "confirm all and mark reviewed", doc_id,
                            [ConfirmAll(self.edits, doc_id), SetDocumentStatus(self.edits, doc_id, "reviewed")])
            if self.edits.run(both):
                self._next_unreviewed(doc_id)
            return
        self._finish("reviewed")

    def skip_document(self) -> None:
        self._finish("skipped")

    def _finish(self, status: str) -> None:
        doc_id = self._need_document()
        if doc_id is None:
            return
        self.window.commit_open_editors()
        if not self.edits.run(SetDocumentStatus(self.edits, doc_id, status)):
            return
        self._next_unreviewed(doc_id)

    def _next_unreviewed(self, doc_id: int) -> None:
        target = self.window.store.neighbour(doc_id, unreviewed=True, forward=True)
        if target is None:
            self.window.statusBar().showMessage("Every document is reviewed or skipped.", 6000)
            return
        self.window.show_document(target)
        self.window.focus_rows()
