"""Help ▸ Keyboard shortcuts: the sheet of :data:`desktop.ui.shortcuts.ACTIONS`, built when first opened."""

from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from desktop.ui.shortcuts import sheet_rows


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every key, searchable; the table scrolls by keyboard."""

    def __init__(self, parent=None, category_keys: Optional[dict[str, str]] = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = sheet_rows(category_keys)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search keys and what they do")
        self.search.setClearButtonEnabled(True)
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Keys", "Does"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectRows)
        table.setSelectionMode(QTableWidget.SingleSelection)
        table.setWordWrap(True)
        for i, (keys, does) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            table.setItem(i, 1, QTableWidgetItem(does))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.filter)
        QWidget.setTabOrder(self.search, table)
        screen = (parent.screen() if parent is not None else None)
        height = min(620, screen.availableGeometry().height() - 80) if screen is not None else 560
        self.resize(680, max(300, height))
        self.search.setFocus()

    def filter(self, words: str) -> None:
        """Only the rows holding every word typed (keys or description)."""
        wanted = words.lower().split()
        for row in range(self.table.rowCount()):
            text = f"{self.table.item(row, 0).text()} {self.table.item(row, 1).text()}".lower()
            self.table.setRowHidden(row, not all(w in text for w in wanted))

    def visible_rows(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]
