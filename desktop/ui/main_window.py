"""The main window: builds the panels, wires them to the store's models and the undo stack.

Layout: the document list (left), the release (centre), the form with the
operations and metrics tables (right), in a splitter remembered between runs.
The work behind the menus lives in :mod:`review_actions` and :mod:`file_actions`;
this class only builds, wires and navigates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QEvent, QThreadPool, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter

from desktop.store import Store, StoreError, ui_queries
from desktop.ui import accessibility, panes, style, window_checks
from desktop.ui.background_checks import BackgroundChecks
from desktop.ui.document_list import DocumentList
from desktop.ui.document_list_model import COL_METRICS, COL_PUBLISHED, COL_PUBLISHER, COL_TITLE, DocumentListModel
from desktop.ui.document_list_model import COL_STATUS as COL_STATUS_LIST
from desktop.ui.file_actions import FileActions
from desktop.ui.form_panel import FormPanel
from desktop.ui.metrics_table_model import COL_CATEGORY, COL_STATUS, MetricsTableModel
from desktop.ui.operations_table_model import OperationsTableModel
from desktop.ui.release_view import ReleaseView
from desktop.ui.review_actions import ReviewActions
from desktop.ui.last_document import LastDocument
from desktop.ui.pending_checks import PendingChecks
from desktop.ui.reviewer_prompt import ReviewerPrompt, ask_once
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ACTIONS, MENUS
from desktop.ui.tools_menu import ToolsMenu
from desktop.ui.summary_launch import open_summary
from desktop.ui.undo_commands import Edits


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: Settings, parent=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.document_id: Optional[int] = None
        self._opening = False
        self.last_error: Optional[str] = None
        self.setObjectName("blotter_main")

        self.category_keys = settings.category_keys()
        self.edits = Edits(store, self)
        self.list_model = DocumentListModel(store, self)
        self.metrics_model = MetricsTableModel(self.edits, self)
        self.operations_model = OperationsTableModel(self.edits, self)
        self.splitter = QSplitter(Qt.Horizontal, self)  # first: a panel built in place is not styled twice (ADR 0015)
        self.splitter.setObjectName("main_splitter")
        self.document_list = DocumentList(self.list_model, self.splitter)
        self.release = ReleaseView(self.splitter)
        self.form = FormPanel(self.metrics_model, self.operations_model, self.splitter)

        self.splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.document_list, 2), (self.release, 3), (self.form, 4)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.document_list.setMinimumWidth(240)
        self.release.setMinimumWidth(280)
        self.form.setMinimumWidth(420)
        self.setCentralWidget(self.splitter)

        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(f"color: {style.ERROR_COLOUR}; font-weight: bold")
        self.error_label.setWordWrap(False)
        self.counts_label = QLabel(self)
        self.attention_label = QLabel(self)
        self.attention_label.setStyleSheet(f"color: {style.WARNING_COLOUR}")
        self.attention_label.setToolTip("Documents with failed checks, flagged after re-extraction or with many "
                                        "uncited numbers: the list's “Needs attention” filter (Help ▸ Checks)")
        self.reviewer_label = QLabel(self)
        bar = self.statusBar()
        bar.addWidget(self.error_label, 1)
        bar.addPermanentWidget(self.attention_label)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.reviewer_label)

        self.review = ReviewActions(self)
        self.files = FileActions(self)
        self.background_checks = BackgroundChecks(self)
        self.background_checks.done.connect(lambda count: window_checks.checked_in_background(self, count))
        self.pending_checks = PendingChecks(self)  # check results seen on opening, written at a pause
        self.last_document = LastDocument(settings, self)
        self.actions_by_name: dict[str, QAction] = {}
        self._build_menus()
        self.tools = ToolsMenu(self)  # Tools ▸ Extractor report, Try rules…, Suggested rules (issue 13)
        self._wire()
        accessibility.name_widgets(self)
        panes.set_tab_order(self)
        self._restore_layout()
        self.update_counts()
        self.update_reviewer()
        self.reviewer_prompt: Optional[ReviewerPrompt] = None
        if settings.should_ask_reviewer():
            ask_once(self)
        self.seen_version = (id(self.store), ui_queries.data_version(self.store))

    # -- building ----------------------------------------------------------------
    def _handlers(self) -> dict:
        r, f = self.review, self.files
        return {
            "open_database": f.open_database, "import_files": f.import_files, "import_folder": f.import_folder,
            "export_reviewed": lambda: f.export_csv(False), "export_all": lambda: f.export_csv(True),
            "reextract_all": f.reextract_all, "quit": self.close,
            "undo": lambda: self._history(self.edits.stack.undo), "redo": lambda: self._history(self.edits.stack.redo),
            "find": self.document_list.focus_search,
            "add_metric": r.add_metric, "add_operation": r.add_operation,
            "confirm": lambda: r.confirm(None), "reject": lambda: r.reject(None),
            "confirm_all": r.confirm_all, "mark_reviewed": r.mark_reviewed, "skip_document": r.skip_document,
            "toggle_flag": r.toggle_flag, "note_document": r.note_document, "note_row": r.note_row,
            "previous_document": lambda: self.step(-1), "next_document": lambda: self.step(1),
            "next_pane": lambda: panes.cycle(self, 1), "previous_pane": lambda: panes.cycle(self, -1),
            "sort_title": lambda: self.document_list.sort_by(COL_TITLE),
            "sort_published": lambda: self.document_list.sort_by(COL_PUBLISHED, Qt.DescendingOrder),
            "sort_publisher": lambda: self.document_list.sort_by(COL_PUBLISHER),
            "sort_status": lambda: self.document_list.sort_by(COL_STATUS_LIST),
            "sort_figures": lambda: self.document_list.sort_by(COL_METRICS, Qt.DescendingOrder),
            "reviewer_name": f.ask_reviewer_name, "category_keys": f.edit_category_keys,
            "summary": lambda: open_summary(self),
            "shortcuts": f.show_shortcuts, "checks_help": f.show_checks, "about": f.show_about,
        }

    def _build_menus(self) -> None:
        handlers = self._handlers()
        menus = {}
        for name, menu_name, text, keys in ACTIONS:
            if menu_name not in menus:
                menus[menu_name] = self.menuBar().addMenu(MENUS[menu_name])
            action = QAction(text, self)
            action.setObjectName(name)
            if keys:
                action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False, h=handlers[name]: h())
            menus[menu_name].addAction(action)
            self.addAction(action)
            self.actions_by_name[name] = action
            if name in ("import_folder", "reextract_all", "redo", "add_operation", "skip_document", "next_document",
                        "previous_pane", "note_row"):
                menus[menu_name].addSeparator()
        stack = self.edits.stack
        undo, redo = self.actions_by_name["undo"], self.actions_by_name["redo"]
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: undo.setText(f"&Undo {t}" if t else "&Undo"))
        stack.redoTextChanged.connect(lambda t: redo.setText(f"&Redo {t}" if t else "&Redo"))
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.release.text.context_actions = [self.actions_by_name["add_metric"], self.actions_by_name["add_operation"]]

    def _wire(self) -> None:
        self.document_list.document_selected.connect(self.show_document)
        self.form.metrics_view.current_row_changed.connect(self._metric_current)
        self.release.text.span_clicked.connect(self.form.metrics_view.select_id)
        self.form.metrics_view.confirm_requested.connect(lambda: self.review.confirm("metric"))
        self.form.metrics_view.reject_requested.connect(lambda: self.review.reject("metric"))
        self.form.operations_view.confirm_requested.connect(lambda: self.review.confirm("operation"))
        self.form.operations_view.reject_requested.connect(lambda: self.review.reject("operation"))
        self.form.field_edited.connect(self.review.edit_document_field)
        self.form.confirm_all_button.clicked.connect(self.review.confirm_all)
        view = self.form.metrics_view
        view.key_handler = self.review.category_key
        view.key_columns = frozenset({COL_STATUS, COL_CATEGORY})
        self.release.legend.set_keys(self.category_keys)
        self.form.value_delegate.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        for view in (self.form.metrics_view, self.form.operations_view):
            view.edit_cancelled.connect(self.edit_cancelled)
        self.form.reviewed_button.clicked.connect(self.review.mark_reviewed)
        self.edits.changed.connect(self._store_changed)
        self.edits.reset.connect(lambda doc_id: self._store_changed("reset", doc_id, 0))
        self.edits.failed.connect(self.show_error)
        self.edits.saved.connect(self.show_saved)

    # -- navigation --------------------------------------------------------------
    def open_initial_document(self) -> None:
        """The last document viewed in this database, else the first in the list."""
        self.background_checks.start(self.store)
        last = self.settings.last_document(self.store.name)
        if last is not None and self.store.document(last) is None:
            last = None
        if last is None and self.list_model.rowCount():
            last = self.list_model.document_id(0)
        self.show_document(last)
        self.focus_rows()  # the review keys work at once

    def show_document(self, document_id: Optional[int]) -> None:
        doc = self.store.document(document_id) if document_id is not None else None
        self.document_id = doc["id"] if doc else None
        self.form.show_document(doc)
        self.operations_model.load(self.document_id)
        self.metrics_model.load(self.document_id)
        self._opening = True  # the release is highlighted once, below, with the current row
        try:
            self.form.metrics_view.select_first_undecided()
        finally:
            self._opening = False
        current = self.form.metrics_view.current_id()
        self.release.set_document(doc["body"] if doc else "", self.metrics_model.rows(), current)
        if current:
            self._metric_current(current, highlight=False)
        window_checks.run(self, doc)
        if doc:
            self.document_list.select_document(doc["id"])
            self.last_document.remember(self.store.name, doc["id"])  # written at a pause (a settings write syncs)
            self.setWindowTitle(f"{doc['title'] or doc['name']} — Blotter — {Path(self.store.name).name}")
        else:
            self.setWindowTitle(f"Blotter — {Path(self.store.name).name}")
            if not self.list_model.total():
                self.release.text.setPlainText("No documents yet. Use File ▸ Import files… to add press releases.")

    def step(self, delta: int) -> None:
        """Previous (-1) or next (+1) document in the list's order."""
        self.commit_open_editors()
        if self.document_id is not None and self.document_list.current_id() != self.document_id:
            # the filter hides the open document: go on from it in the filtered order, not from the top
            target = ui_queries.neighbour_in_list(self.store, self.document_id, **self.list_model.filter(),
                                                  forward=delta > 0)
        else:
            target = self.document_list.step(delta)
        if target is None:
            self.statusBar().showMessage("No more documents that way.", 4000)
            return
        self.show_document(target)
        self.focus_rows()

    def focus_rows(self) -> None:
        """After opening a document by key: the metrics table has the focus, its first undecided row current."""
        self.form.metrics_view.setFocus(Qt.OtherFocusReason)

    def commit_open_editors(self) -> None:
        """An open cell editor or a document field being typed in is saved now (focus stays near)."""
        focus = QApplication.focusWidget()
        if focus is None:
            return
        for view in (self.form.metrics_view, self.form.operations_view):
            if focus is not view and view.isAncestorOf(focus):
                focus.clearFocus()  # the delegate commits on focus out
                view.setFocus()
                return
        if any(field is focus or field.isAncestorOf(focus) for field in self.form.edits.values()):
            focus.clearFocus()  # editingFinished saves the field
            focus.setFocus()

    def _history(self, step) -> None:
        self.commit_open_editors()
        step()

    def _metric_current(self, row_id: int, highlight: bool = True) -> None:
        if self._opening:
            return
        if highlight:
            self.release.set_current(row_id or None)
        row = next((r for r in self.metrics_model.rows() if r["id"] == row_id), None)
        if row and row.get("offset") is not None and row.get("length"):
            self.release.show_span(row["offset"], row["length"])

    def _store_changed(self, kind: str, document_id: int, row_id: int) -> None:
        """After an edit, an undo or a redo: refresh what shows it (following it to its document)."""
        self.list_model.refresh_document(document_id)
        self.update_counts()
        if document_id != self.document_id:
            self.show_document(document_id)
            if kind in ("metric", "operation") and row_id:
                view = self.form.metrics_view if kind == "metric" else self.form.operations_view
                view.select_id(row_id)
            return
        if kind == "document":
            doc = self.store.document(document_id)
            self.form.show_document(doc)
        if kind == "operation":
            self.metrics_model.load(document_id)  # a renamed operation renames its metrics' operation
        current = self.form.metrics_view.current_id()
        self.release.set_rows(self.metrics_model.rows(), current)
        self.run_checks()

    # -- checks and outside changes (desktop/ui/window_checks.py) ---------------------------
    def run_checks(self) -> None:
        """Check the open document again (after every change); its rows, the form and the list show it."""
        window_checks.run(self)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.ActivationChange and self.isActiveWindow():
            window_checks.refresh_if_changed(self)

    # -- status bar ----------------------------------------------------------------
    def update_counts(self) -> None:
        counts = self.store.status_counts()
        total = sum(counts.values())
        self.counts_label.setText(f"{counts.get('reviewed', 0):,} of {total:,} reviewed")
        try:
            attention = ui_queries.attention_count(self.store)
        except StoreError:
            attention = 0
        self.attention_label.setText(f"⚠ {attention:,} need{'s' if attention == 1 else ''} attention"
                                     if attention else "")
        self.attention_label.setVisible(bool(attention))

    def update_reviewer(self) -> None:
        self.reviewer_label.setText(f"Reviewer: {self.store.reviewer}")

    def show_error(self, message: str) -> None:
        """A failure the reviewer must see: it stays until the next successful edit."""
        self.last_error = message
        self.error_label.setText(f"⚠ Not saved: {message}")
        self.error_label.setToolTip(message)

    def edit_cancelled(self) -> None:
        """Escape in a cell editor: what was typed is dropped, so no "not saved" warning is left standing."""
        if self.last_error is not None:
            self.last_error = None
            self.error_label.clear()
            self.statusBar().showMessage("Edit cancelled: the stored value is kept.", 4000)

    def show_saved(self, message: str) -> None:
        self.last_error = None
        self.error_label.clear()
        self.statusBar().showMessage(message, 8000 if "back in review" in message else 3000)

    # -- layout memory -----------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_screen(1280, 800)
        for name, splitter in (("main_splitter", self.splitter), ("form_tables", self.form.tables_splitter)):
            state = self.settings.state(name)
            if state is None or not splitter.restoreState(state):
                if name == "main_splitter":
                    width = max(self.width(), 1000)
                    splitter.setSizes([int(width * 0.25), int(width * 0.32), int(width * 0.43)])
                else:
                    splitter.setSizes([140, 330, 190])

    def _fit_screen(self, width: int, height: int) -> None:
        """``width`` × ``height``, but never larger than the screen's free area (title bar allowed for), so
        the status bar is never below the screen's edge."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(width, height)
            return
        free = screen.availableGeometry()
        title_bar = 32 if height + 32 > free.height() else 0
        self.resize(min(width, free.width()), min(height, free.height() - title_bar))
        self.move(free.topLeft())

    def save_layout(self) -> None:
        self.last_document.flush()
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("main_splitter", self.splitter.saveState())
        self.settings.set_state("form_tables", self.form.tables_splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.commit_open_editors()
        if self.files.busy() or self.background_checks.running():
            self.files.cancel_job()
            self.background_checks.cancel()
            QThreadPool.globalInstance().waitForDone(15000)  # the worker stops between files
        self.save_layout()
        super().closeEvent(event)
