"""Issue 12, item 10: exports leave no debris and respect what they write to. A killed export's
temporary file is removed by the next export; a link is followed (its target replaced, the link
kept); a named pipe is written to, not replaced; a replaced file keeps its permissions; ``-`` is
standard output."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import threading

from desktop.cli import main
from desktop.export import export
from desktop.store import Store
from tests.reliability.conftest import child_cmd, child_env, seed_file_store


def _db(tmp_path):
    path = tmp_path / "db.sqlite"
    seed_file_store(path, n_docs=2, n_metrics=8)
    return path


def test_killed_export_temporary_file_is_cleaned_by_the_next_export(tmp_path):
    path = _db(tmp_path)
    out = tmp_path / "figures.csv"
    for _ in range(2):
        proc = subprocess.Popen(child_cmd("export", path, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=child_env(), text=True)
        assert proc.stdout.readline().strip() == "halfway", proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert [p for p in os.listdir(tmp_path) if p.endswith(".part")]  # what the kills left behind
    store = Store.open(path)
    assert export(store, out, include_all=True) == 16
    store.close()
    assert [p for p in os.listdir(tmp_path) if p.endswith(".part")] == []


def test_export_keeps_the_mode_of_the_file_it_replaces_and_follows_links(tmp_path):
    path = _db(tmp_path)
    out = tmp_path / "figures.csv"
    out.write_text("old\n")
    os.chmod(out, 0o644)
    link = tmp_path / "latest.csv"
    link.symlink_to(out)
    store = Store.open(path)
    export(store, out, include_all=True)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    export(store, link, include_all=True)
    assert link.is_symlink() and os.readlink(link) == str(out)
    assert out.read_text(encoding="utf-8-sig").startswith("document,")
    store.close()


def test_export_to_a_named_pipe_writes_into_it(tmp_path):
    path = _db(tmp_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    store = Store.open(path)
    export(store, fifo, include_all=True)
    store.close()
    reader.join(10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a pipe
    assert got and got[0].startswith(b"\xef\xbb\xbfdocument,")


def test_export_dash_is_standard_output(tmp_path, capsys, monkeypatch):
    path = _db(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["export", "-", "--all", "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("document,") and out.count("\n") == 17
    assert "exported 16" in err
    assert not (tmp_path / "-").exists()
