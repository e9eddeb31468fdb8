"""A small chart drawn with QPainter: horizontal bars per group, or a line over months.

Drawn in the palette's own colours (text, base, mid, highlight), so it reads in a dark theme as
in a light one. Hovering a bar or a point names its total and its releases; a double click
emits :attr:`ChartWidget.activated` with the document ids behind it. :meth:`save_png` and
:meth:`save_svg` write what is shown (the SVG through QtSvg, part of PySide6-Essentials).
We draw ourselves rather than import pyqtgraph: benchmarks/README.md has the measurement.

Example::

    chart.set_points([Point("Sceptre 1", 1825, "1,825", {1: "Release a"})], kind="bars", title="knives")
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.ui import style

BARS, LINE = "bars", "line"
_MAX_NAMED = 8  # releases named in a tooltip before "and N more"


@dataclass
class Point:
    """One bar or one point: its label, the value drawn, the text shown and the releases behind it."""

    label: str
    value: float
    text: str
    releases: dict[int, str] = field(default_factory=dict)


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) that divides 0..top into about ``ticks`` parts."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def _tick_text(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


class ChartWidget(QWidget):
    #: the document ids behind a bar or a point that was double-clicked
    activated = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("summary_chart")
        self.setAccessibleName("Chart of the totals")
        self.setMouseTracking(True)
        self.setMinimumSize(320, 220)
        self.points: list[Point] = []
        self.kind = BARS
        self.title = ""
        self.colour = QColor("#a0c4ff")
        self._hits: list[tuple[QRectF, int]] = []

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def set_points(self, points: list[Point], kind: str = BARS, title: str = "", category: Optional[str] = None):
        self.points = list(points)
        self.kind = kind
        self.title = title
        self.colour = style.category_colour(category) if category else QColor("#a0c4ff")
        self._hits = []
        self.setAccessibleDescription(f"{title}: " + "; ".join(f"{p.label} {p.text}" for p in self.points))
        self.update()

    # -- drawing -----------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        self.render_chart(painter, QRectF(self.rect()))
        painter.end()

    def render_chart(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the chart into ``rect`` (the widget, an image or an SVG file alike)."""
        palette = self.palette()
        text, base, mid = palette.text().color(), palette.base().color(), palette.mid().color()
        painter.fillRect(rect, base)
        painter.setFont(self.font())
        fm = QFontMetrics(self.font())
        line_h = fm.height()
        self._hits = []
        pen = QPen(text)
        painter.setPen(pen)
        title_rect = QRectF(rect.left() + 8, rect.top() + 4, rect.width() - 16, line_h + 4)
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(title_rect, Qt.AlignLeft | Qt.AlignVCenter, self.title)
        painter.setFont(self.font())
        area = rect.adjusted(8, line_h + 14, -12, -8)
        if not self.points:
            painter.drawText(area, Qt.AlignCenter | Qt.TextWordWrap,
                             "No curated figures to chart. Confirm figures and mark their releases reviewed, "
                             "or include documents not yet reviewed.")
            return
        if self.kind == LINE:
            self._draw_line(painter, area, fm, text, mid)
        else:
            self._draw_bars(painter, area, fm, text, mid)

    def _draw_bars(self, painter: QPainter, area: QRectF, fm: QFontMetrics, text: QColor, mid: QColor) -> None:
        label_w = min(max(fm.horizontalAdvance(p.label) for p in self.points) + 12, area.width() * 0.38)
        value_w = max(fm.horizontalAdvance(p.text) for p in self.points) + 12
        plot = QRectF(area.left() + label_w, area.top(), max(area.width() - label_w - value_w, 20),
                      area.height() - fm.height() - 6)
        plot.setHeight(min(plot.height(), len(self.points) * fm.height() * 2.4))  # few bars stay together at the top
        top = max((p.value for p in self.points), default=0) or 1
        step = nice_step(top)
        top = math.ceil(top / step) * step
        self._grid(painter, plot, top, step, fm, mid, text, vertical=True)
        slot = plot.height() / len(self.points)
        bar_h = max(min(slot * 0.7, 2.2 * fm.height()), 1.0)
        outline = QColor(text)
        outline.setAlpha(110)
        for i, p in enumerate(self.points):
            y = plot.top() + i * slot + (slot - bar_h) / 2
            width = max(plot.width() * max(p.value, 0) / top, 1.0)
            bar = QRectF(plot.left(), y, width, bar_h)
            painter.setPen(QPen(outline, 1))
            painter.setBrush(self.colour)
            painter.drawRect(bar)
            painter.setPen(text)
            if slot >= fm.height() * 0.9 or i % max(1, round(fm.height() / slot)) == 0:
                label = fm.elidedText(p.label, Qt.ElideRight, int(label_w - 10))
                painter.drawText(QRectF(area.left(), y + bar_h / 2 - fm.height() / 2, label_w - 8, fm.height()),
                                 Qt.AlignRight | Qt.AlignVCenter, label)
                painter.drawText(QRectF(bar.right() + 6, y + bar_h / 2 - fm.height() / 2, value_w, fm.height()),
                                 Qt.AlignLeft | Qt.AlignVCenter, p.text)
            self._hits.append((QRectF(area.left(), plot.top() + i * slot, area.width(), slot), i))

    def _draw_line(self, painter: QPainter, area: QRectF, fm: QFontMetrics, text: QColor, mid: QColor) -> None:
        top = max((p.value for p in self.points), default=0) or 1
        step = nice_step(top)
        top = math.ceil(top / step) * step
        axis_w = fm.horizontalAdvance(_tick_text(top)) + 10
        plot = QRectF(area.left() + axis_w, area.top() + fm.height() / 2, area.width() - axis_w - 10,
                      area.height() - 2 * fm.height() - 10)
        self._grid(painter, plot, top, step, fm, mid, text, vertical=False)
        n = len(self.points)
        xs = self._x_positions(plot)
        ys = [plot.bottom() - plot.height() * max(p.value, 0) / top for p in self.points]
        highlight = self.palette().highlight().color()
        path = QPainterPath(QPointF(xs[0], ys[0]))
        for x, y in zip(xs[1:], ys[1:]):
            path.lineTo(x, y)
        painter.setPen(QPen(highlight, 2.5))
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(path)
        label_w = fm.horizontalAdvance("2024-05") + 12
        last_label = -1e9
        for i, (p, x, y) in enumerate(zip(self.points, xs, ys)):
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(self.palette().base())
            painter.drawEllipse(QPointF(x, y), 4, 4)
            painter.setPen(text)
            if x - last_label >= label_w or i == n - 1 and x - last_label >= label_w * 0.9:
                painter.drawText(QRectF(x - 50, plot.bottom() + 4, 100, fm.height()), Qt.AlignHCenter | Qt.AlignTop,
                                 p.label)
                last_label = x
            left = (x + xs[i - 1]) / 2 if i else x - 12
            right = (x + xs[i + 1]) / 2 if i + 1 < n else x + 12
            self._hits.append((QRectF(left, plot.top(), max(right - left, 4), plot.height()), i))

    def _x_positions(self, plot: QRectF) -> list[float]:
        """Months ("2024-05") at their place in time, so a gap of a year looks like one; other labels evenly."""
        n = len(self.points)
        months = []
        for p in self.points:
            year, _, month = p.label.partition("-")
            if not (year.isdigit() and month.isdigit()):
                months = []
                break
            months.append(int(year) * 12 + int(month) - 1)
        pad = min(plot.width() * 0.05, 30)
        if months and months[-1] > months[0]:
            span = months[-1] - months[0]
            return [plot.left() + pad + (plot.width() - 2 * pad) * (m - months[0]) / span for m in months]
        return [plot.left() + (plot.width() * (i + 0.5) / n) for i in range(n)]

    def _grid(self, painter, plot: QRectF, top: float, step: float, fm: QFontMetrics, mid: QColor, text: QColor,
              vertical: bool) -> None:
        """Grid lines and tick labels every ``step`` from 0 to ``top`` (vertical lines for bars)."""
        ticks = int(round(top / step))
        for k in range(ticks + 1):
            value = k * step
            painter.setPen(QPen(mid, 1, Qt.DotLine if k else Qt.SolidLine))
            if vertical:
                x = plot.left() + plot.width() * value / top
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                painter.setPen(text)
                painter.drawText(QRectF(x - 50, plot.bottom() + 4, 100, fm.height()), Qt.AlignHCenter | Qt.AlignTop,
                                 _tick_text(value))
            else:
                y = plot.bottom() - plot.height() * value / top
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(text)
                painter.drawText(QRectF(plot.left() - 200 - 6, y - fm.height() / 2, 200, fm.height()),
                                 Qt.AlignRight | Qt.AlignVCenter, _tick_text(value))

    # -- the mouse ---------------------------------------------------------------
    def point_at(self, pos) -> Optional[Point]:
        """The bar or point under ``pos`` (widget coordinates), or None."""
        if not self._hits and self.points:  # not painted yet: lay it out on an image
            image = QImage(max(self.width(), 1), max(self.height(), 1), QImage.Format_ARGB32)
            painter = QPainter(image)
            self.render_chart(painter, QRectF(self.rect()))
            painter.end()
        for rect, i in self._hits:
            if rect.contains(QPointF(pos)):
                return self.points[i]
        return None

    def centre_of(self, index: int):
        """Where the bar or point ``index`` is drawn (widget coordinates), or None."""
        self.point_at(QPointF(-1, -1).toPoint())  # lays the chart out if it was not painted yet
        return next((rect.center().toPoint() for rect, i in self._hits if i == index), None)

    @staticmethod
    def describe(point: Point) -> str:
        """What hovering says: the group, its total, and the releases behind it by title."""
        names = list(point.releases.values())
        shown = "\n".join(f"• {n}" for n in names[:_MAX_NAMED])
        more = f"\n… and {len(names) - _MAX_NAMED} more" if len(names) > _MAX_NAMED else ""
        count = f"{len(names)} release{'s' if len(names) != 1 else ''}"
        return f"{point.label}: {point.text} ({count})\n{shown}{more}\nDouble-click to open them."

    def mouseMoveEvent(self, event) -> None:
        point = self.point_at(event.position().toPoint())
        if point is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(point), self)
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        point = self.point_at(event.position().toPoint())
        if point is not None:
            self.activated.emit(list(point.releases))
        super().mouseDoubleClickEvent(event)

    # -- files -------------------------------------------------------------------
    def save_png(self, path: str, scale: float = 2.0) -> bool:
        """The chart at its shown size, ``scale`` times the pixels (sharp on paper and HiDPI screens)."""
        image = QImage(int(self.width() * scale), int(self.height() * scale), QImage.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        self.render_chart(painter, QRectF(0, 0, self.width(), self.height()))
        painter.end()
        return image.save(path, "PNG")

    def save_svg(self, path: str) -> bool:
        from PySide6.QtSvg import QSvgGenerator  # only when a chart is saved as SVG
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(self.size())
        generator.setViewBox(QRectF(0, 0, self.width(), self.height()))
        generator.setTitle(self.title)
        generator.setDescription("Blotter: totals of curated figures")
        painter = QPainter()
        if not painter.begin(generator):
            return False
        self.render_chart(painter, QRectF(0, 0, self.width(), self.height()))
        return painter.end()
