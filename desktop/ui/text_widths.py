"""Text widths measured once per text and font.

``QFontMetrics.horizontalAdvance`` shapes its text anew at every call (HarfBuzz; Qt keeps no cache for it). A
document switch measured the same short texts over and over: the legend's chips three times each (to place
them, then twice to paint them), the value column's figures at each refit (two or three a switch). Fonts are
told apart by ``QFont.key()``; the cache forgets everything when it grows past :data:`LIMIT` entries.

Example::

    >>> widths = TextWidths()                     # doctest: +SKIP
    >>> metrics, key = QFontMetrics(font), font.key()
    >>> widths.width(metrics, key, "1,825")      # measured
    37
    >>> widths.width(metrics, key, "1,825")      # remembered
    37
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

#: entries kept before the cache starts afresh (short texts: a few hundred kilobytes at most)
LIMIT = 4096


class TextWidths:
    """``width(metrics, font_key, text)``: ``metrics.horizontalAdvance(text)``, measured once per font and text
    (``font_key`` is the metrics' font's ``QFont.key()``, worked out once by the caller)."""

    def __init__(self) -> None:
        self._widths: dict[tuple[str, str], int] = {}

    def width(self, metrics: QFontMetrics, font_key: str, text: str) -> int:
        key = (font_key, text)
        found = self._widths.get(key)
        if found is None:
            if len(self._widths) >= LIMIT:
                self._widths.clear()
            found = self._widths[key] = metrics.horizontalAdvance(text)
        return found
