"""A non-blocking question in the status bar, asked once: who is reviewing?

Every change is written to the audit log under the reviewer's name. Until the
reviewer gives one, it is the system user's; this field says so and takes a
name without stopping work (Enter saves it, Escape keeps the system user and
the question is not asked again).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget


class NameLine(QLineEdit):
    dismissed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.dismissed.emit()
            return
        super().keyPressEvent(event)


class ReviewerPrompt(QWidget):
    #: a name was given
    named = Signal(str)
    #: the reviewer kept the system user's name
    dismissed = Signal()

    def __init__(self, current: str, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewer_prompt")
        label = QLabel(f"Changes are signed “{current}”. Your name:", self)
        self.name = NameLine(self)
        self.name.setObjectName("reviewer_prompt_name")
        self.name.setPlaceholderText("Enter saves, Esc keeps")
        self.name.setFixedWidth(200)
        label.setBuddy(self.name)
        self.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Preferred)  # the field stays beside its question
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(label)
        layout.addWidget(self.name)
        self.name.returnPressed.connect(self._entered)
        self.name.dismissed.connect(self.dismissed)

    def _entered(self) -> None:
        if self.name.text().strip():
            self.named.emit(self.name.text().strip())


def ask_once(window) -> None:
    """Put the question in ``window``'s status bar (``window.reviewer_prompt`` while it is there)."""
    prompt = ReviewerPrompt(window.store.reviewer, window)
    window.statusBar().addPermanentWidget(prompt)
    window.reviewer_label.hide()

    def done(name) -> None:
        if name:
            window.files.set_reviewer(name)
            window.statusBar().showMessage(f"Changes are now signed “{name}”.", 5000)
        window.settings.set_reviewer_asked()
        window.statusBar().removeWidget(prompt)
        prompt.deleteLater()
        window.reviewer_prompt = None
        window.reviewer_label.show()
        window.focus_rows()

    prompt.named.connect(done)
    prompt.dismissed.connect(lambda: done(None))
    window.reviewer_prompt = prompt
