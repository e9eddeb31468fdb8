"""Start the review window on a database (first run: the bundled seeds)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Union

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop.ingest import ensure_seeded
from desktop.store import Store


def run(db_path: Union[str, Path]) -> int:
    """Open the window on ``db_path`` and run the event loop; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(db_path)
    ensure_seeded(store)
    window = QMainWindow()
    window.setWindowTitle("Blotter")
    window.setCentralWidget(QLabel(f"{store.count()} documents in {db_path}"))
    window.resize(1280, 800)
    window.show()
    return app.exec()
