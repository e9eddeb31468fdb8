"""Tools ▸ Extractor report: the report card of ``blotter report`` as a sortable table.

Rows are categories, rules, publishers or extractor versions (the "By" box); a header click
sorts. Under the table, the documents where the current row's suggestions were rejected or
corrected; Enter or a double click opens one in the window.
"""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QListWidget, QListWidgetItem, QSplitter, QTableView, QVBoxLayout, QWidget)

from desktop.loop.report import build_report
from desktop.ui import loop_work

GROUPS = {"Category": ("category", "categories"), "Rule": ("rule", "rules"), "Publisher": ("publisher", "publishers"),
          "Extractor version": ("version", "versions")}
COLUMNS = (("", None), ("Suggested", "suggested"), ("Confirmed", "confirmed"), ("Corrected", "corrected"),
           ("Rejected", "rejected"), ("Added", "added"), ("Precision", "precision"), ("Recall", "recall"),
           ("Corrected fields", "corrected_fields"))
SORT_ROLE = Qt.UserRole + 1


class ReportTableModel(QAbstractTableModel):
    """One grouping of a report: a row a group, the total last."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, dict]] = []
        self.label = "Category"

    def set_rows(self, label: str, rows: list[tuple[str, dict]]) -> None:
        self.beginResetModel()
        self.label, self.rows = label, rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0] or self.label
        return None

    def data(self, index, role=Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        name, stats = self.rows[index.row()]
        key = COLUMNS[index.column()][1]
        raw = name if key is None else stats.get(key)
        if role == Qt.DisplayRole:
            if key in ("precision", "recall"):
                return "–" if raw is None else f"{raw:.1%}"
            if key == "corrected_fields":
                return ", ".join(f"{f} {n}" for f, n in raw.items())
            return str(raw)
        if role == SORT_ROLE:
            if key in ("precision", "recall"):
                return -1.0 if raw is None else float(raw)
            if key == "corrected_fields":
                return sum(raw.values())
            return raw if key else str(name).lower()
        if role == Qt.TextAlignmentRole and key not in (None, "corrected_fields"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and key == "precision":
            return "kept / (suggested − repeated mentions): a corrected category or value is an error"
        if role == Qt.ToolTipRole and key == "recall":
            return "kept / (kept + missed): missed are rows reviewers added or whose category or value they corrected"
        return None

    def name_at(self, row: int) -> Optional[str]:
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def documents_at(self, row: int) -> list[int]:
        return list(self.rows[row][1].get("documents_with_errors") or []) if 0 <= row < len(self.rows) else []


class ExtractorReportDialog(QDialog):
    """The report on the window's database; opens documents in ``window``."""

    def __init__(self, window, parent: Optional[QWidget] = None):
        super().__init__(parent or window)
        self.window = window
        self.setWindowTitle("Extractor report")
        self.setObjectName("extractor_report")
        self.report: dict = {}
        self.job = None
        self.model = ReportTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.by = QComboBox(self)
        self.by.addItems(list(GROUPS))
        self.by.setObjectName("report_by")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("report_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)  # the rule, publisher or version is read whole; the fields take the rest
        self.docs_label = QLabel("Select a row to see the documents where its suggestions were rejected or "
                                 "corrected.", self)
        self.docs_label.setWordWrap(True)
        self.documents = QListWidget(self)
        self.documents.setObjectName("report_documents")
        self.docs_label.setBuddy(self.documents)
        top = QHBoxLayout()
        by_label = QLabel("&By:", self)
        by_label.setBuddy(self.by)
        top.addWidget(by_label)
        top.addWidget(self.by)
        top.addWidget(self.summary, 1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.docs_label)
        lower_layout.addWidget(self.documents, 1)
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.by.currentTextChanged.connect(self.show_grouping)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_documents(cur))
        self.documents.itemActivated.connect(self._open)
        self.refresh()
        screen = window.screen().availableGeometry() if window.screen() else None
        self.resize(min(1180, int(screen.width() * 0.9)) if screen else 1180,
                    min(640, int(screen.height() * 0.85)) if screen else 640)

    def refresh(self) -> None:
        """Read the decisions again, in the background (a large database takes seconds)."""
        self.summary.setText("Reading the reviewers' decisions…")
        self.job = loop_work.run(self.window, lambda store, job: build_report(store.db), self._loaded,
                                 lambda message: self.summary.setText(f"The report could not be made: {message}"),
                                 self)

    def _loaded(self, report: dict) -> None:
        self.report = report
        self.show_grouping(self.by.currentText())

    def show_grouping(self, label: str) -> None:
        if not self.report:
            return
        key = GROUPS[label][1]
        rows = list(self.report[key].items())
        self.model.set_rows(label, rows)
        t = self.report["total"]
        pct = (lambda v: "–" if v is None else f"{v:.1%}")
        self.summary.setText(f"{self.report['documents']:,} reviewed documents · core categories: precision "
                             f"{pct(t['precision'])}, recall {pct(t['recall'])} · {t['suggested']:,} suggested, "
                             f"{t['added']:,} added by reviewers")
        self.documents.clear()
        if rows:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _show_documents(self, current) -> None:
        self.documents.clear()
        if not current.isValid():
            return
        row = self.proxy.mapToSource(current).row()
        name = self.model.name_at(row)
        ids = self.model.documents_at(row)
        self.docs_label.setText(f"&Documents where {name}'s suggestions were rejected or corrected ({len(ids)}); "
                                "Enter opens one:")
        titles = {r[0]: r[1] for r in self.window.store.db.execute(
            f"SELECT id, coalesce(title, name) FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids)} \
            if ids else {}
        for doc_id in ids:
            item = QListWidgetItem(f"#{doc_id}  {titles.get(doc_id, '')}")
            item.setData(Qt.UserRole, doc_id)
            self.documents.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        self.window.show_document(int(item.data(Qt.UserRole)))
