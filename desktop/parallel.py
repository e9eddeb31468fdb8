"""Work on many files in worker processes, results streamed back in order, a chunk at a time.

The import and ``blotter extract --jobs`` read and extract releases in worker processes while the
calling process writes what comes back. Files go out in chunks of :data:`CHUNK` (one message a
chunk, not one a file) and at most :data:`AHEAD` chunks a worker are in flight, so a slow writer
holds back the readers instead of piling results up in memory. Results come back in the order of
the files.

Workers are forked when the caller is the process's only thread (the compiled rules are
inherited, not sent); from a process that runs other threads (the window) they come from a
``forkserver``, since forking a threaded process can copy a lock another thread holds. The
caller's time budget for one release (``extract_limits.TIME_BUDGET_S``) goes with them.

A worker that dies (killed, out of memory) loses only the file that killed it: every file that
was in flight is tried again alone, one at a time, in a new pool, and the one that kills a worker
again is reported by ``lost(path)``.

Example::

    >>> for result in in_workers(work_on_one_file, paths, workers=2, rules=rules, lost=report_lost):
    ...     write(result)
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator, Optional, Sequence, TypeVar

from desktop import extract_limits

R = TypeVar("R")
#: Files a message: large enough that pickling and waking a process cost little a file,
#: small enough that progress moves and the last chunks share out evenly.
CHUNK = 24
#: Chunks in flight a worker: enough that the workers keep busy while the caller writes a batch
#: (the import writes 500 releases a transaction, and hands out no work meanwhile). With 4 (96 files a
#: worker) the two workers stood idle for 15-25% of an import of 8,000 files; with 12, 6%, and the
#: import took 9% less time (ADR 0010, addendum). At most ``workers * AHEAD * CHUNK`` results wait in memory.
AHEAD = 12

_RULES = None


def worker_rules():
    """The rules the pool was started with (in a worker process)."""
    return _RULES


def _init(rules, budget: Optional[float]) -> None:
    global _RULES
    _RULES = rules
    extract_limits.TIME_BUDGET_S = budget  # the caller's --time-budget, also under forkserver


def _run(fn: Callable[[str], R], chunk: Sequence[str]) -> list[R]:
    return [fn(path) for path in chunk]


def _context():
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver")


def in_workers(fn: Callable[[str], R], paths: Sequence[str], workers: int, rules=None,
               lost: Optional[Callable[[str], R]] = None, chunk: int = CHUNK) -> Iterator[R]:
    """``fn(path)`` for every path, computed in ``workers`` processes, yielded in order.

    :param fn: a module-level function (it is sent to the workers by name); it may call
        :func:`worker_rules` for ``rules``
    :param lost: the result for a file whose worker died (default: the error is raised). When a
        worker dies, every file that was in flight is tried again alone, one at a time, so only
        the file that kills a worker is lost.
    Closing the generator early (a cancelled import) stops handing out work.
    """
    # (files, suspect): a suspect was in flight when a worker died; it runs alone
    todo = deque((list(paths[i:i + chunk]), False) for i in range(0, len(paths), chunk))
    while todo:
        pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init,
                                   initargs=(rules, extract_limits.TIME_BUDGET_S))
        pending: deque[tuple[list[str], bool, Future]] = deque()
        try:
            while todo or pending:
                while todo and len(pending) < workers * AHEAD and not (todo[0][1] and pending):
                    part, suspect = todo.popleft()
                    pending.append((part, suspect, pool.submit(_run, fn, part)))
                    if suspect:
                        break
                part, suspect, future = pending.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    if lost is None:
                        raise
                    if suspect:  # it ran alone: it is the one
                        yield lost(part[0])
                        requeue = []
                    else:
                        requeue = [([p], True) for q in [part] + [q for q, _, _ in pending] for p in q]
                    pending.clear()
                    todo.extendleft(reversed(requeue))
                    break
                yield from results
        finally:
            pool.shutdown(wait=not pending, cancel_futures=True)
