"""Promise 8, disk full / read-only: a write to a full disk or a read-only database gives a clear
message (store and CLI), nothing half-written is left, and the same edit succeeds on retry once
there is room (the window keeps it in the form for that retry).

Simulations: SQLite's ``max_page_count`` caps the file exactly where a full disk would (SQLITE_FULL);
a real tmpfs, filled up or remounted read-only, gives the operating system's own ENOSPC and EROFS
(root only; skipped elsewhere). ``PRAGMA query_only`` gives SQLITE_READONLY for a file that is
fine, as a read-only file opened by a normal user does; chmod would be ignored as root."""

from __future__ import annotations

import sqlite3

import pytest

import desktop.store as store_module
from desktop.cli import main
from desktop.store import Store, StoreError
from tests.conftest import make_document, make_extraction
from tests.reliability.conftest import remount, seed_file_store, tmpfs

BIG = "Officers spoke to residents about safety. " * 12_000  # ~500 KB of text: needs many new pages


def _snapshot(store):
    return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("documents", "metrics", "operations", "audit_log")}


def _assert_clear(message: str, *words):
    assert "Traceback" not in message and "sqlite3" not in message
    for word in words:
        assert word in message, message


def _cap(store):
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_promise8_disk_full_edit_refused_clearly_store_unchanged_retry_succeeds(tmp_path):
    path = tmp_path / "full.sqlite"
    (doc_id,), mids = seed_file_store(path)
    store = Store.open(path, reviewer="ann")
    before = _snapshot(store)
    _cap(store)
    doc = make_document(BIG, name="big.txt")
    with pytest.raises(StoreError) as caught:
        store.import_batch([(doc, make_extraction(doc))])
    _assert_clear(str(caught.value), str(path), "disk is full", "not saved")
    with pytest.raises(StoreError) as caught:
        store.add_row("metric", doc_id, category="arrests", value=5, subject="x" * 1900, text="y" * 1900)
    _assert_clear(str(caught.value), "disk is full")
    assert not store.db.conn.in_transaction
    assert _snapshot(store) == before
    store.db.execute("PRAGMA max_page_count = 1073741823")  # room again: the same edits go through
    store.import_batch([(doc, make_extraction(doc))])
    new = store.add_row("metric", doc_id, category="arrests", value=5, subject="x" * 1900, text="y" * 1900)
    assert store.row("metric", new)["value"] == 5
    store.close()


def test_promise8_read_only_edit_refused_clearly_store_unchanged_retry_succeeds(tmp_path):
    path = tmp_path / "ro.sqlite"
    (doc_id,), mids = seed_file_store(path)
    store = Store.open(path, reviewer="ann")
    before = _snapshot(store)
    store.db.execute("PRAGMA query_only = ON")
    for edit in (lambda: store.update_metric(mids[0], value=99), lambda: store.confirm_all(doc_id),
                 lambda: store.set_document_status(doc_id, "reviewed")):
        with pytest.raises(StoreError) as caught:
            edit()
        _assert_clear(str(caught.value), str(path), "read-only", "not saved")
        assert not store.db.conn.in_transaction
    assert _snapshot(store) == before
    store.db.execute("PRAGMA query_only = OFF")
    store.update_metric(mids[0], value=99)
    assert store.row("metric", mids[0])["value"] == 99
    store.close()


def test_promise8_disk_full_cli_import_says_so_and_exits_1(tmp_path, capsys, monkeypatch):
    db = tmp_path / "cli.sqlite"
    seed_file_store(db)
    real_connect = store_module.connect

    def full_connect(path):
        conn = real_connect(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn
    monkeypatch.setattr(store_module, "connect", full_connect)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text(BIG, encoding="utf-8")
    code = main(["import", str(tmp_path / "in"), "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 1
    _assert_clear(err, str(db), "disk is full")
    monkeypatch.undo()
    assert Store.open(db).count() == 1


def test_promise8_real_full_disk_store_and_cli(tmp_path, capsys):
    with tmpfs(tmp_path / "small", "1m") as mnt:
        path = mnt / "db.sqlite"
        (doc_id,), mids = seed_file_store(path)
        filler = mnt / "filler"
        with open(filler, "wb", buffering=0) as fh:  # fill the disk to the last byte
            for chunk in (65536, 4096, 512):
                try:
                    while fh.write(b"\1" * chunk):
                        pass
                except OSError:
                    pass
        doc = make_document(BIG, name="big.txt")
        try:
            store = Store.open(path, reviewer="ann")
        except StoreError as exc:  # no room even for SQLite's -wal/-shm files: refusing to open, saying why
            _assert_clear(str(exc), str(path), "disk is full")
        else:
            before = _snapshot(store)
            with pytest.raises(StoreError) as caught:
                store.import_batch([(doc, make_extraction(doc))])
            _assert_clear(str(caught.value), str(path), "disk is full", "not saved")
            assert _snapshot(store) == before
            store.close()
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "big.txt").write_text(BIG, encoding="utf-8")
        code = main(["import", str(tmp_path / "in"), "--db", str(path)])
        out, err = capsys.readouterr()
        assert code == 1
        _assert_clear(err, str(path), "disk is full")
        filler.unlink()  # room again: the retry goes through
        store = Store.open(path, reviewer="ann")
        store.import_batch([(doc, make_extraction(doc))])
        assert store.count() == 2
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.close()


def test_promise8_real_read_only_filesystem_store_and_cli(tmp_path, capsys):
    with tmpfs(tmp_path / "ro", "4m") as mnt:
        path = mnt / "db.sqlite"
        (doc_id,), mids = seed_file_store(path)
        remount(mnt, readonly=True)
        try:
            try:
                store = Store.open(path, reviewer="ann")
            except StoreError as exc:  # refusing to open at all is fine, if it says why
                _assert_clear(str(exc), str(path))
                assert "read-only" in str(exc) or "cannot be opened" in str(exc)
            else:
                before = _snapshot(store)
                with pytest.raises(StoreError) as caught:
                    store.update_metric(mids[0], value=99)
                _assert_clear(str(caught.value), str(path), "read-only", "not saved")
                assert _snapshot(store) == before
                store.close()
            (tmp_path / "in").mkdir()
            (tmp_path / "in" / "r.txt").write_text("Police made 3 arrests.", encoding="utf-8")
            code = main(["import", str(tmp_path / "in"), "--db", str(path)])
            out, err = capsys.readouterr()
            assert code == 1
            _assert_clear(err, str(path))
            assert "read-only" in err or "cannot be opened" in err, err
        finally:
            remount(mnt, readonly=False)
        db = sqlite3.connect(path)
        assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        db.close()
