"""The document list: a lazy, windowed adapter over ``Store.page()``.

Rows are fetched a page at a time as the view scrolls (``canFetchMore`` /
``fetchMore``), so a database of 100,000 documents opens as fast as one of ten.
Filtering (status, flagged, full-text search) is done by the store's query: a
``QSortFilterProxyModel`` would need every row loaded to filter them.
``refresh_document(id)`` re-reads one row after an edit (``dataChanged``);
``reload()`` is the bulk refresh (a reset).
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from desktop.checks import MANY_UNCITED
from desktop.store import Store, StoreError, ui_queries
from desktop.ui import style

COL_STATUS, COL_TITLE, COL_PUBLISHED, COL_PUBLISHER, COL_METRICS = range(5)
HEADERS = ("Status", "Document", "Published", "Publisher", "Figures")
DOC_ID_ROLE = Qt.UserRole + 1
DOC_STATUS_ROLE = Qt.UserRole + 2
FLAGGED_ROLE = Qt.UserRole + 3
#: "published · publisher", the title's second line in the list
SUBTITLE_ROLE = Qt.UserRole + 4
_DISPLAY, _DECORATION, _TOOLTIP = int(Qt.DisplayRole), int(Qt.DecorationRole), int(Qt.ToolTipRole)
_FOREGROUND, _ALIGNMENT = int(Qt.ForegroundRole), int(Qt.TextAlignmentRole)
_DOC_ID, _DOC_STATUS, _FLAGGED, _SUBTITLE = (int(r) for r in (DOC_ID_ROLE, DOC_STATUS_ROLE, FLAGGED_ROLE,
                                                            SUBTITLE_ROLE))
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
_ITEM_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
PAGE = 200
#: How far past the loaded rows the list looks for a document it is asked to select.
LOOKAHEAD = PAGE


def marks(doc: dict) -> str:
    """What the list marks a document with, before its date: ⚑ disagrees after re-extraction, ⚠ a check
    failed, ⚐ flagged by a reviewer, ✎ has a note."""
    found = [m for m, on in (("⚑", doc.get("flagged")), ("⚠", doc.get("check_summary")),
                             ("⚐", doc.get("review_flag")), ("✎", doc.get("note"))) if on]
    return " ".join(found) + "  " if found else ""


class DocumentListModel(QAbstractTableModel):
    """One row per document matching the filter, in the store's order."""

    def __init__(self, store: Store, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.store = store
        self._rows: list[dict] = []
        self._total = 0
        self._filter: dict[str, Any] = {"status": None, "search": None, "flagged": None, "attention": None,
                                        "review_flag": None, "noted": None, "ids": None}
        self._order = "published"
        self.reload()

    # -- loading -----------------------------------------------------------------
    def set_store(self, store: Store) -> None:
        self.store = store
        self.reload()

    def set_filter(self, status: Optional[str] = None, search: Optional[str] = None,
                   flagged: Optional[bool] = None, attention: Optional[bool] = None,
                   review_flag: Optional[bool] = None, noted: Optional[bool] = None,
                   order: Optional[str] = None, ids: Optional[tuple] = None) -> None:
        if order:
            self._order = order
        self._filter = {"status": status or None, "search": (search or "").strip() or None,
                        "flagged": bool(flagged) or None, "attention": bool(attention) or None,
                        "review_flag": bool(review_flag) or None, "noted": bool(noted) or None,
                        "ids": tuple(ids) if ids is not None else None}
        self.reload()

    def set_order(self, order: str) -> None:
        """The store's order (``published``, ``attention``...): a reset."""
        self._order = order
        self.reload()

    def order(self) -> str:
        return self._order

    #: column -> (the store's order ascending, descending); the view's header sorts through it
    SORTS = {COL_TITLE: ("title", "title_desc"), COL_PUBLISHED: ("published_asc", "published"),
             COL_PUBLISHER: ("publisher", "publisher_desc"), COL_STATUS: ("status", "status_desc"),
             COL_METRICS: ("figures_asc", "figures")}

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """A header click: SQLite sorts (a page at a time); nothing is loaded beyond the first page."""
        if column not in self.SORTS:
            return
        ascending, descending = self.SORTS[column]
        self.set_order(ascending if order == Qt.AscendingOrder else descending)

    def sorted_by(self) -> Optional[tuple[int, Qt.SortOrder]]:
        """The column and direction the list is sorted by, or None (the default or the queue's order)."""
        for column, (ascending, descending) in self.SORTS.items():
            if self._order == ascending:
                return column, Qt.AscendingOrder
            if self._order == descending and descending != "published":
                return column, Qt.DescendingOrder
        return None

    def filter(self) -> dict:
        """The filter and the order, as the store's list queries take them."""
        return {**self._filter, "order": self._order}

    def reload(self) -> None:
        """Bulk refresh: the first page again, and the new total."""
        self.beginResetModel()
        try:
            self._total = self.store.count(**self._filter)
            self._rows = self.store.page(**self._filter, order=self._order, offset=0, limit=PAGE)
        except StoreError:
            self._total, self._rows = 0, []
        self.endResetModel()

    def total(self) -> int:
        """How many documents the filter matches (loaded or not)."""
        return self._total

    #: set by the view while a sideways scroll is handled: that never loads more rows (document_list.ListView)
    fetch_held = False

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self.fetch_held and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self.store.page(**self._filter, order=self._order, offset=len(self._rows), limit=PAGE)
        more = more[: max(0, self._total - len(self._rows))]
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def row_of(self, document_id: int, fetch: bool = True, lookahead: int = LOOKAHEAD) -> Optional[int]:
        """The row showing ``document_id``; None if filtered out or not within ``lookahead`` rows of the
        loaded ones (a jump deep into 100,000 documents must not load them all)."""
        start, limit = 0, len(self._rows) + lookahead
        while True:
            for i in range(start, len(self._rows)):
                if self._rows[i]["id"] == document_id:
                    return i
            if not (fetch and self.canFetchMore()) or len(self._rows) >= limit:
                return None
            start = len(self._rows)
            self.fetchMore()
            if len(self._rows) == start:
                return None

    def document_id(self, row: int) -> Optional[int]:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def refresh_document(self, document_id: int) -> None:
        """Re-read one document's list fields after an edit (status, title, count...)."""
        row = self.row_of(document_id, fetch=False)
        if row is None:
            return
        fresh = ui_queries.list_row(self.store, document_id)
        if fresh is None:
            return
        self._rows[row] = fresh
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1),
                              [Qt.DisplayRole, Qt.DecorationRole, Qt.ToolTipRole, Qt.ForegroundRole])

    # -- Qt model interface ------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index) -> Qt.ItemFlags:
        return _ITEM_FLAGS if index.isValid() else Qt.NoItemFlags

    def data(self, index, role=Qt.DisplayRole) -> Any:
        # asked for a dozen roles of every visible cell at each paint: plain int comparisons (comparing
        # with Qt's enum members goes through Python's enum machinery on every call)
        role = int(role)
        r = index.row()
        if not (0 <= r < len(self._rows)) or not index.isValid():
            return None
        doc = self._rows[r]
        col = index.column()
        if role == _DISPLAY:
            if col == COL_STATUS:
                return style.label(doc["status"])
            if col == COL_TITLE:
                return doc["title"] or doc["name"]
            if col == COL_PUBLISHED:
                return doc["published"] or ""
            if col == COL_PUBLISHER:
                return doc["publisher"] or ""
            if col == COL_METRICS:
                return doc["metric_count"]
        if role == _DECORATION and col == COL_STATUS:
            return style.status_icon(doc["status"])
        if role == _TOOLTIP:
            tip = f"{doc['title'] or doc['name']}\n{doc['publisher'] or ''} {doc['published'] or ''}\n{doc['name']}"
            if doc["flagged"]:
                tip += "\n⚑ The reviewed figures disagree with the extractor's latest suggestions."
            if doc.get("check_summary"):
                tip += f"\n⚠ {doc['check_summary']}"
            if (doc.get("uncited") or 0) >= MANY_UNCITED:
                tip += f"\n{doc['uncited']} numbers in the text no row cites."
            if doc.get("review_flag"):
                tip += "\n⚐ Flagged by a reviewer for a second look."
            if doc.get("note"):
                tip += f"\n✎ {doc['note']}"
            return tip
        if role == _FOREGROUND and col == COL_STATUS and (doc["flagged"] or doc.get("check_summary")):
            return QColor(style.FLAG_COLOUR)
        if role == _ALIGNMENT and col == COL_METRICS:
            return _RIGHT
        if role == _DOC_ID:
            return doc["id"]
        if role == _DOC_STATUS:
            return doc["status"]
        if role == _FLAGGED:
            return bool(doc["flagged"])
        if role == _SUBTITLE:
            return marks(doc) + (" · ".join(p for p in (doc["published"], doc["publisher"]) if p) or doc["name"])
        return None
