"""Promise 2, two windows on one database: two processes edit at once (different documents, then the
same field); no ``database is locked`` reaches the user, no edit is lost, the later write wins and
the audit log holds both."""

from __future__ import annotations

import sqlite3
import subprocess
import time

import pytest

from desktop.store import Store, StoreError
from desktop.store import connection
from tests.reliability.conftest import child_cmd, child_env, seed_file_store

COUNT = 150


def _run_pair(path, tmp_path, jobs):
    """Start both children, let them open the store, release them together; their reports."""
    go = tmp_path / "go"
    procs = [subprocess.Popen(child_cmd("edit", path, reviewer, base, COUNT, ",".join(map(str, mids)), go),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), text=True)
             for reviewer, base, mids in jobs]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    go.touch()
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        outs.append((p.returncode, out, err))
    for code, out, err in outs:
        assert "locked" not in (out + err).lower(), out + err
        assert code == 0 and "ERR" not in out and out.rstrip().endswith("done"), out + err
    return [[tuple(map(int, line.split())) for line in out.splitlines() if line[:1].isdigit()] for _, out, _ in outs]


def _chain(db, mid):
    return db.execute("SELECT old, new, reviewer FROM audit_log WHERE entity = 'metric' AND entity_id = ?"
                      " AND field = 'value' ORDER BY id", [mid]).fetchall()


def test_promise2_two_windows_different_documents_lose_nothing(tmp_path):
    path = tmp_path / "two.sqlite"
    _, mids = seed_file_store(path, n_docs=2, n_metrics=3)
    reports = _run_pair(path, tmp_path, [("ann", 1_000_000, mids[:3]), ("bob", 2_000_000, mids[3:])])
    db = sqlite3.connect(path)
    for report in reports:
        assert len(report) == COUNT
        last = {}
        for mid, token in report:
            last[mid] = token
            assert str(token) in {new for _, new, _ in _chain(db, mid)}, f"edit {token} of metric {mid} lost"
        for mid, token in last.items():
            assert db.execute("SELECT value FROM metrics WHERE id = ?", [mid]).fetchone()[0] == token
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_promise2_two_windows_same_field_later_write_wins_and_audit_holds_both(tmp_path):
    path = tmp_path / "same.sqlite"
    _, mids = seed_file_store(path, n_docs=1, n_metrics=1)
    mid = mids[0]
    reports = _run_pair(path, tmp_path, [("ann", 1_000_000, [mid]), ("bob", 2_000_000, [mid])])
    db = sqlite3.connect(path)
    chain = _chain(db, mid)
    written = {str(token) for report in reports for _, token in report}
    assert len(written) == 2 * COUNT
    assert written <= {new for _, new, _ in chain}, "an edit that returned is missing from the audit log"
    assert {r for _, _, r in chain} == {"ann", "bob"}
    # serialised: each edit saw the one before it (no lost update), and the last one is what is stored
    for (_, prev_new, _), (old, _, _) in zip(chain, chain[1:]):
        assert old == prev_new
    assert str(int(db.execute("SELECT value FROM metrics WHERE id = ?", [mid]).fetchone()[0])) == chain[-1][1]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_promise2_two_windows_edit_waits_for_a_long_transaction_elsewhere(tmp_path):
    path = tmp_path / "hold.sqlite"
    (doc_id,), mids = seed_file_store(path, n_docs=1, n_metrics=1)
    holder = subprocess.Popen(child_cmd("hold", path, 1.5), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=child_env(), text=True)
    assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
    store = Store.open(path, reviewer="ann")
    started = time.monotonic()
    store.update_metric(mids[0], value=99)  # waits for the other process instead of failing
    waited = time.monotonic() - started
    out, err = holder.communicate(timeout=30)
    assert holder.returncode == 0 and "released" in out, err
    assert waited > 0.5
    assert store.metrics(doc_id)[0]["value"] == 99
    assert store.document(doc_id)["title"] == "held"
    store.close()


def test_promise2_two_windows_busy_too_long_is_a_clear_message_not_database_is_locked(tmp_path, monkeypatch):
    path = tmp_path / "busy.sqlite"
    (doc_id,), mids = seed_file_store(path, n_docs=1, n_metrics=1)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    store = Store.open(path, reviewer="ann")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as caught:
            store.update_metric(mids[0], value=99)
    finally:
        other.execute("ROLLBACK")
        other.close()
    message = str(caught.value)
    assert "database is locked" not in message and "busy" in message and "not saved" in message
    assert not store.db.conn.in_transaction
    assert store.metrics(doc_id)[0]["value"] == 1
    store.update_metric(mids[0], value=99)  # the retry works once the other window is done
    assert store.metrics(doc_id)[0]["value"] == 99
    store.close()
