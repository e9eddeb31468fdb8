"""Refuse regular expressions that can take exponential time (nested unbounded repeats).

Python's ``re`` has no time limit, so a rule like ``(a+)+b`` could freeze the app on a
long line. Such patterns are refused when the rules are loaded; the windows the engine
matches in are short as well, which bounds what a merely slow pattern can cost.

Example::

    >>> catastrophic(r"(\\w+\\s?)+$")
    'a repeated group contains an unbounded repeat'
    >>> catastrophic(r"(?:\\w+\\s+){0,3}arrests") is None
    True
"""

from __future__ import annotations

from typing import Optional

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re._constants import MAXREPEAT, MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT, SUBPATTERN, BRANCH  # type: ignore
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    from sre_constants import MAXREPEAT, MAX_REPEAT, MIN_REPEAT, SUBPATTERN, BRANCH  # type: ignore
    POSSESSIVE_REPEAT = None

_REPEATS = tuple(op for op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) if op is not None)
#: A bounded outer repeat of an unbounded inner one is still refused above this bound.
_OUTER_LIMIT = 10


def _has_unbounded(items) -> bool:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            if hi == MAXREPEAT or _has_unbounded(sub):
                return True
        elif op == SUBPATTERN:
            if _has_unbounded(av[-1]):
                return True
        elif op == BRANCH:
            if any(_has_unbounded(alt) for alt in av[1]):
                return True
    return False


def _walk(items) -> Optional[str]:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            if (hi == MAXREPEAT or hi > _OUTER_LIMIT) and _has_unbounded(sub):
                return "a repeated group contains an unbounded repeat"
            found = _walk(sub)
            if found:
                return found
        elif op == SUBPATTERN:
            found = _walk(av[-1])
            if found:
                return found
        elif op == BRANCH:
            for alt in av[1]:
                found = _walk(alt)
                if found:
                    return found
    return None


def catastrophic(pattern: str) -> Optional[str]:
    """Why ``pattern`` may backtrack exponentially, or ``None`` when it looks safe.

    :param pattern: the regular expression source
    """
    try:
        tree = _sre_parse.parse(pattern)
    except Exception:  # the caller compiles and reports syntax errors itself
        return None
    return _walk(list(tree))
