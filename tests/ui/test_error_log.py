"""An error in background work goes to a log in the user's state folder, and the window names the file."""

from __future__ import annotations

from pathlib import Path

from desktop import errorlog, ingest


def test_a_failed_import_is_logged_and_the_window_names_the_log(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(*args, **kwargs):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(ingest, "import_paths", broken)  # the import job takes it from there when it starts
    window.files.start_import([str(tmp_path)])
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=10000)
    log = tmp_path / "state" / "blotter" / "blotter.log"
    assert f"(details in {log})" in window.error_label.text()
    text = log.read_text(encoding="utf-8")
    assert "import: unexpected error: RuntimeError: the disk went away" in text and "Traceback" in text


def test_the_state_folder_follows_xdg_state_home_else_the_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "s"))
    assert errorlog.log_path() == tmp_path / "s" / "blotter" / "blotter.log"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert errorlog.log_path() == tmp_path / "home" / ".local" / "state" / "blotter" / "blotter.log"


def test_an_unwritable_log_is_no_second_error(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))  # a file where the folder should be
    assert errorlog.log_error("import", ValueError("x")) is None
    assert errorlog.with_log("failed", None) == "failed"


def test_the_log_is_kept_small(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(errorlog, "MAX_BYTES", 100)
    for _ in range(5):
        path = errorlog.log_error("export", message="x" * 60)
    assert Path(str(path) + ".1").exists() and path.stat().st_size < 200
