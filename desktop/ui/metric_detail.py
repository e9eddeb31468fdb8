"""The detail editor under the metrics table: the current row's subject, unit, evidence, rule and what the
extractor suggested, all in view (nothing only on hover).

A ``QDataWidgetMapper`` over the same :class:`MetricsTableModel` the table shows
(Qt's books example): the widgets read the model's current row and write back
through ``model.setData`` (an undo command to the store) when an edit is
finished (Enter, Tab or leaving the field). It holds no data of its own.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDataWidgetMapper, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from desktop.domain import UNITS
from desktop.ui import style
from desktop.ui.text_line import TextLine
from desktop.ui.metrics_table_model import (COL_CHECKS, COL_EVIDENCE, COL_NOTE, COL_ORIGINAL, COL_RULE,
                                            COL_SUBJECT, COL_UNIT, MetricsTableModel)


def _line(parent: QWidget, name: str) -> TextLine:
    """One fixed line, so a switch repaints it without re-laying out the window; the full text on hover."""
    line = TextLine(parent)
    line.setObjectName(name)
    return line


class MetricDetail(QWidget):
    def __init__(self, model: MetricsTableModel, parent=None):
        super().__init__(parent)
        self.setObjectName("metric_detail")
        self.model = model
        # the heading never changes: a label's new text would re-lay out the window
        self.heading = QLabel("<b>Selected metric</b>", self)
        self.heading_state = TextLine(self)  # "none" when no row is selected
        self.heading_state.setStyleSheet(f"color: {style.MUTED_COLOUR}")
        self.subject = QLineEdit(self)
        self.subject.setObjectName("detail_subject")
        self.subject.setPlaceholderText("what was counted, e.g. people arrested")
        self.unit = QComboBox(self)
        self.unit.setObjectName("detail_unit")
        self.unit.setEditable(True)
        self.unit.addItems(list(UNITS))
        self.unit.setMinimumContentsLength(8)
        self.note = QLineEdit(self)
        self.note.setObjectName("detail_note")
        self.note.setPlaceholderText("a note on this row (Ctrl+N), kept and exported")
        # one line each, as they mostly were; a longer value is elided, all of it on hover (and highlighted in
        # the release, for the evidence)
        self.evidence = _line(self, "detail_evidence")
        self.rule = _line(self, "detail_rule")
        self.original = _line(self, "detail_original")
        self.checks = _line(self, "detail_checks")

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)
        form.addRow("Sub&ject", self.subject)
        form.addRow("U&nit", self.unit)
        form.addRow("Evidence", self.evidence)
        form.addRow("Extractor", self.original)
        form.addRow("Rule", self.rule)
        form.addRow("Checks", self.checks)
        form.addRow("N&ote", self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(3)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.heading)
        head.addWidget(self.heading_state, 1)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addStretch(1)
        for widget in (self.subject, self.unit, self.note):
            label = form.labelForField(widget)
            if isinstance(label, QLabel):
                label.setBuddy(widget)

        self.mapper = QDataWidgetMapper(self)
        self.mapper.setModel(model)
        self.mapper.setSubmitPolicy(QDataWidgetMapper.AutoSubmit)
        self.mapper.addMapping(self.subject, COL_SUBJECT)
        self.mapper.addMapping(self.unit, COL_UNIT, b"currentText")
        self.mapper.addMapping(self.evidence, COL_EVIDENCE, b"text_property")
        self.mapper.addMapping(self.rule, COL_RULE, b"text_property")
        self.mapper.addMapping(self.original, COL_ORIGINAL, b"text_property")
        self.mapper.addMapping(self.checks, COL_CHECKS, b"text_property")
        self.mapper.addMapping(self.note, COL_NOTE)
        self.unit.activated.connect(lambda _i: self.mapper.submit())
        # After a reset (a document switch) the window makes the new document's first row current at once:
        # the panel is cleared and turned off only if no row came by the time the event loop runs (turning it
        # off and on again re-polished and repainted every child, about 20 widgets, at each switch)
        self._disable = QTimer(self)
        self._disable.setSingleShot(True)
        self._disable.timeout.connect(self.show_row)
        model.modelReset.connect(lambda: self.show_row(None, at_once=False))
        self.show_row(None)

    def focus_chain(self) -> list[QWidget]:
        return [self.subject, self.unit, self.note]

    def show_row(self, row: Optional[int] = None, at_once: bool = True) -> None:
        """Show the model's ``row`` (None or -1: no row selected; the panel is turned off ``at_once`` or when
        the event loop next runs, unless a row is shown by then)."""
        if row is None or row < 0 or row >= self.model.rowCount():
            if not at_once:  # cleared when the event loop runs unless a row comes first: a switch sets each
                self._disable.start(0)  # label once, not cleared and set again (their layout is costly)
                return
            self._disable.stop()
            self.mapper.setCurrentIndex(-1)
            for widget in (self.subject, self.evidence, self.rule, self.original, self.checks, self.note):
                widget.clear()
            self.unit.setCurrentText("")
            self.heading_state.setText("none")
            self.setEnabled(False)
            return
        self._disable.stop()
        self.setEnabled(True)
        self.mapper.setCurrentIndex(row)
        self.heading_state.setText("")
