"""A large CSV export on two cores (desktop.export_parts): the same bytes as one process, one state
of the database, and a failing worker, a dying worker or Ctrl+C leave no partial file and no traceback."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import desktop.export_parts as parts
from desktop.domain import Metric, Operation
from desktop.export import export
from desktop.store import Store
from tests.conftest import make_document, make_extraction

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tlead tab", "\rlead cr", "'quoted", "a,b", 'say "hi"',
         "two\r\nlines", "£5 and “curly”", "nul\x00inside", "", "plain"]


def _file_store(path: Path, docs: int = 12) -> None:
    store = Store.open(path, reviewer="=reviewer")
    pairs = []
    for d in range(docs):
        body = f"Release {d}: police made {d + 1} arrests and seized 2.5 kg. " + " ".join(TEXTS)
        doc = make_document(body, name=f"{TEXTS[d % len(TEXTS)]}-{d}.txt", title=TEXTS[(d + 1) % len(TEXTS)],
                            publisher=TEXTS[(d + 2) % len(TEXTS)], published="2021-02-01")
        metrics = [Metric("arrests", [d + 1, 2.5, 1 / 3, 1e16, None][i % 5], subject=TEXTS[(d + i) % len(TEXTS)],
                          text=TEXTS[(d + i + 3) % len(TEXTS)] or None, operation="-Op", offset=i, length=3)
                   for i in range(5)]
        pairs.append((doc, make_extraction(doc, metrics=metrics, operations=[Operation("-Op", "2021-01-01")])))
    ids, _ = store.import_batch(pairs)
    for doc_id in ids[::2]:
        store.set_document_status(doc_id, "reviewed")
    store.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db" / "blotter.sqlite"
    path.parent.mkdir()
    _file_store(path)
    return path


def _export(db, out, monkeypatch, two: bool, **kw) -> int:
    monkeypatch.setattr(parts, "MIN_ROWS", 0 if two else 10 ** 12)
    store = Store.open(db, reviewer="x")
    try:
        return export(store, out, **kw)
    finally:
        store.close()


def _spy(monkeypatch) -> list:
    started = []
    real = parts._start_worker

    def spy(*args):
        started.append(args)
        return real(*args)
    monkeypatch.setattr(parts, "_start_worker", spy)
    return started


@pytest.mark.parametrize("include_all,bom", [(True, True), (False, True), (True, False)])
def test_two_processes_write_the_same_bytes_as_one(db, tmp_path, monkeypatch, include_all, bom):
    started = _spy(monkeypatch)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    n1 = _export(db, one, monkeypatch, False, include_all=include_all, bom=bom)
    assert started == []
    n2 = _export(db, two, monkeypatch, True, include_all=include_all, bom=bom)
    assert len(started) == 1, "the second half went to a worker process"
    assert n1 == n2 and n1 > 5
    assert two.read_bytes() == one.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "one.csv", "two.csv"]


def fail_in_worker(path, include_all, split, part, pipe):
    pipe.send(("started",))
    pipe.send(("error", 28, "No space left on device"))


def die_in_worker(path, include_all, split, part, pipe):
    pipe.send(("started",))
    Path(part).write_text("half a file")
    os._exit(3)


def slow_work(path, include_all, split, part, pipe):
    """A worker still busy when Ctrl+C comes (it writes its pid where the test looks)."""
    Path(os.environ["EXPORT_TEST_PIDFILE"]).write_text(str(os.getpid()))
    pipe.send(("started",))
    time.sleep(60)


def fail_to_start(path, include_all, split, part, pipe):
    pipe.send(("error", None, "unable to open database file"))


def commit_then_work(path, include_all, split, part, pipe):
    """Another program commits before this worker starts reading: its half would be newer."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE metrics SET subject = 'changed meanwhile'")
    conn.close()
    parts.work(path, include_all, split, part, pipe)


@pytest.mark.parametrize("worker,message", [(fail_in_worker, "No space left on device"),
                                            (die_in_worker, "stopped before it finished")])
