"""Issue 12, item 11: names are printed escaped. A newline in a file name cannot forge a summary
line, and terminal escape sequences or bidi overrides in names never reach the terminal raw."""

from __future__ import annotations

from desktop.cli import main


def test_newline_and_escapes_in_file_names_are_printed_escaped(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    forged = folder / "x\nimported 999, duplicates 0, failed 0\n.txt"
    forged.write_bytes(b"")  # empty: reported as failed, with its name
    (folder / "\x1b]0;pwned\x07\x1b[2Jred\u202etxt.md").write_bytes(b"\x00\x01binary")
    (folder / "ok.txt").write_text("Police made 3 arrests.\n", encoding="utf-8")
    code = main(["import", str(folder), "--db", str(tmp_path / "b.sqlite")])
    out, err = capsys.readouterr()
    assert code == 0
    assert "\x1b" not in out + err and "\x07" not in out + err and "\u202e" not in out + err
    summaries = [line for line in out.splitlines() if line.startswith("imported ")]
    assert summaries == ["imported 1, duplicates 0, failed 2"], out
    assert "x\\nimported 999" in err and "\\x1b]0;pwned\\x07" in err and "\\u202e" in err  # failures: standard error


def test_escape_in_a_database_name_is_printed_escaped(tmp_path, capsys):
    bad = tmp_path / "db\x1b[31m.sqlite"
    bad.write_bytes(b"not sqlite at all, but long enough to be read")
    assert main(["export", str(tmp_path / "o.csv"), "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[31m" in err
