"""Issue 12, item 6: a huge one-line release. The extractor's output is bounded per release (at
most 2,000 suggestions, the rest named in a note), and the metrics table is lazy: it shows rows a
page at a time (``canFetchMore``/``fetchMore``), so a document with any number of rows opens
without building them all."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.domain import Metric
from desktop.extract_limits import MAX_SUGGESTIONS
from desktop.ingest import import_paths
from desktop.store import Store
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.conftest import make_document, make_extraction


def test_one_line_release_suggestions_capped_with_a_note(store, tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_text(" ".join(f"Police made {i + 1} arrests." for i in range(2600)), encoding="utf-8")
    report = import_paths(store, [path])
    [doc_id] = report.imported
    rows = store.metrics(doc_id) + store.operations(doc_id)
    assert 0 < len(rows) <= MAX_SUGGESTIONS
    notes = [what for p, what in report.notes if p == str(path)]
    assert any("left out" in n and "2,000" in n for n in notes), report.notes


def test_metrics_table_is_lazy_for_a_document_with_many_rows(qtbot, tmp_path):
    n = 5_000
    body = "Police made 1 arrests. " * 10
    doc = make_document(body, name="many.txt")
    metrics = [Metric("arrests", i, offset=12, length=10, text="1 arrests.", rule="t") for i in range(n)]
    store = Store.open(tmp_path / "many.sqlite", "tester")
    [doc_id], _ = store.import_batch([(doc, make_extraction(doc, metrics=metrics))])
    window = MainWindow(store, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)))
    qtbot.addWidget(window)
    window.show_document(doc_id)
    model = window.metrics_model
    assert 0 < model.rowCount() < 1000
    assert model.canFetchMore()
    shown = model.rowCount()
    model.fetchMore()
    assert model.rowCount() > shown
    later = store.metrics(doc_id)[model.rowCount() + 50]["id"]
    assert window.form.metrics_view.select_id(later)  # a row not shown yet is fetched when it is asked for
    assert model.row_at(model.row_of(later))["id"] == later
    assert model.rowCount() < n
    view = window.form.metrics_view  # confirming the last row shown moves on to the next, fetched on the way
    at = model.rowCount() - 1
    assert view.select_id(model.row_at(at)["id"])
    window.review.confirm("metric")
    assert view.current_id() == model.row_at(at + 1)["id"]
    window.close()
    store.close()
