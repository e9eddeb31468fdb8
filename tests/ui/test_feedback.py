"""Issue 11, defect 9: feedback that is current — cancelled edits, refused keys, undo, outside changes,
empty filters, the reviewer's name, a window that fits its screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.ui.metrics_table_model import COL_VALUE
from ui_fixtures import seed_documents
from ui_helpers import focus, press, type_text


def test_escape_after_a_refused_value_clears_the_not_saved_warning(window, qtbot):
    view = window.form.metrics_view
    focus(qtbot, view)
    view.setCurrentIndex(window.metrics_model.index(0, COL_VALUE))
    type_text(qtbot, "1.8.25")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.last_error is not None)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert "Not saved" in window.error_label.text()
    press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: window.error_label.text() == "")
    assert window.last_error is None
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_refused_letter_says_why(window, qtbot):
    view = window.form.metrics_view
    focus(qtbot, view)
    view.setCurrentIndex(window.metrics_model.index(0, COL_VALUE))
    type_text(qtbot, "1x")
    assert "digits" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key_Escape)


def test_undo_and_redo_say_what_they_did(window, qtbot):
    view = window.form.metrics_view
    focus(qtbot, view)
    view.select_id(window.metrics_model.row_at(3)["id"])  # 1,800 arrests
    view.setCurrentIndex(window.metrics_model.index(3, COL_VALUE))
    type_text(qtbot, "222")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.metrics_model.index(3, COL_VALUE).data() == "222")
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert window.statusBar().currentMessage() == "Undone: metric value 222 → 1,800"
    press(qtbot, Qt.Key_Y, Qt.ControlModifier)
    assert window.statusBar().currentMessage() == "Redone: metric value 1,800 → 222"


def test_documents_imported_elsewhere_appear_when_the_window_is_activated(window, fresh, qtbot, tmp_path):
    from desktop.domain import Extraction
    from desktop.domain import Document
    assert window.counts_label.text() == "0 of 5 reviewed"
    other = fresh()  # the command line, say
    doc = seed_documents()[0]
    extra = [Document(name=f"cli{i}.txt", body=f"{doc.body}\n{i}", sha256=f"{i:064x}") for i in range(3)]
    other.import_batch([(d, Extraction(document=d.name)) for d in extra])
    window.changeEvent(_activation())
    assert window.counts_label.text() == "0 of 8 reviewed"
    assert window.list_model.total() == 8
    assert "outside this window" in window.statusBar().currentMessage()


def _activation():
    from PySide6.QtCore import QEvent
    return QEvent(QEvent.ActivationChange)


def test_an_empty_filter_result_says_no_documents_match(window, qtbot):
    search = window.document_list.search
    focus(qtbot, search)
    type_text(qtbot, "zzzqqq")
    press(qtbot, Qt.Key_Return)
    assert window.list_model.rowCount() == 0
    assert window.document_list.empty.isVisible()
    assert "No documents match" in window.document_list.empty.text()
    search.clear()
    press(qtbot, Qt.Key_Return)
    assert not window.document_list.empty.isVisible()


def test_the_reviewer_is_asked_once_in_the_status_bar(window, settings, qtbot):
    prompt = window.reviewer_prompt
    assert prompt is not None and prompt.isVisible()
    focus(qtbot, prompt.name)
    type_text(qtbot, "Ana")
    press(qtbot, Qt.Key_Return)
    assert window.store.reviewer == "Ana"
    assert window.reviewer_prompt is None
    assert "Ana" in window.reviewer_label.text()
    assert not settings.should_ask_reviewer()


def test_the_default_window_fits_the_screen_it_opens_on(window):
    free = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert frame.height() <= free.height() and frame.width() <= free.width() or window.minimumWidth() > free.width()
    assert window.statusBar().isVisible()
    assert window.geometry().bottom() <= free.bottom()
