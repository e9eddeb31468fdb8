"""File menu work off the GUI thread (import, export, re-extract), the shortcuts sheet, first run."""

from __future__ import annotations

import csv

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from desktop.ui.app import open_window as app_open_window
from desktop.ui.document_list_model import FLAGGED_ROLE
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ACTIONS, sheet_rows
from desktop.ui.shortcuts_dialog import ShortcutsDialog


def test_import_runs_off_the_gui_thread_and_summarises_failures(window, qtbot, tmp_path):
    src = tmp_path / "incoming"
    src.mkdir()
    (src / "good.txt").write_text("Police made 12 arrests during Operation Example.\n", encoding="utf-8")
    (src / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    before = window.list_model.total()
    job = window.files.start_import([str(src)])
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: window.files.summary is not None)
    summary = window.files.summary
    assert "1 document" in summary.heading.text() and "1 failed" in summary.heading.text()
    assert "picture.txt" in summary.details.toPlainText()
    assert window.list_model.total() == before + 1
    assert window.counts_label.text() == f"0 of {before + 1} reviewed"


def test_export_writes_csv_in_the_background(window, qtbot, tmp_path):
    window.review.confirm_all()
    window.review.mark_reviewed()
    out = tmp_path / "figures.csv"
    job = window.files.start_export(str(out), include_all=False)
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 4 and {r["status"] for r in rows} == {"confirmed"}


def test_reextract_keeps_decisions_and_flags_disagreement(window, fresh, qtbot):
    decided = window.metrics_model.row_at(0)["id"]
    window.form.metrics_view.select_id(decided)
    window.review.confirm("metric")
    job = window.files.start_reextract()
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: window.files.last_result is not None)
    store = fresh()
    assert store.row("metric", decided)["status"] == "confirmed"
    flagged = store.document(1)["flagged"]
    assert bool(window.list_model.index(window.list_model.row_of(1), 0).data(FLAGGED_ROLE)) == bool(flagged)
    assert window.files.last_result["done"] == 5


def test_one_job_at_a_time(window, qtbot, tmp_path):
    job = window.files.start_reextract()
    assert job is not None and window.files.busy()
    assert window.files.start_export(str(tmp_path / "x.csv"), True) is None
    assert "still running" in window.last_error
    with qtbot.waitSignal(job.finished, timeout=60000):
        job.cancel()


def test_shortcuts_sheet_lists_every_shortcut(window, qtbot):
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    keys = " ".join(k for k, _ in sheet_rows())
    for _name, _menu, _text, shortcuts in ACTIONS:
        for key in shortcuts:
            assert QKeySequence(key).toString(QKeySequence.NativeText) in keys
    for key in ("Enter or Space", "Delete", "Ctrl+M", "Ctrl+Shift+O", "Ctrl+Shift+A", "Ctrl+Return", "Ctrl+F"):
        assert key in keys
    assert dialog.table.rowCount() == len(sheet_rows())
    for name, *_ in ACTIONS:
        assert window.actions_by_name[name].objectName() == name


def test_ctrl_f_focuses_search_and_filters(window, qtbot):
    window.actions_by_name["find"].trigger()
    assert window.document_list.search.hasFocus()
    window.document_list.search.setText("Venice")
    window.document_list.apply_filter()
    assert window.list_model.total() >= 1
    window.document_list.status_filter.setCurrentIndex(3)  # Reviewed
    assert window.list_model.total() == 0


def test_first_run_opens_on_the_bundled_seeds(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    window = app_open_window(tmp_path / "new.sqlite", settings)
    qtbot.addWidget(window)
    try:
        assert window.list_model.total() == 5
        assert window.document_id == window.list_model.document_id(0)
        assert window.store.reviewer  # the system user until changed; no dialog
        window.files.set_reviewer("ann")
        assert window.store.reviewer == "ann" and settings.reviewer() == "ann"
        assert "ann" in window.reviewer_label.text()
    finally:
        window.close()
        window.store.close()


def test_import_reads_in_worker_processes_with_progress_and_cancel(window, qtbot, tmp_path, monkeypatch):
    """Issue 15: the window's import uses a process a core; progress still moves a file at a time and
    Cancel still stops it, keeping what was saved."""
    from desktop import ingest
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 2)
    monkeypatch.setattr(ingest, "BATCH", 10)
    src = tmp_path / "many"
    src.mkdir()
    for i in range(40):
        (src / f"r{i:03}.txt").write_text(f"Police made {i + 2} arrests during Operation Example {i}.\n",
                                          encoding="utf-8")
    before = window.list_model.total()
    job = window.files.start_import([str(src)])
    seen = []
    job.progress.connect(lambda done, total, what: seen.append(done))
    with qtbot.waitSignal(job.finished, timeout=60000) as blocker:
        pass
    assert blocker.args[0].summary() == "imported 40, duplicates 0, failed 0"
    assert seen[-1] == 40 and seen == sorted(seen)
    qtbot.waitUntil(lambda: window.list_model.total() == before + 40)

    again = tmp_path / "more"
    again.mkdir()
    for i in range(400):
        (again / f"s{i:03}.txt").write_text(f"Officers seized {i + 1} knives in week {i}.\n", encoding="utf-8")
    job = window.files.start_import([str(again)])
    job.progress.connect(lambda done, total, what: done >= 20 and job.cancel())
    with qtbot.waitSignal(job.finished, timeout=60000) as blocker:
        pass
    report = blocker.args[0]
    assert report.cancelled and 20 <= len(report.imported) < 400
