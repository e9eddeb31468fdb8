"""A file replaced in one step: written beside its target under a temporary name, then renamed.

A reader sees the old file or the new one, never half of either; when the writing fails (a full
disk, Ctrl+C, a bug) the temporary file is removed and the old file stays as it was. Used by the
export, the user's rules that Blotter writes, and the open-check stamps.

Example::

    >>> with replacing(Path("figures.csv"), prefix=".figures.csv.") as (fd, tmp):
    ...     with os.fdopen(fd, "w", encoding="utf-8") as fh:
    ...         fh.write("a,b\\r\\n")
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def replacing(target: Path, prefix: str, suffix: str = ".tmp") -> Iterator[tuple[int, str]]:
    """A new temporary file in ``target``'s folder, as ``(descriptor, path)``: the caller writes and
    closes it; it is renamed over ``target`` when the block ends, and removed when the block raises."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=str(target.parent))
    try:
        yield fd, tmp
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
