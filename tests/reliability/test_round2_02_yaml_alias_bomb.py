"""Issue 12, item 2: front matter that expands far beyond its text (YAML aliases) is refused,
naming the file; the rest of the batch is imported; no memory is spent on the expansion."""

from __future__ import annotations

import tracemalloc

import pytest

from desktop.ingest import import_paths, safe_extract
from tests.conftest import make_document

GOOD = "Police made 12 arrests during Operation Good on Jan 05, 2021.\n"


def _bomb(levels: int) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnop"
    for i in range(1, levels):
        prev, cur = names[i - 1], names[i]
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\ntitle: boom\n---\nPolice made 3 arrests.\n"


# 7 levels: 54 aliases, over the alias budget (39 MB expanded before the fix); 5 levels: 36 aliases,
# within it, but 59,049 strings expanded from a 200-byte text. (Nine levels, which ran out of memory
# before the fix, are left out so that running this file against old code cannot exhaust the machine.)
@pytest.mark.parametrize("levels", [7, 5])
def test_yaml_alias_bomb_refused_naming_the_file_batch_goes_on(store, tmp_path, levels):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    bomb = folder / "bomb.md"
    bomb.write_text(_bomb(levels), encoding="utf-8")
    assert len(bomb.read_bytes()) < 700
    safe_extract(make_document("Police made 1 arrest."))  # rules compiled before tracing: only the import counts
    tracemalloc.start()
    try:
        report = import_paths(store, [folder])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    failed = [line for line in report.lines() if str(bomb) in line]
    assert len(failed) == 1 and failed[0].startswith("failed: ") and ("alias" in failed[0] or "expands" in failed[0]), \
        report.lines()
    assert [r["name"] for r in store.page()] == ["good.txt"]


def test_yaml_expansion_out_of_proportion_refused_even_with_few_aliases(store, tmp_path):
    big = "x" * 40_000
    text = f"---\nbase: &b \"{big}\"\nmore: [*b, *b, *b, *b]\n---\nPolice made 3 arrests.\n"
    path = tmp_path / "wide.md"
    path.write_text(text, encoding="utf-8")
    report = import_paths(store, [path])
    assert report.failed and "expands" in report.failed[0][1]
    assert store.count() == 0


def test_yaml_ordinary_aliases_and_self_reference(store, tmp_path):
    ok = tmp_path / "ok.md"
    ok.write_text("---\nforce: &f Kent Police\npublisher: *f\n---\nPolice made 3 arrests.\n", encoding="utf-8")
    loop = tmp_path / "loop.md"
    loop.write_text("---\na: &a [1, *a]\n---\nPolice made 4 arrests.\n", encoding="utf-8")
    report = import_paths(store, [ok, loop])
    assert len(report.imported) == 1 and store.document(report.imported[0])["publisher"] == "Kent Police"
    assert [p for p, _ in report.failed] == [str(loop)]
