"""The store: one in-memory fixture, many tiny tests of the reviewed state and its audit log."""

import pytest

from desktop.domain import Metric
from desktop.store import Store, StoreError
from tests.conftest import make_document, make_extraction


def test_import_seeds_suggested_rows(seeded):
    metrics = seeded.metrics(seeded.doc_id)
    assert [(m["category"], m["value"], m["status"], m["origin"]) for m in metrics] == [
        ("arrests", 12, "suggested", "extractor"), ("knives_seized", 3, "suggested", "extractor")]
    assert seeded.operations(seeded.doc_id)[0]["name"] == "Operation Test"
    assert seeded.page()[0]["metric_count"] == 2


def test_same_body_twice_adds_nothing(seeded):
    doc = make_document("Operation Test: police made 12 arrests and seized 3 knives.")
    added, dupes = seeded.import_batch([(doc, make_extraction(doc))])
    assert added == [] and len(dupes) == 1
    assert seeded.count() == 1


def test_duplicates_inside_one_batch(store):
    a, b = make_document("same"), make_document("same", name="b.txt")
    added, dupes = store.import_batch([(a, make_extraction(a)), (b, make_extraction(b))])
    assert len(added) == 1 and [d.name for d in dupes] == ["b.txt"]


def test_correcting_a_value_marks_corrected_and_audits(seeded):
    m = seeded.metrics(seeded.doc_id)[0]
    row = seeded.update_metric(m["id"], value="1,826")
    assert row["value"] == 1826 and row["status"] == "corrected" and row["updated_by"] == "tester"
    entries = seeded.history(seeded.doc_id)
    value_entry = next(e for e in entries if e["field"] == "value")
    assert {"field": "value", "old": "12", "new": "1826", "reviewer": "tester"}.items() <= value_entry.items()
    assert seeded.document(seeded.doc_id)["status"] == "in_review"


def test_original_suggestion_is_kept(seeded):
    m = seeded.metrics(seeded.doc_id)[0]
    row = seeded.update_metric(m["id"], value=13)
    assert seeded.original("metric", row)["value"] == 12


def test_editing_back_to_the_suggestion_confirms(seeded):
    m = seeded.metrics(seeded.doc_id)[0]
    seeded.update_metric(m["id"], value=13)
    assert seeded.update_metric(m["id"], value=12)["status"] == "confirmed"


def test_confirm_reject_and_exact_status_for_undo(seeded):
    m = seeded.metrics(seeded.doc_id)[0]
    assert seeded.confirm("metric", m["id"]) == "confirmed"
    seeded.reject("metric", m["id"])
    assert seeded.row("metric", m["id"])["status"] == "rejected"
    assert seeded.page()[0]["metric_count"] == 1
    seeded.set_status("metric", m["id"], "suggested")
    assert seeded.row("metric", m["id"])["status"] == "suggested"
    assert seeded.page()[0]["metric_count"] == 2


def test_confirm_all_returns_what_changed(seeded):
    changed = seeded.confirm_all(seeded.doc_id)
    assert len(changed) == 3 and all(prev == "suggested" for _, _, prev in changed)
    assert {m["status"] for m in seeded.metrics(seeded.doc_id)} == {"confirmed"}


def test_added_row_and_its_undo(seeded):
    new_id = seeded.add_row("metric", seeded.doc_id, category="charges", value="5", text="5 charged")
    row = seeded.row("metric", new_id)
    assert (row["origin"], row["status"], row["value"]) == ("reviewer", "added", 5)
    seeded.delete_row("metric", new_id)
    with pytest.raises(StoreError):
        seeded.row("metric", new_id)
    again = seeded.add_row("metric", seeded.doc_id, row_id=new_id, category="charges", value=5)
    assert again == new_id


def test_extractor_rows_are_never_deleted(seeded):
    with pytest.raises(ValueError):
        seeded.delete_row("metric", seeded.metrics(seeded.doc_id)[0]["id"])


@pytest.mark.parametrize("field,value", [
    ("value", "1e309"), ("value", "NaN"), ("value", "twelve"), ("value", float("inf")),
    ("category", "bogus"), ("qualifier", "roughly"), ("offset", -1), ("subject", "x" * 1_000_000),
])
def test_invalid_values_are_refused_and_nothing_changes(seeded, field, value):
    m = seeded.metrics(seeded.doc_id)[0]
    with pytest.raises(ValueError):
        seeded.update_metric(m["id"], **{field: value})
    assert seeded.row("metric", m["id"]) == m


def test_negative_zero_is_stored_as_zero(seeded):
    m = seeded.metrics(seeded.doc_id)[0]
    assert str(seeded.update_metric(m["id"], value="-0")["value"]) == "0"


def test_dates_must_exist(seeded):
    op = seeded.operations(seeded.doc_id)[0]
    with pytest.raises(ValueError, match="not a real date"):
        seeded.update_operation(op["id"], start="2021-02-31")
    assert seeded.update_operation(op["id"], start="2021-02-28")["start"] == "2021-02-28"


