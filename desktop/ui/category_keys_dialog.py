"""Settings ▸ Category keys…: the one table of keys that set a metric's category, editable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from desktop.category_keys import DEFAULT_KEYS, KeysError, validate
from desktop.domain import CATEGORIES
from desktop.ui import style

if TYPE_CHECKING:  # pragma: no cover
    from desktop.ui.main_window import MainWindow


class CategoryKeysDialog(QDialog):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.setWindowTitle("Category keys")
        intro = QLabel("On the metrics table's Status or Category column, one key sets the current row's "
                       "category. One letter or digit each; leave a key empty for none.", self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(CATEGORIES), 2, self)
        self.table.setHorizontalHeaderLabels(["Category", "Key"])
        self.table.verticalHeader().setVisible(False)
        keys = window.category_keys
        for row, category in enumerate(CATEGORIES):
            name = QTableWidgetItem(style.label(category))
            name.setData(Qt.UserRole, category)
            name.setFlags(name.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(keys.get(category, "")))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {style.ERROR_COLOUR}")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel | QDialogButtonBox.RestoreDefaults,
                                   self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 560)

    def keys(self) -> dict[str, str]:
        return {self.table.item(r, 0).data(Qt.UserRole): self.table.item(r, 1).text() for r in range(self.table.rowCount())}

    def restore_defaults(self) -> None:
        for row, category in enumerate(CATEGORIES):
            self.table.item(row, 1).setText(DEFAULT_KEYS.get(category, ""))

    def save(self) -> None:
        try:
            keys = validate(self.keys())
        except KeysError as exc:
            self.error.setText(f"Not saved: {exc}.")
            return
        self.window.settings.set_category_keys(keys)
        self.window.category_keys = keys
        self.window.release.legend.set_keys(keys)
        self.window.statusBar().showMessage("Category keys saved.", 4000)
        self.accept()
