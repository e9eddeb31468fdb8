"""The operations table: status, name, start, end, duration.

A thin adapter over ``Store.operations(document_id)``; see
:class:`~desktop.ui.row_table_model.RowTableModel` for loading and editing.
"""

from __future__ import annotations

from desktop.ui.row_table_model import RowTableModel

COL_STATUS, COL_NAME, COL_START, COL_END, COL_DURATION = range(5)


class OperationsTableModel(RowTableModel):
    KIND = "operation"
    COLUMNS = (
        ("status", "Status"),
        ("name", "Operation"),
        ("start", "Start"),
        ("end", "End"),
        ("duration", "Duration"),
    )
    EDITABLE = frozenset({"name", "start", "end", "duration"})

    def names(self) -> list[str]:
        """The names of the operations not rejected (the metrics' operation drop-down)."""
        return [r["name"] for r in self._rows if r["status"] != "rejected" and r["name"]]
