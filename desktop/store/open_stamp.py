"""The stamp that lets :func:`desktop.store.connection.connect` skip ``PRAGMA quick_check`` (ADR 0011).

After a check passes, and again after Blotter closes the last connection to a file cleanly, the file's
identity is recorded in ``checked.json`` in the user's state folder (:func:`desktop.paths.user_state_dir`):
device, inode, size, ``st_mtime_ns``, ``st_ctime_ns`` (no tool can set ctime back), all from
``stat()``: the file itself is never opened here (see :func:`identity`). An open whose file still has exactly that identity skips the check; anything
else (a change made outside Blotter, a crash that left a ``-wal`` or ``-journal`` behind, a copied or
replaced file, a stamp older than :data:`RECHECK_AFTER_S`) runs it as before. A missing, broken or
foreign stamp file only means the check runs: it is never fatal.

Example::

    >>> stamp = identity("blotter.sqlite")        # None for a file that cannot be read
    >>> checked_at("blotter.sqlite")               # None: run the check; else when it last ran
    1764615600.0
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Optional, Union

from desktop.atomic_file import replacing
from desktop.paths import user_state_dir

#: The stamps' file in the user's state folder.
FILE_NAME = "checked.json"
#: At most this many databases are remembered (the least recently stamped go first).
MAX_ENTRIES = 64
#: A stamp file larger than this is not read (it is someone else's, or broken).
MAX_BYTES = 256 * 1024
#: A file is checked again after this long even when unchanged (bit rot changes no timestamp).
RECHECK_AFTER_S = 7 * 24 * 3600
#: A file changed less than this before its stamp is taken could change again within the same tick
#: of the file system's clock, unseen by its times: the stamp waits this long after the last change.
SETTLE_NS = 25_000_000
#: On a file system that keeps whole seconds (FAT, some network mounts) that wait would be 2 s.
COARSE_SETTLE_NS = 2_100_000_000

_FIELDS = ("dev", "ino", "size", "mtime_ns", "ctime_ns")


def stamps_path() -> Path:
    return user_state_dir() / FILE_NAME


def _key(path: Union[str, Path]) -> str:
    return str(Path(path).resolve())


def unfinished(path: Union[str, Path]) -> bool:
    """Whether a ``-journal`` or a non-empty ``-wal`` lies beside the file: another process is writing,
    or one crashed mid-write; either way the file alone is not the database."""
    name = str(path)
    try:
        if os.path.lexists(name + "-journal"):
            return True
        return os.stat(name + "-wal").st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True


def identity(path: Union[str, Path]) -> Optional[dict]:
    """The file's stat fields, or ``None`` when it cannot be looked at.

    ``stat()`` only: the file is never opened here. Closing a descriptor of our own on the database
    file would drop the POSIX locks every SQLite connection of this process holds on it, and another
    process could then checkpoint and remove the WAL under a reader (the failure SQLite's "How to
    corrupt" page names first). Any write to the header changes the times anyway."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return {"dev": st.st_dev, "ino": st.st_ino, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "ctime_ns": st.st_ctime_ns}


def _load() -> dict:
    """The stamps by resolved path; ``{}`` when the file is missing, too large or not ours."""
    try:
        p = stamps_path()
        if p.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) and data.get("version") == 1 else None
    return {k: v for k, v in files.items() if isinstance(v, dict)} if isinstance(files, dict) else {}


def checked_at(path: Union[str, Path]) -> Optional[float]:
    """When the file was last checked, if it has not changed since Blotter left it; else ``None``.

    ``None`` also for a stamp older than :data:`RECHECK_AFTER_S`, and whenever anything is unfinished
    beside the file (:func:`unfinished`).
    """
    if unfinished(path):
        return None
    entry = _load().get(_key(path))
    now = identity(path)
    if entry is None or now is None or any(entry.get(f) != now[f] for f in _FIELDS):
        return None
    when = entry.get("checked")
    if not isinstance(when, (int, float)) or not 0 <= time.time() - when < RECHECK_AFTER_S:
        return None
    return float(when)


def _settled(path: Union[str, Path], wait: bool) -> Optional[dict]:
    """The file's identity once a later change would show in its times; ``None`` when that would
    mean waiting (``wait`` False, or a whole-second file system)."""
    now = identity(path)
    if now is None:
        return None
    coarse = now["mtime_ns"] % 1_000_000_000 == 0 and now["ctime_ns"] % 1_000_000_000 == 0
    settle = COARSE_SETTLE_NS if coarse else SETTLE_NS
    age = time.time_ns() - max(now["mtime_ns"], now["ctime_ns"])
    if age >= settle:
        return now
    if not wait or coarse:
        return None
    time.sleep((settle - age) / 1e9)
    return identity(path)


def file_id(path: Union[str, Path]) -> Optional[tuple[int, int]]:
    """The file's device and inode (which file a connection has open), or ``None``."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def record(path: Union[str, Path], checked: float, wait: bool = True,
           same_file: Optional[tuple[int, int]] = None) -> bool:
    """Remember that the file at ``path``, as it is now, is sound (checked at ``checked``, a time).

    Nothing is recorded while anything is unfinished beside the file, when ``path`` is no longer the
    file ``same_file`` names (device, inode: it was replaced while open), or (``wait`` False) when it
    changed too recently for its times to show a further change. Never raises.

    :returns: whether a stamp was written
    """
    try:
        if unfinished(path):
            return False
        now = _settled(path, wait)
        if now is None or unfinished(path):
            return False
        if same_file is not None and (now["dev"], now["ino"]) != tuple(same_file):
            return False
        files = _load()
        files[_key(path)] = dict(now, checked=float(checked), stamped=time.time())
        if len(files) > MAX_ENTRIES:
            keep = sorted(files, key=lambda k: files[k].get("stamped", 0)
                          if isinstance(files[k].get("stamped"), (int, float)) else 0)[-MAX_ENTRIES:]
            files = {k: files[k] for k in keep}
        _write({"version": 1, "files": files})
        return True
    except (OSError, ValueError, TypeError):
        return False


def forget(path: Union[str, Path]) -> None:
    """Drop the file's stamp (its next open runs the check). Never raises."""
    try:
        files = _load()
        if files.pop(_key(path), None) is not None:
            _write({"version": 1, "files": files})
    except (OSError, ValueError, TypeError):
        pass


def _write(data: dict) -> None:
    """Atomically: a temporary file beside it, then a rename (a reader sees the old or the new one)."""
    target = stamps_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target, prefix=".checked-") as (fd, _tmp):
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, separators=(",", ":"))
