"""Issue 12, item 3: a folder 1,000 levels deep does not stop ``import`` or ``extract``; the depth
problem is reported for that branch only, and everything else is imported."""

from __future__ import annotations

import json
import os

from desktop.cli import main

GOOD = "Police made 12 arrests during Operation Good on Jan 05, 2021.\n"


def _deep(root, levels: int):
    """``root/d/d/.../d`` ``levels`` deep, made one level at a time (no recursion, short paths)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd), "w") as fh:
            fh.write("Police made 7 arrests at the bottom.\n")
    finally:
        try:
            os.close(fd)
        except OSError:
            pass


def _remove_deep(root) -> None:
    """Remove the chain again, bottom up and without recursion: pytest's own clean-up of old
    temporary folders (``shutil.rmtree``, recursive on Python 3.11) would hit RecursionError."""
    path, depth = str(root), 0
    while os.path.isdir(os.path.join(path, "d")):
        path, depth = os.path.join(path, "d"), depth + 1
    for _ in range(depth + 1):
        for name in os.listdir(path):
            os.unlink(os.path.join(path, name))
        os.rmdir(path)
        path = os.path.dirname(path)


def test_thousand_levels_deep_import_reports_the_branch_and_imports_the_rest(tmp_path, capsys):
    src = tmp_path / "in"
    (src / "deep").mkdir(parents=True)
    (src / "top.txt").write_text(GOOD, encoding="utf-8")
    (src / "a" / "b").mkdir(parents=True)
    (src / "a" / "b" / "mid.txt").write_text("Officers seized 4 knives.\n", encoding="utf-8")
    try:
        _deep(src / "deep", 1000)
        _check_import_and_extract(tmp_path, src, capsys)
    finally:
        _remove_deep(src / "deep")


def _check_import_and_extract(tmp_path, src, capsys):
    code = main(["import", str(src), "--db", str(tmp_path / "b.sqlite")])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "imported 2," in out
    deep_lines = [line for line in err.splitlines() if "levels deep" in line]  # failures: standard error
    assert len(deep_lines) == 1 and deep_lines[0].startswith("failed: "), err
    assert "RecursionError" not in out + err
    assert main(["extract", str(src)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["document"] for r in records if "error" not in r) == ["mid.txt", "top.txt"]
    assert sum("levels deep" in r.get("error", "") for r in records) == 1
