"""Issue 12, item 14: one rule for every text field from every door: no control characters,
at most 2,000 characters, dates without trailing junk; a typed value breaking the length rule is
refused, an imported one is cut with a note."""

from __future__ import annotations

import pytest

from desktop.export import export
from desktop.ingest import import_paths
from desktop.store import Store


def test_typed_date_with_trailing_junk_refused(seeded):
    with pytest.raises(ValueError, match="not a date"):
        seeded.update_document(seeded.doc_id, "published", "2021-01-05junk")
    op = seeded.operations(seeded.doc_id)[0]
    with pytest.raises(ValueError):
        seeded.update_operation(op["id"], start="2021-01-0512")
    assert seeded.update_operation(op["id"], start="2021-01-02T10:00:00Z")["start"] == "2021-01-02"


def test_typed_control_characters_never_stored_or_exported(tmp_path):
    store = Store.open(tmp_path / "b.sqlite", "ann")
    from tests.conftest import make_document, make_extraction
    doc = make_document("Police made 12 arrests.")
    [doc_id], _ = store.import_batch([(doc, make_extraction(doc))])
    row_id = store.add_row("metric", doc_id, category="arrests", value=12, subject="ar\x00rests\x1b[31m")
    store.update_document(doc_id, "publisher", "Kent\x1b]0;pwned\x07 Police")
    assert store.row("metric", row_id)["subject"] == "arrests[31m"
    assert store.document(doc_id)["publisher"] == "Kent]0;pwned Police"
    export(store, tmp_path / "out.csv", include_all=True)
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "\x00" not in text and "\x1b" not in text and "\x07" not in text
    store.close()


def test_imported_fields_follow_the_same_rule(store, tmp_path):
    path = tmp_path / "long.md"
    title = "T" * 1_000_000
    path.write_text(f"---\ntitle: {title}\npublisher: \"Kent\\x00\\x1b Police\"\n---\nPolice made 3 arrests.\n",
                    encoding="utf-8")
    report = import_paths(store, [path])
    [doc_id] = report.imported
    doc = store.document(doc_id)
    assert len(doc["title"]) == 2000
    assert doc["publisher"] == "Kent Police"
    assert any("cut to 2,000" in what for _, what in report.notes), report.notes
    # the same title typed by a reviewer is refused: one rule, two doors
    with pytest.raises(ValueError, match="at most 2,000"):
        store.update_document(doc_id, "title", title[:2001])


def test_control_characters_in_a_release_body_never_reach_rows_or_export(store, tmp_path):
    path = tmp_path / "esc.txt"
    path.write_bytes(b"Operation \x1b[31mRed\x1b[0m: police made 12 arr\x07ests and seized 3 kni\x1bves.\n")
    report = import_paths(store, [path])
    [doc_id] = report.imported
    assert "\x1b" not in store.document(doc_id)["body"]
    assert any("control characters" in what for _, what in report.notes)
    for kind in ("metric", "operation"):
        for row in (store.metrics(doc_id) if kind == "metric" else store.operations(doc_id)):
            assert not any(isinstance(v, str) and ("\x1b" in v or "\x07" in v) for v in row.values())
    out = tmp_path / "out.csv"
    export(store, out, include_all=True)
    assert "\x1b" not in out.read_text(encoding="utf-8")
