"""Running the loop's work (report, try, suggest) off the GUI thread, on the window's database.

The work gets its own store connection (SQLite connections do not cross threads); an
in-memory database (tests) has no second connection, so there the work runs in place.
"""

from __future__ import annotations

from typing import Callable, Optional

from desktop.store import Store
from desktop.ui.workers import Job


def run(window, work: Callable[[Store, Job], object], on_done: Callable[[object], None],
        on_failed: Callable[[str], None], parent=None) -> Optional[Job]:
    """Start ``work(store, job)``; ``on_done(result)`` or ``on_failed(message)`` on the GUI thread.

    :param parent: the dialog asking (the job itself belongs to the window, so it outlives the dialog)
    """
    store = window.store
    if store.name == ":memory:":
        job = Job(lambda j: work(store, j), parent)
        try:
            on_done(work(store, job))
        except Exception as exc:  # noqa: BLE001 - a message for a person, never a traceback
            on_failed(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))
        return None

    def threaded(job: Job):
        own = Store.open(store.name, store.reviewer)
        try:
            return work(own, job)
        finally:
            own.close()

    job = Job(threaded, window)  # the window's child: a dialog closed meanwhile takes its slots, not the job
    job.finished.connect(on_done)
    job.failed.connect(on_failed)
    job.start()
    return job
