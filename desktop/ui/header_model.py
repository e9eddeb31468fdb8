"""The column headings of a row table, as a model of their own that a document switch never resets.

A ``QHeaderView`` shares its table's model; the table's reset at every document switch (ADR 0013) made the
header clear its cached size, ask ``headerData`` for every section again, measure each heading's text for
its size hint and repaint itself, although its columns and their titles never change. Given this model,
which only passes the table model's headings through and has no rows, the header keeps its size, its
sections (widths, hidden columns) and its pixels across a switch.

Example::

    >>> header = view.horizontalHeader()  # doctest: +SKIP
    >>> header.setModel(HeaderModel(view.model(), header))  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt


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
