"""The document the reviewer last opened, remembered at a pause rather than at every switch.

``QSettings`` writes its whole file when the event loop next runs after a change, and the write
ends in ``fdatasync`` (twice): 5-12 ms at the median and 28-44 ms at the 95th percentile on the
benchmark machine, inside every document switch. The window only needs the last document when a
window next opens, so it waits in ``Settings.waiting_last`` (which ``Settings.last_document`` reads
first) and is written once the reviewer stays on a document for :data:`DELAY_MS`, and when the
window closes (:meth:`LastDocument.flush`). A crash forgets at most the last seconds of browsing,
never anything the reviewer saved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.ui.settings import Settings

DELAY_MS = 2000


class LastDocument(QObject):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def remember(self, db_path: str, document_id: int) -> None:
        self.settings.waiting_last[str(db_path)] = int(document_id)
        self._timer.start(DELAY_MS)

    def flush(self) -> None:
        self._timer.stop()
        waiting, self.settings.waiting_last = self.settings.waiting_last, {}
        for db_path, document_id in waiting.items():
            self.settings.set_last_document(db_path, document_id)
