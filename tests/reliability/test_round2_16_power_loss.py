"""Issue 12, item 16: reviewer edits are committed with ``synchronous = FULL`` (the commit waits for
the disk, so a power cut cannot take back an edit the window called saved); bulk imports run
with ``NORMAL`` (a re-import repairs a loss), and the connection is back to FULL afterwards."""

from __future__ import annotations

import desktop.store.importing as importing
from desktop.store import Store
from tests.conftest import make_document, make_extraction
from tests.reliability.conftest import seed_file_store

FULL, NORMAL = 2, 1


def _sync(store) -> int:
    return store.db.execute("PRAGMA synchronous").fetchone()[0]


def test_reviewer_edits_full_sync_bulk_import_normal(tmp_path, monkeypatch):
    path = tmp_path / "s.sqlite"
    (doc_id,), mids = seed_file_store(path)
    store = Store.open(path, "ann")
    seen = {}
    real_update = store.db["metrics"].update.__func__

    def spy_update(table, *args, **kwargs):
        seen.setdefault("edit", _sync(store))
        return real_update(table, *args, **kwargs)
    monkeypatch.setattr(type(store.db["metrics"]), "update", spy_update)
    store.update_metric(mids[0], value=77)
    monkeypatch.undo()
    assert seen["edit"] == FULL

    real_bulk = importing.bulk_import

    def spy_bulk(db, pairs, reviewer):
        seen["import"] = db.execute("PRAGMA synchronous").fetchone()[0]
        return real_bulk(db, pairs, reviewer)
    monkeypatch.setattr("desktop.store.bulk_import", spy_bulk)
    doc = make_document("Police made 5 arrests.", name="n.txt")
    store.import_batch([(doc, make_extraction(doc))])
    assert seen["import"] == NORMAL
    assert _sync(store) == FULL  # back for the next reviewer edit
    store.close()
