"""Issue 15: a document switch asks Qt and Python for less, and never waits for a write."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop.ui import row_table_model


def _unchecked(fresh, doc_id: int) -> None:
    """As after ``blotter import``: the document's checks never ran."""
    store = fresh()
    with store.write():
        store.db.execute("UPDATE documents SET failed_checks = NULL, uncited = NULL, check_summary = NULL "
                         "WHERE id = ?", [doc_id])


def _documents(window, fresh=None):
    """(documents with metric rows, documents without); with ``fresh``, a second document gets a row."""
    with_rows = [d for d in range(1, 6) if window.store.metrics(d)]
    without = [d for d in range(1, 6) if not window.store.metrics(d)]
    if fresh is not None and len(with_rows) < 2:
        store = fresh()
        body = store.document(without[0])["body"]
        at = next(i for i, c in enumerate(body) if c.isdigit())
        with store.write():
            store.add_row("metric", without[0], category="arrests", value=int(body[at]), qualifier="exact",
                          offset=at, length=1, text=body[at], subject="people")
        with_rows.append(without.pop(0))
    return with_rows, without


def test_a_switch_asks_only_for_the_rows_it_shows(open_window, db_path, qtbot, monkeypatch):
    asked = []
    data = row_table_model.RowTableModel.data
    multi = row_table_model.RowTableModel.multiData

    def counting(self, index, role=0):
        asked.append(index.row())
        return data(self, index, role)

    def counting_all(self, index, span):  # a painted cell asks for all its roles in one call
        asked.append(index.row())
        return multi(self, index, span)
    monkeypatch.setattr(row_table_model.RowTableModel, "data", counting)
    monkeypatch.setattr(row_table_model.RowTableModel, "multiData", counting_all)
    window = open_window(db_path)
    model = window.metrics_model
    first = model.rows()[0]
    many = [dict(first, id=first["id"] * 1000 + i) for i in range(150)]  # a release with 150 figures
    model.set_rows(first["document_id"], many)
    QApplication.processEvents()
    asked.clear()
    model.set_rows(first["document_id"], list(reversed(many)))
    QApplication.processEvents()
    view = window.form.metrics_view
    visible = view.rowAt(view.viewport().height() - 1)
    assert asked and max(asked) <= (visible if visible >= 0 else 149) + 1  # ResizeToContents read all 150
    heights = {view.rowHeight(r) for r in range(0, 150, 7)}
    assert len(heights) == 1 and heights.pop() >= view.fontMetrics().height()


def test_rows_are_as_tall_as_their_contents(window, qtbot):
    from PySide6.QtWidgets import QHeaderView, QTableView
    for view in (window.form.metrics_view, window.form.operations_view):
        probe = QTableView()
        qtbot.addWidget(probe)
        probe.setFont(view.font())
        probe.setWordWrap(False)
        probe.setModel(view.model())
        probe.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        probe.show()
        QApplication.processEvents()
        if view.model().rowCount():
            assert view.rowHeight(0) == probe.rowHeight(0)


def test_opening_a_never_checked_document_shows_its_checks_and_keeps_them_after_a_pause(window, fresh, qtbot):
    with_rows, _ = _documents(window)
    doc = with_rows[-1]
    _unchecked(fresh, doc)
    window.show_document(doc)
    assert "no row cites" in window.form.checks_line.text() or window.form.checks_line.text() == ""
    assert doc in window.pending_checks.waiting()
    assert fresh().document(doc)["failed_checks"] is None  # not written during the switch
    qtbot.waitUntil(lambda: fresh().document(doc)["failed_checks"] is not None, timeout=5000)
    assert not window.pending_checks.waiting()


def test_a_switch_never_waits_for_another_writer(window, fresh, qtbot):
    doc = next(d for d in range(1, 6) if d != window.document_id)
    _unchecked(fresh, doc)
    other = fresh()
    other.db.conn.execute("BEGIN IMMEDIATE")  # the background checker's batch, or `blotter import`
    try:
        window.show_document(doc)
        # the checks show at once (before, the write waited for the lock, failed, and nothing was shown)
        report = window.pending_checks.waiting()[doc]
        assert report[1] is not None
        if report[1]:
            assert "no row cites" in window.form.checks_line.text()
        assert window.last_error is None
    finally:
        other.db.conn.execute("COMMIT")
    qtbot.waitUntil(lambda: fresh().document(doc)["failed_checks"] is not None, timeout=5000)


def test_an_edit_writes_its_own_checks_and_drops_the_waiting_result(window, fresh, qtbot):
    doc = window.document_id
    _unchecked(fresh, doc)
    window.show_document(doc)
    assert doc in window.pending_checks.waiting()
    window.run_checks()  # what every edit does
    assert doc not in window.pending_checks.waiting()
    assert fresh().document(doc)["failed_checks"] is not None


class _EnabledChanges(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.EnabledChange:
            self.count += 1
        return False


def test_the_detail_panel_stays_on_across_a_switch_and_goes_off_without_rows(window, fresh, qtbot):
    with_rows, without = _documents(window, fresh)
    detail = window.form.detail
    window.show_document(with_rows[0])
    QApplication.processEvents()
    assert detail.isEnabled()
    spy = _EnabledChanges()
    detail.installEventFilter(spy)
    window.show_document(with_rows[1])
    QApplication.processEvents()
    assert spy.count == 0 and detail.isEnabled()  # before: off and on again, every child re-polished
    assert detail.evidence.text()
    if without:
        window.show_document(without[0])
        qtbot.waitUntil(lambda: not detail.isEnabled())
        assert detail.evidence.text() == "" and detail.heading_state.text() == "none"
    detail.removeEventFilter(spy)
