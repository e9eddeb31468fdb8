"""Issue 15 (start-up): the window starts without modules it needs only later (the importer's door,
the import dialog, the keyboard sheet, dateutil's parser that sqlite-utils imports for recipes Blotter never calls)."""

from __future__ import annotations

import subprocess
import sys

from tests.reliability.conftest import ROOT, child_env, seed_file_store


def test_the_window_starts_without_the_importer_or_dateutil(tmp_path):
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=2, n_metrics=2)
    code = ("import sys, os\n"
            "from desktop.ui.app import application, open_window\n"
            "from desktop.ui.settings import Settings\n"
            "from PySide6.QtCore import QSettings\n"
            "app = application()\n"
            f"w = open_window({str(path)!r}, Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.IniFormat)))\n"
            "w.show(); app.processEvents()\n"
            "print([m for m in ('desktop.ingest', 'desktop.importer', 'desktop.extractor', 'desktop.ui.import_dialog',"
            " 'dateutil.parser._parser', 'dateutil.tz', 'desktop.ui.shortcuts_dialog') if m in sys.modules])\n"
            "w.close(); w.store.close()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(child_env(), QT_QPA_PLATFORM="offscreen"), cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_the_window_imports_what_needs_no_qt_before_pyside6(tmp_path):
    """PySide6, once loaded, reads the source of every module imported after it (ADR 0015): the store with
    sqlite-utils, click and pluggy, and the checks, are imported first when the window starts as
    ``blotter`` starts it; only modules of desktop.ui (and Python's own) come after PySide6."""
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=2, n_metrics=2)
    code = ("import sys, os\n"
            "from desktop.store import StoreError\n"  # as desktop/cli.py's cmd_gui imports, then the window's module
            "from desktop.ui.app import application, open_window\n"
            "from desktop.ui.settings import Settings\n"
            "from PySide6.QtCore import QSettings\n"
            "app = application()\n"
            f"w = open_window({str(path)!r}, Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.IniFormat)))\n"
            "w.show(); app.processEvents()\n"
            "names = list(sys.modules)\n"  # in the order they were first imported
            "after = names[names.index('PySide6'):]\n"
            "print([m for m in after if m.split('.')[0] in ('desktop', 'sqlite_utils', 'click', 'pluggy')"
            " and not m.startswith('desktop.ui')])\n"
            "w.close(); w.store.close()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(child_env(), QT_QPA_PLATFORM="offscreen"), cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_the_first_paint_does_not_make_qstyle(tmp_path):
    """PySide6 makes a Qt class's Python enums the first time the class is named: QStyle's 550 members
    cost about 50 M instructions a start (ADR 0015). The list's title delegate draws its cell through
    Qt's own paint, so nothing before the first paint needs QStyle in Python."""
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=3, n_metrics=2)
    code = ("import sys\n"
            "from desktop.ui.app import application, open_window\n"
            "from desktop.ui.settings import Settings\n"
            "from PySide6.QtCore import QSettings\n"
            "import PySide6.QtWidgets as widgets\n"
            "app = application()\n"
            f"w = open_window({str(path)!r}, Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.IniFormat)))\n"
            "w.resize(1280, 800); w.show(); app.processEvents()\n"
            "w.document_list.view.viewport().repaint()\n"  # the list painted, its current row selected
            "print('QStyle' in widgets.__dict__)\n"
            "w.close(); w.store.close()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(child_env(), QT_QPA_PLATFORM="offscreen"), cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stdout + out.stderr


def test_the_start_freezes_what_the_imports_made(tmp_path):
    """The modules' objects live as long as the process: the start hands them to Python's permanent
    generation (``gc.freeze``), so no collection walks them again while the window is built (ADR 0015).
    A process whose QApplication already exists (the tests') is left as it is."""
    code = ("import gc\n"
            "from desktop.ui.app import application\n"
            "app = application()\n"
            "print(gc.get_freeze_count() > 1000)\n"
            "gc.unfreeze()\n"
            "application()\n"  # the QApplication exists now: nothing is frozen again
            "print(gc.get_freeze_count())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(child_env(), QT_QPA_PLATFORM="offscreen"), cwd=ROOT)
    assert out.stdout.strip().splitlines()[-2:] == ["True", "0"], out.stdout + out.stderr
