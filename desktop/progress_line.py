"""A progress line for long command-line work on a terminal: files done, the rate, failures so far.

Written to a stream (standard error) only when it is a terminal, at most ten times a second, on
one line that is redrawn (``\\r``) and cleared before anything else is printed. Piped or
redirected output never sees it, so logs and scripts stay clean.

Example::

    >>> line = ProgressLine(sys.stderr)   # does nothing unless standard error is a terminal
    >>> line(120, "a.txt", 1)             # "120 files, 480 a second, 1 failed"
    >>> line.clear()
"""

from __future__ import annotations

import time
from typing import IO, Callable, Optional

_CLEAR = "\r\033[K"


class ProgressLine:
    def __init__(self, stream: IO[str], every_s: float = 0.1, clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.every_s = every_s
        self.clock = clock
        self.start = clock()
        self.shown_at: Optional[float] = None
        try:
            self.enabled = stream.isatty()
        except (AttributeError, ValueError):
            self.enabled = False

    def __call__(self, done: int, _path: str = "", failed: int = 0) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if self.shown_at is not None and now - self.shown_at < self.every_s:
            return
        self.shown_at = now
        self.stream.write(_CLEAR + self.text(done, failed, now - self.start))
        self.stream.flush()

    @staticmethod
    def text(done: int, failed: int, elapsed: float) -> str:
        rate = f", {done / elapsed:,.0f} a second" if elapsed > 0.2 else ""
        return f"{done:,} file{'s' if done != 1 else ''}{rate}, {failed:,} failed"

    def clear(self) -> None:
        """Remove the line (before the summary is printed)."""
        if self.enabled and self.shown_at is not None:
            self.stream.write(_CLEAR)
            self.stream.flush()
