"""A table of rows to review: Enter or Space confirms the current row, Delete rejects it (Backspace does
nothing: it is too easily pressed by mistake).

The keys are taken here (not as window shortcuts) so that an open cell editor
keeps Enter, Space and Delete for itself. Typing any other key starts editing the
current cell, as in a spreadsheet; F2 or a double click does too.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from desktop.ui.header_model import Header, HeaderModel
from desktop.ui.row_table_model import ROW_ID_ROLE


class RowTableView(QTableView):
    confirm_requested = Signal()
    reject_requested = Signal()
    #: the current row changed: its id (0 when none)
    current_row_changed = Signal(int)
    #: an open cell editor was closed with Escape: nothing was saved, nothing is pending
    edit_cancelled = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        #: a printable key typed (no editor open) on one of ``key_columns``: ``key_handler(text)`` returns
        #: True when it used the key (a category key); otherwise typing edits the cell as usual
        self.key_handler = None
        self.key_columns: frozenset[int] = frozenset()
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                             | QAbstractItemView.AnyKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalHeader(Header(Qt.Horizontal, self))  # measures its headings once (header_model.py)
        self.verticalHeader().setVisible(False)
        # Every row is one line of the same font with a 16-pixel icon: the height is measured once, on the
        # first row shown, and fixed (ResizeToContents would ask every role of every row at each switch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self._row_height_measured = False
        self.horizontalHeader().setHighlightSections(False)
        self.setTabKeyNavigation(False)

    def setModel(self, model) -> None:
        super().setModel(model)
        # the headings have a model of their own, which a document switch (a reset of ``model``) leaves alone:
        # the header is neither measured nor repainted at a switch (desktop/ui/header_model.py)
        self.horizontalHeader().use_model(HeaderModel(model, self))
        for signal in (model.modelReset, model.rowsInserted):
            signal.connect(self._measure_row_height)
        self.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_row_changed.emit(self._id(current)))

    def _measure_row_height(self, *args) -> None:
        """The height ResizeToContents gives a row (the taller of its cells and of a header section)."""
        if self._row_height_measured or not self.model().rowCount():
            return
        self._row_height_measured = True
        header = self.verticalHeader()
        header.setDefaultSectionSize(max(self.sizeHintForRow(0), header.sectionSizeHint(0)))

    def _id(self, index) -> int:
        return int(index.data(ROW_ID_ROLE) or 0) if index.isValid() else 0

    def current_id(self) -> Optional[int]:
        return self._id(self.currentIndex()) or None

    def select_id(self, row_id: int) -> bool:
        """Make the row with ``row_id`` current and selected; False when it is not shown."""
        model = self.model()
        row = model.row_of(row_id) if model is not None else None
        if row is None:
            return False
        column = max(self.currentIndex().column(), 1)
        index = model.index(row, column)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.scrollTo(index)
        return True

    def closeEditor(self, editor, hint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.RevertModelCache:
            self.edit_cancelled.emit()

    def select_first_undecided(self) -> None:
        """The first row still to decide (else the first row) current, selected and in view; the table
        scrolled back to its left edge."""
        model = self.model()
        rows = model.rows() if model is not None else []
        target = next((r for r in rows if r["status"] == "suggested"), rows[0] if rows else None)
        if target is not None:
            self.select_id(target["id"])
        self.horizontalScrollBar().setValue(0)

    def keyPressEvent(self, event) -> None:
        editing = self.state() == QAbstractItemView.EditingState
        plain = event.modifiers() in (Qt.NoModifier, Qt.KeypadModifier)
        if not editing and plain and self.currentIndex().isValid():
            if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
                self.confirm_requested.emit()
                event.accept()
                return
            if event.key() == Qt.Key_Delete:
                self.reject_requested.emit()
                event.accept()
                return
        if not editing and self.key_handler is not None and self.currentIndex().column() in self.key_columns:
            text = event.text()
            if event.modifiers() in (Qt.NoModifier, Qt.ShiftModifier, Qt.KeypadModifier) and len(text) == 1 \
                    and text.isprintable() and not text.isspace() and self.key_handler(text):
                event.accept()
                return
        super().keyPressEvent(event)
