"""Issue 12, item 13: a front matter date that does not exist keeps the release; the date is left
empty and the import report says why."""

from __future__ import annotations

from desktop.ingest import import_paths


def test_bad_front_matter_date_keeps_the_release_with_a_note(store, tmp_path):
    path = tmp_path / "feb30.md"
    path.write_text("---\ntitle: T\npublished: 2021-02-30\n---\nPolice made 3 arrests on Jan 05, 2021.\n",
                    encoding="utf-8")
    report = import_paths(store, [path])
    assert not report.failed, report.failed
    [doc_id] = report.imported
    assert store.document(doc_id)["published"] is None
    notes = [what for p, what in report.notes if p == str(path)]
    assert any("2021-02-30" in n and "not a real date" in n for n in notes), report.notes


def test_front_matter_date_with_trailing_junk_is_not_cut_down(store, tmp_path):
    path = tmp_path / "junk.md"
    path.write_text("---\npublished: 2021-01-05junk\n---\nPolice made 3 arrests.\n", encoding="utf-8")
    report = import_paths(store, [path])
    [doc_id] = report.imported
    assert store.document(doc_id)["published"] is None
    assert any("2021-01-05junk" in what for _, what in report.notes)
