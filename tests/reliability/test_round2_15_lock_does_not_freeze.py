"""Issue 12, item 15: an edit made while another program holds the write lock does not hold the
window for the store's 15 s: it is refused as busy after a short wait, the typed value stays in
the editor, and Return saves it once the other writer is done."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

import ui_fixtures  # noqa: E402
from ui_helpers import focus, press, type_text  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.metrics_table_model import COL_VALUE  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402

HOLD_SECONDS = 8  # shorter than the store's 15 s wait, far longer than the window's


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


def _hold_lock(path: str, release: threading.Event, holding: threading.Event) -> None:
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    conn.execute("BEGIN IMMEDIATE")
    holding.set()
    release.wait(HOLD_SECONDS)
    conn.execute("COMMIT")
    conn.close()


def test_edit_during_a_long_lock_is_refused_as_busy_and_kept_for_retry(window, qtbot):
    store = window.store
    row_id = window.metrics_model.row_at(0)["id"]
    release, holding = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_lock, args=(store.name, release, holding), daemon=True)
    holder.start()
    assert holding.wait(5)
    try:
        view, model = window.form.metrics_view, window.metrics_model
        focus(qtbot, view)
        view.setCurrentIndex(model.index(0, COL_VALUE))
        type_text(qtbot, "4242")
        press(qtbot, Qt.Key_Return)
        assert holder.is_alive(), "the edit waited for the other writer to finish"
        qtbot.waitUntil(lambda: "busy" in window.error_label.text())
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
        assert QApplication.focusWidget().text().replace(",", "") == "4242"
    finally:
        release.set()
        holder.join(10)
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: store.row("metric", row_id)["value"] == 4242)
