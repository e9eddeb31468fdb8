"""The large export's second process: ``python -m desktop.export_worker FD WORKER PATH ALL SPLIT PART``.

Started by :mod:`desktop.export_parts` as a program of its own (``-m``), not by ``multiprocessing``'s
``spawn``: that start runs the calling program's main script again in the new process, so a
library caller's script without an ``if __name__ == "__main__"`` guard would have its side effects
run twice. This module runs only ``WORKER`` (``module:function``, the one
:data:`desktop.export_parts.WORKER` names), with the calling process's ``sys.path`` (environment
``BLOTTER_EXPORT_SYS_PATH``), and talks through the pipe ``FD``: one JSON list a line.

Example (what :func:`desktop.export_parts.write_csv` runs)::

    python -m desktop.export_worker 5 desktop.export_parts:work /data/blotter.sqlite 1 4321 /out/.x.part
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import sys

#: The calling process's ``sys.path``, as JSON.
SYS_PATH_ENV = "BLOTTER_EXPORT_SYS_PATH"


class Pipe:
    """The worker's end of the pipe: :meth:`send` writes one message, a JSON list on a line."""

    def __init__(self, fd: int):
        self._file = os.fdopen(fd, "w", encoding="utf-8")

    def send(self, message: tuple) -> None:
        self._file.write(json.dumps(list(message)) + "\n")
        self._file.flush()


def target(name: str):
    """The function ``module:qualified.name`` names."""
    module, _, qualname = name.partition(":")
    found = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the calling process's to handle
    fd, worker, path, include_all, split, part = argv
    if os.environ.get(SYS_PATH_ENV):
        sys.path[:] = json.loads(os.environ[SYS_PATH_ENV])
    target(worker)(path, include_all == "1", json.loads(split), part, Pipe(int(fd)))
    return 0


if __name__ == "__main__":
    try:
        code = main(sys.argv[1:])
    except BaseException:  # noqa: BLE001 - the calling process reports "stopped before it finished (exit 1)"
        code = 1
    os._exit(code)  # no clean-up that could write to a pipe the calling process closed
