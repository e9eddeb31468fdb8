"""The legend under the release: the colour of each category highlighted, with its count.

Painted chip by chip (not a rich-text ``QLabel``): a document switch changes the counts, and a
wrapping rich-text label then re-laid out its text and the layouts up to the main window each time.
This widget asks for a new height only when its chips need another line (ADR 0013, addendum).
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui import style
from desktop.ui.text_widths import TextWidths

#: one piece of a chip: (text, bold, background colour or None, text colour or None, dotted underline)
Piece = tuple[str, bool, Optional[str], Optional[str], bool]

GAP = 10  # pixels between chips
PAD = 4  # pixels inside a coloured chip, each side
MARGIN = 4
MIN_LINES = 2  # the chips and the dotted underline's meaning take two lines at most window widths


class Legend(QWidget):
    """One or more lines of colour chips: "KEY category  count", then what the dotted underline means."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.keys: dict[str, str] = {}
        self._counts: Counter = Counter()
        self._chips: list[list[Piece]] = []
        self._lines = MIN_LINES
        self._placed_for: tuple = (None, [])
        self._generation = 0
        self._widths = TextWidths()
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        # filled with the window's colour (what the pane beneath shows): opaque to Qt, so new counts repaint
        # the legend only, not the panes under it up to the window (ADR 0013, fourth round)
        self.setAutoFillBackground(True)
        self.setToolTip("Evidence is highlighted in its category's colour; the bold key sets that category on "
                        "the current metric row (Settings ▸ Category keys…)")
        self.show_counts(Counter())

    def set_keys(self, keys: dict[str, str]) -> None:
        """The category keys, shown in each chip ("1 arrests")."""
        self.keys = dict(keys)
        self.show_counts(self._counts)

    def show_counts(self, counts: Counter) -> None:
        self._counts = counts
        chips: list[list[Piece]] = []
        for category in style.CATEGORY_COLOURS:
            if counts.get(category):
                colour = style.CATEGORY_COLOURS[category]
                key = self.keys.get(category)
                chip: list[Piece] = []
                if key:
                    chip.append((key.upper() + " ", True, colour, "#111111", False))
                chip.append((style.label(category), False, colour, "#111111", False))
                chip.append((f" {counts[category]}", False, None, None, False))
                chips.append(chip)
        muted = style.MUTED_COLOUR
        chips.append([("123", False, None, muted, True), (" dotted: a number no row cites", False, None, muted, False)])
        if chips == self._chips:
            return
        self._chips = chips
        self._generation += 1
        self.setAccessibleName("Legend: " + "; ".join(self.chips()))
        self._relayout()
        self.update()

    # -- what it shows, for tests and accessibility --------------------------------------------------
    def chips(self) -> list[str]:
        """Each chip's words, e.g. ``["1 arrests 2", "123 dotted: a number no row cites"]``."""
        return ["".join(p[0] for p in chip).strip() for chip in self._chips]

    def text(self) -> str:
        return "   ".join(self.chips())

    # -- size ------------------------------------------------------------------------------------------
    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _metrics(self, font: QFont) -> tuple[QFontMetrics, str]:
        return QFontMetrics(font), font.key()

    def _piece_width(self, piece: Piece, plain: tuple[QFontMetrics, str], bold: tuple[QFontMetrics, str]) -> int:
        metrics, key = bold if piece[1] else plain
        return self._widths.width(metrics, key, piece[0])  # measured once per text and font (text_widths.py)

    def _chip_width(self, chip: list[Piece], plain: tuple[QFontMetrics, str], bold: tuple[QFontMetrics, str]) -> int:
        width = sum(self._piece_width(p, plain, bold) for p in chip)
        if any(p[2] for p in chip):
            width += 2 * PAD
        return width

    def _placed(self, width: int) -> list[tuple[int, int, list[Piece]]]:
        """(x, line, chip) for each chip, wrapped to ``width`` (worked out once per chips, width and font)."""
        key = (self._generation, width, self.font().key())
        if self._placed_for[0] != key:
            self._placed_for = (key, self._place(width))
        return self._placed_for[1]

    def _place(self, width: int) -> list[tuple[int, int, list[Piece]]]:
        plain, bold = self._metrics(self.font()), self._metrics(self._bold())
        x, line, out = MARGIN, 0, []
        for chip in self._chips:
            w = self._chip_width(chip, plain, bold)
            if x > MARGIN and x + w > width - MARGIN:
                x, line = MARGIN, line + 1
            out.append((x, line, chip))
            x += w + GAP
        return out

    def _line_height(self) -> int:
        return QFontMetrics(self.font()).height() + 2

    def _height_for(self, lines: int) -> int:
        return lines * self._line_height() + 2 * 2

    def _relayout(self, width_changed: bool = False) -> None:
        """Grow when the chips need another line; shrink only when the width changed. A legend that
        went from two lines to one and back as the reviewer switched re-wrapped the release above it."""
        lines = 1 + max((line for _x, line, _c in self._placed(max(1, self.width()))), default=0)
        lines = max(lines, MIN_LINES) if width_changed else max(lines, self._lines)
        if lines != self._lines:
            self._lines = lines
            self.setFixedHeight(self._height_for(lines))  # only here does the window lay out again

    def sizeHint(self) -> QSize:
        return QSize(200, self._height_for(self._lines))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._height_for(self._lines))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout(width_changed=True)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._lines = 0
            self._relayout(width_changed=True)

    # -- painting --------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        plain_font, bold_font = self.font(), self._bold()
        plain, bold = self._metrics(plain_font), self._metrics(bold_font)
        line_height = self._line_height()
        text_colour = self.palette().color(QPalette.WindowText)
        for x, line, chip in self._placed(self.width()):
            top = 2 + line * line_height
            base = top + 1 + plain[0].ascent()
            coloured = [p for p in chip if p[2]]
            if coloured:
                w = sum(self._piece_width(p, plain, bold) for p in coloured) + 2 * PAD
                painter.fillRect(QRectF(x, top, w, line_height), QColor(coloured[0][2]))
                x += PAD
            for i, piece in enumerate(chip):
                text, is_bold, background, colour, dotted = piece
                painter.setFont(bold_font if is_bold else plain_font)
                painter.setPen(QColor(colour) if colour else text_colour)
                width = self._piece_width(piece, plain, bold)
                painter.drawText(x, base, text)
                if dotted:
                    pen = QPen(QColor(colour) if colour else text_colour)
                    pen.setStyle(Qt.DotLine)
                    painter.setPen(pen)
                    painter.drawLine(x, base + 2, x + width, base + 2)
                x += width
                if background and (i + 1 == len(chip) or not chip[i + 1][2]):
                    x += PAD  # the chip's right padding
        painter.end()
