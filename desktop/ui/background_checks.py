"""Documents never checked (imported from the command line, or from before checks existed) are checked
when the window opens or sees outside changes: a few at once, many off the GUI thread on their own
connection (WAL lets the window keep working)."""

from __future__ import annotations

import time
from typing import Optional

from PySide6.QtCore import QObject, Signal

from desktop.store import Store, StoreError, review_checks
from desktop.ui.workers import Job

#: up to this many unchecked documents are checked at once (about a millisecond each)
AT_ONCE = 300


class BackgroundChecks(QObject):
    #: how many documents were checked
    done = Signal(int)

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.job: Optional[Job] = None

    def start(self, store: Store) -> None:
        try:
            waiting = review_checks.unchecked_count(store)
            if not waiting:
                return
            if waiting <= AT_ONCE or store.name == ":memory:":
                self.done.emit(review_checks.check_unchecked(store))
                return
        except StoreError:
            return  # derived data: the next open tries again
        if self.job is not None and self.job.running:
            return
        path, reviewer = store.name, store.reviewer

        def work(job: Job) -> int:
            own = Store.open(path, reviewer)
            try:
                done = 0
                while not job.cancelled():
                    step = review_checks.check_unchecked(own, job.cancelled, batch=100, batches=1)
                    if not step:
                        break
                    done += step
                    time.sleep(0.02)  # the window's thread gets the interpreter between batches
                return done
            finally:
                own.close()

        self.job = Job(work, self)
        self.job.finished.connect(self.done.emit)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def running(self) -> bool:
        return self.job is not None and self.job.running
