"""Help ▸ Checks: what each check looks for (the list of :data:`desktop.checks.CHECKS`)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout

from desktop.checks import CHECKS, MANY_UNCITED


def checks_text() -> str:
    lines = ["Blotter checks every document's figures after each change. A failed check puts ⚠ on the rows it "
             "concerns (hover or see the detail under the table) and a line over the metrics. None stops you "
             "saving: they are hints.", ""]
    for _id, name, does in CHECKS:
        lines += [name, "    " + does, ""]
    lines += ["Needs attention (the list's filter) puts first the documents with failed checks, then those "
              f"flagged ⚑ after a re-extraction, then those with {MANY_UNCITED} or more uncited numbers."]
    return "\n".join(lines)


class ChecksDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Checks")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(checks_text())
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
