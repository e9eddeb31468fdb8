"""Modules sqlite-utils imports for work Blotter never asks of it, loaded on first use instead.

``sqlite_utils.recipes`` imports dateutil's parser (and with it dateutil's time zones, ctypes,
zoneinfo, importlib.resources) for its date-parsing recipes, which Blotter never calls; that was
about a fifth of the ``sqlite_utils`` import, which every start pays. The module object is made at
once and filled in when first used (:class:`importlib.util.LazyLoader`), so a recipe that parses a
date still works. click and pluggy cannot wait: sqlite-utils uses them while it is imported.

Example::

    >>> install()          # before the first ``import sqlite_utils``
    >>> import sqlite_utils
    >>> "dateutil.parser._parser" in sys.modules
    False
"""

from __future__ import annotations

import importlib.util
import sys

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
