"""View ▸ Summary from the main window: the view is imported only when first opened (cold start
stays as it was) and kept, refreshed, while the window lives."""

from __future__ import annotations


def open_summary(window) -> None:
    view = getattr(window, "summary_view", None)
    if view is None or view.store is not window.store:
        from desktop.ui.summary_view import SummaryView
        view = window.summary_view = SummaryView(window.store, window)
        view.open_document.connect(lambda doc_id: _open(window, doc_id))
        view.open_releases.connect(window.document_list.show_only)
    else:
        view.reload()
    view.show()
    view.raise_()
    view.activateWindow()


def _open(window, document_id: int) -> None:
    window.commit_open_editors()
    window.show_document(document_id)
