"""The three panes a reviewer moves between: the document list, the release, the form.

Tab and Shift+Tab follow one chain (list → release → metrics → operations →
the document's fields → the search box → list); F6 and Shift+F6 jump pane to
pane, as in native applications. Each pane is entered at the widget a reviewer
works in: the list's table, the release text, the metrics table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from desktop.ui.main_window import MainWindow


def tab_chain(window: "MainWindow") -> list[QWidget]:
    """The widgets Tab visits, in order (it wraps round)."""
    lst, form = window.document_list, window.form
    return [lst.view, window.release.text, form.metrics_view, *form.detail.focus_chain(),
            form.operations_view, *form.edits.values(), lst.search, lst.status_filter]


def set_tab_order(window: "MainWindow") -> None:
    chain = tab_chain(window)
    for before, after in zip(chain, chain[1:]):
        QWidget.setTabOrder(before, after)


def panes(window: "MainWindow") -> list[tuple[QWidget, QWidget]]:
    """(pane, the widget that takes the focus when the pane is entered)."""
    return [(window.document_list, window.document_list.view), (window.release, window.release.text),
            (window.form, window.form.metrics_view)]


def current_pane(window: "MainWindow") -> int:
    focus = QApplication.focusWidget()
    for i, (pane, _entry) in enumerate(panes(window)):
        if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
            return i
    return -1


def cycle(window: "MainWindow", delta: int) -> None:
    """F6 (+1) or Shift+F6 (-1): the next or previous pane."""
    window.commit_open_editors()
    all_panes = panes(window)
    at = current_pane(window)
    if at < 0:
        at = 0 if delta > 0 else 1
    _pane, entry = all_panes[(at + delta) % len(all_panes)]
    entry.setFocus(Qt.TabFocusReason)
