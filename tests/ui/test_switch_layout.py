"""Issue 15 (third round): what changes at a document switch is repainted, not laid out again up to the window."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.text_line import TextLine
from ui_helpers import focus, press

LONG = ("5,000 charged is more than 1,800 arrested (operation: none); " * 6).strip()


class LayoutRequests(QObject):
    """Counts the LayoutRequest events each watched widget receives."""

    def __init__(self, *widgets: QWidget):
        super().__init__()
        self.seen: Counter = Counter()
        self.widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.LayoutRequest:
            self.seen[obj.objectName()] += 1
        return False

    def stop(self) -> None:
        for widget in self.widgets:
            widget.removeEventFilter(self)


def test_switching_by_keyboard_does_not_lay_out_the_window_again(window, qtbot):
    focus(qtbot, window.document_list.view)
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)  # every pane has shown a document once
    press(qtbot, Qt.Key_Up, Qt.ControlModifier)
    QApplication.processEvents()
    splitter = window.findChild(QWidget, "main_splitter")
    watch = LayoutRequests(window, splitter, window.form.tables_splitter)
    seen_checks = set()
    for key in [Qt.Key_Down] * 4 + [Qt.Key_Up] * 4:  # the fixture's five releases, there and back
        press(qtbot, key, Qt.ControlModifier)
        QApplication.processEvents()
        seen_checks.add(window.form.checks_line.text())
    watch.stop()
    assert len(seen_checks) > 1  # the texts did change
    # before: every switch laid out the window (the labels' and the legend's new text); now at most the
    # first switch away from the first document does
    assert watch.seen["main_splitter"] <= 1 and watch.seen["form_tables"] <= 1, watch.seen


def test_a_long_line_is_elided_and_its_tooltip_has_all_of_it(window, qtbot):
    line = window.form.checks_line
    height, hint = line.height(), line.sizeHint()
    line.setText(LONG)
    QApplication.processEvents()
    assert line.is_elided()
    assert line.toolTip() == LONG  # the full text on hover
    assert (line.height(), line.sizeHint()) == (height, hint)  # asks no layout for room
    line.setText("2 numbers in the text no row cites (dotted underline)")
    assert not line.is_elided() and "Help ▸ Checks" in line.toolTip()


def test_the_detail_shows_the_evidence_and_keeps_the_full_text_on_hover(window, qtbot):
    detail = window.form.detail
    model = window.metrics_model
    rows = model.rows()
    long_row = dict(rows[0], text="313 knives " + "removed from the streets of London and seized " * 8)
    model.set_rows(rows[0]["document_id"], [long_row] + rows[1:])
    focus(qtbot, window.form.metrics_view)
    press(qtbot, Qt.Key_Home, Qt.ControlModifier)
    QApplication.processEvents()
    evidence = detail.evidence
    assert evidence.text().startswith("313 knives removed")
    assert evidence.is_elided() and evidence.toolTip() == evidence.text()
    assert evidence.height() == QFontMetrics(evidence.font()).lineSpacing() + 2  # one line, as before


def test_a_text_line_wraps_into_its_lines_before_eliding(qtbot):
    line = TextLine(lines=2)
    qtbot.addWidget(line)
    line.resize(QFontMetrics(line.font()).horizontalAdvance("word " * 10), line.height())
    line.show()
    line.setText("word " * 15)  # one and a half widths: fits in two lines
    assert not line.is_elided()
    line.setText("word " * 30)
    assert line.is_elided() and line.toolTip() == "word " * 30
    assert line.accessibleName() == "word " * 30  # a screen reader reads all of it


def test_the_legend_keeps_its_height_as_the_reviewer_switches(window, qtbot):
    legend = window.release.legend
    focus(qtbot, window.document_list.view)
    QApplication.processEvents()
    heights = {legend.height()}
    chips = {len(legend.chips())}  # the first release has highlights, the others none
    for _ in range(4):
        press(qtbot, Qt.Key_Down, Qt.ControlModifier)
        QApplication.processEvents()
        heights.add(legend.height())
        chips.add(len(legend.chips()))
    assert len(chips) > 1  # documents with and without highlights
    assert len(heights) == 1


def _painted_metrics(window, qtbot):
    view = window.form.metrics_view
    focus(qtbot, view)
    press(qtbot, Qt.Key_Down)  # a current row, icons, a corrected row's font: what the cells show
    QApplication.processEvents()
    view.viewport().repaint()
    return view


def test_a_painted_cell_asks_the_model_once_and_looks_the_same(open_window, db_path, qtbot, monkeypatch):
    from desktop.ui import row_table_model
    model_class = row_table_model.RowTableModel
    calls = Counter()
    data, multi = model_class.data, model_class.multiData

    def counting_data(self, index, role=0):
        calls["data"] += 1
        return data(self, index, role)

    def counting_multi(self, index, span):
        calls["multi"] += 1
        return multi(self, index, span)
    monkeypatch.setattr(model_class, "data", counting_data)
    monkeypatch.setattr(model_class, "multiData", counting_multi)
    window = open_window(db_path)
    view = _painted_metrics(window, qtbot)
    calls.clear()
    view.viewport().repaint()
    model = view.model()
    cells = sum(1 for r in range(model.rowCount()) for c in range(model.columnCount())
                if not view.isColumnHidden(c) and view.visualRect(model.index(r, c)).intersects(view.viewport().rect()))
    assert cells and calls["multi"] >= cells and calls["data"] < cells, (calls, cells)  # was 7 data() calls a cell
    fast = view.viewport().grab().toImage()
    window.close()
    monkeypatch.delattr(model_class, "multiData")  # Qt's own: one data() call a role
    view = _painted_metrics(open_window(db_path), qtbot)
    assert view.viewport().grab().toImage() == fast  # the same icons, fonts, colours and text


def test_the_last_document_is_written_at_a_pause_and_on_close(open_window, db_path, settings, qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from desktop.ui import last_document
    window = open_window(db_path)
    on_disk = lambda: QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat).value(  # noqa: E731
        f"last_document/{__import__('desktop.ui.settings', fromlist=['_key'])._key(window.store.name)}")
    window.settings.q.sync()
    before = on_disk()
    focus(qtbot, window.document_list.view)
    writes = []
    real = settings.set_last_document
    settings.set_last_document = lambda *a: (writes.append(a), real(*a))
    for _ in range(3):  # a reviewer paging through: no settings write (each one syncs the file to disk)
        press(qtbot, Qt.Key_Down, Qt.ControlModifier)
        QApplication.processEvents()
    assert writes == [] and on_disk() == before
    shown = window.document_id
    qtbot.waitUntil(lambda: bool(writes), timeout=last_document.DELAY_MS + 2000)  # the reviewer stays: written
    assert writes == [(window.store.name, shown)]
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)
    shown = window.document_id
    window.close()  # closing writes what was waiting
    assert writes[-1] == (window.store.name, shown) and int(on_disk()) == shown
