"""Migrations: a version-1 database keeps every row; a newer one is refused unchanged."""

import hashlib

import pytest

from desktop.store import Store, StoreError
from desktop.store.connection import connect
from desktop.store.migrations import latest_version, migrate, schema_version


def make_v1(path):
    db = connect(path)
    assert migrate(db, target=1) == 1
    db["documents"].insert({"id": 1, "sha256": hashlib.sha256(b"b").hexdigest(), "name": "a.txt", "title": "Old",
                            "body": "Police made 12 arrests", "status": "reviewed", "reviewer": "ann",
                            "reviewed_at": "2024-01-01T00:00:00+00:00", "imported_at": "2024-01-01T00:00:00+00:00"})
    db["extraction_runs"].insert({"id": 1, "document_id": 1, "extractor_version": "v1", "created_at": "2024"})
    db["suggested_metrics"].insert({"id": 1, "run_id": 1, "category": "arrests", "value": 12, "qualifier": "exact",
                                    "unit": "count", "offset": 12, "length": 10, "text": "12 arrests"})
    db["metrics"].insert_all([
        {"id": 1, "document_id": 1, "suggestion_id": 1, "origin": "extractor", "status": "corrected",
         "category": "arrests", "value": 13, "offset": 12, "length": 10, "text": "12 arrests"},
        {"id": 2, "document_id": 1, "origin": "reviewer", "status": "rejected", "category": "other", "value": 1},
    ])
    db["audit_log"].insert({"at": "2024", "reviewer": "ann", "document_id": 1, "entity": "metric", "entity_id": 1,
                            "action": "update", "field": "value", "old": "12", "new": "13"})
    db.close()


def test_v1_database_is_migrated_keeping_every_row(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1(path)
    store = Store.open(path)
    assert schema_version(store.db) == latest_version() >= 2
    assert store.document(1)["title"] == "Old" and store.document(1)["status"] == "reviewed"
    assert [(m["value"], m["status"]) for m in store.metrics(1)] == [(13, "corrected"), (1, "rejected")]
    assert store.history(1)[0]["new"] == "13"
    assert store.page()[0]["metric_count"] == 1  # rejected rows are not counted
    assert store.count(search="arrests") == 1  # the full-text index covers old rows


def test_migration_is_idempotent(tmp_path):
    path = tmp_path / "db.sqlite"
    Store.open(path).close()
    store = Store.open(path)
    assert schema_version(store.db) == latest_version()


def test_newer_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "new.sqlite"
    Store.open(path).close()
    db = connect(path)
    db.execute("PRAGMA user_version = 999")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer Blotter"):
        Store.open(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    db = connect(path)
    db["cats"].insert({"name": "Tom"})
    db.close()
    with pytest.raises(StoreError, match="not a Blotter one"):
        Store.open(path)
