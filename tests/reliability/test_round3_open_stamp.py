"""Issue 15 (ADR 0011): ``PRAGMA quick_check`` runs on open only when the file is not exactly as
Blotter last checked or cleanly closed it. ADR 0005's promise holds: damage after a clean close, a
crash, a stale or garbled stamp file, a ``-wal`` left beside the file all lead to the check."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

import desktop.store.integrity as integrity
from desktop.store import Store, StoreError, open_stamp
from tests.reliability.conftest import ROOT, child_env, seed_file_store
from tests.reliability.damage import damaged_database, garble


@pytest.fixture
def checks(monkeypatch):
    """How many times the open ran the check (the real check still runs)."""
    calls = []
    real = integrity.problems

    def counting(db, *args, **kwargs):
        calls.append(1)
        return real(db, *args, **kwargs)
    monkeypatch.setattr(integrity, "problems", counting)
    return calls


def test_an_unchanged_file_skips_the_check_and_is_still_stamped_after_edits(tmp_path, checks):
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=2, n_metrics=3)  # a new file: checked (trivially), then closed cleanly
    checks.clear()
    store = Store.open(path)
    assert checks == []  # the file is as Blotter left it
    store.update_metric(store.metrics(store.all_document_ids()[0])[0]["id"], value=7)
    store.close()
    store = Store.open(path)
    assert checks == []  # Blotter's own edit was followed by a clean close: stamped again
    assert store.metrics(store.all_document_ids()[0])[0]["value"] == 7
    store.close()


def test_damage_after_a_clean_close_is_refused(tmp_path, checks):
    path = damaged_database(tmp_path / "bad.sqlite")  # seeded and closed cleanly (stamped), then garbled
    checks.clear()
    with pytest.raises(StoreError, match="damaged"):
        Store.open(path)
    assert checks == [1]


def test_damage_that_keeps_size_and_mtime_is_still_seen_by_its_ctime(tmp_path, checks):
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=20, n_metrics=30)
    st = os.stat(path)
    garble(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # times set back: the size and mtime are as stamped
    assert os.stat(path).st_mtime_ns == st.st_mtime_ns and os.stat(path).st_size == st.st_size
    checks.clear()
    with pytest.raises(StoreError, match="damaged"):
        Store.open(path)
    assert checks == [1]


def test_a_replaced_file_is_checked(tmp_path, checks):
    path, other = tmp_path / "db.sqlite", tmp_path / "other.sqlite"
    seed_file_store(path, n_docs=1, n_metrics=1)
    seed_file_store(other, n_docs=1, n_metrics=2)
    os.replace(other, path)
    checks.clear()
    Store.open(path).close()
    assert checks == [1]


def test_a_file_replaced_while_open_is_not_stamped_by_the_close(tmp_path, checks):
    path, other = tmp_path / "db.sqlite", tmp_path / "other.sqlite"
    seed_file_store(path, n_docs=1, n_metrics=1)
    seed_file_store(other, n_docs=1, n_metrics=2)
    store = Store.open(path)
    os.replace(other, path)  # another file moved into its place while the window has it open
    store.close()
    checks.clear()
    Store.open(path).close()
    assert checks == [1]


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"[1, 2]", b'{"version": 1, "files": {"x": 3}}',
                                     b'{"version": 1, "files": []}', b"\xff\xfe\x00"])
def test_a_garbled_stamp_file_is_ignored_and_the_check_runs(tmp_path, checks, garbage):
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=1, n_metrics=1)
    open_stamp.stamps_path().write_bytes(garbage)
    checks.clear()
    store = Store.open(path)
    assert checks == [1] and store.count() == 1
    store.close()  # and the stamp file is written anew
    checks.clear()
    Store.open(path).close()
    assert checks == []


def test_a_stale_stamp_runs_the_check(tmp_path, checks):
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=1, n_metrics=1)
    data = json.loads(open_stamp.stamps_path().read_text())
    entry = data["files"][str(path.resolve())]
    for field, value in (("size", entry["size"] + 4096), ("ctime_ns", 1), ("checked", time.time() - 8 * 86400),
                         ("checked", "yesterday"), ("mtime_ns", entry["mtime_ns"] - 1)):
        broken = dict(data, files={str(path.resolve()): dict(entry, **{field: value})})
        open_stamp.stamps_path().write_text(json.dumps(broken))
        checks.clear()
        db = Store.open(path)
        assert checks == [1], field
        db.db.close()  # not Store.close: the stamp stays broken for the next field


def test_a_stamp_file_that_cannot_be_written_is_not_fatal(tmp_path, checks, monkeypatch):
    path = tmp_path / "db.sqlite"
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("x")
    monkeypatch.setattr(open_stamp, "stamps_path", lambda: blocker / "checked.json")
    seed_file_store(path, n_docs=1, n_metrics=1)
    checks.clear()
    Store.open(path).close()
    assert checks == [1]  # nothing remembered, so checked each time, and no error


def test_a_wal_left_beside_the_file_runs_the_check(tmp_path, checks):
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=1, n_metrics=1)
    other = Store.open(path)  # another process's connection, still open, has written
    other.update_metric(other.metrics(other.all_document_ids()[0])[0]["id"], value=3)
    assert os.path.getsize(f"{path}-wal") > 0
    checks.clear()
    Store.open(path).close()  # not the last connection: the WAL stays, nothing is stamped
    assert checks == [1] and os.path.exists(f"{path}-wal")
    other.close()  # the last one: checkpointed, the WAL removed, stamped
    assert not os.path.exists(f"{path}-wal")
    checks.clear()
    Store.open(path).close()
    assert checks == []


def test_a_crash_without_close_leads_to_a_check(tmp_path, checks):
    path = tmp_path / "db.sqlite"
    doc_ids, metric_ids = seed_file_store(path, n_docs=1, n_metrics=2)
    code = ("import os, sys\nfrom desktop.store import Store\n"
            f"s = Store.open({str(path)!r})\ns.update_metric({metric_ids[0]}, value=41)\n"
            "os.write(1, b'ready\\n')\nimport time\ntime.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, env=child_env(), cwd=ROOT)
    try:
        assert proc.stdout.readline() == b"ready\n"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert os.path.getsize(f"{path}-wal") > 0
    checks.clear()
    store = Store.open(path)
    assert checks == [1]
    assert {m["id"]: m["value"] for m in store.metrics(doc_ids[0])}[metric_ids[0]] == 41
    store.close()

