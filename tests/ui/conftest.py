"""Fixtures for the window's tests: a seeded temporary database, isolated settings, a window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

import ui_fixtures  # noqa: E402
from desktop.store import Store  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "review.sqlite"
    ui_fixtures.build(path).close()
    return path


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))


@pytest.fixture
def open_window(qtbot, settings):
    """``open_window(path)``: a shown window on ``path`` (closed and its store closed afterwards)."""
    opened = []

    def make(path) -> MainWindow:
        window = MainWindow(Store.open(path, "tester"), settings)
        qtbot.addWidget(window)
        window.open_initial_document()
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
        window.store.close()


@pytest.fixture
def window(open_window, db_path) -> MainWindow:
    return open_window(db_path)


@pytest.fixture
def fresh(db_path):
    """A second, independent connection to the same file: what a new window would read."""
    stores = []

    def make() -> Store:
        store = Store.open(db_path, "checker")
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()
