"""Issue 11, the keys a reviewer lives in: panes by Tab and F6, a current row after every switch, menus by Alt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui_helpers import focus, press


def focused_pane(window):
    widget = QApplication.focusWidget()
    for name, pane in (("list", window.document_list), ("release", window.release), ("form", window.form)):
        if widget is not None and (widget is pane or pane.isAncestorOf(widget)):
            return name
    return None


def test_tab_leaves_the_document_list_for_the_release_then_the_form(window, qtbot):
    first = window.document_id
    focus(qtbot, window.document_list.view)
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is window.release.text
    assert window.document_id == first  # Tab opened no other document
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is window.form.metrics_view
    press(qtbot, Qt.Key_Backtab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is window.release.text
    press(qtbot, Qt.Key_Backtab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is window.document_list.view
    assert window.document_id == first


def test_ctrl_tab_in_the_list_does_not_walk_the_documents(window, qtbot):
    first = window.document_id
    focus(qtbot, window.document_list.view)
    for _ in range(6):
        press(qtbot, Qt.Key_Tab, Qt.ControlModifier)
    assert window.document_id == first


def test_f6_cycles_the_panes_and_shift_f6_goes_back(window, qtbot):
    focus(qtbot, window.document_list.view)
    seen = []
    for _ in range(3):
        press(qtbot, Qt.Key_F6)
        seen.append(focused_pane(window))
    assert seen == ["release", "form", "list"]
    press(qtbot, Qt.Key_F6, Qt.ShiftModifier)
    assert focused_pane(window) == "form"


def test_after_next_document_enter_confirms_the_first_undecided_row(window, fresh, qtbot):
    focus(qtbot, window.document_list.view)
    view = window.form.metrics_view
    first_doc = window.document_id
    ids = [r["id"] for r in window.metrics_model.rows()]
    focus(qtbot, view)
    view.select_id(ids[0])
    press(qtbot, Qt.Key_Return)  # the first row decided: the first undecided is now the second
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    press(qtbot, Qt.Key_Up, Qt.ControlModifier)
    assert window.document_id == first_doc
    assert QApplication.focusWidget() is view
    assert view.current_id() == ids[1]
    assert view.selectionModel().isRowSelected(1)
    press(qtbot, Qt.Key_Return)
    assert fresh().row("metric", ids[1])["status"] == "confirmed"


def test_opening_a_document_scrolls_the_metrics_back_to_the_left(window, qtbot):
    view = window.form.metrics_view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    focus(qtbot, view)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    press(qtbot, Qt.Key_Up, Qt.ControlModifier)
    assert view.horizontalScrollBar().value() == 0


def test_every_menu_and_item_has_a_mnemonic(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        menu = menu_action.menu()
        letters = []
        for action in menu.actions():
            if action.isSeparator():
                continue
            text = action.text()
            assert "&" in text, text
            letters.append(text[text.index("&") + 1].lower())
        assert len(letters) == len(set(letters)), (menu_action.text(), letters)


def test_alt_f_opens_the_file_menu(window, qtbot):
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_F, Qt.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    assert popup.title().replace("&", "") == "File"
    popup.close()


def test_ctrl_enter_with_undecided_rows_asks_and_cancel_leaves_the_document_open(window, fresh, qtbot):
    from ui_helpers import answer
    focus(qtbot, window.form.metrics_view)
    first = window.document_id
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.review.question is not None and window.review.question.isVisible())
    assert "5 suggestions undecided" in window.review.question.text()  # 4 metrics and 1 operation
    answer(qtbot, window, Qt.Key_Escape)
    assert fresh().document(first)["status"] != "reviewed"
    assert window.document_id == first


def test_ctrl_enter_then_confirm_them_all(window, fresh, qtbot):
    from ui_helpers import answer
    focus(qtbot, window.form.metrics_view)
    first = window.document_id
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    answer(qtbot, window, Qt.Key_C)
    store = fresh()
    assert store.document(first)["status"] == "reviewed"
    assert {r["status"] for r in store.metrics(first)} == {"confirmed"}
    assert window.document_id != first
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)  # one undo step brings both back
    store = fresh()
    assert store.document(first)["status"] != "reviewed"
    assert {r["status"] for r in store.metrics(first)} == {"suggested"}
    assert window.document_id == first


def test_ctrl_enter_with_everything_decided_does_not_ask(window, fresh, qtbot):
    focus(qtbot, window.form.metrics_view)
    first = window.document_id
    press(qtbot, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    assert window.review.question is None
    assert fresh().document(first)["status"] == "reviewed"


def list_order(window):
    return [window.list_model.document_id(r) for r in range(window.list_model.rowCount())]


def test_next_after_a_filter_change_goes_on_from_the_current_document(window, fresh, qtbot):
    order = list_order(window)
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    assert window.document_id == order[2]
    title = window.form.edits["title"]
    focus(qtbot, title)
    title.selectAll()
    press(qtbot, Qt.Key_X)
    press(qtbot, Qt.Key_Return)
    assert fresh().document(order[2])["status"] == "in_review"
    focus(qtbot, window.document_list.status_filter)
    press(qtbot, Qt.Key_Down)  # "New": the open document is not in the list any more
    assert window.document_list.status_filter.currentText() == "New"
    assert order[2] not in list_order(window)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    assert window.document_id == order[3]
    press(qtbot, Qt.Key_Up, Qt.ControlModifier)  # the hidden document is skipped
    assert window.document_id == order[1]


def test_editing_a_reviewed_document_puts_it_back_in_review_and_says_so(window, fresh, qtbot):
    focus(qtbot, window.form.metrics_view)
    first = window.document_id
    press(qtbot, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    assert fresh().document(first)["status"] == "reviewed"
    window.show_document(first)  # back to it, as from the list
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_Delete)
    assert fresh().document(first)["status"] == "in_review"
    assert "back in review" in window.statusBar().currentMessage()
    row = window.list_model.row_of(first)
    assert window.list_model.index(row, 0).data().startswith("in review")


def test_tab_leaves_the_date_field_at_once(window, qtbot):
    published = window.form.edits["published"]
    focus(qtbot, published)
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is window.form.edits["publisher"]
    focus(qtbot, window.form.edits["publisher"])
    press(qtbot, Qt.Key_Backtab, Qt.ShiftModifier)
    assert published.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is published
