"""The right panel: the document's fields, its operations and its metrics, all editable.

Holds no data of its own: the fields show the store's row and write back through
``field_edited(field, value)``; the tables are views of the row models. The
window connects the signals to undo commands.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSplitter,
                               QToolButton, QVBoxLayout, QWidget)

from desktop.domain import CATEGORIES, QUALIFIERS, ROW_STATUSES
from desktop.ui import delegates, style
from desktop.ui.column_widths import ColumnFitter
from desktop.ui.metric_detail import MetricDetail
from desktop.ui.metrics_table_model import (COL_CATEGORY, COL_OPERATION, COL_QUALIFIER, COL_STATUS, COL_VALUE,
                                            TABLE_COLUMNS, MetricsTableModel)
from desktop.ui.operations_table_model import (COL_DURATION, COL_END, COL_NAME, COL_START, OperationsTableModel)
from desktop.ui.row_table_view import RowTableView
from desktop.ui.text_line import TextLine

TEXT_FIELDS = ("title", "publisher", "url")


class FormPanel(QWidget):
    #: a document field the reviewer changed: (field, new value)
    field_edited = Signal(str, object)

    def __init__(self, metrics: MetricsTableModel, operations: OperationsTableModel, parent=None):
        super().__init__(parent)
        self.metrics_model = metrics
        self.operations_model = operations
        self._stored: dict[str, Optional[str]] = {}

        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        fields.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QWidget] = {}
        for name in ("title", "published", "publisher", "url", "note"):
            if name == "published":
                widget = delegates.date_edit(self)
                widget.editingFinished.connect(lambda: self._finished("published"))
            else:
                widget = QLineEdit(self)
                widget.editingFinished.connect(lambda n=name: self._finished(n))
            self.edits[name] = widget
            fields.addRow(name.capitalize() if name != "url" else "URL", widget)
        self.edits["note"].setPlaceholderText("a note on this document (Ctrl+Shift+N), kept and exported")
        self.flag_label = QLabel(self)
        self.flag_label.setObjectName("review_flag")
        self.flag_label.setStyleSheet(f"color: {style.FLAG_COLOUR}; font-weight: bold")
        fields.addRow("", self.flag_label)
        self.flag_label.hide()
        self.edits["published"].setMaximumWidth(160)

        # each widget is built in the box it shows in (the boxes in the splitter): a widget moved to another
        # parent is styled again with all its children (ADR 0015)
        tables = QSplitter(Qt.Vertical, self)
        ops_box, met_box = QWidget(tables), QWidget(tables)
        self.operations_view = RowTableView(ops_box)
        self.operations_view.setModel(operations)
        self.operations_view.setItemDelegateForColumn(COL_NAME, delegates.TextDelegate(self.operations_view))
        self.operations_view.setItemDelegateForColumn(COL_DURATION, delegates.TextDelegate(self.operations_view))
        for col in (COL_START, COL_END):
            self.operations_view.setItemDelegateForColumn(col, delegates.DateDelegate(self.operations_view))
        statuses = [style.label(s) for s in ROW_STATUSES]
        self.operations_fit = ColumnFitter(
            self.operations_view, {COL_STATUS: statuses, COL_START: ["2000-00-00"], COL_END: ["2000-00-00"]},
            {COL_DURATION: lambda r: r.get("duration") or ""}, stretch=COL_NAME, icons=[COL_STATUS])

        self.metrics_view = RowTableView(met_box)
        self.metrics_view.setModel(metrics)
        view = self.metrics_view
        view.setItemDelegateForColumn(COL_CATEGORY, delegates.ComboDelegate(lambda: CATEGORIES, view))
        view.setItemDelegateForColumn(COL_QUALIFIER, delegates.ComboDelegate(lambda: QUALIFIERS, view))
        view.setItemDelegateForColumn(COL_OPERATION, delegates.ComboDelegate(
            operations.names, view, allow_empty=True))
        self.value_delegate = delegates.ValueDelegate(view)
        view.setItemDelegateForColumn(COL_VALUE, self.value_delegate)
        for col in range(metrics.columnCount()):
            view.setColumnHidden(col, col not in TABLE_COLUMNS)  # shown in the detail editor
        self.metrics_fit = ColumnFitter(
            view, {COL_STATUS: statuses, COL_CATEGORY: [style.label(c) for c in CATEGORIES],
                   COL_QUALIFIER: [style.label(q) for q in QUALIFIERS]},
            {COL_VALUE: lambda r: metrics.display("value", r)}, stretch=COL_OPERATION,
            icons=[COL_STATUS, COL_CATEGORY, COL_VALUE])
        self.detail = MetricDetail(metrics, tables)
        view.current_row_changed.connect(lambda _id: self.detail.show_row(view.currentIndex().row()))

        # one line each, of a fixed height: their text changes at every switch without re-laying out the window
        self.metrics_count = TextLine(met_box)
        self.operations_count = TextLine(ops_box)
        for label in (self.metrics_count, self.operations_count):
            label.setStyleSheet(f"color: {style.MUTED_COLOUR}")  # once: a style sheet set at every switch costs a re-polish
        self._box(ops_box, "Operations", self.operations_count, self.operations_view, [])
        self.confirm_all_button = self._button(met_box, "Confirm all", "Confirm every suggested row (Ctrl+Shift+A)")
        self.reviewed_button = self._button(met_box, "Reviewed ▸ next",
                                            "Mark this document reviewed and open the next unreviewed (Ctrl+Enter)")
        self._box(met_box, "Metrics", self.metrics_count, self.metrics_view,
                  [self.confirm_all_button, self.reviewed_button])
        self.checks_line = TextLine(met_box, lines=2, tip="Help ▸ Checks lists every check")
        self.checks_line.setObjectName("checks_line")
        met_box.layout().insertWidget(1, self.checks_line)
        tables.setObjectName("form_tables")
        tables.setChildrenCollapsible(False)
        tables.addWidget(ops_box)
        tables.addWidget(met_box)
        tables.addWidget(self.detail)
        tables.setStretchFactor(0, 1)
        tables.setStretchFactor(1, 3)
        tables.setStretchFactor(2, 1)
        self.tables_splitter = tables

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.addLayout(fields)
        layout.addWidget(tables, 1)
        metrics.modelReset.connect(self._update_counts)
        metrics.rowsInserted.connect(self._update_counts)
        metrics.rowsRemoved.connect(self._update_counts)
        metrics.dataChanged.connect(self._update_counts)
        operations.modelReset.connect(self._update_counts)
        operations.rowsInserted.connect(self._update_counts)
        operations.dataChanged.connect(self._update_counts)

    def _button(self, parent: QWidget, text: str, tip: str) -> QToolButton:
        button = QToolButton(parent)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        button.setFocusPolicy(Qt.NoFocus)  # a key does the same; Tab goes pane to pane
        return button

    def _box(self, box: QWidget, title: str, counter: TextLine, view: RowTableView, buttons: list) -> None:
        head = QHBoxLayout()
        head.setContentsMargins(0, 4, 0, 0)
        heading = QLabel(f"<b>{title}</b>", box)
        head.addWidget(heading)
        head.addWidget(counter, 1)  # takes the free width (a stretch beside it would leave it none)
        for button in buttons:
            head.addWidget(button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(view, 1)

    def _update_counts(self, *args) -> None:
        for model, label in ((self.metrics_model, self.metrics_count), (self.operations_model, self.operations_count)):
            rows = model.rows()
            todo = sum(1 for r in rows if r["status"] == "suggested")
            rejected = sum(1 for r in rows if r["status"] == "rejected")
            text = f"{len(rows)} row{'s' if len(rows) != 1 else ''}, {todo} to review" + (f", {rejected} rejected" if rejected else "")
            label.setText(text if rows else "none yet (select text in the release, then Ctrl+M / Ctrl+Shift+O)")

    def show_checks(self, report) -> None:
        """One line over the metrics: the checks that failed (Help ▸ Checks), and the numbers no row cites."""
        if report is None:
            self.checks_line.clear()
            return
        parts = []
        if report.findings:
            parts.append(f"⚠ {report.failed} check{'s' if report.failed != 1 else ''} failed: "
                         + "; ".join(f.message for f in report.findings))
        if report.uncited:
            parts.append(f"{report.uncited} number{'s' if report.uncited != 1 else ''} in the text no row cites "
                         "(dotted underline)")
        self.checks_line.setText("  ·  ".join(parts))
        self._colour_checks_line(style.WARNING_COLOUR if report.findings else style.MUTED_COLOUR)

    def _colour_checks_line(self, colour: str) -> None:
        # the palette, not a style sheet: a style sheet set at a switch re-polishes the label
        palette = self.checks_line.palette()
        if palette.color(QPalette.WindowText) != QColor(colour):
            palette.setColor(QPalette.WindowText, QColor(colour))
            self.checks_line.setPalette(palette)

    # -- document fields ---------------------------------------------------------
    def show_document(self, doc: Optional[dict]) -> None:
        """Fill the fields from the store's row (or clear them)."""
        self._stored = {name: (doc or {}).get(name) for name in self.edits}
        for name, widget in self.edits.items():
            widget.blockSignals(True)
            if name == "published":
                delegates.set_date(widget, self._stored[name])
            else:
                widget.setText(self._stored[name] or "")
                widget.setCursorPosition(0)
            if widget.styleSheet():
                widget.setStyleSheet("")  # a refused edit's outline goes with the document
            widget.setEnabled(doc is not None)
            widget.blockSignals(False)
        flagged = bool(doc and doc.get("review_flag"))
        self.flag_label.setText("⚐ Flagged for a second look (F clears it)" if flagged else "")
        self.flag_label.setVisible(flagged)

    def field_value(self, name: str):
        widget = self.edits[name]
        if name == "published":
            return delegates.date_value(widget)
        return widget.text().strip() or None

    def mark_field_error(self, name: str, error: bool) -> None:
        """An edit the store refused stays in the field, outlined, for the reviewer to fix."""
        self.edits[name].setStyleSheet(f"border: 1px solid {style.ERROR_COLOUR};" if error else "")

    def _finished(self, name: str) -> None:
        value = self.field_value(name)
        if value != self._stored.get(name):
            self.field_edited.emit(name, value)

    def accept_field(self, name: str, value) -> None:
        """The store saved ``value``: it is now what the field compares against."""
        self._stored[name] = value
        self.mark_field_error(name, False)
