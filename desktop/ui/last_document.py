"""The document the reviewer last opened, remembered at a pause rather than at every switch.

``QSettings`` writes its whole file when the event loop next runs after a change, and the write
ends in ``fdatasync`` (twice): 5-12 ms at the median and 28-44 ms at the 95th percentile on the
benchmark machine, inside every document switch. The window only needs the last document when it
next opens, so it is written once the reviewer stays on a document for :data:`DELAY_MS`, and when
the window closes or opens another database (:meth:`LastDocument.flush`). A crash forgets at most
the last few seconds of browsing, never anything the reviewer saved.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, QTimer

from desktop.ui.settings import Settings

DELAY_MS = 2000


class LastDocument(QObject):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self._waiting: Optional[tuple[str, int]] = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def remember(self, db_path: str, document_id: int) -> None:
        if self._waiting is not None and self._waiting[0] != db_path:
            self.flush()  # another database's last document is written before it is replaced
        self._waiting = (db_path, int(document_id))
        self._timer.start(DELAY_MS)

    def waiting(self) -> Optional[tuple[str, int]]:
        return self._waiting

    def flush(self) -> None:
        self._timer.stop()
        if self._waiting is not None:
            db_path, document_id = self._waiting
            self._waiting = None
            self.settings.set_last_document(db_path, document_id)
