"""Issue 12, item 9: every change to a reviewed table has its audit entry. A renamed operation
logs the metrics it renames; a document moving from new to in_review is logged; a re-extraction
logs the undecided rows it swaps; a deleted row's id is never given to another row. The test rebuilds the final state of every row from the
suggestions and the audit log alone, and compares it with the tables."""

from __future__ import annotations

import json

from desktop.domain import Metric, Operation
from desktop.store import Store
from desktop.store.audit import _text
from desktop.store.review import METRIC_EDITABLE, OPERATION_EDITABLE
from tests.conftest import make_document, make_extraction

TABLES = {"metric": ("metrics", "suggested_metrics", METRIC_EDITABLE),
          "operation": ("operations", "suggested_operations", OPERATION_EDITABLE)}
DOC_FIELDS = ("title", "published", "publisher", "url", "area")


def _seed(store: Store) -> list[int]:
    pairs = []
    for d in range(3):
        body = f"Operation Alpha{d}: police made {d + 10} arrests and seized {d + 3} knives."
        doc = make_document(body, name=f"r{d}.txt", title=f"R{d}")
        pairs.append((doc, make_extraction(doc, operations=[Operation(f"Operation Alpha{d}")], metrics=[
            Metric("arrests", d + 10, operation=f"Operation Alpha{d}", offset=0, length=5, text="a", rule="t"),
            Metric("knives_seized", d + 3, operation=f"Operation Alpha{d}", offset=6, length=5, text="k", rule="t"),
        ])))
    ids, _ = store.import_batch(pairs)
    return ids


def _replay(store: Store) -> tuple[dict, dict]:
    """Rows and documents as the suggestions plus the audit log say they must be."""
    db = store.db
    rows: dict[tuple[str, int], dict] = {}
    # rows an import made start as copies of the document's first run (the import entry names the
    # document, not its rows: their ids are taken from the tables, their values from the suggestions)
    first_run = "(SELECT min(id) FROM extraction_runs r WHERE r.document_id = t.document_id)"
    for kind, (table, suggested, fields) in TABLES.items():
        for r in db.query(f"SELECT t.id, t.document_id, s.* FROM {table} t JOIN {suggested} s ON s.id = "
                          f"t.suggestion_id WHERE t.origin = 'extractor' AND s.run_id = {first_run}"):
            # fields a suggestion has not (a reviewer's note) start empty
            rows[(kind, r["id"])] = {"status": "suggested", **{f: _text(r.get(f)) for f in fields}}
    for e in db.query("SELECT * FROM audit_log WHERE action = 'replace'"):
        for gone in json.loads(e["old"]):  # imported rows a re-extraction removed: gone from the tables
            rows.setdefault((e["entity"], gone), {"status": "suggested"})
    docs = {d["id"]: {"status": "new"} for d in db.query("SELECT id FROM documents")}
    for e in db.query("SELECT * FROM audit_log ORDER BY id"):
        key = (e["entity"], e["entity_id"])
        if e["entity"] == "document":
            if e["action"] in ("status", "update"):
                docs[e["entity_id"]][e["field"]] = e["new"]
            continue
        if e["action"] == "replace":  # a re-extraction swapped the undecided rows for the new run's
            table, suggested, fields = TABLES[e["entity"]]
            for gone in json.loads(e["old"]):
                del rows[(e["entity"], gone)]
            for row_id, suggestion_id in json.loads(e["new"]):
                s = db.execute(f"SELECT * FROM {suggested} WHERE id = ?", [suggestion_id]).fetchone()
                names = [d[0] for d in db.execute(f"SELECT * FROM {suggested} LIMIT 0").description]
                s = dict(zip(names, s))
                rows[(e["entity"], row_id)] = {"status": "suggested", **{f: _text(s.get(f)) for f in fields}}
            continue
        if e["action"] == "add":
            fields = TABLES[e["entity"]][2]
            added = json.loads(e["new"])
            assert key not in rows, f"{key} added twice without a delete: an id was reused"
            rows[key] = {"status": "added", **{f: _text(added.get(f)) for f in fields}}
            if e["entity"] == "metric":
                rows[key].setdefault("category", "other")
        elif e["action"] == "delete":
            del rows[key]
        elif e["action"] in ("update", "status"):
            rows[key][e["field"]] = e["new"]
    return rows, docs


