"""Issue 11, defect 10: one key sets the current row's category; the keys are one table, changeable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.category_keys import DEFAULT_KEYS, KeysError, parse, validate
from desktop.ui.category_keys_dialog import CategoryKeysDialog
from desktop.ui.metrics_table_model import COL_VALUE
from desktop.ui.shortcuts import sheet_rows
import pytest

from ui_helpers import focus, press, type_text


def test_a_digit_sets_the_category_of_the_current_row(window, fresh, qtbot):
    view = window.form.metrics_view
    focus(qtbot, window.document_list.view)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    press(qtbot, Qt.Key_Up, Qt.ControlModifier)  # back: the first undecided row is current
    row_id = view.current_id()
    press(qtbot, Qt.Key_6)
    row = fresh().row("metric", row_id)
    assert (row["category"], row["status"]) == ("drugs_seized", "corrected")
    press(qtbot, Qt.Key_X)
    assert fresh().row("metric", row_id)["category"] == "other"


def test_typing_on_the_value_column_still_edits_the_value(window, fresh, qtbot):
    view = window.form.metrics_view
    row_id = window.metrics_model.row_at(0)["id"]
    focus(qtbot, view)
    view.setCurrentIndex(window.metrics_model.index(0, COL_VALUE))
    type_text(qtbot, "61")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: fresh().row("metric", row_id)["value"] == 61)
    assert fresh().row("metric", row_id)["category"] == "knives_seized"


def test_the_keys_are_on_the_sheet_and_in_the_legend(window):
    rows = dict(sheet_rows(window.category_keys))
    assert "arrests" in rows["1"] and "other" in rows["X"]
    # arrests are highlighted in the first release: their chip leads with the key, in bold
    chip = next(c for c in window.release.legend._chips if any(p[0] == "arrests" for p in c))
    assert chip[0][:2] == ("1 ", True)


def test_keys_are_changed_in_settings(window, settings, fresh, qtbot):
    dialog = CategoryKeysDialog(window)
    qtbot.addWidget(dialog)
    dialog.table.item(0, 1).setText("a")  # arrests on A
    dialog.save()
    assert settings.category_keys()["arrests"] == "a"
    view = window.form.metrics_view
    focus(qtbot, view)
    view.select_id(window.metrics_model.row_at(0)["id"])
    press(qtbot, Qt.Key_A)
    assert fresh().row("metric", window.metrics_model.row_at(0)["id"])["category"] == "arrests"


def test_a_key_used_twice_is_refused_with_a_reason(window, qtbot):
    dialog = CategoryKeysDialog(window)
    qtbot.addWidget(dialog)
    dialog.table.item(1, 1).setText("1")
    dialog.save()
    assert "both" in dialog.error.text()
    with pytest.raises(KeysError):
        validate({"arrests": "1", "charges": "1"})
    assert parse("") == DEFAULT_KEYS and parse("arrests=1,charges=1") == DEFAULT_KEYS


def test_f_is_kept_for_the_flag():
    with pytest.raises(KeysError, match="F flags the document"):
        validate({"offences": "f"})
