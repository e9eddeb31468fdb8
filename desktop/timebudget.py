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


#: After the budget is spent, the interrupt is repeated this often until the work stops: an
#: exception raised inside a garbage-collector callback or a ``__del__`` is swallowed by Python.
REPEAT_S = 0.05


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    state = {"active": True}

    def expired(signum, frame):
        if state["active"]:
            raise OverBudget()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    try:
        yield
    finally:
        while True:  # an alarm arriving during the clean-up must not cut it short
            try:
                state["active"] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except OverBudget:
                continue


@contextlib.contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    stop = threading.Event()
    state = {"active": True, "fired": False}

    def watch() -> None:
        if stop.wait(seconds):
            return
        while True:
            with lock:
                if not state["active"]:
                    return
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(OverBudget))
            if stop.wait(REPEAT_S):
                return

    watcher = threading.Thread(target=watch, name="time-budget", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        while True:
            try:
                with lock:
                    state["active"] = False
                    stop.set()
                    if state["fired"]:
                        # an exception may still be pending: take it back so it cannot surface after the block
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
                break
            except OverBudget:
                continue
