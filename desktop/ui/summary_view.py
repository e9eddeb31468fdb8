"""View ▸ Summary: the totals of the curated figures in a table and a chart.

The totals come from :mod:`desktop.summary` (plain Python, the same as ``blotter summary``). The
table lists every total; the chart shows one category in one unit, as bars per group or as a
line over the months. Double-clicking a bar, a point or a table row lists the releases behind it
under the chart, shows only them in the review window's list (an entry of its filter menu) and
opens the first (:attr:`SummaryView.open_releases`, :attr:`SummaryView.open_document`); Enter or a
double click on another release opens that one.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.store import Store, StoreError
from desktop.summary import GROUPINGS, Total, chartable, series, summarise
from desktop.ui import style
from desktop.ui.chart_widget import BARS, LINE, ChartWidget, Point

_GROUP_TEXT = {"operation": "Operation", "publisher": "Publisher", "month": "Month", "category": "Category"}
_HEAD = ("Group", "Category", "Total", "Releases", "Figures")


class SummaryView(QDialog):
    #: a document the reviewer asked to open in the review window
    open_document = Signal(int)
    #: the releases behind a total (document ids) and a name for them: the review list shows only them
    open_releases = Signal(list, str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("summary_view")
        self.setWindowTitle("Summary of the curated figures — Blotter")
        self.totals: list[Total] = []

        self.group_by = QComboBox(self)
        self.group_by.setAccessibleName("Group the totals by")
        for by in GROUPINGS:
            self.group_by.addItem(_GROUP_TEXT[by], by)
        self.include_all = QCheckBox("Include documents not yet &reviewed", self)
        self.category = QComboBox(self)
        self.category.setAccessibleName("Category to chart")
        self.category.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Kind of chart")
        self.kind.addItem("Bars per group", BARS)
        self.kind.addItem("Line over the months", LINE)
        self.save_png = QPushButton("Export &PNG…", self)
        self.save_svg = QPushButton("Export &SVG…", self)

        self.table = QTableWidget(0, len(_HEAD), self)
        self.table.setObjectName("summary_table")
        self.table.setAccessibleName("Totals of the curated figures")
        self.table.setHorizontalHeaderLabels(_HEAD)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in range(1, len(_HEAD)):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.chart = ChartWidget(self)
        self.releases_label = QLabel("Double-click a bar, a point or a row to list its releases.", self)
        self.releases_label.setWordWrap(True)
        self.releases = QListWidget(self)
        self.releases.setObjectName("summary_releases")
        self.releases.setAccessibleName("Releases behind the chosen total")
        self.releases.setMaximumHeight(self.fontMetrics().height() * 5 + 8)

        controls = QHBoxLayout()
        for text, widget in (("&Group by:", self.group_by), ("C&hart:", self.category), ("&As:", self.kind)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(self.include_all)
        controls.addStretch(1)
        controls.addWidget(self.save_png)
        controls.addWidget(self.save_svg)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.chart, 1)
        lower_layout.addWidget(self.releases_label)
        lower_layout.addWidget(self.releases)
        self.splitter = QSplitter(Qt.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.splitter, 1)

        self.group_by.currentIndexChanged.connect(lambda _i: self.reload())
        self.include_all.toggled.connect(lambda _on: self.reload())
        self.category.currentIndexChanged.connect(lambda _i: self.draw())
        self.kind.currentIndexChanged.connect(lambda _i: self.draw())
        self.table.cellDoubleClicked.connect(lambda row, _col: self.list_releases(self._row_total(row)))
        self.chart.activated.connect(self._chart_activated)
        self.releases.itemActivated.connect(lambda item: self.open_document.emit(item.data(Qt.UserRole)))
        self.save_png.clicked.connect(lambda: self.export_chart("png"))
        self.save_svg.clicked.connect(lambda: self.export_chart("svg"))
        self.resize(1100, 760)
        self.reload()

    # -- data --------------------------------------------------------------------
    def by(self) -> str:
        return self.group_by.currentData()

    def reload(self) -> None:
        try:
            self.totals = summarise(self.store, by=self.by(), include_all=self.include_all.isChecked())
        except StoreError as exc:
            QMessageBox.warning(self, "Summary", f"The totals cannot be read: {exc}")
            self.totals = []
        self.table.setRowCount(len(self.totals))
        self.table.horizontalHeaderItem(0).setText(_GROUP_TEXT[self.by()])
        for row, t in enumerate(self.totals):
            cells = (t.group, style.label(t.category), t.text, f"{len(t.releases):,}", f"{t.figures:,}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if col == 2 and t.value is None:
                    item.setToolTip("Percentages are not added together: a sum of percentage changes means nothing")
                self.table.setItem(row, col, item)
        keep = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for category, unit in chartable(self.totals):
            self.category.addItem(style.label(category) + ("" if unit == "count" else f" ({unit})"),
                                  f"{category} {unit}")
        if keep is not None and self.category.findData(keep) >= 0:
            self.category.setCurrentIndex(self.category.findData(keep))
        self.category.blockSignals(False)
        self.draw()

    def _row_total(self, row: int) -> Optional[Total]:
        return self.totals[row] if 0 <= row < len(self.totals) else None

    def draw(self) -> None:
        chosen = self.category.currentData()
        if chosen is None:
            self.chart.set_points([], self.kind.currentData(), "Nothing to chart yet")
            return
        category, unit = chosen.split(" ", 1)
        name = self.category.currentText()
        if self.kind.currentData() == LINE:
            monthly = summarise(self.store, by="month", include_all=self.include_all.isChecked())
            points = [Point(t.group, t.value, t.text, dict(t.releases))
                      for t in series(monthly, category, unit) if t.value is not None and t.group[:1].isdigit()]
            self.chart.set_points(points, LINE, f"{name}: total by month of publication", category)
        else:
            points = [Point(t.group, t.value, t.text, dict(t.releases))
                      for t in series(self.totals, category, unit) if t.value is not None]
            self.chart.set_points(points, BARS, f"{name}: total by {self.by()}", category)

    # -- releases ----------------------------------------------------------------
    def _chart_activated(self, ids: list) -> None:
        point = next((p for p in self.chart.points if list(p.releases) == ids), None)
        if point is not None:
            self.show_releases(f"{point.label}: {point.text}", point.releases)

    def list_releases(self, total: Optional[Total]) -> None:
        if total is not None:
            self.show_releases(f"{total.group}, {style.label(total.category)}: {total.text}", total.releases)

    def show_releases(self, heading: str, releases: dict[int, str]) -> None:
        """List the releases behind a total and open the first in the review window."""
        count = len(releases)
        self.releases_label.setText(f"{heading}, {count} release{'s' if count != 1 else ''} "
                                    "(Enter or double-click opens one in the review window):")
        self.releases.clear()
        for doc_id, title in releases.items():
            item = QListWidgetItem(title, self.releases)
            item.setData(Qt.UserRole, doc_id)
        if releases:
            self.releases.setCurrentRow(0)
            self.open_releases.emit(list(releases), f"Summary: {heading} ({count})")
            self.open_document.emit(next(iter(releases)))

    # -- files -------------------------------------------------------------------
    def export_chart(self, fmt: str, path: Optional[str] = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, f"Export the chart as {fmt.upper()}", f"summary.{fmt}",
                                                  f"{fmt.upper()} image (*.{fmt})")
            if not path:
                return False
        ok = self.chart.save_svg(path) if fmt == "svg" else self.chart.save_png(path)
        if not ok:
            QMessageBox.warning(self, "Export the chart", f"{path}: cannot be written (is the folder writable?)")
        return ok
