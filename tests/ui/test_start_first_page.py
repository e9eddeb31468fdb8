"""Opening the window loads one page of the document list, not two; scrolling down still loads more,
and the status bar's counts (kept by triggers, migration 0007) follow a review made by keyboard; the
keyboard sheet, built on first use, still opens with F1."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.store import Store
from desktop.ui.document_list_model import PAGE, DocumentListModel
from tests.conftest import make_document, make_extraction
from ui_helpers import answer, focus, press


def test_the_start_loads_one_page_and_the_end_of_the_list_loads_more(open_window, tmp_path, qtbot):
    path = tmp_path / "many.sqlite"
    store = Store.open(path, "tester")
    docs = [make_document(f"Police made {i} arrests.", name=f"{i:04d}.txt", published=f"2024-01-{i % 28 + 1:02d}")
            for i in range(PAGE * 2 + 50)]
    store.import_batch([(d, make_extraction(d)) for d in docs])
    store.close()
    window = open_window(path)
    qtbot.wait(50)  # the view's first layout and paint have run
    assert window.list_model.rowCount() == PAGE  # showing the window loaded no second page
    assert window.counts_label.text() == f"0 of {PAGE * 2 + 50:,} reviewed"
    view = window.document_list.view
    focus(qtbot, view)
    press(qtbot, Qt.Key_End, Qt.ControlModifier)  # to the end of what is loaded: the scroll bar's end
    qtbot.waitUntil(lambda: window.list_model.rowCount() > PAGE)


def test_the_list_never_measures_its_hidden_row_header(open_window, tmp_path, qtbot, monkeypatch):
    """The row header is hidden before the first page is set: shown while the model arrived, it measured
    every row of the page (800 calls of headerData at each start; ADR 0015). The rows keep their height."""
    asked = []
    original = DocumentListModel.headerData

    def counting(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Vertical:
            asked.append(section)
        return original(self, section, orientation, role)
    monkeypatch.setattr(DocumentListModel, "headerData", counting)
    path = tmp_path / "page.sqlite"
    store = Store.open(path, "tester")
    docs = [make_document(f"Police made {i} arrests.", name=f"{i:04d}.txt") for i in range(PAGE + 10)]
    store.import_batch([(d, make_extraction(d)) for d in docs])
    store.close()
    window = open_window(path)
    qtbot.wait(50)
    view = window.document_list.view
    assert asked == []
    assert view.verticalHeader().isHidden()
    assert view.rowHeight(0) == view.rowHeight(PAGE - 1) == window.document_list.fontMetrics().height() * 2 + 10


def test_the_status_bar_counts_follow_a_review_and_its_undo(window, qtbot):
    assert window.counts_label.text() == "0 of 5 reviewed"
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)  # mark reviewed
    answer(qtbot, window, Qt.Key_L)  # leave the undecided rows
    assert window.counts_label.text() == "1 of 5 reviewed"
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert window.counts_label.text() == "0 of 5 reviewed"
    counts = dict(window.store.db.execute("SELECT status, n FROM document_status_counts").fetchall())
    assert counts.get("reviewed", 0) == 0 and sum(counts.values()) == 5


def test_f1_opens_the_keyboard_sheet_built_on_first_use(window, qtbot):
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_F1)

    def sheet():
        return next((w for w in QApplication.topLevelWidgets()
                     if type(w).__name__ == "ShortcutsDialog" and w.isVisible()), None)
    qtbot.waitUntil(lambda: sheet() is not None)
    dialog = sheet()
    assert dialog.windowTitle() == "Keyboard shortcuts"
    assert "F1" in dialog.visible_rows()
    qtbot.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: sheet() is None)
