"""Evidence highlights and the faint underline of uncited numbers, painted into the release's character formats.

They were ``ExtraSelection`` lists until the fifth round of issue 15 (ADR 0013): Qt measured every highlighted
paragraph to place its cursor, then each highlight's rectangle, and drew each highlighted line once more per
highlight; formats set in the same edit as the text cost none of that.

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

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

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


#: ``(start, end, key)``: ``body[start:end]`` (Python offsets) painted as ``key`` says (see :func:`char_format`)
Highlight = tuple


def formats(body: str, spans: list[Span], current: Optional[int] = None) -> list[Highlight]:
    """What to paint where, in order (a later one wins where two overlap, e.g. nested evidence): uncited numbers
    underlined, then evidence by category colour, ``current``'s darker and underlined."""
    out = [(start, end, "uncited") for start, end in uncited(body, [(s.start, s.end) for s in spans])]
    for span in spans:
        out.append((span.start, span.end, ("current" if span.row_id == current else "evidence", span.category)))
    return out


_FORMATS: dict = {}


def char_format(key) -> QTextCharFormat:
    """The character format of a highlight's ``key`` (made once)."""
    fmt = _FORMATS.get(key)
    if fmt is not None:
        return fmt
    fmt = QTextCharFormat()
    if key == "uncited":
        fmt.setUnderlineStyle(QTextCharFormat.DotLine)
        fmt.setUnderlineColor(QColor("#9a9a9a"))
        fmt.setToolTip("No row cites this number: a figure the extractor may have missed")
    else:
        kind, category = key
        colour = style.category_colour(category)
        if kind == "current":
            fmt.setBackground(colour.darker(125))
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor("#202020"))
        else:
            fmt.setBackground(colour)
        fmt.setForeground(QColor("#111111"))
    _FORMATS[key] = fmt
    return fmt


def apply(document: QTextDocument, offsets: OffsetMap, new: list[Highlight],
          old: Optional[list[Highlight]]) -> None:
    """Paint ``new`` into ``document``'s character formats.

    ``old`` is what was painted before (None: nothing, the text was just set). When only keys changed (another
    current row), only those highlights, and the later ones over them, are painted again, each in an edit of
    its own: Qt then lays out again only the paragraph it is in (one edit over two of them re-laid out every
    paragraph between). Otherwise every format is cleared first and all are painted in one edit (inside the
    caller's, when the text was just set). Placing a cursor inside an edit measures nothing (outside one, Qt
    lays the paragraph out to know the cursor's x)."""
    if old is not None and [h[:2] for h in old] == [h[:2] for h in new]:
        changed = [i for i, (h, was) in enumerate(zip(new, old)) if h[2] != was[2]]
        # a changed highlight, and a later one over it (it must win there again)
        todo = [h for i, h in enumerate(new) if i in changed or any(
            c < i and h[0] < new[c][1] and new[c][0] < h[1] for c in changed)]
        for highlight in todo:
            _paint(document, offsets, [highlight], clear=False)
        return
    if new or old:
        _paint(document, offsets, new, clear=old is not None)


def _paint(document: QTextDocument, offsets: OffsetMap, highlights: list[Highlight], clear: bool) -> None:
    """One edit: every format cleared (``clear``), then ``highlights`` set in order."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        if clear:
            cursor.setPosition(0)
            cursor.setPosition(document.characterCount() - 1, QTextCursor.KeepAnchor)
            cursor.setCharFormat(QTextCharFormat())
        for start, end, key in highlights:
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.KeepAnchor)
            cursor.setCharFormat(char_format(key))
    finally:
        cursor.endEditBlock()


def span_at(spans: list[Span], offset: int) -> Optional[Span]:
    """The shortest span containing ``offset`` (nested evidence: the inner one)."""
    hits = [s for s in spans if s.start <= offset < s.end]
    return min(hits, key=lambda s: s.end - s.start) if hits else None

