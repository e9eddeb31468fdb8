"""What the window shows of the checks, and of changes other programs made to the database.

:func:`run` checks the open document after every change (rows, the form's line, the list);
:func:`refresh_if_changed` re-reads the list when ``PRAGMA data_version`` says another
connection (``blotter import``, a second window) committed since we last looked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from desktop import checks
from desktop.store import StoreError, review_checks, ui_queries

if TYPE_CHECKING:  # pragma: no cover
    from desktop.ui.main_window import MainWindow


def run(window: "MainWindow", doc: Optional[dict] = None) -> None:
    """``doc``: the document's row when the caller has just read it (saves a query on a switch)."""
    if window.document_id is None:
        window.metrics_model.set_findings({})
        window.form.show_checks(None)
        return
    if doc is not None and doc.get("failed_checks") == 0 and doc.get("uncited") is not None:
        # opening a document whose stored result says nothing failed: every change re-checks, so the
        # stored result is current and no row needs a mark (a switch stays cheap)
        window.metrics_model.set_findings({})
        window.form.show_checks(checks.Report((), doc["uncited"]))
        return
    if doc is not None:
        # opening a document: its checks are shown now and written at the next pause (desktop/ui/pending_checks.py)
        report = checks.run(doc["body"], window.metrics_model.rows(), window.operations_model.rows())
        stored = (doc["failed_checks"], doc["uncited"], doc["check_summary"])
        fresh = review_checks.result(report)
        if fresh != stored:
            window.pending_checks.add(window.store, doc["id"], stored, fresh)
        _show(window, report)
        return
    window.pending_checks.discard(window.document_id)
    try:
        found = review_checks.check_and_keep(window.store, window.document_id, window.metrics_model.rows(),
                                             window.operations_model.rows(), doc)
    except StoreError:
        return  # derived data; the edit itself reported any failure
    if found is None:
        return
    report, changed = found
    _show(window, report)
    if changed:
        window.list_model.refresh_document(window.document_id)
        window.update_counts()


def _show(window: "MainWindow", report: checks.Report) -> None:
    by_row: dict[int, list[str]] = {}
    for finding in report.findings:
        for row_id in finding.rows:
            by_row.setdefault(row_id, []).append(finding.message)
    window.metrics_model.set_findings({k: tuple(v) for k, v in by_row.items()})
    window.form.show_checks(report)


def checked_in_background(window: "MainWindow", count: int) -> None:
    """Documents were checked off the GUI thread: the list and the counts show their results."""
    if not count:
        return
    _reread_list(window)


def refresh_if_changed(window: "MainWindow") -> bool:
    """True when another connection had written (the list and counts are re-read, new documents checked)."""
    try:
        seen = (id(window.store), ui_queries.data_version(window.store))
    except StoreError:
        return False
    if seen == window.seen_version:
        return False
    same_database = seen[0] == window.seen_version[0]
    window.seen_version = seen
    if not same_database:
        return False  # another database was opened: it was read in full just now
    _reread_list(window)
    window.background_checks.start(window.store)
    window.statusBar().showMessage("The database was changed outside this window: the list is up to date.", 6000)
    return True


def _reread_list(window: "MainWindow") -> None:
    window.list_model.reload()
    if window.document_id is not None:
        window.document_list.select_document(window.document_id)
    window.update_counts()
