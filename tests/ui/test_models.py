"""The Qt models are thin, correct adapters: qtmodeltester, lazy paging, targeted refreshes."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt

from desktop.domain import Document, Extraction
from desktop.store import Store
from desktop.ui.document_list_model import DOC_ID_ROLE, PAGE, DocumentListModel
from desktop.ui.metrics_table_model import COL_VALUE, MetricsTableModel, format_value
from desktop.ui.operations_table_model import OperationsTableModel
from desktop.ui.undo_commands import Edits


def test_list_model_passes_modeltester(qapp, qtmodeltester, db_path):
    store = Store.open(db_path)
    try:
        qtmodeltester.check(DocumentListModel(store), force_py=True)
    finally:
        store.close()


def test_row_models_pass_modeltester(qapp, qtmodeltester, db_path):
    store = Store.open(db_path)
    try:
        edits = Edits(store)
        metrics, operations = MetricsTableModel(edits), OperationsTableModel(edits)
        metrics.load(1)
        operations.load(1)
        assert metrics.rowCount() == 4 and operations.rowCount() == 1
        qtmodeltester.check(operations, force_py=True)
        qtmodeltester.check(metrics, force_py=True)  # the tester keeps watching the last model checked
        metrics.setData(metrics.index(0, COL_VALUE), "1,313")  # a single edit: dataChanged, not a reset
        qtmodeltester.check(metrics, force_py=True)
    finally:
        store.close()


def _many(path, n):
    store = Store.open(path)
    docs = []
    for i in range(n):
        body = f"Release {i}: {i} arrests."
        docs.append((Document(name=f"{i:05}.txt", body=body, sha256=hashlib.sha256(body.encode()).hexdigest(),
                              title=f"Release {i}", published=f"2020-01-{i % 28 + 1:02}"),
                     Extraction(document=f"{i:05}.txt")))
    store.import_batch(docs)
    return store


def test_list_is_lazy_and_finds_far_documents(qapp, tmp_path):
    store = _many(tmp_path / "many.sqlite", PAGE * 3 + 7)
    try:
        model = DocumentListModel(store)
        assert model.total() == PAGE * 3 + 7
        assert model.rowCount() == PAGE  # one page loaded, not everything
        assert model.canFetchMore()
        last = store.page(offset=PAGE * 3 + 6, limit=1)[0]["id"]
        assert model.row_of(last) is None  # a jump far ahead does not load everything before it
        assert model.rowCount() <= PAGE * 2
        row = model.row_of(last, lookahead=PAGE * 4)  # within reach: fetches pages until found
        assert row == PAGE * 3 + 6 and model.index(row, 0).data(DOC_ID_ROLE) == last
        assert not model.canFetchMore()
        model.set_filter(search="Release 17")
        ids = {model.index(r, 0).data(DOC_ID_ROLE) for r in range(model.rowCount())}
        assert {store.page(search="Release 17", limit=5)[0]["id"]} <= ids
    finally:
        store.close()


def test_single_edit_emits_data_changed_for_that_row_only(qtbot, db_path):
    store = Store.open(db_path)
    try:
        edits = Edits(store)
        model = MetricsTableModel(edits)
        model.load(1)
        resets = []
        model.modelReset.connect(lambda: resets.append(1))
        with qtbot.waitSignal(model.dataChanged) as blocker:
            assert model.setData(model.index(2, COL_VALUE), "21")
        top, bottom = blocker.args[0], blocker.args[1]
        assert top.row() == bottom.row() == 2 and not resets
        assert model.index(2, COL_VALUE).data() == "21"
        assert store.metrics(1)[2]["value"] == 21
    finally:
        store.close()


def test_format_value():
    assert format_value(1825.0) == "1,825"
    assert format_value(2.5) == "2.5"
    assert format_value(None) == ""
    assert format_value(-27) == "-27"


def test_corrected_row_tooltip_names_the_original(qapp, db_path):
    store = Store.open(db_path)
    try:
        model = MetricsTableModel(Edits(store))
        model.load(1)
        assert model.setData(model.index(0, COL_VALUE), "315")
        tip = model.index(0, COL_VALUE).data(Qt.ToolTipRole)
        assert "313" in tip and "315" in tip and "Corrected" in tip
        assert model.index(0, 0).data() == "corrected"
    finally:
        store.close()
