"""Import files into a store: read, extract, save in batches, report what happened.

Plain Python shared by the CLI and the window (which runs it off the GUI thread).

Example::

    >>> report = import_paths(store, ["seeds/"])
    >>> report.summary()
    'imported 5, duplicates 0, failed 0'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Union

from desktop.domain import Document, Extraction
from desktop import extract_limits
from desktop.extract_limits import bound
from desktop.names import printable
from desktop.paths import seeds_dir
from desktop.store import Store
from desktop.timebudget import OverBudget, time_budget

if TYPE_CHECKING:  # the importer (YAML, HTML) is loaded when files are read, not when the window starts
    from desktop.importer import ImportResult

BATCH = 500
#: Fewer files than this are read in-process: a pool costs more than it saves.
POOL_THRESHOLD = 400


@dataclass
class ImportReport:
    """What an import did: ids added, duplicates, failures and notes, each naming the file."""

    imported: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        text = f"imported {len(self.imported)}, duplicates {len(self.duplicates)}, failed {len(self.failed)}"
        return text + (" (cancelled)" if self.cancelled else "")

    def lines(self) -> list[str]:
        """One line a problem or note, for a person."""
        out = [f"failed: {path}: {why}" for path, why in self.failed]
        out += [f"note: {path}: {what}" for path, what in self.notes]
        out += [f"duplicate: {path}: already in the database" for path in self.duplicates]
        return [printable(line) for line in out]  # a newline or escape in a name is shown, not obeyed


def safe_extract(doc: Document, rules=None) -> Extraction:
    """The extractor's output, or an empty extraction carrying the error: a rule bug never stops an import."""
    return bounded_extract(doc, rules)[0]


def bounded_extract(doc: Document, rules=None) -> tuple[Extraction, list[str]]:
    """:func:`safe_extract` within the limits of :mod:`desktop.extract_limits` (output size, time
    budget), with notes on what was left out. A release over its time budget keeps no suggestions
    and says so in ``error`` (the import stores the release and names it in the report)."""
    from desktop import extractor  # here, not at the top: the window starts without compiling rules
    budget = extract_limits.TIME_BUDGET_S

    def failed(why: str) -> Extraction:
        return Extraction(document=doc.name, title=doc.title, published=doc.published, publisher=doc.publisher,
                          url=doc.url, area=doc.area, extractor_version=extractor.EXTRACTOR_VERSION, error=why)
    try:
        rules = rules or extractor.default_rules()  # loaded outside the budget: once, and never half-way
        with time_budget(budget):
            extraction = extractor.extract(doc, rules)
    except OverBudget:
        return failed(f"extraction took longer than {budget:g} s (the time budget for one release): "
                      "imported without suggestions"), []
    except Exception as exc:  # noqa: BLE001 - reported, not hidden
        return failed(f"extractor failed: {type(exc).__name__}: {exc}"), []
    return bound(extraction)


def read_and_extract(path: str, rules=None) -> tuple[ImportResult, Optional[Extraction]]:
    """One file :func:`~desktop.importer.iter_files` listed, read and extracted: the unit of work a
    pool process does."""
    from desktop.importer import read_listed
    result = read_listed(path)
    if not result.ok:
        return result, None
    extraction, notes = bounded_extract(result.document, rules)
    result.notes.extend(notes)
    return result, extraction


def _pool_work(path: str) -> tuple[ImportResult, Optional[Extraction]]:
    from desktop import parallel
    return read_and_extract(path, parallel.worker_rules())


def _lost(path: str) -> tuple[ImportResult, Optional[Extraction]]:
    from desktop.importer import ImportResult
    return ImportResult(path, error="the process reading it stopped unexpectedly (out of memory?); "
                                    "nothing of it was imported: import it again on its own"), None


def read_and_extract_all(paths, rules=None, workers: int = 1) -> Iterator[tuple[ImportResult, Optional[Extraction]]]:
    """:func:`read_and_extract` for every file under ``paths``, in the order of
    :func:`~desktop.importer.iter_files`; with ``workers`` > 1 and at least :data:`POOL_THRESHOLD`
    files, in that many worker processes (:mod:`desktop.parallel`)."""
    from desktop.importer import ImportResult, iter_files
    listed = list(iter_files(paths))
    if workers <= 1 or len(listed) < POOL_THRESHOLD:
        for path, problem in listed:
            yield (ImportResult(str(path), error=problem), None) if problem else read_and_extract(str(path), rules)
        return
    from desktop import extractor, parallel  # here: the window starts without multiprocessing
    rules = rules or extractor.default_rules()  # compiled once, here: forked workers inherit them
    done = parallel.in_workers(_pool_work, [str(p) for p, problem in listed if not problem], workers, rules,
                               lost=_lost)
    try:
        for path, problem in listed:
            yield (ImportResult(str(path), error=problem), None) if problem else next(done)
    finally:
        done.close()


def default_workers() -> int:
    """Processes for reading and extracting: one a core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


def import_paths(store: Store, paths: Iterable[Union[str, Path]], rules=None,
                 progress: Optional[Callable[[int, str, int], None]] = None,
                 cancelled: Optional[Callable[[], bool]] = None, workers: int = 1) -> ImportReport:
    """Read, extract and store every release under ``paths``, ``BATCH`` files a transaction.

    :param progress: called with (files done, current path, failures so far)
    :param cancelled: polled between files; when it returns True the import stops
        after saving what was read so far
    :param workers: processes that read and extract in parallel while this process writes (the
        CLI and the window use :func:`default_workers`); ``progress`` and ``cancelled`` are still
        called here, a file at a time
    """
    report = ImportReport()
    batch: list[tuple[Document, Extraction]] = []
    done = 0

    def flush() -> None:
        added, dupes = store.import_batch(batch)
        report.imported.extend(added)
        report.duplicates.extend(d.source_path or d.name for d in dupes)
        batch.clear()

    with store.importing():
        for result, ext in read_and_extract_all(paths, rules, workers):
            done += 1
            _collect(result, ext, report, batch)
            if len(batch) >= BATCH:
                flush()
            if progress:
                progress(done, result.path, len(report.failed))
            if cancelled and cancelled():
                report.cancelled = True
                break
        if batch:
            flush()
    return report


def _collect(result: ImportResult, ext: Optional[Extraction], report: ImportReport, batch: list) -> None:
    if result.error:
        report.failed.append((result.path, result.error))
        return
    for note in result.notes:
        report.notes.append((result.path, note))
    if ext.error:
        report.notes.append((result.path, ext.error))
    batch.append((result.document, ext))


def ensure_seeded(store: Store) -> Optional[ImportReport]:
    """Import the bundled sample releases into an empty database (first run)."""
    if store.count() > 0:
        return None
    return import_paths(store, [seeds_dir()])
