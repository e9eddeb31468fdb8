"""Issue 14, section 3: a database other tools can read.

The full-text index is declared as sqlite-utils' ``enable_fts`` declares it (so ``sqlite-utils search``
and Datasette find it), phrase search works, and the view ``curated_metrics`` holds what the export writes.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
import sqlite_utils

from desktop import export
from desktop.domain import Metric, Operation
from desktop.store import Store
from desktop.store.connection import connect
from desktop.store.migrations import migrate
from tests.conftest import make_document, make_extraction


def sqlite_utils_cli(*args: str) -> subprocess.CompletedProcess:
    """The ``sqlite-utils`` command installed with the package (run through this Python)."""
    return subprocess.run([sys.executable, "-m", "sqlite_utils", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "fresh.sqlite"
    store = Store.open(path, reviewer="ana")
    docs = [make_document("Officers said 14 knives were seized in Leeds.", name="a.txt", title="Knife arch"),
            make_document("Were they knives? 3 were seized.", name="b.txt", title=None),
            make_document("A quiet week: 2 arrests.", name="c.txt", title="Zürich weekly")]
    store.import_batch([(d, make_extraction(d)) for d in docs])
    yield path, store
    store.close()


def test_sqlite_utils_search_works_on_a_fresh_database(fresh):
    path, store = fresh
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    found = sqlite_utils_cli("search", str(path), "documents", "knives", "-c", "name")
    assert found.returncode == 0, found.stderr
    assert sorted(r["name"] for r in json.loads(found.stdout)) == ["a.txt", "b.txt"]
    phrase = sqlite_utils_cli("search", str(path), "documents", '"knives were"', "-c", "name")
    assert phrase.returncode == 0, phrase.stderr
    assert [r["name"] for r in json.loads(phrase.stdout)] == ["a.txt"]


def test_sqlite_utils_finds_the_index_and_it_follows_edits(fresh):
    _, store = fresh
    db = sqlite_utils.Database(store.db.conn)
    assert db["documents"].detect_fts() == "documents_fts"
    assert [r["name"] for r in db["documents"].search("zurich")] == ["c.txt"]  # diacritics folded
    store.update_document(3, "title", "Leeds weekly")
    assert list(db["documents"].search("zurich")) == []
    assert [r["name"] for r in db["documents"].search("leeds", order_by="name")] == ["a.txt", "c.txt"]


def test_the_window_search_keeps_working_and_finds_phrases(fresh):
    _, store = fresh
    assert store.count(search="knives") == 2
    assert store.count(search="kni") == 2  # prefix as the user types
    assert store.count(search='"knives were"') == 1  # the words together, in that order
    assert [r["name"] for r in store.page(search='"knives were" sei')] == ["a.txt"]
    assert store.count(search='"were knives"') == 0
    assert store.count(search='"; DROP TABLE documents; --') == 0


def test_a_version_4_database_is_reindexed_keeping_search(tmp_path):
    path = tmp_path / "v4.sqlite"
    db = connect(path)
    migrate(db, target=4)
    for i, (title, body) in enumerate([(None, "knives were seized"), ("Drugs", "were knives found")], 1):
        db["documents"].insert({"id": i, "sha256": hashlib.sha256(body.encode()).hexdigest(), "name": f"{i}.txt",
                                "title": title, "body": body, "imported_at": "2024-01-01T00:00:00+00:00"})
    db.close()
    store = Store.open(path)
    try:
        assert store.count(search="knives") == 2
        assert store.count(search='"knives were"') == 1
        assert store.count(search="drugs") == 1
        assert sqlite_utils.Database(store.db.conn)["documents"].detect_fts() == "documents_fts"
    finally:
        store.close()


def test_curated_metrics_holds_what_the_export_writes(store):
    body = "Operation Test: 12 arrests, £3,000 and 4 knives."
    doc = make_document(body, title="Week of action", published="2024-02-02")
    ext = make_extraction(doc, operations=[Operation("Operation Test", "2024-01-01", "2024-01-31")], metrics=[
        Metric("arrests", 12, subject="arrests", operation="Operation Test", text="12 arrests", rule="r.arrests"),
        Metric("cash_seized", 3000, unit="GBP", text="£3,000", rule="r.cash"),
        Metric("knives_seized", 4, text="4 knives", rule="r.knives")])
    other = make_document("Not reviewed: 5 arrests.", name="other.txt")
    [doc_id, other_id], _ = store.import_batch([(doc, ext), (other, make_extraction(other, metrics=[
        Metric("arrests", 5)]))])
    arrests, cash, knives = store.metrics(doc_id)
    store.update_metric(arrests["id"], value=13)
    store.reject("metric", knives["id"])
    store.add_row("metric", doc_id, category="other", value=1.5)
    store.set_document_status(doc_id, "reviewed")
    view = [list(r) for r in store.db.execute("SELECT * FROM curated_metrics")]
    cols = [c[0] for c in store.db.execute("SELECT * FROM curated_metrics").description]
    assert cols == list(export.COLUMNS)
    assert view == list(export.records(store))
    assert len(view) == 3  # the rejected figure and the document not reviewed stay out
    row = dict(zip(cols, view[0]))
    assert (row["status"], row["value"], row["original_value"], row["rule_id"]) == ("corrected", 13, 12, "r.arrests")


def test_datasette_inspect_and_search_on_a_fresh_database(fresh):
    """Datasette (the `tools` extra: pip install -e '.[tools]') sees the index and its ?_search= filters."""
    pytest.importorskip("datasette")
    import asyncio

    from datasette.app import Datasette
    path, store = fresh
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    inspect = subprocess.run([sys.executable, "-m", "datasette", "inspect", str(path)], capture_output=True,
                             text=True, timeout=120)
    assert inspect.returncode == 0, inspect.stderr
    tables = json.loads(inspect.stdout)["fresh"]["tables"]
    assert tables["documents"]["count"] == 3 and tables["documents_fts"]["count"] == 3

    async def search(words: str) -> list:
        ds = Datasette(files=[str(path)], immutables=[])
        response = await ds.client.get(f"/fresh/documents.json?_search={words}&_shape=array&_col=name")
        assert response.status_code == 200, response.text
        return sorted(row["name"] for row in response.json())

    assert asyncio.run(search("knives")) == ["a.txt", "b.txt"]  # not every row: the index is found
    assert asyncio.run(search("%22knives+were%22")) == ["a.txt"]
