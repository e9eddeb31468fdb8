"""Long work off the GUI thread: import, re-extract all, export.

A :class:`Job` runs a plain function on ``QThreadPool`` (an import also reads and extracts in
worker processes, one a core: :mod:`desktop.parallel`); the function opens its
OWN store connection on the same file (SQLite connections do not cross threads,
and WAL lets the window keep reading and writing meanwhile). Progress and the
result come back as queued signals; ``cancel()`` is polled between files.

Example::

    >>> job = Job(import_work(db_path, "ann", ["/data/releases"]))
    >>> job.finished.connect(show_summary); job.start()
"""

from __future__ import annotations

import threading
from typing import Callable, Iterable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.errorlog import log_error, with_log
from desktop.store import Store, StoreError, review_checks

Work = Callable[["Job"], object]


class Job(QObject):
    """One piece of background work and its signals (emitted from the worker thread, delivered queued)."""

    progress = Signal(int, int, str)  # done, total (0: unknown), what
    finished = Signal(object)  # the work's result
    failed = Signal(str)  # a message for a person

    def __init__(self, work: Work, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.work = work
        # what the error log calls it: "import" for import_work's work
        self.name = getattr(work, "__qualname__", "background work").split(".")[0].removesuffix("_work")
        self._cancel = threading.Event()
        self.running = False

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(_Runnable(self))

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        job = self.job
        try:
            result = job.work(job)
        except (StoreError, OSError, ValueError) as exc:
            job.running = False
            job.failed.emit(with_log(str(exc), log_error(job.name, exc)))
            return
        except Exception as exc:  # noqa: BLE001 - a defect is reported, never a crash of the window
            message = f"unexpected error: {type(exc).__name__}: {exc}"
            job.running = False
            job.failed.emit(with_log(message, log_error(job.name, exc, message)))
            return
        job.running = False
        job.finished.emit(result)


def count_files(paths: Iterable[str]) -> int:
    """Roughly how many files an import will read (for the progress bar)."""
    from desktop.importer import iter_files  # here: the window starts without the importer (YAML, HTML)
    return sum(1 for _ in iter_files(paths))  # the importer's own walk: no recursion, depth-limited


def import_work(db_path: str, reviewer: str, paths: list[str]) -> Work:
    def work(job: Job):
        total = count_files(paths)
        store = Store.open(db_path, reviewer)
        try:
            from desktop.ingest import default_workers, import_paths  # here: the window starts without it
            return import_paths(store, paths,
                                progress=lambda done, path, *_: job.progress.emit(done, max(total, done), str(path)),
                                cancelled=job.cancelled, workers=default_workers())
        finally:
            store.close()
    return work


def reextract_work(db_path: str, reviewer: str) -> Work:
    """Run the extractor again on every document; returns ``{"done", "flagged", "cancelled"}``."""
    def work(job: Job):
        from desktop.ingest import safe_extract  # here: the window starts without the extractor's door
        store = Store.open(db_path, reviewer)
        try:
            ids = store.all_document_ids()
            flagged, done = [], 0
            for doc_id in ids:
                if job.cancelled():
                    break
                doc = store.document_object(doc_id)
                if doc is not None and store.reextract(doc_id, safe_extract(doc)):
                    flagged.append(doc_id)
                if doc is not None:
                    review_checks.check_document(store, doc_id)  # new suggestions, new findings
                done += 1
                job.progress.emit(done, len(ids), doc.name if doc else "")
            return {"done": done, "flagged": flagged, "cancelled": job.cancelled(), "total": len(ids)}
        finally:
            store.close()
    return work


def export_work(db_path: str, reviewer: str, out: str, include_all: bool) -> Work:
    """Write the CSV; returns ``(rows, out)``."""
    from desktop.export import export  # here: not needed to start the window

    def work(job: Job):
        store = Store.open(db_path, reviewer)
        try:
            job.progress.emit(0, 0, out)
            return export(store, out, include_all=include_all), out
        finally:
            store.close()
    return work
