"""Driving the window as a person does: keys go to whatever has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    """One key to the focused widget (what a keyboard does)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text: str) -> None:
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), ch)


def metric_rows(store, doc_id):
    return {r["id"]: r for r in store.metrics(doc_id)}


def answer(qtbot, window, key) -> None:
    """Answer the open question (e.g. "3 suggestions undecided") with one key, as a person would."""
    qtbot.waitUntil(lambda: window.review.question is not None and window.review.question.isVisible())
    box = window.review.question
    qtbot.keyClick(box, key)
    qtbot.waitUntil(lambda: window.review.question is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # back in the window
