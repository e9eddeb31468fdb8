"""Names and messages made safe to print: control characters shown as escapes, never obeyed.

A file name may hold a newline (forging an extra line of a summary), a terminal escape
sequence (recolouring or retitling the terminal) or a bidirectional override (showing the
letters in another order). Everything printed for a person goes through :func:`printable`.

Example::

    >>> printable("evil\\nimported 999\\x1b[2J.txt")
    'evil\\\\nimported 999\\\\x1b[2J.txt'
"""

from __future__ import annotations

import unicodedata

_ESCAPED = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def printable(text: str) -> str:
    """``text`` with every control, format or separator character written as its ``repr`` escape."""
    if text.isprintable():
        return text
    return "".join(repr(ch)[1:-1] if unicodedata.category(ch) in _ESCAPED else ch for ch in text)
