"""The blotter command: exit codes, messages naming files, and the import → export round trip."""

import csv
import json
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.paths import seeds_dir
from desktop.store import Store


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_export_round_trips(tmp_path, capsys):
    db = tmp_path / "b.sqlite"
    code, out, _ = run(capsys, "import", seeds_dir(), "--db", db)
    assert code == 0 and "imported 5, duplicates 0, failed 0" in out
    code, out, _ = run(capsys, "import", seeds_dir(), "--db", db)
    assert code == 0 and "duplicates 5" in out
    csv_path = tmp_path / "out.csv"
    code, out, _ = run(capsys, "export", csv_path, "--all", "--db", db)
    assert code == 0
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    store = Store.open(db)
    stored = [m for d in store.all_document_ids() for m in store.metrics(d) if m["status"] != "rejected"]
    assert len(rows) == len(stored)
    assert [float(r["value"]) for r in rows] == [float(m["value"]) for m in stored]
    assert f"exported {len(rows)} metric rows" in out


def test_import_where_every_file_fails_exits_1_naming_each(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "import", tmp_path / "empty.txt", tmp_path / "missing.md", "--db", tmp_path / "b.db")
    assert code == 1
    assert "empty.txt: the file is empty" in err and "missing.md: no such file" in err  # failures: standard error


def test_import_goes_on_past_bad_files(tmp_path, capsys):
    (tmp_path / "bad.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    (tmp_path / "good.txt").write_text("Police made 12 arrests.")
    code, out, err = run(capsys, "import", tmp_path, "--db", tmp_path / "b.db")
    assert code == 0 and "bad.md: this is a PNG image" in err and "imported 1" in out


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["import"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_database_that_is_not_sqlite(tmp_path, capsys):
    db = tmp_path / "x.sqlite"
    db.write_text("hello")
    code, _, err = run(capsys, "import", seeds_dir(), "--db", db)
    assert code == 1 and "x.sqlite: not a Blotter database" in err
    assert db.read_text() == "hello"


def test_extract_prints_json_lines_and_errors_per_file(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, _ = run(capsys, "extract", seeds_dir() / "000_21d9219c638e232c.txt", tmp_path / "empty.txt")
    first, second = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert first["document"] == "000_21d9219c638e232c.txt" and first["published"] == "2021-01-05"
    assert set(first) == {"document", "title", "published", "publisher", "url", "area", "operations", "metrics"}
    assert second == {"document": "empty.txt", "error": "the file is empty"}


def test_default_database_is_named_in_help_and_seeded_on_first_use(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("BLOTTER_DB", raising=False)
    with pytest.raises(SystemExit):
        main(["--help"])
    assert str(tmp_path / "blotter" / "blotter.sqlite") in capsys.readouterr().out.replace("\n", "")
    code, out, _ = run(capsys, "export", tmp_path / "o.csv", "--all")
    assert code == 0
    assert Store.open(tmp_path / "blotter" / "blotter.sqlite").count() == 5


def test_blotter_db_environment_variable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BLOTTER_DB", str(tmp_path / "env.sqlite"))
    run(capsys, "import", seeds_dir())
    assert Store.open(tmp_path / "env.sqlite").count() == 5


def test_console_script_is_installed():
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("blotter ")


def test_eval_warns_when_gold_files_are_skipped(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Operation Test made 5 arrests.\n", encoding="utf-8")
        (gold / f"{name}.gold.yaml").write_text(f"document: {name}\nmetrics:\n  - {{category: arrests, value: 5}}\n",
                                                encoding="utf-8")
    code, out, err = run(capsys, "eval", gold, tmp_path / "a.txt")
    assert code == 0 and "documents scored: 1" in out
    assert "1 gold file(s)" in err and "b.txt" in err and "a.txt" not in err
    code, out, err = run(capsys, "eval", gold, tmp_path / "a.txt", tmp_path / "b.txt")
    assert "skipped" not in err


# Issue 14, section 4: the command line as users expect.

def test_extract_exits_non_zero_when_every_file_failed(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "extract", tmp_path / "empty.txt", tmp_path / "binary.txt")
    assert code == 1
    assert [json.loads(line)["document"] for line in out.splitlines()] == ["empty.txt", "binary.txt"]
    assert "all 2 files failed" in err
    code, _, _ = run(capsys, "extract", tmp_path / "empty.txt", seeds_dir() / "000_21d9219c638e232c.txt")
    assert code == 0  # one file failed, not every one


def test_python_dash_m_desktop_is_the_blotter_command():
    out = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("blotter ")


@pytest.mark.parametrize("command", ["gui", "import", "export", "check", "recover"])
def test_db_shows_as_file_in_each_subcommands_help(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    assert "--db FILE" in text and "SUB_DB" not in text


def test_extract_jobs_gives_the_same_lines_in_the_same_order(tmp_path, capsys, monkeypatch):
    """Issue 15: ``extract --jobs 2`` reads and extracts in two processes, printing what one does."""
    from desktop import ingest
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 2)
    for i in range(9):
        (tmp_path / f"r{i}.txt").write_text(f"Police arrested {i + 4} men and seized {i + 1} knives.\n",
                                            encoding="utf-8")
    (tmp_path / "r4.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    code1, one, _ = run(capsys, "extract", tmp_path, "--jobs", "1")
    code2, two, _ = run(capsys, "extract", tmp_path, "--jobs", "2")
    assert code1 == code2 == 0 and one == two
    lines = [json.loads(line) for line in two.splitlines()]
    assert [r["document"] for r in lines] == [f"r{i}.txt" for i in range(9)] and "error" in lines[4]


@pytest.mark.parametrize("content", [b"", b"hello, not a database" * 10, b"SQLite format 2\x00" + b"\x00" * 200])
def test_check_and_recover_name_a_file_that_is_not_sqlite(tmp_path, capsys, content):
    db = tmp_path / "x.sqlite"
    db.write_bytes(content)
    for command in (["check"], ["recover", str(tmp_path / "new.sqlite")]):
        code, _, err = run(capsys, *command, "--db", db)
        assert code == 1 and "x.sqlite: not a Blotter database (the file is not SQLite)" in err
    assert db.read_bytes() == content and not (tmp_path / "new.sqlite").exists()


def test_reading_a_file_read_only_keeps_this_process_locks_on_it(tmp_path):
    """``blotter check`` / ``recover`` open the file through SQLite only: closing a descriptor of our own on
    it would drop every POSIX lock this process's other connections hold (here a write lock)."""
    import sqlite3

    from desktop.store.integrity import open_read_only

    path = tmp_path / "plain.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")  # a RESERVED lock on the file (rollback journal)
    open_read_only(path).close()
    other = subprocess.run([sys.executable, "-c", (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)\n"
        "try: c.execute('BEGIN IMMEDIATE'); print('got the lock')\n"
        "except sqlite3.OperationalError as e: print(e)"), str(path)], capture_output=True, text=True)
    holder.execute("ROLLBACK")
    assert other.stdout.strip() == "database is locked"
