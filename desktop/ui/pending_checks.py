"""Check results worked out when a document is opened, written a moment later.

Opening a document never checked (imported from the command line) or whose kept result is out of date
shows the checks at once, but its result is not written then: a switch must not wait for a write
transaction (the background checker holds one for each batch) nor re-count the status bar. The results
wait here and are written together once the reviewer has stopped switching for :data:`DELAY_MS`; while
the background checker runs they wait for it to finish. Each is written only where the kept result is
still the one seen (an edit writes its own at once). Derived data: nothing a reviewer did waits here,
and a result lost (the window closed while the checker ran) is worked out again on the next open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from desktop.store import Store, StoreError, review_checks

if TYPE_CHECKING:  # pragma: no cover
    from desktop.ui.main_window import MainWindow

#: how long after the last switch the results are written
DELAY_MS = 700


class PendingChecks(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self._store: Store | None = None
        self._results: dict[int, tuple[tuple, tuple]] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.flush)
        window.installEventFilter(self)

    def add(self, store: Store, document_id: int, stored: tuple, fresh: tuple) -> None:
        """``document_id``'s result ``fresh`` replaces ``stored`` at the next pause."""
        if store is not self._store:
            self._results.clear()
            self._store = store
        before = self._results.get(document_id, (stored, None))[0]
        self._results[document_id] = (before, fresh)
        self.timer.start(DELAY_MS)

    def discard(self, document_id: int) -> None:
        """The document was checked and written anew (after an edit)."""
        self._results.pop(document_id, None)

    def waiting(self) -> dict[int, tuple]:
        return {doc_id: fresh for doc_id, (_before, fresh) in self._results.items()}

    def flush(self) -> None:
        window = self.window
        if not self._results:
            return
        if self._store is not window.store:
            self._results.clear()  # another database was opened
            return
        if window.background_checks.running():
            self.timer.start(DELAY_MS * 4)  # never wait for its batch; it may check these documents itself
            return
        results, self._results = self._results, {}
        try:
            written = review_checks.keep_results(window.store, results)
        except StoreError:
            return  # derived data: worked out again when the document is next opened
        if written:
            for document_id in written:
                window.list_model.refresh_document(document_id)
            window.update_counts()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Close:
            self.timer.stop()
            self.flush()
        return False
