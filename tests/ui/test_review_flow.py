"""A reviewer's session, by keyboard: navigate, edit, confirm, reject, add, undo, redo, mark reviewed.

After each step the store (through a second connection) must hold what the window shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.ui.metrics_table_model import COL_CATEGORY, COL_VALUE
from ui_helpers import answer, focus, press, type_text


def list_order(window):
    return [window.list_model.document_id(r) for r in range(window.list_model.rowCount())]


def test_opens_on_first_document_then_on_the_last_viewed(open_window, db_path, qtbot):
    window = open_window(db_path)
    order = list_order(window)
    assert window.document_id == order[0]
    focus(qtbot, window.document_list.view)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    assert window.document_id == order[1]
    press(qtbot, Qt.Key_Right, Qt.AltModifier)
    assert window.document_id == order[2]
    press(qtbot, Qt.Key_Up, Qt.ControlModifier)
    assert window.document_id == order[1]
    press(qtbot, Qt.Key_Left, Qt.AltModifier)
    assert window.document_id == order[0]
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    assert window.document_list.current_id() == order[2]
    assert window.release.text.toPlainText() == window.store.document(order[2])["body"]
    again = open_window(db_path)
    assert again.document_id == order[2]


def test_navigation_keys_work_from_the_tables_and_the_text(window, qtbot):
    order = list_order(window)
    for widget in (window.form.metrics_view, window.release.text):
        focus(qtbot, widget)
        start = window.document_id
        press(qtbot, Qt.Key_Down, Qt.ControlModifier)
        assert window.document_id == order[order.index(start) + 1]


def test_type_a_value_with_a_thousands_separator(window, fresh, qtbot):
    view = window.form.metrics_view
    model = window.metrics_model
    row_id = model.row_at(0)["id"]
    focus(qtbot, view)
    view.setCurrentIndex(model.index(0, COL_VALUE))
    type_text(qtbot, "1,313")
    press(qtbot, Qt.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    stored = fresh().row("metric", row_id)
    assert stored["value"] == 1313 and stored["status"] == "corrected"
    assert model.index(0, COL_VALUE).data() == "1,313"
    assert fresh().document(1)["status"] == "in_review"


def test_a_value_the_store_refuses_stays_in_the_editor(window, fresh, qtbot):
    view = window.form.metrics_view
    model = window.metrics_model
    row_id = model.row_at(0)["id"]
    focus(qtbot, view)
    view.setCurrentIndex(model.index(0, COL_VALUE))
    type_text(qtbot, "1.8.25")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.last_error is not None)
    assert "not a number" in (window.last_error or "")
    assert "not a number" in window.error_label.text()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert QApplication.focusWidget().text() == "1.8.25"  # nothing typed is lost
    assert fresh().row("metric", row_id)["value"] == 313
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(qtbot, "318")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.last_error is None)
    assert fresh().row("metric", row_id)["value"] == 318
    assert window.last_error is None


def test_letters_cannot_be_typed_into_a_value(window, qtbot):
    view = window.form.metrics_view
    focus(qtbot, view)
    view.setCurrentIndex(window.metrics_model.index(0, COL_VALUE))
    type_text(qtbot, "1x2")
    assert QApplication.focusWidget().text() == "12"
    press(qtbot, Qt.Key_Escape)


def test_confirm_reject_by_keyboard(window, fresh, qtbot):
    view = window.form.metrics_view
    model = window.metrics_model
    ids = [r["id"] for r in model.rows()]
    focus(qtbot, view)
    view.select_id(ids[0])
    press(qtbot, Qt.Key_Space)
    assert fresh().row("metric", ids[0])["status"] == "confirmed"
    assert view.current_id() == ids[1]  # on to the next row
    press(qtbot, Qt.Key_Delete)
    assert fresh().row("metric", ids[1])["status"] == "rejected"
    press(qtbot, Qt.Key_Return)
    assert fresh().row("metric", ids[2])["status"] == "confirmed"
    assert [model.row_at(i)["status"] for i in range(3)] == ["confirmed", "rejected", "confirmed"]
    row = window.list_model.row_of(1)
    assert window.list_model.index(row, 4).data() == 3  # the list's count follows the store
    history = fresh().history(1)
    assert history[0]["reviewer"] == "tester"


def test_confirm_all_and_undo(window, fresh, qtbot):
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert {r["status"] for r in fresh().metrics(1)} == {"confirmed"}
    assert {r["status"] for r in fresh().operations(1)} == {"confirmed"}
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert {r["status"] for r in fresh().metrics(1)} == {"suggested"}
    assert {window.metrics_model.row_at(i)["status"] for i in range(4)} == {"suggested"}


def test_edit_a_category_with_the_drop_down(window, fresh, qtbot):
    view = window.form.metrics_view
    model = window.metrics_model
    row_id = model.row_at(1)["id"]
    index = model.index(1, COL_CATEGORY)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.indexWidget(index)
    combo.setCurrentIndex(combo.findData("knives_seized"))
    combo.activated.emit(combo.currentIndex())
    assert fresh().row("metric", row_id)["category"] == "knives_seized"


def test_add_metric_and_operation_from_a_selection(window, fresh, qtbot):
    body = window.store.document(1)["body"]
    start = body.index("955 other illegal items")
    end = start + len("955 other illegal items")
    window.release.select_text(start, end)
    focus(qtbot, window.release.text)
    press(qtbot, Qt.Key_M, Qt.ControlModifier)
    added = [r for r in fresh().metrics(1) if r["origin"] == "reviewer"]
    assert len(added) == 1
    row = added[0]
    assert row["status"] == "added" and row["value"] == 955
    assert body[row["offset"]:row["offset"] + row["length"]] == row["text"]
    assert start <= row["offset"] < end
    assert window.form.metrics_view.current_id() == row["id"]
    assert row["id"] in {s.row_id for s in window.release.text.spans}  # highlighted at once

    start = body.index("Operation Venice")
    window.release.select_text(start, start + len("Operation Venice"))
    focus(qtbot, window.release.text)
    press(qtbot, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)
    names = [o["name"] for o in fresh().operations(1)]
    assert any("Venice" in n for n in names)


def test_add_without_a_selection_explains(window, fresh, qtbot):
    focus(qtbot, window.release.text)
    press(qtbot, Qt.Key_M, Qt.ControlModifier)
    assert "select" in window.last_error
    assert len(fresh().metrics(1)) == 4


def test_undo_and_redo_across_documents(window, fresh, qtbot):
    order = list_order(window)
    model = window.metrics_model
    first_row = model.row_at(0)["id"]
    assert model.setData(model.index(0, COL_VALUE), "400")
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    second = window.document_id
    body = window.store.document(second)["body"]
    window.release.select_text(0, body.index("\n"))
    focus(qtbot, window.release.text)
    press(qtbot, Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier)
    added = [o for o in fresh().operations(second) if o["origin"] == "reviewer"]
    assert len(added) == 1
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    assert window.document_id == order[2]

    press(qtbot, Qt.Key_Z, Qt.ControlModifier)  # undo the operation: the window follows it
    assert window.document_id == second
    assert not [o for o in fresh().operations(second) if o["origin"] == "reviewer"]
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)  # undo the value in the first document
    assert window.document_id == order[0]
    row = fresh().row("metric", first_row)
    assert row["value"] == 313 and row["status"] == "suggested"
    press(qtbot, Qt.Key_Z, Qt.ShiftModifier | Qt.ControlModifier)  # redo
    assert fresh().row("metric", first_row)["value"] == 400
    press(qtbot, Qt.Key_Z, Qt.ShiftModifier | Qt.ControlModifier)  # redo re-creates the same operation
    assert [o["id"] for o in fresh().operations(second) if o["origin"] == "reviewer"] == [added[0]["id"]]
    assert window.document_id == second


def test_mark_reviewed_goes_to_the_next_unreviewed(window, fresh, qtbot):
    focus(qtbot, window.form.metrics_view)
    first = window.document_id
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    answer(qtbot, window, Qt.Key_L)  # leave the undecided rows
    store = fresh()
    assert store.document(first)["status"] == "reviewed"
    assert store.document(first)["reviewer"] == "tester"
    assert window.document_id == store.neighbour(first, unreviewed=True)
    assert window.counts_label.text() == "1 of 5 reviewed"
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert fresh().document(first)["status"] != "reviewed"


def test_document_fields_save_and_refuse(window, fresh, qtbot):
    title = window.form.edits["title"]
    focus(qtbot, title)
    title.selectAll()
    type_text(qtbot, "A new title")
    press(qtbot, Qt.Key_Return)
    assert fresh().document(1)["title"] == "A new title"
    title.setText("x" * 2100)
    title.editingFinished.emit()
    assert "at most" in window.last_error
    assert title.text() == "x" * 2100  # kept for the reviewer to shorten
    assert fresh().document(1)["title"] == "A new title"


def test_a_fresh_window_shows_what_was_saved(open_window, db_path, qtbot):
    window = open_window(db_path)
    model = window.metrics_model
    model.setData(model.index(0, COL_VALUE), "999")
    window.review.reject("metric")
    window.close()
    again = open_window(db_path)
    assert again.document_id == 1
    assert again.metrics_model.index(0, COL_VALUE).data() == "999"
    assert [again.metrics_model.row_at(i)["status"] for i in range(4)] == \
        [window.metrics_model.row_at(i)["status"] for i in range(4)]


def test_store_errors_are_shown_not_raised(window, qtbot, monkeypatch):
    from desktop.store import StoreError

    def refuse(*args, **kwargs):
        raise StoreError("review.sqlite: the disk is full: the change was not saved.")

    monkeypatch.setattr(window.store, "confirm", refuse)
    focus(qtbot, window.form.metrics_view)
    window.form.metrics_view.select_id(window.metrics_model.row_at(0)["id"])
    press(qtbot, Qt.Key_Space)
    assert "disk is full" in window.error_label.text()
    assert window.metrics_model.row_at(0)["status"] == "suggested"
    assert not window.edits.stack.canUndo()


def test_ctrl_enter_with_an_open_editor_saves_the_edit_first(window, fresh, qtbot):
    view = window.form.metrics_view
    model = window.metrics_model
    row_id = model.row_at(0)["id"]
    focus(qtbot, view)
    view.setCurrentIndex(model.index(0, COL_VALUE))
    type_text(qtbot, "777")
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    answer(qtbot, window, Qt.Key_L)
    store = fresh()
    assert store.row("metric", row_id)["value"] == 777
    assert store.document(1)["status"] == "reviewed"
    assert window.document_id != 1
