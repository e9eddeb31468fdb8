"""The per-status document counts (migration 0007) stay equal to counting the documents after every
kind of write: import, status change, a reviewer's edit, delete, recover; an existing database gets
them filled by the migration. The table itself is compared, not only ``status_counts()``, whose
fallback (a scan when the counts disagree with ``count(*)``) would hide a trigger that missed."""

from __future__ import annotations

import sqlite3

from tests.conftest import make_document, make_extraction
from desktop.domain import Metric
from desktop.store import Store
from desktop.store.connection import connect
from desktop.store.integrity import recover
from desktop.store.migrations import migrate

STATUSES = ("new", "in_review", "reviewed", "skipped")


def truth(db) -> dict[str, int]:
    counts = {s: 0 for s in STATUSES}
    counts.update(db.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
    return counts


def kept(db) -> dict[str, int]:
    counts = {s: 0 for s in STATUSES}
    counts.update(db.execute("SELECT status, n FROM document_status_counts").fetchall())
    return counts


def assert_in_step(store: Store) -> None:
    assert kept(store.db) == truth(store.db)
    assert store.status_counts() == truth(store.db)


def imported(store: Store, n: int, start: int = 0) -> list[int]:
    docs = [make_document(f"Police made {i} arrests in town {i}.", name=f"d{i}.txt") for i in range(start, start + n)]
    ids, _ = store.import_batch([(d, make_extraction(d, metrics=[Metric(category="arrests", value=1)]))
                                 for d in docs])
    return ids


def test_an_existing_database_gets_its_counts_from_the_migration(tmp_path):
    path = tmp_path / "v6.sqlite"
    db = connect(path)
    migrate(db, target=6)
    for i, status in enumerate(["new", "new", "reviewed", "skipped", "in_review", "reviewed", "reviewed"]):
        db["documents"].insert({"id": i + 1, "sha256": f"{i:064x}", "name": f"{i}.txt", "body": f"body {i}",
                                "status": status, "imported_at": "2024-01-01T00:00:00+00:00"})
    db.close()
    store = Store.open(path)
    try:
        assert kept(store.db) == {"new": 2, "in_review": 1, "reviewed": 3, "skipped": 1}
        assert_in_step(store)
    finally:
        store.close()


def test_every_write_through_the_store_keeps_the_counts(store):
    assert_in_step(store)  # empty
    ids = imported(store, 6)
    assert kept(store.db)["new"] == 6
    assert_in_step(store)
    imported(store, 3, start=3)  # three duplicates and nothing else: no change
    assert kept(store.db)["new"] == 6
    for doc_id, status in zip(ids, ("reviewed", "skipped", "in_review", "reviewed", "new")):
        store.set_document_status(doc_id, status)
        assert_in_step(store)
    store.set_document_status(ids[0], "reviewed")  # the same status again changes nothing
    assert_in_step(store)
    metric = store.metrics(ids[5])[0]
    store.update_metric(metric["id"], value=2)  # a reviewer's edit puts a new document in review
    assert store.document(ids[5])["status"] == "in_review"
    assert_in_step(store)
    store.update_document(ids[1], "title", "A title")  # an edit takes a skipped document back into review
    assert kept(store.db) == {"new": 1, "in_review": 3, "reviewed": 2, "skipped": 0}
    assert_in_step(store)
    store.update_document(ids[1], "title", "Another title")  # other fields leave the counts alone
    assert kept(store.db) == {"new": 1, "in_review": 3, "reviewed": 2, "skipped": 0}
    expect = {"status": "in_review"}
    store.restore_document(ids[1], expect, {"status": "skipped"})  # what an undo writes
    assert kept(store.db) == {"new": 1, "in_review": 2, "reviewed": 2, "skipped": 1}
    assert_in_step(store)


def test_writes_by_another_tool_keep_the_counts(tmp_path):
    path = tmp_path / "db.sqlite"
    store = Store.open(path)
    ids = imported(store, 4)
    store.close()
    other = sqlite3.connect(path)  # the documents are written outside Blotter
    with other:
        other.execute("UPDATE documents SET status = 'reviewed' WHERE id IN (?, ?)", ids[:2])
        other.execute("DELETE FROM documents WHERE id = ?", [ids[3]])
    other.close()
    store = Store.open(path)
    try:
        assert kept(store.db) == {"new": 1, "in_review": 0, "reviewed": 2, "skipped": 0}
        assert_in_step(store)
    finally:
        store.close()


def test_a_replace_that_bypasses_the_delete_trigger_still_gives_true_counts(tmp_path):
    path = tmp_path / "db.sqlite"
    store = Store.open(path)
    ids = imported(store, 3)
    row = next(store.db.query("SELECT * FROM documents WHERE id = ?", [ids[0]]))
    store.close()
    # A plain sqlite3 connection (no recursive triggers, unlike sqlite-utils' and so Blotter's): INSERT OR
    # REPLACE deletes the old row without firing the delete trigger
    other = sqlite3.connect(path)
    with other:
        other.execute(f"INSERT OR REPLACE INTO documents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                      [v if k != "status" else "reviewed" for k, v in row.items()])
    other.close()
    store = Store.open(path)
    try:
        assert kept(store.db) != truth(store.db)  # the table missed it, the counts still come out right
        assert store.status_counts() == truth(store.db) == {"new": 2, "in_review": 0, "reviewed": 1, "skipped": 0}
    finally:
        store.close()


def test_recover_counts_the_documents_it_copies(tmp_path):
    path = tmp_path / "db.sqlite"
    store = Store.open(path)
    ids = imported(store, 5)
    store.set_document_status(ids[0], "reviewed")
    store.set_document_status(ids[1], "skipped")
    store.close()
    out = tmp_path / "recovered.sqlite"
    recover(path, out)
    again = Store.open(out)
    try:
        assert kept(again.db) == {"new": 3, "in_review": 0, "reviewed": 1, "skipped": 1}
        assert_in_step(again)
    finally:
        again.close()
