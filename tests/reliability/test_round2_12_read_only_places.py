"""Issue 12, item 12: a WAL database on a read-only mount opens read-only, says so, and can be
browsed and exported; every write is refused with a clear message (root only: a real tmpfs)."""

from __future__ import annotations

import csv

import pytest

from desktop.cli import main
from desktop.store import Store, StoreError
from tests.reliability.conftest import remount, seed_file_store, tmpfs


def test_wal_database_on_a_read_only_mount_browses_and_exports(tmp_path, capsys):
    with tmpfs(tmp_path / "ro", "4m") as mnt:
        path = mnt / "db.sqlite"
        (doc_id,), mids = seed_file_store(path, n_docs=1, n_metrics=4)
        store = Store.open(path)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.close()
        remount(mnt, readonly=True)
        try:
            store = Store.open(path, reviewer="ann")
            assert store.read_only
            assert store.count() == 1 and len(store.metrics(doc_id)) == 4
            with pytest.raises(StoreError, match="read-only"):
                store.update_metric(mids[0], value=99)
            store.close()
            out = tmp_path / "out.csv"
            assert main(["export", str(out), "--all", "--db", str(path)]) == 0
            captured = capsys.readouterr()
            assert "read-only" in captured.err
            assert len(list(csv.DictReader(out.open(encoding="utf-8-sig")))) == 4
        finally:
            remount(mnt, readonly=False)
