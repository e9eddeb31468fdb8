"""View ▸ Summary: the totals table, a chart whose bars name and open their releases, PNG and SVG out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import ui_fixtures
from ui_helpers import press
from desktop.store import Store
from desktop.ui.chart_widget import ChartWidget, nice_step
from desktop.ui.summary_view import SummaryView


@pytest.fixture
def reviewed_db(tmp_path):
    """The seeds; seed 000's four figures confirmed and the release marked reviewed."""
    path = tmp_path / "review.sqlite"
    store = ui_fixtures.build(path)
    doc_id = next(d["id"] for d in store.page(limit=10) if d["name"].startswith("000_"))
    store.confirm_all(doc_id)
    store.set_document_status(doc_id, "reviewed")
    store.close()
    return path, doc_id


def _summary(qtbot, window) -> SummaryView:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.wait(100)  # a person's pause: the window settles after opening a document
    press(qtbot, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: getattr(window, "summary_view", None) is not None and window.summary_view.isVisible())
    return window.summary_view


def test_summary_opens_from_the_view_menu_with_honest_totals(qtbot, open_window, reviewed_db):
    path, _doc_id = reviewed_db
    window = open_window(path)
    assert "&View" in [a.text() for a in window.menuBar().actions()]
    view = _summary(qtbot, window)
    view.group_by.setCurrentIndex(view.group_by.findData("category"))
    cells = {view.table.item(r, 0).text(): view.table.item(r, 2).text() for r in range(view.table.rowCount())}
    assert cells == {"arrests": "≥ 1,800", "knives_seized": "313", "weapons_seized": "107",
                     "firearms_seized": "20"}
    assert view.table.item(0, 3).text() == "1"  # one release behind each


def test_hovering_a_bar_names_its_release_and_double_click_opens_it(qtbot, open_window, reviewed_db):
    path, doc_id = reviewed_db
    window = open_window(path)
    other = next(window.list_model.document_id(r) for r in range(window.list_model.rowCount())
                 if window.list_model.document_id(r) != doc_id)
    window.show_document(other)
    view = _summary(qtbot, window)
    view.group_by.setCurrentIndex(view.group_by.findData("publisher"))
    view.category.setCurrentIndex(view.category.findData("knives_seized count"))
    chart = view.chart
    qtbot.waitExposed(view)
    centre = chart.centre_of(0)  # the one bar
    point = chart.point_at(centre)
    title = window.store.document(doc_id)["title"]
    assert point.text == "313" and title in ChartWidget.describe(point)
    qtbot.mouseDClick(chart, Qt.LeftButton, pos=centre)
    assert window.document_id == doc_id
    assert view.releases.count() == 1 and view.releases.item(0).text() == title
    listed = [window.list_model.document_id(r) for r in range(window.list_model.rowCount())]
    assert listed == [doc_id]  # the review list shows only the releases behind the bar
    assert window.document_list.status_filter.currentText().startswith("Summary: ")
    window.document_list.status_filter.setCurrentIndex(0)  # All documents: the others come back
    assert window.list_model.rowCount() == 5


def test_line_over_months_and_exports(qtbot, open_window, reviewed_db, tmp_path):
    path, _doc_id = reviewed_db
    window = open_window(path)
    view = _summary(qtbot, window)
    view.kind.setCurrentIndex(view.kind.findData("line"))
    view.category.setCurrentIndex(view.category.findData("arrests count"))
    assert [(p.label, p.text) for p in view.chart.points] == [("2021-01", "≥ 1,800")]
    assert view.export_chart("png", str(tmp_path / "c.png"))
    assert view.export_chart("svg", str(tmp_path / "c.svg"))
    assert not QImage(str(tmp_path / "c.png")).isNull()
    svg = (tmp_path / "c.svg").read_text()
    assert "<svg" in svg and "arrests" in svg


def test_the_summary_sees_curated_figures_only(qtbot, db_path):
    store = Store.open(db_path, "tester")  # nothing reviewed in the plain seeds
    view = SummaryView(store)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 0 and view.chart.points == []
    view.include_all.setChecked(True)
    assert view.table.rowCount() == 0  # suggested figures are not curated, even with --all
    store.close()


def test_nice_steps():
    assert [nice_step(v) for v in (5, 313, 1800, 0)] == [1, 100, 500, 1.0]



def test_the_window_starts_without_the_summary_code():
    """Cold start does not grow: the summary, its chart and QtSvg load only when View ▸ Summary opens."""
    import subprocess
    import sys
    code = ("import sys; import desktop.ui.main_window; "
            "print([m for m in ('desktop.ui.summary_view', 'desktop.ui.chart_widget', 'desktop.summary', "
            "'PySide6.QtSvg') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
