"""The CSV that SQLite writes (export.csv_lines) is byte for byte what csv.writer writes from records().

The export builds each CSV line in its query (quoting, doubled quotes, the ``'`` against formulas, a
float's repr); this compares it with the plain Python way on cells chosen to hit every rule.
"""

import csv
import io

from desktop import export
from desktop.domain import Metric
from tests.conftest import make_document, make_extraction

CELLS = ["=1+1", "+44", "-3", "@SUM(A1)", "\tx", "\rx", "'q", "a,b", 'say "hi"', "line\nbreak", "x\r\ny",
         "", " lead", "£84,500 – “curly”", "=", "'", "-", "nul\x00inside", "plain"]
VALUES = [1.5, float("inf"), 1e16, 1e15, 0.1, 1e-05, 1 / 3, -0.0, 7.0, None, 123456789.123456789, -2.5]


def python_csv(store, include_all):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for record in export.records(store, include_all):
        writer.writerow([export.neutralise(c) if name not in export.NUMERIC and c else c
                         for name, c in zip(export.COLUMNS, record)])
    return buf.getvalue()


def test_sql_made_lines_match_csv_writer(store):
    doc = make_document("Some text with 12 arrests.", title="=cmd|' /C calc'!A0", publisher="-Police")
    metrics = [Metric("other", 1, subject=c, text=CELLS[-i - 1], operation=c or None)
               for i, c in enumerate(CELLS)]
    [doc_id], _ = store.import_batch([(doc, make_extraction(doc, metrics=metrics))])
    conn = store.db.conn
    for i, (mid,) in enumerate(conn.execute("SELECT id FROM metrics ORDER BY id").fetchall()):
        conn.execute("UPDATE metrics SET value = ?, note = ?, status = ? WHERE id = ?",
                     (VALUES[i % len(VALUES)], CELLS[(i + 5) % len(CELLS)], ("corrected", "confirmed")[i % 2], mid))
    conn.execute("UPDATE suggested_metrics SET value = 1e-05 WHERE id = (SELECT min(id) FROM suggested_metrics)")
    conn.commit()
    store.set_document_status(doc_id, "reviewed")
    for include_all in (False, True):
        made = "".join(export.csv_lines(store, include_all))
        assert made == python_csv(store, include_all)
        assert made.count("\r\n'=") + made.count(",'=") >= 2  # the formulas were marked
