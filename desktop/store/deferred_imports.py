"""Modules sqlite-utils imports for work Blotter never asks of it, loaded on first use instead.

``sqlite_utils.recipes`` imports dateutil's parser (and with it dateutil's time zones, ctypes,
zoneinfo, importlib.resources) for its date-parsing recipes, which Blotter never calls; that was
about a fifth of the ``sqlite_utils`` import, which every start pays. The module object is made at
once and filled in when first used (:class:`importlib.util.LazyLoader`), so a recipe that parses a
date still works. click and pluggy cannot wait: sqlite-utils uses them while it is imported.

``sqlite_utils.db`` also compiles, at import, a case-insensitive regular expression over the
characters U+0080-U+FFFF (``_virtual_table_using_re``, for ``Table.virtual_table_using``): 132 M
instructions, a fifth of everything an empty Qt window costs to start. :func:`importing_sqlite_utils`
hands that module pattern objects compiled on first use instead (:class:`LazyPattern`); only calls
made by ``sqlite_utils.db`` itself, only while it is imported, and ``re.compile`` is restored after.

Example::

    >>> install()          # before the first ``import sqlite_utils``
    >>> import sqlite_utils
    >>> "dateutil.parser._parser" in sys.modules
    False
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import sys
from typing import Iterator

#: Loaded when first used, not when imported.
DEFERRED = frozenset({"dateutil.parser"})


class _DeferredFinder:
    """A meta-path finder: the usual spec of a :data:`DEFERRED` module, with a lazy loader."""

    def __init__(self) -> None:
        self._looking: set[str] = set()

    def find_spec(self, name, path=None, target=None):
        if name not in DEFERRED or name in self._looking:
            return None
        self._looking.add(name)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            self._looking.discard(name)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _DeferredFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _DeferredFinder())


#: The module whose import-time ``re.compile`` calls are deferred.
PATTERNS_OF = "sqlite_utils.db"


class LazyPattern:
    """A compiled pattern made when first used: every attribute is the real pattern's."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args) -> None:
        self._args = args
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = _compile(*self._args)
        return getattr(self._compiled, name)


_compile = re.compile


@contextlib.contextmanager
def importing_sqlite_utils() -> Iterator[None]:
    """Around the first ``import sqlite_utils``: its ``db`` module's patterns compile on first use."""
    def deferring(pattern, flags=0):
        caller = sys._getframe(1).f_globals.get("__name__")
        return LazyPattern(pattern, flags) if caller == PATTERNS_OF else _compile(pattern, flags)
    install()
    if "sqlite_utils.db" in sys.modules:
        yield
        return
    re.compile = deferring
    try:
        yield
    finally:
        re.compile = _compile
