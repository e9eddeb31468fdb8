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
