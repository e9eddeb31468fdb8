"""Issue 15 (fourth round): a document switch repaints what changed, not the headings or the panes beneath."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui import style
from ui_helpers import focus, press


class Paints(QObject):
    """The region each watched widget was asked to paint."""

    def __init__(self, *widgets: QWidget):
        super().__init__()
        self.regions: dict[QWidget, QRegion] = {w: QRegion() for w in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Paint and obj in self.regions:
            self.regions[obj] = self.regions[obj].united(event.region())
        return False

    def stop(self) -> None:
        for widget in self.regions:
            widget.removeEventFilter(self)


def _switch(qtbot, window) -> None:
    press(qtbot, Qt.Key_Down, Qt.ControlModifier)  # the next document, as a reviewer opens it
    QApplication.processEvents()


def test_a_switch_leaves_the_tables_headings_alone(window, qtbot):
    focus(qtbot, window.document_list.view)
    resets = []
    for view in (window.form.metrics_view, window.form.operations_view):
        header = view.horizontalHeader()
        assert header.model() is not view.model()  # the table's model resets at every switch
        header.model().modelReset.connect(lambda: resets.append(1))
    view = window.form.metrics_view
    header = view.horizontalHeader()
    hidden = [view.isColumnHidden(c) for c in range(view.model().columnCount())]
    seen = set()
    for _ in range(4):
        _switch(qtbot, window)
        seen.add(window.document_id)
    assert len(seen) > 2 and not resets
    # the headings and the hidden columns are as before (tests/ui/test_form_layout.py: the columns still fit)
    assert [header.model().headerData(c, Qt.Horizontal, Qt.DisplayRole) for c in range(len(hidden))] == \
        [view.model().headerData(c, Qt.Horizontal, Qt.DisplayRole) for c in range(len(hidden))]
    assert [view.isColumnHidden(c) for c in range(len(hidden))] == hidden
    assert header.isVisible() and header.height() > 0


def test_a_switch_repaints_the_release_not_the_window_beneath_it(window, qtbot):
    app = QApplication.instance()
    app.setStyleSheet(style.stylesheet())  # the application's sheet paints the release's background
    try:
        QApplication.processEvents()
        focus(qtbot, window.document_list.view)
        _switch(qtbot, window)
        viewport = window.release.text.viewport()
        under = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
        pane = window.release
        paints = Paints(window, pane, window.release.text, viewport)
        before = window.document_id
        _switch(qtbot, window)
        paints.stop()
        assert window.document_id != before
        assert not paints.regions[viewport].isEmpty()  # the new release is painted...
        # ... over its own background: not over the window's, the pane's and the frame's first (the scroll bar
        # and the legend, which change too, fill theirs: the pane and the frame are not painted at all)
        assert not paints.regions[window].intersects(under)
        assert paints.regions[pane].isEmpty() and paints.regions[window.release.text].isEmpty()
    finally:
        app.setStyleSheet("")


def test_a_new_count_line_or_legend_repaints_itself_only(window, qtbot):
    line, legend = window.form.checks_line, window.release.legend
    QApplication.processEvents()
    paints = Paints(line, legend, line.parentWidget(), legend.parentWidget(), window)
    line.setText("3 numbers in the text no row cites (dotted underline)")
    legend.show_counts(Counter({"arrests": 7, "knives_seized": 2}))
    QApplication.processEvents()
    paints.stop()
    assert not paints.regions[line].isEmpty() and not paints.regions[legend].isEmpty()
    for parent in (line.parentWidget(), legend.parentWidget(), window):
        assert paints.regions[parent].isEmpty(), parent
    assert "arrests 7" in legend.text() and "knives seized 2" in legend.text()


def test_the_headings_are_measured_once_not_at_every_switch(window, qtbot, monkeypatch):
    from desktop.ui.metrics_table_model import MetricsTableModel
    header = window.form.metrics_view.horizontalHeader()
    height = header.sizeHint().height()
    measured = []
    heading = MetricsTableModel.headerData

    def counting(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.SizeHintRole:  # what QHeaderView asks first when it measures a heading
            measured.append(section)
        return heading(self, section, orientation, role)
    monkeypatch.setattr(MetricsTableModel, "headerData", counting)
    focus(qtbot, window.document_list.view)
    for _ in range(4):
        _switch(qtbot, window)
    header.resizeSection(1, header.sectionSize(1) + 9)  # as a column fitted to the new document's figures
    QApplication.processEvents()
    assert not measured and header.height() == height
    font = header.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    header.setFont(font)  # a larger font: measured again
    QApplication.processEvents()
    assert header.sizeHint().height() > height, (measured, header.sizeHint())
