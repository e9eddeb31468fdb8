"""Table columns as wide as what they can show, worked out in Python from the few words and rows they hold.

``QHeaderView.ResizeToContents`` would ask the model for every role of every row at each layout (the
document switch pays for it); here a column is sized once from its possible words (status, category,
qualifier) or, for values, from the rows of the document just opened. One column takes the rest and elides;
nothing scrolls sideways.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from desktop.ui.text_widths import TextWidths

#: room for the cell's margins, a decoration and the italic of a corrected row
_PAD, _ICON = 24, 20


class ColumnFitter:
    """Keeps ``view``'s columns fitted; ``words[col]`` are all it may show, ``shown[col](row)`` what a row
    shows (re-measured when the rows change); ``icons`` are the columns with a decoration."""

    def __init__(self, view: QTableView, words: dict[int, Iterable[str]], shown: dict[int, Callable[[dict], str]],
                 stretch: int, icons: Iterable[int] = ()):
        self.view = view
        self._widths = TextWidths()
        self.shown = shown
        self.icons = set(icons)
        header = view.horizontalHeader()
        header.setMinimumSectionSize(36)
        header.setStretchLastSection(False)
        for col in list(words) + list(shown):
            header.setSectionResizeMode(col, QHeaderView.Fixed)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.ElideRight)
        self.fixed = {col: self._width(col, list(texts)) for col, texts in words.items()}
        for col, width in self.fixed.items():
            header.resizeSection(col, width)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self.refit)
        self.refit()

    def _width(self, col: int, texts: list[str]) -> int:
        metrics, key, measure = self.view.fontMetrics(), self.view.font().key(), self._widths.width
        heading = self.view.model().headerData(col, Qt.Horizontal, Qt.DisplayRole) or ""
        # each text measured once per font (text_widths.py): a switch refits two or three times
        widest = max([measure(metrics, key, t) for t in texts] + [0])
        icon = _ICON if col in self.icons else 0
        return max(widest + icon, measure(metrics, key, str(heading)) + 6) + _PAD

    def refit(self, *args) -> None:
        rows = self.view.model().rows()
        header = self.view.horizontalHeader()
        for col, show in self.shown.items():
            width = self._width(col, [show(r) for r in rows])
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def width(self, col: int) -> Optional[int]:
        return self.view.horizontalHeader().sectionSize(col)
