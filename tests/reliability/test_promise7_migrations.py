"""Promise 7, migrations keep data: a database built by the oldest schema with reviewed rows and
audit entries is opened by the current code and every row survives; a database from a newer
version (or another program) is refused, unchanged; a migration that fails changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.store import Store, StoreError, migrations
from desktop.store.connection import connect
from desktop.store.migrations import available, latest_version, schema_version

V1_TABLES = ("documents", "extraction_runs", "suggested_operations", "suggested_metrics", "operations",
             "metrics", "audit_log")


def _oldest(path: Path) -> dict:
    """A database written with only the first migration, with reviewed rows and audit entries."""
    first = available()[0][1]
    db = sqlite3.connect(path)
    db.executescript(first.read_text(encoding="utf-8"))
    db.execute(f"PRAGMA user_version = {available()[0][0]}")
    for d in range(1, 4):
        body = f"Release {d}: police made {d * 10} arrests in Zürich — “quoted” 警察."
        db.execute("INSERT INTO documents (id, sha256, name, title, published, body, front_matter, encoding, status,"
                   " reviewer, reviewed_at, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                   [d, hashlib.sha256(body.encode()).hexdigest(), f"r{d}.txt", f"Title {d}", "2021-01-0%d" % d,
                    body, '{"a": 1}', "utf-8", ("reviewed", "in_review", "new")[d - 1], "ann",
                    "2024-01-01T00:00:00+00:00", "2023-12-31T00:00:00+00:00"])
        db.execute("INSERT INTO extraction_runs VALUES (?, ?, 'v0.1', '2023', NULL)", [d, d])
        db.execute("INSERT INTO suggested_operations VALUES (?, ?, 'Operation Old', '2021-01-01', NULL, '1 week')",
                   [d, d])
        db.execute("INSERT INTO operations VALUES (?, ?, ?, 'extractor', 'corrected', 0, 'Operation Older',"
                   " '2021-01-01', '2021-01-07', '1 week', '2024', 'ann')", [d, d, d])
        for i, (status, value) in enumerate([("confirmed", 10), ("corrected", 12.5), ("rejected", 3),
                                             ("added", -4), ("suggested", None)]):
            mid = d * 10 + i
            db.execute("INSERT INTO suggested_metrics VALUES (?, ?, 'arrests', ?, 'exact', 'count', 'people',"
                       " 'Operation Old', 5, 10, '10 arrests', 'rule.x')", [mid, d, value])
            db.execute("INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?, 'arrests', ?, 'about', 'count', 'people',"
                       " 'Operation Older', 5, 10, '10 arrests', 'rule.x', '2024', 'ann')",
                       [mid, d, None if status == "added" else mid, "reviewer" if status == "added" else "extractor",
                        status, i, value])
            db.execute("INSERT INTO audit_log (at, reviewer, document_id, entity, entity_id, action, field, old, new)"
                       " VALUES ('2024', 'ann', ?, 'metric', ?, 'update', 'value', '1', ?)", [d, mid, str(value)])
    db.commit()
    dump = {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in V1_TABLES}
    db.close()
    return dump


def test_promise7_migrations_keep_every_row_of_the_oldest_schema(tmp_path):
    path = tmp_path / "old.sqlite"
    before = _oldest(path)
    store = Store.open(path, reviewer="bob")
    assert schema_version(store.db) == latest_version()
    for table, rows in before.items():
        columns = [c[1] for c in store.db.execute(f"PRAGMA table_info({table})").fetchall()]
        old_columns = ", ".join(f'"{c}"' for c in columns[:len(rows[0])])
        now = store.db.execute(f"SELECT {old_columns} FROM {table} ORDER BY id").fetchall()
        assert now == rows, table
    # the migrated data works with the current code: search, edits, history
    assert store.count(search="Zürich") == 3
    m = store.metrics(1)[1]
    assert (m["value"], m["status"]) == (12.5, "corrected")
    store.update_metric(m["id"], value=13)
    history = store.history(1)
    # issue 11: a reviewed document whose figures change goes back in review, and that is audited too
    assert [h["new"] for h in history[:2]] == ["in_review", "13"] and len(history) == 7
    store.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_promise7_migrations_failing_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    before = _oldest(path)
    raw = path.read_bytes()
    nxt = latest_version() + 1
    bad = tmp_path / f"{nxt:04d}_broken.sql"
    bad.write_text("ALTER TABLE documents ADD COLUMN half INTEGER;\nUPDATE documents SET half = 1;\n"
                   "THIS IS NOT SQL;\n", encoding="utf-8")
    real = migrations.available
    monkeypatch.setattr(migrations, "available", lambda folder=None: real(folder) + [(nxt, bad)])
    with pytest.raises(StoreError):
        Store.open(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half" not in [c[1] for c in db.execute("PRAGMA table_info(documents)")]
    assert "flagged" not in [c[1] for c in db.execute("PRAGMA table_info(documents)")]
    assert {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in V1_TABLES} == before
    db.close()
    monkeypatch.setattr(migrations, "available", real)
    Store.open(path).close()  # and once the broken step is gone it migrates normally
    assert raw  # the file existed before


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_promise7_migrations_newer_database_refused_unchanged(tmp_path, journal):
    path = tmp_path / "newer.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO documents VALUES (1, 'from the future')")
    db.execute(f"PRAGMA user_version = {latest_version() + 7}")
    db.commit()
    db.close()
    before, files = path.read_bytes(), sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError, match="newer Blotter"):
        Store.open(path)
    assert path.read_bytes() == before, "the newer database was modified"
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_promise7_migrations_foreign_sqlite_file_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.execute("INSERT INTO contacts VALUES ('ann')")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a Blotter"):
        Store.open(path)
    assert path.read_bytes() == before
    assert connect  # the module's opener is the one Store.open uses
