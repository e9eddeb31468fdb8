"""Start the review window on a database (first run: the bundled seeds)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Union

from PySide6.QtWidgets import QApplication

from desktop.ingest import ensure_seeded
from desktop.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.style import stylesheet


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Blotter")
    app.setOrganizationName("Blotter")
    app.setStyleSheet(stylesheet())
    return app


def open_window(db_path: Union[str, Path], settings: Optional[Settings] = None) -> MainWindow:
    """The window on ``db_path``, seeded with the bundled releases when the database is empty.

    :raises StoreError: when the database cannot be opened
    """
    settings = settings or Settings()
    store = Store.open(db_path, settings.reviewer())
    if not store.read_only:
        ensure_seeded(store)
    window = MainWindow(store, settings)
    window.open_initial_document()
    if store.read_only:
        window.statusBar().showMessage(f"{db_path} is read-only here: it can be browsed and exported, "
                                       "changes are refused")
    return window


def run(db_path: Union[str, Path]) -> int:
    """Open the window on ``db_path`` and run the event loop; returns the exit code."""
    app = application()
    window = open_window(db_path)
    window.show()
    code = app.exec()
    window.store.close()
    return code
