"""Child of the kill test: opens the window on a database, edits through the models, reports, then waits.

Prints one line per committed edit ("EDIT kind id field value") and "READY" after the last one;
the parent then kills this process with SIGKILL while its event loop runs.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.store import Store  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.metrics_table_model import COL_VALUE  # noqa: E402
from desktop.ui.operations_table_model import COL_NAME  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(db_path: str, settings_path: str) -> None:
    app = QApplication(sys.argv[:1])
    window = MainWindow(Store.open(db_path, "killed"), Settings(QSettings(settings_path, QSettings.IniFormat)))
    window.open_initial_document()
    window.show()
    metrics, operations = window.metrics_model, window.operations_model
    for i in range(metrics.rowCount()):
        assert metrics.setData(metrics.index(i, COL_VALUE), f"{1000 + i:,}")
        say(f"EDIT metric {metrics.row_at(i)['id']} value {1000 + i}")
    assert operations.setData(operations.index(0, COL_NAME), "Operation Killed")
    say(f"EDIT operation {operations.row_at(0)['id']} name Operation Killed")
    window.form.metrics_view.select_id(metrics.row_at(0)["id"])
    window.review.reject("metric")
    say(f"EDIT metric {metrics.row_at(0)['id']} status rejected")
    window.review.mark_reviewed()
    say("EDIT document 1 status reviewed")
    say("READY")
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
