"""Issue 15: a bulk import fills the full-text index with one statement a batch (migration 0006).

The index must hold exactly what the per-row trigger would have put there, the hold on the trigger
never outlives the import's transaction, and a document added any other way is still indexed.
"""

from __future__ import annotations

import pytest

from desktop.store import Store, StoreError
from desktop.store import importing
from tests.conftest import make_document, make_extraction


def _hits(store: Store, words: str) -> list[int]:
    return [r[0] for r in store.db.execute(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid", [words])]


def _integrity(store: Store) -> None:
    store.db.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")


def test_batches_are_indexed_and_the_hold_is_gone(tmp_path):
    store = Store.open(tmp_path / "b.sqlite", reviewer="ana")
    first = [make_document(f"Officers seized {i} knives in Leeds.", name=f"a{i}.txt", title="Knife arch")
             for i in range(3)]
    second = [make_document(f"A quiet week: {i} arrests in Zürich.", name=f"b{i}.txt", title=None)
              for i in range(2)]
    ids1, _ = store.import_batch([(d, make_extraction(d)) for d in first])
    ids2, _ = store.import_batch([(d, make_extraction(d)) for d in second])
    assert _hits(store, "knives") == ids1
    assert _hits(store, "zurich") == ids2  # the same tokenizer as the trigger's (diacritics removed)
    assert _hits(store, '"knife arch"') == ids1  # titles too
    assert store.db.execute("SELECT count(*) FROM fts_deferred").fetchone()[0] == 0
    _integrity(store)
    # a document inserted outside a bulk import goes through the trigger
    store.db.execute("INSERT INTO documents (id, sha256, name, body, status, imported_at) "
                     "VALUES (99, 'x', 'z.txt', 'seventeen balaclavas', 'new', '2026-12-01')")
    assert _hits(store, "balaclavas") == [99]
    _integrity(store)
    store.close()


def test_a_failed_batch_leaves_no_hold_and_no_index_rows(tmp_path, monkeypatch):
    store = Store.open(tmp_path / "f.sqlite", reviewer="ana")
    doc = make_document("Officers seized 4 knives.", name="a.txt")

    def broken(db, pairs, stamp):
        raise OSError("disk went away")
    monkeypatch.setattr(importing.suggestions, "add_runs", broken)
    with pytest.raises((OSError, StoreError)):
        store.import_batch([(doc, make_extraction(doc))])
    assert store.db.execute("SELECT count(*) FROM fts_deferred").fetchone()[0] == 0
    assert store.count() == 0 and _hits(store, "knives") == []
    monkeypatch.undo()
    ids, _ = store.import_batch([(doc, make_extraction(doc))])
    assert _hits(store, "knives") == ids
    _integrity(store)
    store.close()
