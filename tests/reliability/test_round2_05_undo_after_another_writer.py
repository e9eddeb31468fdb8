"""Issue 12, item 5: undo in one window never overwrites a later edit made in another. The undo
checks that the row still holds what it wrote; if not, it is refused with a message naming the
row, and the later edit stays (as for two writers)."""

from __future__ import annotations

from desktop.store import Store
from desktop.ui.undo_commands import EditDocument, EditRow, Edits, SetRowStatus
from tests.reliability.conftest import seed_file_store


def _two_windows(tmp_path):
    path = tmp_path / "two.sqlite"
    (doc_id,), mids = seed_file_store(path, n_docs=1, n_metrics=3)
    return doc_id, mids, Store.open(path, "ann"), Store.open(path, "bob")


def test_undo_refused_when_another_window_changed_the_row(qapp, tmp_path):
    doc_id, mids, ann, bob = _two_windows(tmp_path)
    edits = Edits(ann)
    failures: list[str] = []
    edits.failed.connect(failures.append)
    assert edits.run(EditRow(edits, "metric", doc_id, mids[0], {"value": "222"}))
    bob.update_metric(mids[0], value=1800)
    bob.confirm("metric", mids[0])
    edits.stack.undo()
    row = bob.row("metric", mids[0])
    assert row["value"] == 1800 and row["status"] == "corrected"  # the later edit wins
    assert failures and f"row {mids[0]}" in failures[-1] and "another window" in failures[-1]
    assert "arrests 1,800" in failures[-1]
    ann.close()
    bob.close()


def test_undo_of_a_status_and_of_a_document_field_also_check(qapp, tmp_path):
    doc_id, mids, ann, bob = _two_windows(tmp_path)
    edits = Edits(ann)
    failures: list[str] = []
    edits.failed.connect(failures.append)
    assert edits.run(SetRowStatus(edits, "metric", doc_id, mids[1], "reject"))
    bob.set_status("metric", mids[1], "confirmed")
    edits.stack.undo()
    assert bob.row("metric", mids[1])["status"] == "confirmed"
    assert edits.run(EditDocument(edits, doc_id, "title", "Ann's title"))
    bob.update_document(doc_id, "title", "Bob's title")
    edits.stack.undo()
    assert bob.document(doc_id)["title"] == "Bob's title"
    assert len(failures) == 2


def test_undo_and_redo_still_work_when_nobody_else_wrote(qapp, tmp_path):
    doc_id, mids, ann, bob = _two_windows(tmp_path)
    edits = Edits(ann)
    before = ann.row("metric", mids[2])
    assert edits.run(EditRow(edits, "metric", doc_id, mids[2], {"value": "1,825"}))
    edits.stack.undo()
    assert ann.row("metric", mids[2])["value"] == before["value"]
    assert ann.row("metric", mids[2])["status"] == before["status"]
    edits.stack.redo()
    assert ann.row("metric", mids[2])["value"] == 1825
    ann.close()
    bob.close()
