"""Promise 1, crash safety: a process editing through the real store is killed with SIGKILL at
random points (50 kills); after each the database passes ``PRAGMA integrity_check``, every edit
whose call returned is present, and no half-written row exists."""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import time

from desktop.store import Store
from tests.reliability.conftest import child_cmd, child_env, seed_file_store

KILLS = 50


def _kill_after(proc: subprocess.Popen, delay: float) -> str:
    """Wait for the child's ``ready``, let it edit for ``delay`` seconds, SIGKILL it; its whole stdout."""
    out = b""
    deadline = time.monotonic() + 30
    while b"ready\n" not in out:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, "the child never opened the store"
        chunk = os.read(proc.stdout.fileno(), 65536)
        assert chunk, f"the child died before editing: {proc.stderr.read().decode()}"
        out += chunk
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"the child ended by itself: {proc.stderr.read().decode()}"
    return (out + rest).decode()


def _committed_steps(db: sqlite3.Connection, round_no: int, upto: int) -> set[int]:
    base = round_no * 1_000_000
    lo, hi = base + 1, base + upto + 1
    found = set()
    for (new,) in db.execute("SELECT new FROM audit_log WHERE action = 'update' AND field = 'value'"
                             " AND CAST(new AS INTEGER) BETWEEN ? AND ?", [lo, hi]):
        found.add(int(new) - base - 1)
    for (subject,) in db.execute("SELECT subject FROM metrics WHERE origin = 'reviewer' AND subject LIKE 's%'"):
        token = int(subject[1:])
        if lo <= token <= hi:
            found.add(token - base - 1)
    for (name,) in db.execute("SELECT name FROM documents WHERE name LIKE 'crash-%'"):
        token = int(name[len("crash-"):-len(".txt")])
        if lo <= token <= hi:
            found.add(token - base - 1)
    return found


def _check_whole(db: sqlite3.Connection, expected_values: dict[int, int]) -> None:
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # every seeded metric holds the value of the last edit that committed
    for mid, value in expected_values.items():
        assert db.execute("SELECT value FROM metrics WHERE id = ?", [mid]).fetchone()[0] == value, mid
    # no half-written reviewer row: each is whole and has its audit entry, and vice versa
    added = db.execute("SELECT id, value, subject, text, status, category FROM metrics WHERE origin = 'reviewer'").fetchall()
    for mid, value, subject, text, status, category in added:
        assert (subject, text, status, category) == (f"s{int(value)}", f"t{int(value)}", "added", "arrests"), mid
    assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'add'").fetchone()[0] == len(added)
    # no half-written import: every document has its run, all 40 suggestions, 40 metrics and its audit entry
    docs = db.execute("SELECT id FROM documents WHERE name LIKE 'crash-%'").fetchall()
    for (doc_id,) in docs:
        assert db.execute("SELECT count(*) FROM extraction_runs WHERE document_id = ?", [doc_id]).fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM suggested_metrics s JOIN extraction_runs r ON r.id = s.run_id"
                          " WHERE r.document_id = ?", [doc_id]).fetchone()[0] == 40
        assert db.execute("SELECT count(*) FROM metrics WHERE document_id = ?", [doc_id]).fetchone()[0] == 40
    assert db.execute("SELECT count(*) FROM audit_log WHERE action = 'import'").fetchone()[0] == len(docs) + 1
    # the search index agrees with the rows (its triggers ran in the same transaction)
    assert db.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == \
        db.execute("SELECT count(*) FROM documents").fetchone()[0]
    # every value edit's audit entry agrees with the chain before it (old == previous new)
    for mid in expected_values:
        chain = db.execute("SELECT old, new FROM audit_log WHERE entity = 'metric' AND entity_id = ?"
                           " AND field = 'value' ORDER BY id", [mid]).fetchall()
        for (_, prev_new), (old, _) in zip(chain, chain[1:]):
            assert old == prev_new, (mid, chain)


def test_promise1_crash_safety_50_sigkills_lose_no_returned_edit(tmp_path):
    path = tmp_path / "crash.sqlite"
    (doc_id,), metric_ids = seed_file_store(path, n_docs=1, n_metrics=6)
    expected = {mid: i + 1 for i, mid in enumerate(metric_ids)}
    seed = int(os.environ.get("BLOTTER_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    total_reported = 0
    for round_no in range(1, KILLS + 1):
        proc = subprocess.Popen(child_cmd("crash", path, round_no, doc_id, ",".join(map(str, metric_ids))),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env())
        out = _kill_after(proc, rng.uniform(0.0, 0.12))
        reported = {int(line) for line in out.split() if line.isdigit()}
        total_reported += len(reported)
        upto = max(reported, default=-1) + 1
        db = sqlite3.connect(path)
        try:
            committed = _committed_steps(db, round_no, upto + 1)
            context = f"seed {seed}, kill {round_no}"
            assert reported <= committed, f"{context}: returned edits missing: {sorted(reported - committed)}"
            assert committed - reported <= {upto}, f"{context}: edits that never ran: {sorted(committed - reported)}"
            base = round_no * 1_000_000
            for k in sorted(committed):
                if k % 5 in (0, 1, 2):
                    expected[metric_ids[k % len(metric_ids)]] = base + k + 1
            _check_whole(db, expected)
        finally:
            db.close()
    assert total_reported > KILLS, "the children hardly edited anything before being killed"
    # and the real store still opens it and writes to it
    store = Store.open(path, reviewer="after")
    store.update_metric(metric_ids[0], value=7)
    assert store.metrics(doc_id)[0]["value"] == 7
    store.close()
