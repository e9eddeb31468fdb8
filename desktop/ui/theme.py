"""Colours that follow the palette: light or dark, text stays readable (contrast ≥ 4.5:1, WCAG AA).

The application stylesheet (``resources/styles/blotter.qss``) is a template filled from the
palette: a light palette keeps the calm warm-white reading pane; a dark one keeps its own dark
base (no forced light pane). The status colours the panels use for text (muted grey, error red,
warning amber, the flag) are adjusted once at start against the palette's base and window
colours, so each reaches 4.5:1 there.

Example::

    >>> contrast(QColor("#666666"), QColor("#ffffff")) > 4.5
    True
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from desktop.paths import resource_path
from desktop.ui import style

#: WCAG AA for body text
MIN_CONTRAST = 4.5
_LIGHT = {"pane_bg": "#fffefb", "pane_fg": "#1a1a1a", "grid": "#e2e2e2", "sel_bg": "#cfe3ff", "sel_fg": "#111111",
          "text_sel_bg": "#7fb2ff", "text_sel_fg": "#000000"}


def luminance(colour: QColor) -> float:
    """Relative luminance of an sRGB colour (WCAG 2)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.Window).lightness() < 128


def readable(colour: str | QColor, *backgrounds: QColor) -> str:
    """``colour``, moved towards white or black (whichever the backgrounds need) until it reaches
    :data:`MIN_CONTRAST` on every background; its hue is kept as long as possible."""
    start = QColor(colour)
    dark_backgrounds = sum(luminance(b) for b in backgrounds) / max(len(backgrounds), 1) < 0.18
    target = QColor("#ffffff") if dark_backgrounds else QColor("#000000")
    for step in range(0, 21):
        t = step / 20
        mixed = _mix(start, target, t)
        if all(contrast(mixed, b) >= MIN_CONTRAST for b in backgrounds):
            return mixed.name()
    return target.name()


def colours(palette: QPalette) -> dict[str, str]:
    """The stylesheet's colours for ``palette``."""
    if not is_dark(palette):
        return dict(_LIGHT)
    base, text = palette.color(QPalette.Base), palette.color(QPalette.Text)
    highlight = palette.color(QPalette.Highlight)
    return {"pane_bg": base.name(), "pane_fg": readable(text, base), "grid": palette.color(QPalette.Mid).name(),
            "sel_bg": highlight.name(), "sel_fg": readable(palette.color(QPalette.HighlightedText), highlight),
            "text_sel_bg": highlight.name(),
            "text_sel_fg": readable(palette.color(QPalette.HighlightedText), highlight)}


def stylesheet(palette: QPalette) -> str:
    """``resources/styles/blotter.qss`` with its ``@name@`` colours filled in for ``palette``."""
    try:
        sheet = resource_path("styles", "blotter.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
    for name, value in colours(palette).items():
        sheet = sheet.replace(f"@{name}@", value)
    return sheet


def text_colours(palette: QPalette) -> dict[str, str]:
    """The panels' status text colours, each readable on the palette's base and window colours."""
    backgrounds = (palette.color(QPalette.Base), palette.color(QPalette.Window))
    return {name: readable(getattr(style, name), *backgrounds)
            for name in ("MUTED_COLOUR", "ERROR_COLOUR", "WARNING_COLOUR", "FLAG_COLOUR")}


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """The opaque colour ``t`` of the way from ``a`` to ``b`` (0: ``a``, 1: ``b``)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as it shows over ``background`` (its alpha blended in): an opaque colour."""
    return _mix(background, colour, colour.alphaF())


def readable_palette(palette: QPalette) -> QPalette:
    """``palette`` with its selected text readable on its highlight (Breeze Dark's is 2.3:1) and its
    placeholder text ("Search titles and text...") readable on its fields, other roles kept.

    Qt's placeholder is half-transparent black unless the desktop sets it: 3.9:1 on white and
    invisible (1.1:1) on a dark field. It becomes the nearest opaque grey that reaches 4.5:1, so it
    still reads as a hint beside typed text.
    """
    out = QPalette(palette)
    for group in (QPalette.Active, QPalette.Inactive):
        highlight = out.color(group, QPalette.Highlight)
        fixed = readable(out.color(group, QPalette.HighlightedText), highlight)
        out.setColor(group, QPalette.HighlightedText, QColor(fixed))
        base = out.color(group, QPalette.Base)
        hint = readable(over(out.color(group, QPalette.PlaceholderText), base), base)
        out.setColor(group, QPalette.PlaceholderText, QColor(hint))
    return out


def apply(app) -> None:
    """Fill the stylesheet and the status colours from the application's palette (before windows are built)."""
    palette = readable_palette(app.palette())
    app.setPalette(palette)
    for name, value in text_colours(palette).items():
        setattr(style, name, value)
    app.setStyleSheet(stylesheet(palette))
