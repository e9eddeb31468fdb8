"""Killed with SIGKILL mid-session, the window loses nothing it had saved: every edit is committed when made."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import Store

CHILD = Path(__file__).with_name("kill_child.py")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_committed_edit_survives_sigkill(db_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, str(CHILD), str(db_path), str(tmp_path / "child.ini")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    edits = []
    try:
        for line in proc.stdout:
            line = line.strip()
            if line == "READY":
                break
            if line.startswith("EDIT "):
                edits.append(line.split(" ", 4)[1:])
        else:
            pytest.fail(f"the child stopped early: {proc.stderr.read()[-2000:]}")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert len(edits) == 7

    store = Store.open(db_path)
    try:
        for kind, row_id, field, value in edits:
            if kind == "document":
                assert store.document(int(row_id))[field] == value
                continue
            row = store.row(kind, int(row_id))
            expected = int(value) if field == "value" else value
            assert row[field] == expected, (kind, row_id, field)
        assert {h["reviewer"] for h in store.history(1, limit=20) if h["action"] != "import"} == {"killed"}
    finally:
        store.close()
