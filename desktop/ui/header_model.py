"""The column headings of a row table, as a model of their own that a document switch never resets.

A ``QHeaderView`` shares its table's model; the table's reset at every document switch (ADR 0013) made the
header clear its cached size, ask ``headerData`` for every section again, measure each heading's text for
its size hint and repaint itself, although its columns and their titles never change. Given this model,
which only passes the table model's headings through and has no rows, the header keeps its size, its
sections (widths, hidden columns) and its pixels across a switch. :class:`Header` is the header itself,
which measures its headings once (Qt forgets the measure at every section resize).

Example::

    >>> header = view.horizontalHeader()  # doctest: +SKIP
    >>> header.setModel(HeaderModel(view.model(), header))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtWidgets import QHeaderView


class HeaderModel(QAbstractTableModel):
    """``source``'s columns and their headings; no rows. Follows ``source`` when its headings change."""

    def __init__(self, source: QAbstractTableModel, parent: QObject | None = None):
        super().__init__(parent)
        self.source = source
        self._columns = source.columnCount()
        source.headerDataChanged.connect(self.headerDataChanged)
        for signal in (source.columnsInserted, source.columnsRemoved, source.columnsMoved, source.modelReset):
            signal.connect(self._recount)

    def _recount(self, *args) -> None:
        """The source's columns changed in number (never at a document switch): start again."""
        if self.source.columnCount() != self._columns:
            self.beginResetModel()
            self._columns = self.source.columnCount()
            self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else self._columns

    def data(self, index, role=Qt.DisplayRole) -> Any:
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole) -> Any:  # noqa: N802 (Qt's name)
        return self.source.headerData(section, orientation, role)


class Header(QHeaderView):
    """A table's column header that measures its headings once: its size hint (one line of text, the same
    for every document) is kept until the font, the style or the headings change.

    ``QHeaderView`` forgets its size hint whenever a section is resized, and the table asks for it at each
    layout: a value column fitted to the new document's figures (``ColumnFitter``) made it measure every
    heading again, a call into Python for each role of each heading, about twice a switch."""

    def __init__(self, orientation, parent=None):
        super().__init__(orientation, parent)
        self._hint: QSize | None = None
        self.setSectionsClickable(True)  # as QTableView's own header
        self.sectionCountChanged.connect(self.forget_hint)

    def use_model(self, model: HeaderModel) -> None:
        """Show ``model``'s headings. Not an override of ``setModel``: Qt calls that with its own private
        empty model when the header is set on a table, and handing Python an object of a class PySide6
        does not know makes it build the Python types of every item model it has (ADR 0015)."""
        self.setModel(model)
        self.forget_hint()
        model.headerDataChanged.connect(self.forget_hint)

    def forget_hint(self, *args) -> None:
        self._hint = None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        if self._hint is None:
            self._hint = super().sizeHint()
        return QSize(self._hint)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._hint = None
        super().changeEvent(event)
