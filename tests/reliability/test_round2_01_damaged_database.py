"""Issue 12, item 1: a damaged database is never written to. Opening runs ``PRAGMA quick_check``;
a damaged file is refused, unchanged, with a message saying how to recover; ``blotter check`` and
``blotter recover`` exist; File ▸ Open keeps the good database when the new one is damaged."""

from __future__ import annotations

import hashlib

import pytest

from desktop.cli import main
from desktop.store import Store, StoreError
from tests.reliability.damage import damaged_database

GOOD = "Police made 12 arrests during Operation Good on Jan 05, 2021.\n"


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _no_traceback(text: str) -> None:
    assert "Traceback" not in text and "sqlite3." not in text, text


def test_damaged_database_refused_on_open_unchanged_with_recovery_advice(tmp_path):
    path = damaged_database(tmp_path / "bad.sqlite")
    before = _digest(path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    assert str(path) in message and "damaged" in message
    assert f"blotter recover --db {path}" in message
    assert _digest(path) == before


def test_damaged_database_cli_import_and_export_refuse_clearly(tmp_path, capsys):
    path = damaged_database(tmp_path / "bad.sqlite")
    before = _digest(path)
    release = tmp_path / "good.txt"
    release.write_text(GOOD, encoding="utf-8")
    assert main(["import", str(release), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "blotter recover" in err
    _no_traceback(err)
    assert main(["export", str(tmp_path / "out.csv"), "--all", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err
    _no_traceback(err)
    assert not (tmp_path / "out.csv").exists()
    assert _digest(path) == before


def test_damaged_database_check_reports_and_recover_keeps_the_readable_rows(tmp_path, capsys):
    path = damaged_database(tmp_path / "bad.sqlite", n_docs=20, n_metrics=30)
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "damaged" in out and "blotter recover" in out
    new = tmp_path / "recovered.sqlite"
    assert main(["recover", str(new), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "recovered" in out
    assert main(["check", "--db", str(new)]) == 0
    capsys.readouterr()
    store = Store.open(new)
    assert store.count() == 20  # the documents were not on the damaged page
    kept = sum(len(store.metrics(d)) for d in store.all_document_ids())
    assert 0 < kept < 20 * 30  # one page of metrics is lost, the rest is back
    store.update_metric(store.metrics(store.all_document_ids()[-1])[0]["id"], value=99)  # and it takes edits
    store.close()
    assert main(["recover", str(new), "--db", str(path)]) == 1  # never over an existing file
    assert "already exists" in capsys.readouterr().err


def test_damaged_database_file_open_in_the_window_keeps_the_good_one(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from tests.reliability.conftest import seed_file_store

    good = tmp_path / "good.sqlite"
    seed_file_store(good, n_docs=2, n_metrics=3)
    bad = damaged_database(tmp_path / "bad.sqlite")
    store = Store.open(good, "tester")
    window = MainWindow(store, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    qtbot.addWidget(window)
    window.open_initial_document()
    assert window.files.switch_database(str(bad)) is False
    assert window.store is store and store.count() == 2  # still open and usable
    label = window.error_label.text()
    assert "damaged" in label and "Not saved" not in label
    store.update_metric(store.metrics(store.all_document_ids()[0])[0]["id"], value=5)
    window.close()
    store.close()


def test_damage_found_while_the_window_runs_is_a_sentence_not_a_traceback(qtbot, tmp_path, capsys):
    import sqlite3

    from PySide6.QtCore import QSettings

    from desktop.ui.app import _for_people
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings
    from tests.reliability.conftest import seed_file_store

    seed_file_store(tmp_path / "good.sqlite", n_docs=1, n_metrics=1)
    store = Store.open(tmp_path / "good.sqlite", "tester")
    window = MainWindow(store, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    qtbot.addWidget(window)
    hook = _for_people(window)
    try:
        raise sqlite3.DatabaseError("database disk image is malformed")
    except sqlite3.DatabaseError as exc:
        hook(type(exc), exc, exc.__traceback__)
    label = window.error_label.text()
    assert "damaged" in label and "blotter check" in label
    _no_traceback(capsys.readouterr().err)
    window.close()
    store.close()
