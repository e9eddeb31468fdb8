"""Curated figures as an Excel workbook (``blotter export --format xlsx``).

The rows and columns of the CSV (:data:`desktop.export.COLUMNS`), on one sheet named
``curated figures`` under a header row. Every text cell is stored as text, so evidence such as
"32,000" stays text and a cell starting with ``=`` is never run as a formula: no ``'`` prefix is
needed, and each cell holds the stored value exactly. Figures and ids are numbers. Two things
Excel cannot hold are changed: control characters other than tab and line ends are dropped, and
a cell is cut at Excel's 32,767 characters. openpyxl is imported only here, when an xlsx is written.

Example::

    >>> with open("out.xlsx", "wb") as fh:
    ...     n = write_xlsx(store, fh, include_all=True)
"""

from __future__ import annotations

from typing import IO

from desktop.export import COLUMNS, records
from desktop.store import Store

#: The most characters an Excel cell holds.
MAX_CELL = 32_767
SHEET = "curated figures"
#: column widths in characters (set before the rows: the sheet is written as it goes); others get 12
WIDTHS = {"document": 24, "title": 44, "published": 11, "publisher": 20, "url": 30, "operation": 24,
          "operation_start": 11, "operation_end": 11, "category": 16, "value": 10, "subject": 20, "evidence": 40,
          "reviewer": 14, "reviewed_at": 20, "document_note": 24, "note": 24, "rule_id": 18, "updated_at": 20}


def write_xlsx(store: Store, fh: IO[bytes], include_all: bool = False) -> int:
    """Write the curated figures as a workbook to the binary file ``fh``; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.freeze_panes = "A2"
    from openpyxl.utils import get_column_letter
    for i, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 12)
    sheet.append(list(COLUMNS))
    count = 0
    for record in records(store, include_all):
        row = []
        for value in record:
            if isinstance(value, str):
                cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL])
                cell.data_type = "s"  # text, never a formula
                row.append(cell)
            else:
                row.append(value)
        sheet.append(row)
        count += 1
    book.save(fh)
    fh.flush()
    return count
