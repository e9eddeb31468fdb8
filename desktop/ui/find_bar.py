"""Find inside the release: a bar under the text (Ctrl+F or / in the release), Enter for the next hit,
Shift+Enter for the previous, Escape to close it with the hit still selected (so Ctrl+M adds it)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.ui import style


class FindLine(QLineEdit):
    closed = Signal()
    previous = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.closed.emit()
            return
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ShiftModifier:
            self.previous.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Finds words in ``view``'s body (a :class:`~desktop.ui.release_view.ReleaseView`), case-insensitively."""

    def __init__(self, view, parent=None):
        super().__init__(parent)
        self.setObjectName("release_find")
        self.view = view
        self.line = FindLine(self)
        self.line.setPlaceholderText("Find in the release (Enter: next, Shift+Enter: previous, Esc: close)")
        self.line.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        label = QLabel("Fin&d:", self)
        label.setBuddy(self.line)
        layout.addWidget(label)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.count)
        self.hits: list[tuple[int, int]] = []
        self.at = -1
        self._searched = None
        self.line.textChanged.connect(self._search)
        self.line.returnPressed.connect(lambda: self.step(1))
        self.line.previous.connect(lambda: self.step(-1))
        self.line.closed.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.line.setFocus(Qt.ShortcutFocusReason)
        self.line.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.text.setFocus(Qt.OtherFocusReason)  # the hit stays selected

    def _search(self, words: str) -> None:
        body = self.view.text.body
        self._searched = body
        words = words.strip()
        self.hits = [(m.start(), m.end()) for m in re.finditer(re.escape(words), body, re.IGNORECASE)] if words else []
        self.at = -1
        self.step(1)

    def step(self, delta: int) -> None:
        if self._searched is not self.view.text.body:  # another release since the last search
            self._search(self.line.text())
            return
        if not self.hits:
            self.count.setText("not found" if self.line.text().strip() else "")
            self.count.setStyleSheet(f"color: {style.ERROR_COLOUR}" if self.line.text().strip() else "")
            return
        self.at = (self.at + delta) % len(self.hits)
        start, end = self.hits[self.at]
        self.view.select_text(start, end)
        self.view.text.centerCursor()
        self.count.setText(f"{self.at + 1} of {len(self.hits)}")
        self.count.setStyleSheet("")
