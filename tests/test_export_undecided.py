"""Issue 11, defect 4: a row left undecided in a reviewed document is never exported as reviewed."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "ui"))

import ui_fixtures  # noqa: E402
from desktop import export  # noqa: E402


def test_a_suggested_row_in_a_reviewed_document_has_no_reviewer(tmp_path):
    store = ui_fixtures.build(tmp_path / "x.sqlite", reviewer="ana")
    try:
        first = store.metrics(1)[0]["id"]
        store.confirm("metric", first)
        store.set_document_status(1, "reviewed")
        rows = list(export.rows(store))
        assert len(rows) == 4
        decided = [r for r in rows if r["status"] == "confirmed"]
        undecided = [r for r in rows if r["status"] == "suggested"]
        assert len(decided) == 1 and decided[0]["reviewer"] == "ana" and decided[0]["reviewed_at"]
        assert len(undecided) == 3
        assert all(not r["reviewer"] and not r["reviewed_at"] for r in undecided)
    finally:
        store.close()
