"""Issue 11, defects 7 and 8: keys act only where their pane has focus, the sheet has every key and
searches, the release has a find bar, and Ctrl+M trims the selection and guesses from the sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.shortcuts_dialog import ShortcutsDialog
from ui_helpers import focus, press, type_text


def statuses(store, doc_id):
    return [r["status"] for r in store.metrics(doc_id)]


def test_space_enter_and_delete_in_the_release_decide_nothing(window, fresh, qtbot):
    focus(qtbot, window.release.text)
    for key in (Qt.Key_Space, Qt.Key_Return, Qt.Key_Delete):
        press(qtbot, key)
    assert set(statuses(fresh(), 1)) == {"suggested"}


def test_backspace_in_the_table_rejects_nothing(window, fresh, qtbot):
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_Backspace)
    press(qtbot, Qt.Key_Escape)
    assert set(statuses(fresh(), 1)) == {"suggested"}


def test_the_sheet_has_every_key_searches_and_scrolls_by_keyboard(window, qtbot):
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    keys = " ".join(dialog.visible_rows())
    for key in ("F6", "Ctrl+F or / (in the release)", "Delete", "Tab / Shift+Tab"):
        assert key in keys
    assert "Backspace" not in keys
    focus(qtbot, dialog.search)
    type_text(qtbot, "release")
    assert 0 < len(dialog.visible_rows()) < dialog.table.rowCount()
    dialog.search.clear()
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is dialog.table
    press(qtbot, Qt.Key_End, Qt.ControlModifier)
    last = dialog.table.rowCount() - 1
    assert dialog.table.currentRow() == last
    rect = dialog.table.visualRect(dialog.table.model().index(last, 0))
    assert dialog.table.viewport().rect().contains(rect.bottomLeft())


def test_find_in_the_release_then_add_the_hit_with_ctrl_m(window, fresh, qtbot):
    focus(qtbot, window.release.text)
    press(qtbot, Qt.Key_F, Qt.ControlModifier)
    bar = window.release.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.line
    assert not window.document_list.search.hasFocus()  # Ctrl+F in the release finds in the release
    type_text(qtbot, "955 other illegal items")
    assert bar.count.text() == "1 of 1"
    press(qtbot, Qt.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is window.release.text
    press(qtbot, Qt.Key_M, Qt.ControlModifier)
    added = [r for r in fresh().metrics(1) if r["origin"] == "reviewer"]
    assert len(added) == 1 and added[0]["value"] == 955


def test_slash_opens_the_find_bar(window, qtbot):
    focus(qtbot, window.release.text)
    press(qtbot, Qt.Key_Slash)
    assert window.release.find_bar.isVisible()
    type_text(qtbot, "zzzz")
    assert window.release.find_bar.count.text() == "not found"


def test_ctrl_m_trims_the_selection_and_reads_the_qualifier(open_window, db_path, fresh, qtbot):
    window = open_window(db_path)
    target = next(d for d in range(1, 6) if "more than 32,000" in window.store.document(d)["body"])
    window.show_document(target)
    body = window.store.document(target)["body"]
    start = body.index("more than 32,000")
    window.release.select_text(start - 1, start + len("more than 32,000") + 1)  # a space either side
    focus(qtbot, window.release.text)
    press(qtbot, Qt.Key_M, Qt.ControlModifier)
    row = next(r for r in fresh().metrics(target) if r["origin"] == "reviewer")
    assert row["text"] == "more than 32,000"
    assert (row["value"], row["qualifier"]) == (32000, "at_least")
