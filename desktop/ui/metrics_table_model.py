"""The metrics table: status, category, value, qualifier, unit, subject, operation, evidence.

A thin adapter over ``Store.metrics(document_id)``; see
:class:`~desktop.ui.row_table_model.RowTableModel` for loading and editing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.ui import style
from desktop.ui.row_table_model import RowTableModel

COL_STATUS, COL_CATEGORY, COL_VALUE, COL_QUALIFIER, COL_UNIT, COL_SUBJECT, COL_OPERATION, COL_EVIDENCE = range(8)


def format_value(value) -> str:
    """``1825`` -> ``1,825``; ``2.5`` -> ``2.5``; ``None`` -> ``""``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,}"


class MetricsTableModel(RowTableModel):
    KIND = "metric"
    COLUMNS = (
        ("status", "Status"),
        ("category", "Category"),
        ("value", "Value"),
        ("qualifier", "Qualifier"),
        ("unit", "Unit"),
        ("subject", "Subject"),
        ("operation", "Operation"),
        ("text", "Evidence"),
    )
    EDITABLE = frozenset({"category", "value", "qualifier", "unit", "subject", "operation"})

    def display(self, field: str, row: dict) -> Any:
        value = row.get(field)
        if field == "value":
            return format_value(value)
        if field in ("category", "qualifier"):
            return style.label(value)
        if field == "text" and value:
            return " ".join(str(value).split())
        return "" if value is None else str(value)

    def extra_data(self, field: str, row: dict, role) -> Any:
        if role == Qt.DecorationRole and field == "category":
            return style.category_icon(row.get("category"))
        if role == Qt.TextAlignmentRole and field == "value":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
