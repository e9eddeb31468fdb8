"""Colours, icons and fonts shared by the panels: one place, so the table and the text agree.

Each category has one light background colour; the release view highlights its
evidence in it and the tables show the same colour as a chip beside the category.
Status icons are drawn in code (a dot in the status colour), so nothing needs a
resource file.

Example::

    >>> category_colour("arrests").name()
    '#ffd6a5'
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPen, QPixmap

from desktop.paths import resource_path

#: Light tints, readable under black text, distinct side by side.
CATEGORY_COLOURS: dict[str, str] = {
    "arrests": "#ffd6a5",
    "charges": "#fdffb6",
    "knives_seized": "#ffadad",
    "firearms_seized": "#f4a3c7",
    "weapons_seized": "#e7c6ff",
    "drugs_seized": "#caffbf",
    "cash_seized": "#b9fbc0",
    "vehicles_seized": "#9bf6ff",
    "warrants_executed": "#a0c4ff",
    "weapon_sweeps": "#bdb2ff",
    "stop_searches": "#ffc6ff",
    "referrals": "#d8e2dc",
    "engagements": "#fae1dd",
    "officers": "#cfe1b9",
    "offences": "#f1c0a8",
    "percent_change": "#b5ead7",
    "other": "#e0e0e0",
}
#: Colour of a document or row status.
STATUS_COLOURS: dict[str, str] = {
    "new": "#3d7be0",
    "in_review": "#e0a100",
    "reviewed": "#2e9d4f",
    "skipped": "#8a8a8a",
    "suggested": "#3d7be0",
    "confirmed": "#2e9d4f",
    "corrected": "#c06a00",
    "added": "#7b4fc9",
    "rejected": "#b03a3a",
}
ERROR_COLOUR = "#b00020"
FLAG_COLOUR = "#d0021b"
#: secondary text (dates, hints); desktop/ui/theme.py adjusts these text colours to the palette at start
MUTED_COLOUR = "#555555"


def label(word: str | None) -> str:
    """A stored word for people: ``in_review`` -> ``in review``."""
    return (word or "").replace("_", " ")


def category_colour(category: str | None) -> QColor:
    return QColor(CATEGORY_COLOURS.get(category or "other", CATEGORY_COLOURS["other"]))


@lru_cache(maxsize=None)
def dot_icon(colour: str, hollow: bool = False) -> QIcon:
    """A 12 px dot in ``colour`` (hollow: a ring)."""
    pix = QPixmap(12, 12)
    pix.fill(Qt.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(QColor(colour).darker(130), 1.2))
    painter.setBrush(Qt.NoBrush if hollow else QColor(colour))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pix)


def status_icon(status: str) -> QIcon:
    return dot_icon(STATUS_COLOURS.get(status, "#888888"), hollow=status in ("new", "suggested"))


def category_icon(category: str | None) -> QIcon:
    """A square chip in the category's highlight colour."""
    return _chip(category_colour(category).name())


@lru_cache(maxsize=None)
def _chip(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(Qt.transparent)
    painter = QPainter(pix)
    painter.setPen(QPen(QColor(colour).darker(150), 1))
    painter.setBrush(QColor(colour))
    painter.drawRect(0, 0, 11, 11)
    painter.end()
    return QIcon(pix)


def reading_font() -> QFont:
    """The release's font: the system's general font, a little larger than the UI's."""
    font = QFontDatabase.systemFont(QFontDatabase.GeneralFont)
    size = font.pointSizeF()
    font.setPointSizeF(max(size, 9.0) + 2)
    return font


def stylesheet() -> str:
    """The small application stylesheet for the application's palette (desktop/ui/theme.py), or empty."""
    from PySide6.QtGui import QGuiApplication
    from desktop.ui import theme
    return theme.stylesheet(QGuiApplication.palette())


WARNING_COLOUR = "#c77700"


@lru_cache(maxsize=None)
def warning_icon() -> QIcon:
    """A 12 px amber triangle with "!": a check failed here."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPolygonF
    pix = QPixmap(12, 12)
    pix.fill(Qt.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(QPen(QColor(WARNING_COLOUR).darker(130), 1))
    painter.setBrush(QColor(WARNING_COLOUR))
    painter.drawPolygon(QPolygonF([QPointF(6, 0.5), QPointF(11.5, 11.5), QPointF(0.5, 11.5)]))
    painter.setPen(QPen(QColor("white"), 1.6))
    painter.drawLine(QPointF(6, 4), QPointF(6, 8))
    painter.drawPoint(QPointF(6, 10))
    painter.end()
    return QIcon(pix)
