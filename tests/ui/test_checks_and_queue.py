"""Issue 11: checks shown where they apply, the Needs attention queue, Help ▸ Checks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.checks_dialog import ChecksDialog
from desktop.ui.document_list_model import COL_STATUS, SUBTITLE_ROLE
from desktop.ui.metrics_table_model import COL_VALUE
from ui_helpers import focus, press, type_text


def make_charges_exceed_arrests(window, qtbot):
    """Row 0 (313 knives) becomes 5,000 charged, by keyboard: more charged than the 1,800 arrested."""
    view = window.form.metrics_view
    model = window.metrics_model
    focus(qtbot, view)
    view.select_id(model.row_at(0)["id"])
    press(qtbot, Qt.Key_2)  # category key: charges
    view.setCurrentIndex(model.index(0, COL_VALUE))
    type_text(qtbot, "5000")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: model.row_at(0)["value"] == 5000)


def test_a_failed_check_shows_on_the_row_the_form_the_detail_and_the_list(window, fresh, qtbot):
    assert window.form.checks_line.text() == "" or "⚠" not in window.form.checks_line.text()
    make_charges_exceed_arrests(window, qtbot)
    model = window.metrics_model
    assert model.index(0, COL_VALUE).data(Qt.DecorationRole) is not None
    assert "5,000 charged is more than 1,800 arrested" in model.index(0, COL_VALUE).data(Qt.ToolTipRole)
    assert "1 check failed" in window.form.checks_line.text()
    window.form.metrics_view.select_id(model.row_at(0)["id"])
    assert "5,000 charged" in window.form.detail.checks.text()
    row = window.list_model.row_of(1)
    assert "⚠" in window.list_model.index(row, COL_STATUS).data(SUBTITLE_ROLE)
    assert fresh().document(1)["failed_checks"] == 1
    assert "need" in window.attention_label.text()


def test_the_needs_attention_queue_puts_failed_checks_first(window, qtbot):
    make_charges_exceed_arrests(window, qtbot)
    combo = window.document_list.status_filter
    focus(qtbot, combo)
    while combo.currentText() != "Needs attention ⚠":
        press(qtbot, Qt.Key_Down)
    assert window.list_model.document_id(0) == 1
    ranks = [window.list_model._rows[r]["attention"] for r in range(window.list_model.rowCount())]
    assert ranks == sorted(ranks, reverse=True) and all(ranks)


def test_fixing_the_figure_clears_the_check(window, fresh, qtbot):
    make_charges_exceed_arrests(window, qtbot)
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)  # undo the value
    assert "check failed" not in window.form.checks_line.text()
    assert fresh().document(1)["failed_checks"] == 0


def test_help_lists_every_check(window, qtbot):
    dialog = ChecksDialog(window)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for name in ("More charged than arrested", "A part larger than its whole", "Headline and body disagree",
                 "A percent change without a direction", "One figure, two categories",
                 "A date outside the operation", "Numbers no row cites"):
        assert name in text
    assert window.actions_by_name["checks_help"].text() == "&Checks"


def test_the_attention_order_keeps_every_document(window, qtbot):
    make_charges_exceed_arrests(window, qtbot)
    combo = window.document_list.status_filter
    focus(qtbot, combo)
    while combo.currentText() != "All, needing attention first":
        press(qtbot, Qt.Key_Down)
    model = window.list_model
    assert model.total() == 5 and model.document_id(0) == 1
    ranks = [model._rows[r]["attention"] for r in range(model.rowCount())]
    assert ranks == sorted(ranks, reverse=True) and ranks[-1] == 0