def test_a_worker_that_fails_is_a_message_and_leaves_the_old_file_whole(db, tmp_path, monkeypatch, capsys,
                                                                       worker, message):
    from desktop.cli import main
    out = tmp_path / "figures.csv"
    out.write_bytes(b"yesterday's export\r\n")
    monkeypatch.setattr(parts, "WORKER", worker)
    monkeypatch.setattr(parts, "MIN_ROWS", 0)
    assert main(["export", str(out), "--all", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert message in err and "cannot write the export" in err and "Traceback" not in err
    assert out.read_bytes() == b"yesterday's export\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "figures.csv"]


def test_a_worker_that_cannot_start_leaves_the_whole_export_to_the_calling_process(db, tmp_path, monkeypatch):
    one = tmp_path / "one.csv"
    _export(db, one, monkeypatch, False, include_all=True)
    monkeypatch.setattr(parts, "WORKER", fail_to_start)
    two = tmp_path / "two.csv"
    assert _export(db, two, monkeypatch, True, include_all=True) > 5
    assert two.read_bytes() == one.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "one.csv", "two.csv"]


def test_both_halves_come_from_one_state_of_the_database(db, tmp_path, monkeypatch):
    before = tmp_path / "before.csv"
    _export(db, before, monkeypatch, False, include_all=True)
    monkeypatch.setattr(parts, "WORKER", commit_then_work)
    out = tmp_path / "two.csv"
    _export(db, out, monkeypatch, True, include_all=True)
    assert out.read_bytes() == before.read_bytes(), "the export is the database as it was when it began"
    after = tmp_path / "after.csv"
    _export(db, after, monkeypatch, False, include_all=True)
    assert b"changed meanwhile" in after.read_bytes()


SLOW_PARENT = """
import sys, time
import desktop.export as ex, desktop.export_parts as parts
parts.MIN_ROWS = 0
real = ex.safe_records
def slow(*args, **kw):
    for i, row in enumerate(real(*args, **kw)):
        if i == 2:
            print("halfway", flush=True)
            time.sleep(60)
        yield row
ex.safe_records = slow
from tests.test_export_parts import slow_work
parts.WORKER = slow_work
from desktop.cli import main
sys.exit(main())
"""


def _ctrl_c_as_in_a_terminal() -> None:
    """The child hears Ctrl+C even when the suite itself was started in the background (``cmd &`` in a
    script), where SIGINT is ignored and every child inherits that, as a shell intends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_both_processes_without_a_traceback_or_a_partial_file(db, tmp_path):
    out = tmp_path / "figures.csv"
    out.write_bytes(b"yesterday's export\r\n")
    pidfile = tmp_path / "db" / "worker.pid"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "EXPORT_TEST_PIDFILE": str(pidfile)}
    proc = subprocess.Popen([sys.executable, "-c", SLOW_PARENT, "export", str(out), "--all", "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)
    try:
        assert proc.stdout.readline().strip() == "halfway", proc.stderr.read()
        worker = int(pidfile.read_text())
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl+C does: the whole group
        assert proc.wait(30) == 130
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read()
    assert "interrupted" in err and "Traceback" not in err, err
    assert out.read_bytes() == b"yesterday's export\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "figures.csv"]
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)  # the worker was stopped too


UNGUARDED_CALLER = """
import sys
from pathlib import Path
Path(sys.argv[2]).open("a").write("ran\\n")  # a side effect at the top level, no __main__ guard
import desktop.export_parts as parts
parts.MIN_ROWS = 0
calls = []
real = parts._start_worker
parts._start_worker = lambda *a: calls.append(a) or real(*a)
from desktop.export import export
from desktop.store import Store
store = Store.open(sys.argv[1], reviewer="x")
export(store, sys.argv[3], include_all=True)
store.close()
print(len(calls))
"""


def test_a_library_callers_unguarded_script_runs_once(db, tmp_path, monkeypatch):
    """The worker is a program of its own: it does not run the calling script again (``spawn`` did)."""
    one = tmp_path / "one.csv"
    _export(db, one, monkeypatch, False, include_all=True)
    script, effects, out = tmp_path / "caller.py", tmp_path / "effects.txt", tmp_path / "two.csv"
    script.write_text(UNGUARDED_CALLER)
    done = subprocess.run([sys.executable, str(script), str(db), str(effects), str(out)], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1", "the second half went to a worker process"
    assert effects.read_text() == "ran\n"
    assert out.read_bytes() == one.read_bytes()
