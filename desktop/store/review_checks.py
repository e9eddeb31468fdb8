"""The checks of :mod:`desktop.checks` run on stored documents, their results kept on the document row
(``failed_checks``, ``uncited``, ``check_summary``; migration 0004) so the list can order and filter by them
without reading every document. Derived data: written without an audit entry, and only when it changed.

Example::

    >>> report = check_document(store, 7)
    >>> store.document(7)["failed_checks"] == report.failed
    True
"""

from __future__ import annotations

from typing import Optional

from desktop import checks
from desktop.store import Store


def summary(report: checks.Report) -> Optional[str]:
    """One line for the list's tooltip, or None when nothing failed."""
    if not report.findings:
        return None
    first = report.findings[0].message
    more = f" (and {report.failed - 1} more)" if report.failed > 1 else ""
    return first + more


def check_document(store: Store, document_id: int) -> Optional[checks.Report]:
    """Run every check on one document and keep the result; None when the document does not exist."""
    found = check_and_keep(store, document_id)
    return found[0] if found else None


def check_and_keep(store: Store, document_id: int, metrics: Optional[list] = None,
                   operations: Optional[list] = None, document: Optional[dict] = None
                   ) -> Optional[tuple[checks.Report, bool]]:
    """The report and whether the stored result changed (``metrics``, ``operations``, ``document``: rows
    the caller has just read)."""
    if document is not None and document.get("id") == document_id:
        row = (document["body"], document["failed_checks"], document["uncited"], document["check_summary"])
    else:
        row = store.db.execute("SELECT body, failed_checks, uncited, check_summary FROM documents WHERE id = ?",
                               [document_id]).fetchone()
    if row is None:
        return None
    report = checks.run(row[0], store.metrics(document_id) if metrics is None else metrics,
                        store.operations(document_id) if operations is None else operations)
    fresh = result(report)
    changed = tuple(row[1:]) != fresh
    if changed:
        with store.write():
            store.db.execute("UPDATE documents SET failed_checks = ?, uncited = ?, check_summary = ? WHERE id = ?",
                             [*fresh, document_id])
    return report, changed


def result(report: checks.Report) -> tuple:
    """What is kept on the document row for ``report``: (failed_checks, uncited, check_summary)."""
    return (report.failed, report.uncited, summary(report))


def keep_results(store: Store, results: dict[int, tuple[tuple, tuple]]) -> list[int]:
    """Write results worked out earlier (``{document id: (stored then, fresh)}``) in one transaction, each
    only where the stored result is still what it was then (an edit or another checker may have written
    a newer one since); the ids written."""
    written = []
    with store.write():
        for document_id, (before, fresh) in results.items():
            cursor = store.db.execute(
                "UPDATE documents SET failed_checks = ?, uncited = ?, check_summary = ? WHERE id = ? "
                "AND failed_checks IS ? AND uncited IS ? AND check_summary IS ?", [*fresh, document_id, *before])
            if cursor.rowcount:
                written.append(document_id)
    return written


def unchecked_count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM documents INDEXED BY documents_unchecked "
                            "WHERE failed_checks IS NULL").fetchone()[0]


def unchecked(store: Store, limit: int = 500) -> list[int]:
    """Documents never checked (imported from the command line, or before checks existed)."""
    return [r[0] for r in store.db.execute("SELECT id FROM documents INDEXED BY documents_unchecked "
                                           "WHERE failed_checks IS NULL LIMIT ?", [limit])]


def check_unchecked(store: Store, cancelled=lambda: False, batch: int = 100,
                    batches: Optional[int] = None) -> int:
    """Check the documents not checked yet, ``batch`` to a transaction (at most ``batches`` transactions);
    returns how many were checked."""
    done = 0
    while not cancelled() and (batches is None or done < batches * batch):
        ids = unchecked(store, batch)
        if not ids:
            break
        with store.write():
            for doc_id in ids:
                check_document(store, doc_id)
        done += len(ids)
    return done
