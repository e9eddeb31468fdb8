"""Issue 11, defect 3: the metrics fit. A compact table, values whole, the rest in a detail editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.metrics_table_model import COL_UNIT, COL_VALUE, TABLE_COLUMNS
from ui_helpers import focus, press, type_text


def fit_at(window, qtbot, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()


def test_at_1280_by_800_every_metrics_column_is_inside_the_viewport(window, qtbot):
    model = window.metrics_model
    assert model.setData(model.index(0, COL_UNIT), "GBP")
    assert model.setData(model.index(0, COL_VALUE), "1,200,000")
    fit_at(window, qtbot, 1280, 800)
    view = window.form.metrics_view
    header = view.horizontalHeader()
    right = view.viewport().width()
    for col in TABLE_COLUMNS:
        assert not view.isColumnHidden(col)
        assert header.sectionViewportPosition(col) >= 0
        assert header.sectionViewportPosition(col) + header.sectionSize(col) <= right, col
    assert view.horizontalScrollBar().maximum() == 0
    shown = model.index(0, COL_VALUE).data()
    assert shown == "£1,200,000"
    needed = view.fontMetrics().horizontalAdvance(shown) + 6  # Qt's text margins
    assert header.sectionSize(COL_VALUE) >= needed  # the value is shown whole, not "1,200,…"


def test_the_detail_editor_shows_the_current_row_and_what_the_extractor_suggested(window, fresh, qtbot):
    view = window.form.metrics_view
    detail = window.form.detail
    model = window.metrics_model
    first = model.row_at(0)
    focus(qtbot, view)
    view.select_id(first["id"])
    assert detail.subject.text() == (first["subject"] or "")
    assert "313 knives" in detail.evidence.text()
    assert detail.rule.text() == "test"
    view.setCurrentIndex(model.index(0, COL_VALUE))
    type_text(qtbot, "222")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: fresh().row("metric", first["id"])["value"] == 222)
    assert "value 313 → 222" in detail.original.text()  # in view, not only on hover


def test_subject_is_edited_in_the_detail_editor_and_saved(window, fresh, qtbot):
    view = window.form.metrics_view
    detail = window.form.detail
    row_id = window.metrics_model.row_at(1)["id"]
    focus(qtbot, view)
    view.select_id(row_id)
    focus(qtbot, detail.subject)
    detail.subject.selectAll()
    type_text(qtbot, "offensive weapons")
    press(qtbot, Qt.Key_Tab)
    stored = fresh().row("metric", row_id)
    assert stored["subject"] == "offensive weapons" and stored["status"] == "corrected"
    assert view.current_id() == row_id


def test_the_operation_column_shows_the_part_of_the_name_that_differs(window):
    from desktop.ui.metrics_table_model import COL_OPERATION, short_operation
    model = window.metrics_model
    assert short_operation("Operation Winter Nights") == "Winter Nights" and short_operation("Sceptre") == "Sceptre"
    assert model.setData(model.index(0, COL_OPERATION), "Operation Winter Nights")
    assert model.index(0, COL_OPERATION).data() == "Winter Nights"
    assert model.index(0, COL_OPERATION).data(Qt.EditRole) == "Operation Winter Nights"
    assert "Operation Winter Nights" in model.index(0, COL_OPERATION).data(Qt.ToolTipRole)
