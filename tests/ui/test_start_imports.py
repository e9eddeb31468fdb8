"""Issue 15 (start-up): the window starts without modules it needs only later (the importer's door,
the import dialog, the keyboard sheet, dateutil's parser that sqlite-utils imports for recipes Blotter never calls),
imports what needs no Qt before PySide6, and makes no Qt types the first paint does not need (ADR 0015)."""

from __future__ import annotations

import subprocess
import sys

from tests.reliability.conftest import ROOT, child_env, seed_file_store


def _run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(child_env(), QT_QPA_PLATFORM="offscreen"), cwd=ROOT)
    lines = out.stdout.strip().splitlines()
    assert lines, out.stdout + out.stderr
    return lines


def _first_paint(tmp_path, probe: str, before: str = "") -> str:
    """The last line ``probe`` prints in a fresh process once the window has shown and painted a
    3-document database; ``before`` runs first (as ``blotter`` imports, say)."""
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=3, n_metrics=2)
    return _run("import sys\n" + before +
                "from desktop.ui.app import application, open_window\n"
                "from desktop.ui.settings import Settings\n"
                "from PySide6.QtCore import QSettings\n"
                "app = application()\n"
                f"w = open_window({str(path)!r}, Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.IniFormat)))\n"
                "w.resize(1280, 800); w.show(); app.processEvents()\n"
                "w.document_list.view.viewport().repaint()\n"  # the list painted, its current row selected
                + probe +
                "w.close(); w.store.close()\n")[-1]


def test_the_window_starts_without_the_importer_or_dateutil(tmp_path):
    assert _first_paint(tmp_path, "print([m for m in ('desktop.ingest', 'desktop.importer', 'desktop.extractor', "
                        "'desktop.ui.import_dialog', 'dateutil.parser._parser', 'dateutil.tz', "
                        "'desktop.ui.shortcuts_dialog') if m in sys.modules])\n") == "[]"


def test_the_window_imports_what_needs_no_qt_before_pyside6(tmp_path):
    """PySide6, once loaded, reads the source of every module imported after it (ADR 0015): the store with
    sqlite-utils, click and pluggy, and the checks, are imported first when the window starts as
    ``blotter`` starts it; only modules of desktop.ui (and Python's own) come after PySide6."""
    probe = ("names = list(sys.modules)\n"  # in the order they were first imported
             "after = names[names.index('PySide6'):]\n"
             "print([m for m in after if m.split('.')[0] in ('desktop', 'sqlite_utils', 'click', 'pluggy')"
             " and not m.startswith('desktop.ui')])\n")
    # as desktop/cli.py's cmd_gui imports, then the window's module
    assert _first_paint(tmp_path, probe, before="from desktop.store import StoreError\n") == "[]"


def test_the_first_paint_does_not_make_qstyle(tmp_path):
    """PySide6 makes a Qt class's Python enums the first time the class is named: QStyle's 550 members
    cost about 50 M instructions a start (ADR 0015). The list's title delegate draws its cell through
    Qt's own paint, and the date field names QStyle only to open its calendar from the keyboard."""
    probe = "import PySide6.QtWidgets as widgets\nprint('QStyle' in widgets.__dict__)\n"
    assert _first_paint(tmp_path, probe) == "False"


def test_the_first_paint_does_not_make_every_item_model_type(tmp_path):
    """Handing Python a Qt object of a class PySide6 does not know (Qt's private empty model, which Qt
    gives a table's header) makes it build the types of every class of that family: the header takes its
    model through ``use_model``, not an override of ``setModel`` that Qt calls (ADR 0015, after the merge)."""
    probe = ("import PySide6.QtCore as core\n"
             "print([n for n in ('QAbstractProxyModel', 'QSortFilterProxyModel', 'QStringListModel')"
             " if n in core.__dict__])\n")
    assert _first_paint(tmp_path, probe) == "[]"


def test_the_start_freezes_what_the_imports_made(tmp_path):
    """The modules' objects live as long as the process: the start hands them to Python's permanent
    generation (``gc.freeze``), so no collection walks them again while the window is built (ADR 0015).
    A process whose QApplication already exists (the tests') is left as it is."""
    assert _run("import gc\n"
                "from desktop.ui.app import application\n"
                "app = application()\n"
                "print(gc.get_freeze_count() > 1000)\n"
                "gc.unfreeze()\n"
                "application()\n"  # the QApplication exists now: nothing is frozen again
                "print(gc.get_freeze_count())\n")[-2:] == ["True", "0"]
