"""Errors from background work, written down for whoever looks into them later.

The window shows a person one sentence; the details (when, what was being done, the traceback)
go to ``blotter.log`` in the user's state folder: ``$XDG_STATE_HOME/blotter``, else
``~/.local/state/blotter``. The file is kept under about a megabyte (the older half moves to
``blotter.log.1``). Writing the log never raises: a full disk must not turn one error into two.

Example::

    >>> path = log_error("import", exc)        # the file written, or None when it could not be
    >>> f"{message} (details in {path})"
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from desktop.paths import user_state_dir

LOG_NAME = "blotter.log"
MAX_BYTES = 1_000_000


def log_path() -> Path:
    return user_state_dir() / LOG_NAME


def log_error(context: str, exc: Optional[BaseException] = None, message: str = "") -> Optional[Path]:
    """Append one entry (time, context, message, traceback) to the log; its path, or None if not written."""
    path = log_path()
    when = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [f"{when} {context}: {message or (f'{type(exc).__name__}: {exc}' if exc else 'error')}"]
    if exc is not None:
        lines += ["".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        with open(path, "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n\n")
    except OSError:
        return None
    return path


def with_log(message: str, path: Optional[Path]) -> str:
    """``message``, naming the log file when there is one."""
    return f"{message} (details in {path})" if path else message