def test_operation_name_with_newline_is_one_line_and_rename_follows_metrics(seeded):
    op = seeded.operations(seeded.doc_id)[0]
    row = seeded.update_operation(op["id"], name="Operation\nRenamed")
    assert row["name"] == "Operation Renamed"
    assert {m["operation"] for m in seeded.metrics(seeded.doc_id)} == {"Operation Renamed"}


def test_mark_reviewed_stamps_reviewer(seeded):
    seeded.set_document_status(seeded.doc_id, "reviewed")
    doc = seeded.document(seeded.doc_id)
    assert doc["status"] == "reviewed" and doc["reviewer"] == "tester" and doc["reviewed_at"]
    assert seeded.status_counts()["reviewed"] == 1


def test_document_fields_are_editable_and_validated(seeded):
    seeded.update_document(seeded.doc_id, "title", "  New   title ")
    assert seeded.document(seeded.doc_id)["title"] == "New title"
    with pytest.raises(ValueError):
        seeded.update_document(seeded.doc_id, "published", "2021-13-01")
    with pytest.raises(ValueError):
        seeded.update_document(seeded.doc_id, "body", "hack")


def test_reextract_keeps_decisions_and_flags_disagreement(seeded):
    m1, m2 = seeded.metrics(seeded.doc_id)
    seeded.update_metric(m1["id"], value=13)
    doc = seeded.document_object(seeded.doc_id)
    new = make_extraction(doc, metrics=[Metric("arrests", 12, offset=m1["offset"], length=10, text="12 arrests"),
                                        Metric("knives_seized", 3, offset=m2["offset"], length=8, text="3 knives")])
    assert seeded.reextract(seeded.doc_id, new) is True
    rows = seeded.metrics(seeded.doc_id)
    assert [(r["value"], r["status"]) for r in rows] == [(13, "corrected"), (3, "suggested")]
    assert seeded.document(seeded.doc_id)["flagged"] == 1


def test_reextract_on_untouched_document_just_follows(seeded):
    doc = seeded.document_object(seeded.doc_id)
    assert seeded.reextract(seeded.doc_id, make_extraction(doc, metrics=[Metric("arrests", 99)])) is False
    assert [m["value"] for m in seeded.metrics(seeded.doc_id)] == [99]


def test_page_search_and_filters(store):
    docs = [make_document(f"Release {i} about {'knives' if i % 2 else 'drugs'}", name=f"{i}.txt",
                          title=f"T{i}", published=f"2021-01-{i + 1:02}") for i in range(10)]
    store.import_batch([(d, make_extraction(d)) for d in docs])
    assert store.count() == 10
    assert store.count(search="knives") == 5
    assert store.count(search="kni") == 5  # prefix search as the user types
    assert store.count(search='"; DROP TABLE documents; --') == 0
    assert [r["title"] for r in store.page(limit=3)] == ["T9", "T8", "T7"]
    assert "body" not in store.page(limit=1)[0]
    first = store.page(limit=1)[0]["id"]
    store.set_document_status(first, "skipped")
    assert store.count(status="skipped") == 1 and store.count(status="new") == 9


def test_writes_are_all_or_nothing(seeded, monkeypatch):
    from desktop.store import audit
    before = seeded.metrics(seeded.doc_id)

    def broken(db, entries):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        seeded.update_metric(before[0]["id"], value=99)
    assert seeded.metrics(seeded.doc_id) == before


def test_file_database_uses_wal_and_foreign_keys(tmp_path):
    s = Store.open(tmp_path / "b.sqlite")
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes")
    with pytest.raises(StoreError, match="not SQLite"):
        Store.open(path)
    assert path.read_text() == "just some notes"


def test_read_only_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "ro.sqlite"
    s = Store.open(path, reviewer="a")
    doc = make_document("x 12 arrests")
    s.import_batch([(doc, make_extraction(doc, metrics=[Metric("arrests", 12)]))])
    s.close()
    ro = Store.open(path)
    ro.db.execute("PRAGMA query_only = ON")  # stands in for a read-only file (root ignores permissions)
    m = ro.metrics(1)[0]
    with pytest.raises(StoreError, match="read-only"):
        ro.update_metric(m["id"], value=13)
    assert ro.metrics(1)[0]["value"] == 12


def test_neighbour_follows_list_order_wraps_and_skips_reviewed(store):
    dates = ["2021-01-03", None, "2021-01-01", "2021-01-03", "2021-01-02", None]
    docs = [make_document(f"doc {i}", name=f"{i}.txt", published=d) for i, d in enumerate(dates)]
    store.import_batch([(d, make_extraction(d)) for d in docs])
    listed = [r["id"] for r in store.page(limit=100)]
    forward = [listed[0]]
    for _ in range(len(listed)):
        forward.append(store.neighbour(forward[-1]))
    assert forward == listed + [listed[0]]
    backward = [listed[0]]
    for _ in range(len(listed)):
        backward.append(store.neighbour(backward[-1], forward=False))
    assert backward == [listed[0]] + listed[::-1]
    store.set_document_status(listed[1], "reviewed")
    assert store.neighbour(listed[0], unreviewed=True) == listed[2]
