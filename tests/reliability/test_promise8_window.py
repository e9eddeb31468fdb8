"""Promise 8 in the window: a read-only or full database shows a clear message, and the
reviewer's typed value stays in the editor for retry instead of being dropped."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

import ui_fixtures  # noqa: E402
from ui_helpers import focus, press, type_text  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.metrics_table_model import COL_VALUE  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "review.sqlite"
    ui_fixtures.build(path).close()
    w = MainWindow(Store.open(path, "tester"), Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    qtbot.addWidget(w)
    w.open_initial_document()
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    w.store.close()


def _type_value(qtbot, window, text):
    view, model = window.form.metrics_view, window.metrics_model
    focus(qtbot, view)
    view.setCurrentIndex(model.index(0, COL_VALUE))
    type_text(qtbot, text)  # like a person: the first key opens the editor, the rest go into it
    press(qtbot, Qt.Key_Return)


@pytest.mark.parametrize("limit,words", [
    ("PRAGMA query_only = ON", "read-only"),
    ("PRAGMA max_page_count = 1", "disk is full"),
])
def test_promise8_window_refused_edit_is_shown_and_kept_for_retry(window, qtbot, tmp_path, limit, words):
    store = window.store
    row_id = window.metrics_model.row_at(0)["id"]
    before = store.row("metric", row_id)
    if "max_page_count" in limit:
        store.db.execute("VACUUM")  # no free page left (the window's checks may have freed one): the edit needs a new one
    store.db.execute(limit)
    _type_value(qtbot, window, "7777777")
    qtbot.waitUntil(lambda: words in window.error_label.text())
    assert store.row("metric", row_id) == before  # nothing half-written
    assert not window.edits.stack.canUndo()  # a refused edit is not an undo step
    # the refused value is put back into a reopened editor on the next turn of the event loop
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text().replace(",", "") == "7777777"  # kept for retry
    store.db.execute("PRAGMA query_only = OFF")
    store.db.execute("PRAGMA max_page_count = 1073741823")
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: store.row("metric", row_id)["value"] == 7777777)
    assert store.row("metric", row_id)["status"] == "corrected"
