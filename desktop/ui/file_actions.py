"""The File, Settings and Help menus: open a database, import, export, re-extract, reviewer name.

Import, re-extraction and export run as :class:`~desktop.ui.workers.Job` off the
GUI thread with a progress dialog; one job at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from PySide6 import QtWidgets as W  # W.QFileDialog...: each dialog class (and its enums) is made when first used

from desktop import __version__
from desktop.store import Store, StoreError
from desktop.ui.workers import Job, export_work, import_work, reextract_work

if TYPE_CHECKING:  # pragma: no cover
    from desktop.ingest import ImportReport
    from desktop.ui.import_dialog import ImportSummary
    from desktop.ui.main_window import MainWindow


class FileActions:
    def __init__(self, window: "MainWindow"):
        self.window = window
        self.job: Optional[Job] = None
        self.progress = None
        self.summary: Optional[ImportSummary] = None
        self.last_result = None

    # -- databases ---------------------------------------------------------------
    def open_database(self) -> None:
        start = str(Path(self.window.store.name).parent)
        path, _ = W.QFileDialog.getSaveFileName(
            self.window, "Open or create a Blotter database", start,
            "Blotter databases (*.sqlite *.db);;All files (*)", options=W.QFileDialog.DontConfirmOverwrite)
        if path:
            self.switch_database(path)

    def switch_database(self, path: str) -> bool:
        window = self.window
        if self.busy():
            window.show_error("wait for the running import, export or re-extraction to finish")
            return False
        store = self._open_checked(path)
        if store is None:
            return False
        window.commit_open_editors()
        old, window.store = window.store, store
        window.edits.set_store(store)
        window.list_model.set_store(store)
        old.close()
        window.update_counts()
        window.open_initial_document()
        note = " (read-only: it can be browsed and exported, changes are refused)" if store.read_only else ""
        window.statusBar().showMessage(f"Opened {path}{note}", 10000)
        return True

    def _open_checked(self, path: str) -> Optional[Store]:
        """The database at ``path``, opened, checked and read once, or ``None`` with the reason shown.

        The old database stays open and in use until this has succeeded."""
        try:
            store = Store.open(path, self.window.store.reviewer)
        except StoreError as exc:
            self._cannot_open(str(exc))
            return None
        try:
            store.count()
            store.status_counts()
            store.page(limit=1)
        except Exception as exc:  # noqa: BLE001 - a file that opens but cannot be read is refused too
            store.close()
            self._cannot_open(f"{path} cannot be read ({exc}); run: blotter check --db {path}")
            return None
        return store

    def _cannot_open(self, message: str) -> None:
        """A database that could not be opened: nothing was being saved, so not "Not saved:"."""
        window = self.window
        window.last_error = message
        window.error_label.setText(f"⚠ Not opened: {message}")
        window.error_label.setToolTip(message)

    # -- background jobs ---------------------------------------------------------
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _start(self, title: str, work, on_done) -> Optional[Job]:
        window = self.window
        if self.busy():
            window.show_error("another import, export or re-extraction is still running")
            return None
        if window.store.name == ":memory:":
            window.show_error("background work needs a database file, not an in-memory database")
            return None
        job = Job(work, window)
        from desktop.ui.import_dialog import progress_dialog  # here: not needed to start the window
        self.progress = progress_dialog(window, title, job)
        job.finished.connect(on_done)
        job.failed.connect(lambda message: window.show_error(f"{title}: {message}"))
        self.job = job
        job.start()
        return job

    def import_files(self) -> None:
        paths, _ = W.QFileDialog.getOpenFileNames(self.window, "Import press releases", "",
                                                "Press releases (*.txt *.md *.markdown *.html *.htm);;All files (*)")
        if paths:
            self.start_import(paths)

    def import_folder(self) -> None:
        folder = W.QFileDialog.getExistingDirectory(self.window, "Import a folder of press releases")
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str]) -> Optional[Job]:
        w = self.window
        return self._start("Importing", import_work(w.store.name, w.store.reviewer, [str(p) for p in paths]),
                           self._imported)

    def _imported(self, report: ImportReport) -> None:
        window = self.window
        self.last_result = report
        window.background_checks.start(window.store)  # the new documents get their checks
        window.list_model.reload()
        window.update_counts()
        if window.document_id is None and window.list_model.rowCount():
            window.show_document(report.imported[0] if report.imported else window.list_model.document_id(0))
        else:
            window.document_list.select_document(window.document_id)
        window.statusBar().showMessage(report.summary(), 8000)
        from desktop.ui.import_dialog import ImportSummary
        self.summary = ImportSummary(report, window)
        self.summary.open()

    def export_csv(self, include_all: bool) -> None:
        scope = "all documents" if include_all else "reviewed documents"
        path, _ = W.QFileDialog.getSaveFileName(self.window, f"Export {scope} to CSV", "figures.csv",
                                              "CSV files (*.csv);;All files (*)")
        if path:
            self.start_export(path, include_all)

    def start_export(self, out: str, include_all: bool) -> Optional[Job]:
        w = self.window
        return self._start("Exporting", export_work(w.store.name, w.store.reviewer, str(out), include_all),
                           self._exported)

    def _exported(self, result) -> None:
        rows, out = result
        self.last_result = result
        self.window.statusBar().showMessage(f"Exported {rows:,} figures to {out}", 8000)

    def reextract_all(self) -> None:
        count = self.window.store.count()
        answer = W.QMessageBox.question(
            self.window, "Re-run the extractor",
            f"Run the extractor again on all {count:,} documents?\n\nYour decisions are kept; suggestions you "
            "have not decided are replaced. Documents whose reviewed figures disagree with the new suggestions "
            "are flagged ⚑ in the list.")
        if answer == W.QMessageBox.Yes:
            self.start_reextract()

    def start_reextract(self) -> Optional[Job]:
        w = self.window
        return self._start("Re-extracting", reextract_work(w.store.name, w.store.reviewer), self._reextracted)

    def _reextracted(self, result: dict) -> None:
        window = self.window
        self.last_result = result
        window.list_model.reload()
        window.update_counts()  # flags after re-extraction change the queue
        window.show_document(window.document_id)
        note = " (cancelled)" if result["cancelled"] else ""
        window.statusBar().showMessage(
            f"Re-extracted {result['done']:,} of {result['total']:,} documents{note}; "
            f"{len(result['flagged']):,} flagged ⚑ for a second look.", 10000)

    # -- settings and help -------------------------------------------------------
    def ask_reviewer_name(self) -> None:
        window = self.window
        name, ok = W.QInputDialog.getText(window, "Reviewer name", "Your name, written with every change you make:",
                                        W.QLineEdit.Normal, window.store.reviewer)
        if ok and name.strip():
            self.set_reviewer(name.strip())

    def set_reviewer(self, name: str) -> None:
        self.window.settings.set_reviewer(name)
        self.window.store.reviewer = name
        self.window.update_reviewer()

    def show_shortcuts(self) -> None:
        from desktop.ui.shortcuts_dialog import ShortcutsDialog  # built on first use
        ShortcutsDialog(self.window, self.window.category_keys).open()

    def show_checks(self) -> None:
        from desktop.ui.checks_dialog import ChecksDialog
        ChecksDialog(self.window).open()

    def edit_category_keys(self) -> None:
        from desktop.ui.category_keys_dialog import CategoryKeysDialog
        CategoryKeysDialog(self.window).open()

    def show_about(self) -> None:
        W.QMessageBox.about(self.window, "About Blotter",
                          f"Blotter {__version__}\nReview the figures that police press releases report.\n\n"
                          f"Database: {self.window.store.name}")
