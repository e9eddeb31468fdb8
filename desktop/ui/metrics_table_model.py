"""The metrics of one document: status, category, value, qualifier, operation in the table; the rest
(unit, subject, evidence, rule, what the extractor suggested) in the detail editor under it.

A thin adapter over ``Store.metrics(document_id)``; see
:class:`~desktop.ui.row_table_model.RowTableModel` for loading and editing. The
table view hides the columns the detail editor shows (one model, two views, as
in Qt's books example).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.ui import style
from desktop.ui.row_table_model import RowTableModel

(COL_STATUS, COL_CATEGORY, COL_VALUE, COL_QUALIFIER, COL_UNIT, COL_SUBJECT, COL_OPERATION, COL_EVIDENCE,
 COL_RULE, COL_ORIGINAL, COL_CHECKS, COL_NOTE) = range(12)
_DECORATION, _ALIGNMENT = int(Qt.DecorationRole), int(Qt.TextAlignmentRole)
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
#: the columns of the compact table; the others are shown in the detail editor
TABLE_COLUMNS = (COL_STATUS, COL_CATEGORY, COL_VALUE, COL_QUALIFIER, COL_OPERATION)
#: how a value in a unit is written (a count is a bare number)
UNIT_PREFIX = {"GBP": "£", "EUR": "€", "USD": "$", "AUD": "A$", "NZD": "NZ$", "CAD": "C$"}


def format_value(value) -> str:
    """``1825`` -> ``1,825``; ``2.5`` -> ``2.5``; ``None`` -> ``""``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def format_amount(value, unit) -> str:
    """The value whole, with its unit: ``£1,200,000``, ``27%``, ``1,825``, ``12 kg``."""
    number = format_value(value)
    if not number:
        return ""
    if unit in UNIT_PREFIX:
        return UNIT_PREFIX[unit] + number
    if unit == "percent":
        return number + "%"
    if unit and unit != "count":
        return f"{number} {unit}"
    return number


def short_operation(name: str) -> str:
    """"Operation Winter Nights" -> "Winter Nights": the table's narrow column shows the part that differs
    (the full name is in the editor and the tooltip)."""
    for prefix in ("Operation ", "Op. ", "Op "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


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
        ("rule", "Rule"),
        ("original", "Extractor suggested"),
        ("checks", "Checks"),
        ("note", "Note"),
    )
    EDITABLE = frozenset({"category", "value", "qualifier", "unit", "subject", "operation", "note"})
    NOT_COMPARED = frozenset({"status", "rule", "original", "checks", "note"})

    #: what the checks say about each row (derived from the store by the window; see desktop.checks)
    _findings: dict[int, tuple[str, ...]] = {}

    def set_findings(self, findings: dict[int, tuple[str, ...]]) -> None:
        """The checks' messages per row id; only rows whose messages changed are repainted."""
        changed = {i for i in set(findings) | set(self._findings) if findings.get(i) != self._findings.get(i)}
        self._findings = dict(findings)
        rows = [at for at in map(self.row_of, changed) if at is not None]
        if rows:  # one signal for the block of rows concerned (the value's ⚠ and the detail's line)
            self.dataChanged.emit(self.index(min(rows), COL_VALUE), self.index(max(rows), COL_CHECKS),
                                  [Qt.DecorationRole, Qt.ToolTipRole, Qt.DisplayRole, Qt.EditRole])

    def clear_derived(self) -> None:
        self._findings = {}

    def findings(self, row_id: int) -> tuple[str, ...]:
        return self._findings.get(row_id, ())

    def display(self, field: str, row: dict) -> Any:
        value = row.get(field)
        if field == "value":
            return format_amount(value, row.get("unit"))
        if field in ("category", "qualifier"):
            return style.label(value)
        if field == "text" and value:
            return " ".join(str(value).split())
        if field == "operation" and value:
            return short_operation(str(value))
        if field == "rule":
            return self.rule(row)
        if field == "original":
            return self.original_summary(row)
        if field == "checks":
            return "\n".join(f"⚠ {m}" for m in self.findings(row["id"])) or "none failed"
        return "" if value is None else str(value)

    def tooltip(self, field: str, row: dict):
        found = self.findings(row["id"])
        base = super().tooltip(field, row)
        if field == "operation" and row.get("operation"):
            base = f"{row['operation']}\n\n{base}" if base else row["operation"]
        if not found:
            return base
        lines = "\n".join(f"⚠ {m}" for m in found)
        return f"{lines}\n\n{base}" if base else lines

    def edit_data(self, field: str, row: dict) -> Any:
        if field in ("rule", "original", "text", "checks"):
            return self.display(field, row)
        return row.get(field)

    def rule(self, row: dict) -> str:
        if row.get("origin") == "reviewer":
            return "added by a reviewer"
        original = self.original(row) if row.get("suggestion_id") is not None else None
        return (original or {}).get("rule") or "—"

    def original_summary(self, row: dict) -> str:
        """What the extractor suggested, for the fields the reviewer changed (empty when none)."""
        if row.get("origin") == "reviewer":
            return "nothing: a reviewer added this row"
        changes = self.changes(row)
        if not changes:
            return "as suggested" if row.get("suggestion_id") is not None else "—"
        return "; ".join(f"{name.lower()} {before} → {after}" for name, before, after in changes)

    def extra_data(self, field: str, row: dict, role) -> Any:
        # ``role`` is a plain int here (see RowTableModel.data): int comparisons keep painting cheap
        if role == _DECORATION:
            if field == "category":
                return style.category_icon(row.get("category"))
            if field == "value" and self._findings.get(row["id"]):
                return style.warning_icon()
        elif role == _ALIGNMENT and field == "value":
            return _RIGHT
        return None
