"""Text widths are measured once per font and text (a switch measured the legend's chips three times each)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from desktop.ui import text_widths
from desktop.ui.text_widths import TextWidths


class CountingMetrics:
    def __init__(self, font):
        self.real, self.calls = QFontMetrics(font), 0

    def horizontalAdvance(self, text):  # noqa: N802 (Qt's name)
        self.calls += 1
        return self.real.horizontalAdvance(text)

    def __getattr__(self, name):  # ascent() and the rest: the real metrics'
        return getattr(self.real, name)


def test_a_text_is_measured_once_per_font(qapp):
    plain, bold = QFont(), QFont()
    bold.setBold(True)
    widths, metrics, bold_metrics = TextWidths(), CountingMetrics(plain), CountingMetrics(bold)
    text = "1,825 arrests"
    for _ in range(3):
        assert widths.width(metrics, plain.key(), text) == QFontMetrics(plain).horizontalAdvance(text)
        assert widths.width(bold_metrics, bold.key(), text) == QFontMetrics(bold).horizontalAdvance(text)
    assert (metrics.calls, bold_metrics.calls) == (1, 1)


def test_the_cache_starts_afresh_when_full(qapp, monkeypatch):
    monkeypatch.setattr(text_widths, "LIMIT", 3)
    widths, metrics = TextWidths(), CountingMetrics(QFont())
    for text in ("a", "b", "c", "d", "a"):
        widths.width(metrics, "k", text)
    assert metrics.calls == 5  # "a" was forgotten when "d" came


def test_the_legend_measures_its_chips_once_across_switches(window):
    legend, made = window.release.legend, []

    def counting(font):
        made.append(CountingMetrics(font))
        return made[-1], font.key()

    legend._metrics = counting
    legend._widths = TextWidths()  # nothing measured yet
    for document_id in (2, 1):
        window.show_document(document_id)
        legend.grab()
    first = sum(m.calls for m in made)
    for document_id in (2, 1, 2, 1):
        window.show_document(document_id)
        legend.grab()
    assert first > 0 and sum(m.calls for m in made) == first  # the same chips again: nothing measured
    assert "dotted" in legend.text()
