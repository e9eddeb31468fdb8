"""`blotter import` on a terminal shows progress (files, rate, failures so far); piped, it does not."""

import os
import pty
import select
import subprocess
import sys

from desktop.cli import main
from desktop.progress_line import ProgressLine


def _folder(tmp_path, good=3, bad=2):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(good):
        (folder / f"r{i}.txt").write_text(f"Police made {i + 10} arrests in town {i}.", encoding="utf-8")
    for i in range(bad):
        (folder / f"bad{i}.txt").write_bytes(b"")
    return folder


def _run_on_a_terminal(args, timeout=60):
    """Run ``python -m desktop ARGS`` with standard output and error on a pseudo-terminal; all it wrote."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "desktop", *args], stdin=slave, stdout=slave, stderr=slave,
                            close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            proc.kill()
            raise AssertionError("no output for a minute: " + b"".join(chunks).decode(errors="replace"))
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal closed: the program ended
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout), b"".join(chunks).decode("utf-8", errors="replace")


def test_progress_appears_on_a_pseudo_terminal(tmp_path):
    folder = _folder(tmp_path)
    code, out = _run_on_a_terminal(["import", str(folder), "--db", str(tmp_path / "b.sqlite"), "-j", "1"])
    assert code == 0, out
    assert "\r\x1b[K" in out  # the line is drawn and cleared
    assert " failed" in out.split("imported 3")[0] and "file" in out
    assert "imported 3, duplicates 0, failed 2" in out  # the summary line is kept
    assert out.count("failed: ") == 2


def test_no_progress_when_piped_and_failures_go_to_standard_error(tmp_path, capsys):
    folder = _folder(tmp_path)
    assert main(["import", str(folder), "--db", str(tmp_path / "b.sqlite"), "-j", "1"]) == 0
    out, err = capsys.readouterr()
    assert "\r" not in out + err and "a second" not in out + err
    assert out.strip() == "imported 3, duplicates 0, failed 2"
    assert [line.split(":")[0] for line in err.splitlines()] == ["failed", "failed"]


class _Tty:
    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_the_line_names_files_rate_and_failures_and_is_throttled():
    now = [0.0]
    stream = _Tty()
    line = ProgressLine(stream, clock=lambda: now[0])
    now[0] = 2.0
    line(1000, "a.txt", 3)
    line(1001, "b.txt", 3)  # within a tenth of a second: not redrawn
    assert stream.text == "\r\x1b[K1,000 files, 500 a second, 3 failed"
    line.clear()
    assert stream.text.endswith("\r\x1b[K")


def test_extract_exits_non_zero_when_every_file_failed(tmp_path, capsys):
    folder = _folder(tmp_path, good=0, bad=2)
    assert main(["extract", str(folder)]) == 1
    assert "all 2 files failed" in capsys.readouterr().err


def test_python_m_desktop_and_help_texts():
    out = subprocess.run([sys.executable, "-m", "desktop", "import", "--help"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0 and "progress line" in out.stdout and "FILE" in out.stdout
    assert "SUB_DB" not in out.stdout
