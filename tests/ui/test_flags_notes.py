"""Issue 11, defect 11: flag a document (F), notes on a document or a row: stored, audited, filterable,
exported."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from desktop.export import export
from desktop.ui.document_list_model import COL_STATUS, SUBTITLE_ROLE
from ui_helpers import focus, press, type_text


def choose_filter(qtbot, window, text):
    combo = window.document_list.status_filter
    focus(qtbot, combo)
    combo.setCurrentIndex(0)
    while combo.currentText() != text:
        press(qtbot, Qt.Key_Down)


def test_f_flags_the_document_and_f_again_clears_it(window, fresh, qtbot):
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_F)
    store = fresh()
    assert store.document(1)["review_flag"] == 1
    assert store.document(1)["status"] == "new"  # a flag decides nothing
    assert store.history(1)[0]["field"] == "review_flag"
    assert window.form.flag_label.isVisible()
    assert "⚐" in window.list_model.index(window.list_model.row_of(1), COL_STATUS).data(SUBTITLE_ROLE)
    choose_filter(qtbot, window, "Flagged for a second look ⚐")
    assert window.list_model.total() == 1 and window.list_model.document_id(0) == 1
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_F)
    assert fresh().document(1)["review_flag"] == 0
    press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert fresh().document(1)["review_flag"] == 1


def test_notes_on_the_document_and_a_row_are_kept_filtered_and_exported(window, fresh, qtbot, tmp_path):
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    type_text(qtbot, "ask the press office")
    press(qtbot, Qt.Key_Return)
    focus(qtbot, window.form.metrics_view)
    row_id = window.form.metrics_view.current_id()
    press(qtbot, Qt.Key_N, Qt.ControlModifier)
    assert window.form.detail.note.hasFocus()
    type_text(qtbot, "double counted?")
    press(qtbot, Qt.Key_Return)  # the detail editor commits on the next turn of the event loop
    qtbot.waitUntil(lambda: fresh().row("metric", row_id)["note"] is not None)
    store = fresh()
    assert store.document(1)["note"] == "ask the press office"
    row = store.row("metric", row_id)
    assert row["note"] == "double counted?" and row["status"] == "suggested"  # a note decides nothing
    assert {h["field"] for h in store.history(1)[:2]} == {"note"}
    choose_filter(qtbot, window, "With notes ✎")
    assert [window.list_model.document_id(r) for r in range(window.list_model.rowCount())] == [1]
    out = tmp_path / "all.csv"
    export(store, out, include_all=True)
    rows = [r for r in csv.DictReader(out.open(encoding="utf-8-sig")) if r["document_note"]]
    assert {r["document_note"] for r in rows} == {"ask the press office"}
    assert [r["note"] for r in rows if r["note"]] == ["double counted?"]
