"""A label of a fixed number of lines whose text changes without re-laying out the window (ADR 0013, addendum).

Changing a wrapping ``QLabel``'s text asks every layout up to the main window for its size again
and lays the label's text out many times a document switch. :class:`TextLine` always asks for the
same height (``lines`` lines of its font), so setting its text only repaints it: it wraps the text
into those lines, ends the last one with "…" when the text is longer, and then shows the full text
as its tooltip. It is plain text (never markup); right-click copies the full text.

Example::

    line = TextLine(parent, lines=2)
    line.setText("a long message ...")   # painted in two lines, the rest elided; full text on hover
"""

from __future__ import annotations

from PySide6.QtCore import Property, QPointF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from desktop.ui.text_widths import TextWidths

ELLIPSIS = "…"
#: the widths of the texts shown, shared by every line ("none failed", "as suggested" come back at each switch)
_WIDTHS = TextWidths()


class TextLine(QWidget):
    def __init__(self, parent=None, lines: int = 1, tip: str = ""):
        super().__init__(parent)
        self._text = ""
        self._lines = max(1, lines)
        self._tip = tip  # shown when the whole text fits (the full text is shown when it does not)
        self._elided = False
        self._laid_for: tuple = ()
        self._shown: list[tuple[float, str]] = []
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)  # never widens the pane; height fixed
        self.setFixedHeight(self._height())
        self.setAttribute(Qt.WA_OpaquePaintEvent, False)
        # filled with the window's colour (what the panes beneath show): opaque to Qt, so a new text repaints
        # this line only, not every pane under it up to the window (ADR 0013, fourth round)
        self.setAutoFillBackground(True)
        self.setContextMenuPolicy(Qt.DefaultContextMenu)
        self.setToolTip(tip)

    # -- the text ----------------------------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name: QDataWidgetMapper and callers use it)
        text = "" if text is None else str(text)
        if text == self._text:
            return
        self._text = text
        self._laid_for = ()
        self.setAccessibleName(text)  # a screen reader reads all of it, as it read the label it replaces
        self._layout_lines()
        self.update()

    def clear(self) -> None:
        self.setText("")

    text_property = Property(str, text, setText, user=True)  # what QDataWidgetMapper writes through b"text"

    def is_elided(self) -> bool:
        self._layout_lines()
        return self._elided

    # -- size and painting ---------------------------------------------------------------------------
    def _height(self) -> int:
        return self.fontMetrics().lineSpacing() * self._lines + 2

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 20, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._height())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.setFixedHeight(self._height())
            self._laid_for = ()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_lines()

    def _layout_lines(self) -> None:
        """Break the text into at most ``lines`` lines of the widget's width (once per text and width)."""
        width = max(1, self.contentsRect().width())
        key = (self._text, width, self.font().key())
        if key == self._laid_for:
            return
        self._laid_for = key
        metrics = self.fontMetrics()
        shown: list[tuple[float, str]] = []
        elided = False
        text = self._text.replace("\n", " ")
        if text and _WIDTHS.width(metrics, key[2], text) <= width:
            shown.append((0.0, text))  # the common case: one line that fits, no layout
        elif text:
            layout = QTextLayout(text, self.font())
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            y = 0.0
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                start = line.textStart()
                if len(shown) == self._lines - 1:  # the last line we show: the rest of the text, elided
                    rest = text[start:]
                    last = metrics.elidedText(rest, Qt.ElideRight, width)
                    elided = last != rest
                    shown.append((y, last))
                    break
                shown.append((y, text[start:start + line.textLength()].rstrip()))
                y += metrics.lineSpacing()
            layout.endLayout()
        self._shown = shown
        if elided != self._elided or elided:
            self._elided = elided
            self.setToolTip(self._text if elided else self._tip)

    def paintEvent(self, event) -> None:
        self._layout_lines()
        if not self._shown:
            return
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.Active if self.isEnabled() else QPalette.Disabled,
                                            QPalette.WindowText))
        rect = self.contentsRect()
        ascent = self.fontMetrics().ascent()
        for y, line in self._shown:
            painter.drawText(QPointF(rect.left(), rect.top() + 1 + y + ascent), line)
        painter.end()

    def contextMenuEvent(self, event) -> None:
        if not self._text:
            return
        menu = QMenu(self)
        menu.addAction("Copy", lambda: QGuiApplication.clipboard().setText(self._text))
        menu.exec(event.globalPos())
        menu.deleteLater()
