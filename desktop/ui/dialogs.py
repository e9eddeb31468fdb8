"""Small questions the window asks, shown without blocking (``open()``) so keys and tests drive them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def ask_undecided(parent: QWidget, undecided: int, answer: Callable[[str], None]) -> QMessageBox:
    """"3 suggestions undecided": confirm them all (C), leave them (L) or cancel (Escape, the default).

    ``answer`` receives ``"confirm"``, ``"leave"`` or ``"cancel"``.
    """
    from PySide6.QtWidgets import QMessageBox  # here: the class and its enums are made when first asked
    box = QMessageBox(QMessageBox.Question, "Mark reviewed",
                      f"{undecided} suggestion{'s' if undecided != 1 else ''} undecided.", QMessageBox.NoButton,
                      parent)
    box.setInformativeText("Confirm them all before marking the document reviewed, or leave them undecided "
                           "(they are exported as suggested, never as reviewed)?")
    confirm = box.addButton("&Confirm them all", QMessageBox.AcceptRole)
    leave = box.addButton("&Leave them", QMessageBox.DestructiveRole)
    cancel = box.addButton(QMessageBox.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    choices = {confirm: "confirm", leave: "leave"}

    def finished(_result: int) -> None:
        answer(choices.get(box.clickedButton(), "cancel"))
        box.deleteLater()

    box.finished.connect(finished)
    box.open()
    return box