def _actual(store: Store) -> tuple[dict, dict]:
    rows = {}
    for kind, (table, _, fields) in TABLES.items():
        for r in store.db.query(f"SELECT * FROM {table}"):
            rows[(kind, r["id"])] = {"status": r["status"], **{f: _text(r[f]) for f in fields}}
    docs = {}
    for d in store.db.query("SELECT * FROM documents"):
        docs[d["id"]] = {"status": d["status"]}
    return rows, docs


def test_audit_log_rebuilds_every_row(tmp_path):
    store = Store.open(tmp_path / "a.sqlite", "ann")
    d0, d1, d2 = _seed(store)
    m0 = store.metrics(d0)
    store.update_metric(m0[0]["id"], value="1,825")
    store.update_metric(m0[0]["id"], note="check the headline")  # a reviewer's note is audited too
    store.reject("metric", m0[1]["id"])
    store.confirm_all(d1)
    op = store.operations(d0)[0]
    store.update_operation(op["id"], name="Operation Renamed")  # renames two metrics' operation
    added = store.add_row("metric", d2, category="arrests", value=4, subject="people")
    store.delete_row("metric", added)
    again = store.add_row("metric", d2, category="charges", value=2)
    assert again != added  # a deleted row's id is never given to another row
    store.add_row("operation", d2, name="Operation Late")
    store.update_document(d2, "title", "Retitled")
    store.set_document_status(d1, "reviewed")
    store.set_status("metric", m0[1]["id"], "suggested")
    body = store.document(d2)["body"]
    doc = store.document_object(d2)
    store.reextract(d2, make_extraction(doc, operations=[Operation("Operation Beta")], metrics=[
        Metric("arrests", 99, offset=0, length=5, text=body[:5], rule="t2"),
        Metric("charges", 7, offset=6, length=5, text=body[6:11], rule="t2")]))
    store.reextract(d0, make_extraction(store.document_object(d0)))  # nothing suggested any more
    expected_rows, expected_docs = _replay(store)
    actual_rows, actual_docs = _actual(store)
    assert actual_rows == {k: {f: v for f, v in expected_rows[k].items() if f in actual_rows[k]}
                           for k in expected_rows}
    for doc_id, state in actual_docs.items():
        assert expected_docs[doc_id]["status"] == state["status"], doc_id
    assert store.document(d2)["title"] == expected_docs[d2]["title"]
    store.close()


def test_new_to_in_review_and_operation_rename_are_logged(seeded):
    op = seeded.operations(seeded.doc_id)[0]
    seeded.update_operation(op["id"], name="Operation Renamed")
    log = seeded.history(seeded.doc_id)
    assert any(e["entity"] == "document" and e["field"] == "status" and e["old"] == "new"
               and e["new"] == "in_review" for e in log)
    renamed = [e for e in log if e["entity"] == "metric" and e["field"] == "operation"]
    assert sorted(e["entity_id"] for e in renamed) == sorted(m["id"] for m in seeded.metrics(seeded.doc_id))
    assert all(e["old"] == "Operation Test" and e["new"] == "Operation Renamed" for e in renamed)


def test_deleted_newest_row_id_never_reused_even_after_reopening(tmp_path):
    path = tmp_path / "ids.sqlite"
    store = Store.open(path, "ann")
    [doc_id] = _seed(store)[:1]
    first = store.add_row("metric", doc_id, category="arrests", value=1)
    store.delete_row("metric", first)
    store.close()
    store = Store.open(path, "bob")
    second = store.add_row("metric", doc_id, category="arrests", value=2)
    assert second > first
    assert [e["action"] for e in store.history(doc_id) if e["entity_id"] == second and e["entity"] == "metric"] \
        == ["add"]
    store.close()
