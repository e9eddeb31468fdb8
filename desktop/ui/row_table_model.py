"""The shared part of the metrics and operations tables: a thin adapter over the store's rows.

A model shows one document's rows as the store has them. ``load(document_id)``
is the bulk refresh (a model reset); ``sync_row(row_id)`` re-reads one row after
an edit and emits ``dataChanged`` for it (or inserts / removes it when it was
added or deleted). ``setData`` never changes the rows itself: it runs an undo
command through :class:`~desktop.ui.undo_commands.Edits`, which writes to the
store, and the store's answer comes back through ``sync_row``.

The model is lazy: it holds the document's rows but shows them :data:`FETCH` at a time
(``canFetchMore``/``fetchMore``, asked by the view as it scrolls), so a release with a huge
number of rows opens at once.
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.store import StoreError
from desktop.ui import style
from desktop.ui.undo_commands import EditRow, Edits

ROW_ID_ROLE = Qt.UserRole + 1
STATUS_ROLE = Qt.UserRole + 2
ROW_ROLE = Qt.UserRole + 3

Index = (QModelIndex, QPersistentModelIndex)
#: Rows shown at first and added each time the view scrolls to the end.
FETCH = 200



_DISPLAY, _EDIT, _TOOLTIP = int(Qt.DisplayRole), int(Qt.EditRole), int(Qt.ToolTipRole)
_DECORATION, _FOREGROUND, _FONT = int(Qt.DecorationRole), int(Qt.ForegroundRole), int(Qt.FontRole)
_UNUSED_ROLES = frozenset(int(r) for r in (Qt.BackgroundRole, Qt.CheckStateRole, Qt.SizeHintRole,
                                           Qt.StatusTipRole, Qt.WhatsThisRole, Qt.AccessibleTextRole,
                                           Qt.AccessibleDescriptionRole))
_GREY = QColor("#8a8a8a")
_FONT_CACHE: dict = {}


def _status_font(status: str) -> Optional[QFont]:
    """Struck out for rejected rows, italic for corrected ones (made once, after the app exists)."""
    if status not in ("rejected", "corrected"):
        return None
    if status not in _FONT_CACHE:
        font = QFont()
        font.setStrikeOut(status == "rejected")
        font.setItalic(status == "corrected")
        _FONT_CACHE[status] = font
    return _FONT_CACHE[status]


class RowTableModel(QAbstractTableModel):
    """Rows of one kind (``KIND``) for one document; subclasses name the columns."""

    KIND = ""
    #: (field in the row, header)
    COLUMNS: tuple[tuple[str, str], ...] = ()
    EDITABLE: frozenset[str] = frozenset()
    #: columns that are not a field the reviewer changes (left out of "the extractor suggested")
    NOT_COMPARED: frozenset[str] = frozenset({"status"})

    def __init__(self, edits: Edits, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.edits = edits
        self.document_id: Optional[int] = None
        self._rows: list[dict] = []
        self._shown = 0
        self._originals: dict[int, Optional[dict]] = {}
        edits.changed.connect(self._on_changed)
        edits.reset.connect(self._on_reset)

    # -- loading -----------------------------------------------------------------
    def load(self, document_id: Optional[int]) -> None:
        """Show ``document_id``'s rows (a reset)."""
        rows = self._fetch(document_id) if document_id is not None else []
        self.set_rows(document_id, rows)

    def set_rows(self, document_id: Optional[int], rows: list[dict]) -> None:
        self.beginResetModel()
        self.document_id = document_id
        self._rows = list(rows)
        self._shown = min(FETCH, len(self._rows))
        self._originals.clear()
        self.clear_derived()
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not parent.isValid():
            self._show_up_to(self._shown + FETCH - 1)

    def _show_up_to(self, at: int) -> None:
        last = min(at, len(self._rows) - 1)
        if last < self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, last)
        self._shown = last + 1
        self.endInsertRows()

    def clear_derived(self) -> None:
        """Forget what was worked out for the previous rows (subclasses add theirs)."""

    def _fetch(self, document_id: int) -> list[dict]:
        store = self.edits.store
        return store.metrics(document_id) if self.KIND == "metric" else store.operations(document_id)

    def sync_row(self, row_id: int) -> None:
        """Re-read one row from the store after an edit."""
        self._originals.pop(row_id, None)
        try:
            fresh = self.edits.store.row(self.KIND, row_id)
        except StoreError:
            fresh = None
        at = self._find(row_id)
        if fresh is None:
            if at is not None and at >= self._shown:
                del self._rows[at]
            elif at is not None:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._rows[at]
                self._shown -= 1
                self.endRemoveRows()
            return
        if at is None:
            if self._shown < len(self._rows):  # rows not shown yet: it joins them at the end
                self._rows.append(fresh)
                return
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(fresh)
            self._shown += 1
            self.endInsertRows()
            return
        self._rows[at] = fresh
        if at >= self._shown:
            return
        self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.COLUMNS) - 1),
                              [Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.ForegroundRole, Qt.FontRole,
                               Qt.DecorationRole])

    def _on_changed(self, kind: str, document_id: int, row_id: int) -> None:
        if kind == self.KIND and document_id == self.document_id:
            self.sync_row(row_id)

    def _on_reset(self, document_id: int) -> None:
        if document_id == self.document_id:
            self.load(document_id)

    # -- lookups -----------------------------------------------------------------
    def row_of(self, row_id: int) -> Optional[int]:
        """The table row showing ``row_id`` (fetched into the table if it was not shown yet)."""
        at = self._find(row_id)
        if at is not None and at >= self._shown:
            self._show_up_to(at)
        return at

    def _find(self, row_id: int) -> Optional[int]:
        return next((i for i, r in enumerate(self._rows) if r["id"] == row_id), None)

    def row_at(self, row: int) -> Optional[dict]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[dict]:
        return list(self._rows)

    def column_of(self, field: str) -> int:
        return next(i for i, (f, _) in enumerate(self.COLUMNS) if f == field)

    def original(self, row: dict) -> Optional[dict]:
        """The extractor's suggestion behind ``row`` (cached until the row changes)."""
        if row["id"] not in self._originals:
            try:
                self._originals[row["id"]] = self.edits.store.original(self.KIND, row)
            except StoreError:
                self._originals[row["id"]] = None
        return self._originals[row["id"]]

    # -- Qt model interface ------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole) -> Any:
        # asked for every section (hidden ones too) at each layout: int comparisons, as in data()
        if int(role) == _DISPLAY and orientation == Qt.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section][1]
        return None

    def flags(self, index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        flags = self.__dict__.get("_flags")
        if flags is None:  # one value a column, worked out once
            base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
            flags = self._flags = [base | Qt.ItemIsEditable if f in self.EDITABLE else base for f, _ in self.COLUMNS]
        return flags[index.column()]

    def data(self, index, role=Qt.DisplayRole) -> Any:
        # Qt asks for a dozen roles of every visible cell at each paint: plain int
        # comparisons keep this cheap (enum attribute look-ups are not).
        role = int(role)
        if role in _UNUSED_ROLES:
            return None
        r = index.row()
        if not (0 <= r < self._shown) or not index.isValid():
            return None
        return self._value(self._rows[r], self.COLUMNS[index.column()][0], role)

    def multiData(self, index, span) -> None:  # noqa: N802 (Qt's name)
        """All the roles a painted cell asks for, in one call (Qt's delegates ask through this): one call
        into Python a cell instead of seven, each of which wrapped the index and the role anew."""
        r = index.row()
        if not (0 <= r < self._shown) or not index.isValid():
            return
        row = self._rows[r]
        field = self.COLUMNS[index.column()][0]
        for item in span:
            role = int(item.role())
            if role in _UNUSED_ROLES:
                continue
            value = self._value(row, field, role)
            if value is not None:
                item.setData(value)

    def _value(self, row: dict, field: str, role: int) -> Any:
        if role == _DISPLAY:
            if field == "status":
                return style.label(row["status"])
            return self.display(field, row)
        if role == _EDIT:
            return self.edit_data(field, row)
        if role == _TOOLTIP:
            return self.tooltip(field, row)
        status = row["status"]
        if role == _DECORATION and field == "status":
            return style.status_icon(status)
        if role == _FOREGROUND:
            return _GREY if status == "rejected" else None
        if role == _FONT:
            return _status_font(status)
        if role == ROW_ID_ROLE:
            return row["id"]
        if role == STATUS_ROLE:
            return status
        if role == ROW_ROLE:
            return dict(row)
        return self.extra_data(field, row, role)

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid() or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        row = self._rows[index.row()]
        field = self.COLUMNS[index.column()][0]
        if isinstance(value, str):
            value = value.strip()
        return self.edits.run(EditRow(self.edits, self.KIND, row["document_id"], row["id"], {field: value}))

    # -- for subclasses ----------------------------------------------------------
    def display(self, field: str, row: dict) -> Any:
        value = row.get(field)
        return "" if value is None else str(value)

    def edit_data(self, field: str, row: dict) -> Any:
        """What an editor (or the detail editor's mapper) is given: the stored value."""
        return row.get(field)

    def extra_data(self, field: str, row: dict, role) -> Any:
        return None

    def changes(self, row: dict) -> list[tuple[str, str, str]]:
        """For a row the reviewer changed: (column header, the extractor's value, the value now)."""
        original = self.original(row) if row.get("suggestion_id") is not None else None
        if not original:
            return []
        return [(name, self.display(f, original) or "—", self.display(f, row) or "—")
                for f, name in self.COLUMNS if f in original and f not in self.NOT_COMPARED
                and _norm(original.get(f)) != _norm(row.get(f))]

    def tooltip(self, field: str, row: dict) -> Optional[str]:
        """For a corrected row: what the extractor suggested, field by field."""
        if row["status"] == "rejected":
            return "Rejected: this row is not exported. Undo (Ctrl+Z) or confirm it to bring it back."
        if row["origin"] == "reviewer":
            return "Added by a reviewer"
        changes = [f"{name}: {before}  →  {after}" for name, before, after in self.changes(row)]
        if not changes:
            return None
        return "Corrected. The extractor suggested:\n" + "\n".join(changes)


def _norm(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
