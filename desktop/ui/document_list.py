"""The left panel: a search box, a status filter and the lazy list of documents.

Emits ``document_selected(id)`` when the reviewer picks a document. The window
moves the selection with :meth:`select_document` (quietly: no signal) and
:meth:`step` (previous/next in the list's order).
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from desktop.ui import style as ui_style
from desktop.ui.document_list_model import (COL_METRICS, COL_PUBLISHED, COL_PUBLISHER, COL_STATUS, COL_TITLE,
                                            DOC_ID_ROLE, SUBTITLE_ROLE, DocumentListModel)

#: (shown, the store's filter, the order): the list's drop-down
FILTERS = (("All documents", {}, "published"), ("New", {"status": "new"}, "published"),
           ("In review", {"status": "in_review"}, "published"), ("Reviewed", {"status": "reviewed"}, "published"),
           ("Skipped", {"status": "skipped"}, "published"), ("Disagree after re-extraction ⚑", {"flagged": True}, "published"),
           ("Needs attention ⚠", {"attention": True}, "attention"),
           ("All, needing attention first", {}, "attention"),
           ("Flagged for a second look ⚐", {"review_flag": True}, "published"),
           ("With notes ✎", {"noted": True}, "published"))


class TitleDelegate(QStyledItemDelegate):
    """The title on one line, "published · publisher" smaller and grey beneath it.

    Qt's own paint draws the cell (background, selection, focus) without its text, and the two lines are
    drawn here. Nothing here names ``QStyle`` (nor reads ``option.state``, a ``QStyle`` flag): PySide6 makes
    a Qt class's Python enums the first time it is named, and ``QStyle`` has 550 members, about 50 M
    instructions of every start (ADR 0015)."""

    _painting = False

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if self._painting:
            option.text = ""  # the cell without its text: paint() draws the title and the line beneath

    def paint(self, painter, option, index) -> None:
        self._painting = True
        try:
            super().paint(painter, option, index)
            self.initStyleOption(option, index)  # the cell's font and palette, as the cell was drawn with
        finally:
            self._painting = False
        title = (index.data() or "").replace("\n", "\u2028")  # as Qt shows a cell's text (displayText)
        rect = option.rect.adjusted(6, 3, -4, -3)
        view = option.widget
        selected = bool(view and view.selectionModel() and view.selectionModel().isSelected(index))
        painter.save()
        painter.setPen(option.palette.color(QPalette.HighlightedText if selected else QPalette.Text))
        metrics = option.fontMetrics
        line = metrics.height()
        painter.drawText(rect.adjusted(0, 0, 0, -line), Qt.AlignLeft | Qt.AlignTop,
                         metrics.elidedText(title, Qt.ElideRight, rect.width()))
        small = option.font
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        painter.setFont(small)
        muted = QColor(ui_style.MUTED_COLOUR)
        painter.setPen(muted if not selected else option.palette.color(QPalette.HighlightedText))
        sub = index.data(SUBTITLE_ROLE) or ""
        painter.drawText(rect.adjusted(0, line, 0, 0), Qt.AlignLeft | Qt.AlignTop,
                         painter.fontMetrics().elidedText(sub, Qt.ElideRight, rect.width()))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), option.fontMetrics.height() * 2 + 8)


class ListView(QTableView):
    """The list's table. It never scrolls sideways, but Qt's item views also fetch more rows whenever
    the horizontal scroll bar reaches its end (meant for models that grow by columns): at every start,
    laying the view out did, loading a second page of 200 documents no one had scrolled to. Only the
    vertical scroll bar reaching the end fetches more."""

    def horizontalScrollbarValueChanged(self, value: int) -> None:
        model = self.model()
        model.fetch_held = True
        try:
            super().horizontalScrollbarValueChanged(value)
        finally:
            model.fetch_held = False


class DocumentList(QWidget):
    document_selected = Signal(int)

    def __init__(self, model: DocumentListModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._quiet = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search titles and text, \"a phrase\" in quotes (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        for text, wanted, order in FILTERS:
            self.status_filter.addItem(text, (wanted, order))
        self.status_filter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(13)
        self.status_filter.setToolTip("Show only documents with this status. Needs attention: failed checks, "
                                      "flagged after re-extraction, many uncited numbers first (Help ▸ Checks)")
        self.view = ListView(self)
        # before the model: a visible row header would measure all 200 rows of the first page (800 calls of
        # headerData and the text of each) at every layout until it is hidden (ADR 0015)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 10)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list for the release (F6 too)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.view.setItemDelegateForColumn(COL_TITLE, TitleDelegate(self.view))
        self.view.setColumnHidden(COL_PUBLISHED, True)  # shown under the title
        self.view.setColumnHidden(COL_PUBLISHER, True)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._header_clicked)
        header.setToolTip("Click a heading to sort by it (again: the other way round)")
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.Stretch)
        for col, width in ((COL_STATUS, 92), (COL_METRICS, 52)):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            header.resizeSection(col, width)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("list_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet(f"color: {ui_style.MUTED_COLOUR}; padding: 12px")
        layout.insertWidget(1, self.empty)  # under the search, over the (empty) list
        self.empty.hide()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_empty)
        self._update_empty()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

    def _header_clicked(self, column: int) -> None:
        current = self.model.sorted_by()
        descending = current is not None and current[0] == column and current[1] == Qt.AscendingOrder
        self.sort_by(column, Qt.DescendingOrder if descending else Qt.AscendingOrder)

    def sort_by(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort the list by ``column`` (also the Go ▸ Sort menu, for the hidden date and publisher columns)."""
        keep = self.current_id()
        self.model.sort(column, order)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        if keep is not None:
            self.select_document(keep)

    def _update_empty(self, *args) -> None:
        """Say so when the list is empty: nothing matches the filter, or nothing is imported yet."""
        if self.model.rowCount():
            self.empty.hide()
            return
        active = any(v for k, v in self.model.filter().items() if k != "order")
        self.empty.setText("No documents match. Clear the search or choose “All documents”." if active else
                           "No documents yet. File ▸ Import files… (Ctrl+I) adds press releases.")
        self.empty.show()

    def apply_filter(self) -> None:
        """Run the search and status filter now (the list keeps the current document selected)."""
        self._debounce.stop()
        current = self.current_id()
        wanted, order = self.status_filter.currentData()
        if order == "published" and self.model.sorted_by() is not None:
            order = self.model.order()  # a sorted column stays sorted under another filter
        else:
            self.view.horizontalHeader().setSortIndicatorShown(False)
        self.model.set_filter(search=self.search.text(), order=order, **wanted)
        if current is not None:
            self.select_document(current)

    def show_only(self, ids: list[int], text: str) -> None:
        """List only ``ids`` (the releases behind a total of View ▸ Summary), as an entry of the filter
        menu named ``text``; choosing another entry lists the others again."""
        data = ({"ids": tuple(ids)}, "published")
        last = self.status_filter.count() - 1
        if self.status_filter.itemData(last)[0].get("ids") is not None:
            self.status_filter.removeItem(last)
        self.status_filter.addItem(text, data)
        self.search.clear()
        self.status_filter.setCurrentIndex(self.status_filter.count() - 1)  # applies the filter
        self.apply_filter()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def current_id(self) -> Optional[int]:
        index = self.view.currentIndex()
        return index.data(DOC_ID_ROLE) if index.isValid() else None

    def select_document(self, document_id: int) -> bool:
        """Select ``document_id`` without announcing it; False when the filter hides it or it is not
        among the loaded rows (showing a document never loads more of the list)."""
        row = self.model.row_of(document_id, lookahead=0)
        self._quiet = True
        try:
            if row is None:
                self.view.selectionModel().clear()
                return False
            index = self.model.index(row, COL_TITLE)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            self.view.scrollTo(index)
            return True
        finally:
            self._quiet = False

    def step(self, delta: int) -> Optional[int]:
        """The id ``delta`` rows away from the current one in the list (fetching as needed), or None."""
        current = self.view.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else -1)
        while row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if not (0 <= row < self.model.rowCount()):
            return None
        return self.model.document_id(row)

    def _on_current(self, current, _previous) -> None:
        if self._quiet or not current.isValid():
            return
        self.document_selected.emit(current.data(DOC_ID_ROLE))
