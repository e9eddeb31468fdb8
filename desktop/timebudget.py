"""A time budget for one piece of work (one release's extraction), in any thread.

In the main thread a real-time timer (``SIGALRM``) interrupts the work, even inside a long
regular-expression match. In another thread (the window imports in a background thread)
a watchdog timer raises :class:`OverBudget` in that thread between two Python steps, which
is soon enough for the extractor (many short steps). Either way the work stops with
:class:`OverBudget` and the caller decides what to keep.

Example::

    >>> with time_budget(30):
    ...     extraction = extractor.extract(doc)
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from typing import Iterator, Optional


class OverBudget(Exception):
    """The work ran past its time budget."""


@contextlib.contextmanager
def time_budget(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`OverBudget` in the block once it has run ``seconds`` (``None`` or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expired(signum, frame):
        raise OverBudget()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(OverBudget))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            if state["fired"]:
                # the exception may still be pending: take it back so it cannot surface after the block
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
