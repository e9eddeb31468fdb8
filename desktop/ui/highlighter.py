"""Evidence highlights and the faint underline of uncited numbers, as ``ExtraSelection`` lists.

Offsets in the store count Python characters (code points); Qt's text positions
count UTF-16 units, so a character outside the Basic Multilingual Plane (an
emoji) counts twice in Qt. :class:`OffsetMap` converts both ways.

Example::

    >>> m = OffsetMap("a😀b"); m.to_qt(2), m.to_py(3)
    (3, 2)
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Optional

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from desktop.ui import style
from desktop.text_numbers import uncited


#: Code points taking two UTF-16 units (found by the regex engine, not a Python loop over every character).
_WIDE = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Python character offsets <-> Qt (UTF-16) positions for one text."""

    def __init__(self, text: str):
        self.wide = [] if text.isascii() else [m.start() for m in _WIDE.finditer(text)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.wide, offset)

    def to_py(self, position: int) -> int:
        if not self.wide:
            return position
        lo, hi = 0, self.length
        while lo < hi:  # smallest offset whose Qt position is >= position
            mid = (lo + hi) // 2
            if self.to_qt(mid) < position:
                lo = mid + 1
            else:
                hi = mid
        return lo


class Span:
    """A metric's evidence in the text: ``[start, end)`` in Python offsets."""

    __slots__ = ("start", "end", "row_id", "category")

    def __init__(self, start: int, end: int, row_id: int, category: str):
        self.start, self.end, self.row_id, self.category = start, end, row_id, category


def evidence_spans(body: str, rows: Iterable[dict]) -> list[Span]:
    """The spans of the rows that are not rejected and point inside ``body``."""
    spans = []
    for row in rows:
        offset, length = row.get("offset"), row.get("length")
        if row.get("status") == "rejected" or offset is None or not length:
            continue
        if offset < 0 or offset + length > len(body):
            continue
        spans.append(Span(offset, offset + length, row["id"], row.get("category") or "other"))
    return spans


def selections(view: QPlainTextEdit, body: str, spans: list[Span], offsets: OffsetMap,
               current: Optional[int] = None) -> list[QTextEdit.ExtraSelection]:
    """ExtraSelections for ``view``: uncited numbers underlined, then evidence by category colour."""
    out = []
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.DotLine)
    underline.setUnderlineColor(QColor("#9a9a9a"))
    underline.setToolTip("No row cites this number: a figure the extractor may have missed")
    for start, end in uncited(body, [(s.start, s.end) for s in spans]):
        out.append(_selection(view, offsets, start, end, underline))
    for span in spans:
        fmt = QTextCharFormat()
        colour = style.category_colour(span.category)
        if span.row_id == current:
            fmt.setBackground(colour.darker(125))
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor("#202020"))
        else:
            fmt.setBackground(colour)
        fmt.setForeground(QColor("#111111"))
        out.append(_selection(view, offsets, span.start, span.end, fmt))
    return out


def _selection(view: QPlainTextEdit, offsets: OffsetMap, start: int, end: int,
               fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    cursor = QTextCursor(view.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.KeepAnchor)
    sel = QTextEdit.ExtraSelection()
    sel.cursor = cursor
    sel.format = fmt
    return sel


def span_at(spans: list[Span], offset: int) -> Optional[Span]:
    """The shortest span containing ``offset`` (nested evidence: the inner one)."""
    hits = [s for s in spans if s.start <= offset < s.end]
    return min(hits, key=lambda s: s.end - s.start) if hits else None


