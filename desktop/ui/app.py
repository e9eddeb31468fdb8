"""Start the review window on a database (first run: the bundled seeds)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Optional, Union

# Everything the window needs that does not use Qt is imported before PySide6 (ADR 0015): once loaded,
# PySide6 reads the source of every module imported after it (its `__feature__` import hook looks for
# the word "PySide6" in each): `import desktop.store` (sqlite-utils, click, pluggy) after PySide6 runs
# 55-69 M instructions more than before it. tests/ui/test_start_imports.py keeps the order.
from desktop import category_keys, checks, errorlog, selection, text_numbers  # noqa: F401
from desktop.paths import resource_path
from desktop.store import Store, open_stamp, review_checks, ui_queries  # noqa: F401

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui import theme


def application() -> QApplication:
    if QApplication.instance() is None:  # the process's start: every module the window needs is imported
        # Python's collector would walk these imports' objects (modules, classes, functions: they live as
        # long as the process) at every full collection while the window is built, and once more at exit;
        # frozen, it walks only what the window makes: 55 M instructions a start (ADR 0015).
        gc.freeze()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Blotter")
    app.setOrganizationName("Blotter")
    app.setDesktopFileName("blotter")  # the entry scripts/dev.sh installs: the desktop pairs window and icon
    app.setWindowIcon(QIcon(str(resource_path("icons", "blotter.svg"))))
    theme.apply(app)  # the stylesheet and text colours follow a light or dark palette
    return app


def open_window(db_path: Union[str, Path], settings: Optional[Settings] = None) -> MainWindow:
    """The window on ``db_path``, seeded with the bundled releases when the database is empty.

    :raises StoreError: when the database cannot be opened
    """
    settings = settings or Settings()
    store = Store.open(db_path, settings.reviewer())
    if not store.read_only and not store.count():
        from desktop.ingest import ensure_seeded  # here: only a new database needs the importer's door
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
    sys.excepthook = _for_people(window)
    window.show()
    code = app.exec()
    window.store.close()
    return code


def _for_people(window: MainWindow):
    """An exception escaping a slot is shown in the window as one sentence, not as a traceback
    (set ``BLOTTER_DEBUG=1`` to print the traceback as well)."""
    import os
    import sqlite3
    import traceback

    from desktop.errorlog import log_error, with_log
    from desktop.store.connection import explain

    def hook(kind, exc, tb) -> None:
        if os.environ.get("BLOTTER_DEBUG"):
            traceback.print_exception(kind, exc, tb)
        if isinstance(exc, sqlite3.Error):
            message = explain(exc, window.store.name) + f" Run: blotter check --db {window.store.name}"
        else:
            message = f"unexpected error: {kind.__name__}: {exc}"
        message = with_log(message, log_error("window", exc, message))
        window.last_error = message
        window.error_label.setText(f"⚠ {message}")
        window.error_label.setToolTip(message)
    return hook
