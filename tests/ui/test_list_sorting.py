"""Issue 11: the list sorts by clicking its headings, in SQLite, a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.ui.document_list_model import COL_METRICS, COL_STATUS, COL_TITLE, PAGE
from test_models import _many


def click_heading(qtbot, window, column):
    header = window.document_list.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))


def titles(window):
    model = window.list_model
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]


def test_clicking_a_heading_sorts_and_again_reverses(window, qtbot):
    current = window.document_id
    click_heading(qtbot, window, COL_TITLE)
    shown = titles(window)
    assert shown == sorted(shown, key=str.lower)
    assert window.document_list.current_id() == current  # the open document stays selected
    click_heading(qtbot, window, COL_TITLE)
    assert titles(window) == sorted(shown, key=str.lower, reverse=True)
    click_heading(qtbot, window, COL_METRICS)
    model = window.list_model
    counts = [model.index(r, COL_METRICS).data() for r in range(model.rowCount())]
    assert counts == sorted(counts)
    click_heading(qtbot, window, COL_STATUS)
    statuses = [model._rows[r]["status"] for r in range(model.rowCount())]
    assert statuses == sorted(statuses)


def test_sort_menu_reaches_the_date_and_publisher(window, qtbot):
    window.actions_by_name["sort_publisher"].trigger()
    pubs = [r["publisher"] or "" for r in window.list_model._rows]
    assert pubs == sorted(pubs, key=str.lower)
    window.actions_by_name["sort_published"].trigger()
    dates = [r["published"] for r in window.list_model._rows if r["published"]]
    assert dates == sorted(dates, reverse=True)


def test_sorting_a_large_list_loads_one_page(open_window, tmp_path, qtbot):
    path = tmp_path / "many.sqlite"
    _many(path, PAGE * 2 + 30).close()
    window = open_window(path)
    qtbot.waitUntil(lambda: not window.background_checks.running(), timeout=30000)  # checks them off-thread
    click_heading(qtbot, window, COL_TITLE)
    model = window.list_model
    assert model.rowCount() == PAGE and model.total() == PAGE * 2 + 30
    assert titles(window)[:3] == sorted(r["title"] for r in window.store.page(order="title", limit=3))
    model.fetchMore()  # what the view asks for as it scrolls: the next page, still sorted
    assert model.rowCount() == PAGE * 2
    shown = titles(window)
    assert shown == sorted(shown, key=str.lower)
