"""The progress dialog of long work, and the summary an import ends with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QProgressDialog, QVBoxLayout

from desktop.ingest import ImportReport
from desktop.ui.workers import Job


def progress_dialog(parent, title: str, job: Job) -> QProgressDialog:
    """A window-modal progress dialog bound to ``job`` (Cancel asks the job to stop)."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(480)
    dialog.canceled.connect(job.cancel)

    def progress(done: int, total: int, what: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)
        name = what if len(what) < 70 else "…" + what[-68:]
        dialog.setLabelText(f"{title}\n{done:,} of {total:,}: {name}" if total else f"{title}\n{name}")

    job.progress.connect(progress)
    job.finished.connect(lambda _r: dialog.close())
    job.failed.connect(lambda _m: dialog.close())
    return dialog


class ImportSummary(QDialog):
    """What an import did: counts, then every failure and note naming its file."""

    def __init__(self, report: ImportReport, parent=None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Import summary")
        n = len(report.imported)
        head = f"Imported {n:,} document{'s' if n != 1 else ''}"
        head += f", {len(report.duplicates):,} already in the database"
        head += f", {len(report.failed):,} failed."
        if report.cancelled:
            head += " The import was cancelled; what was read before is saved."
        self.heading = QLabel(head, self)
        self.heading.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.NoWrap)
        lines = report.lines()
        self.details.setPlainText("\n".join(lines) if lines else "Nothing failed.")
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(680, 380)
