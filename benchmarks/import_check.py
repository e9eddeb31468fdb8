"""(A check, not a timing) two databases imported from the same files hold the same data, table by table.

Every table and view is compared row by row in primary-key order, time stamps of the import left out
(``imported_at``, ``created_at``, ``updated_at``, the audit log's ``at``); the full-text index is compared
by what it answers (every document's own title and body words find it) and FTS5's ``integrity-check``,
since its segments depend on how the batches fell. Used to show that a faster import writes exactly what
the code before it wrote: import the same files with both trees (``import_bench.py --tree``), then

    python benchmarks/import_check.py NEW.sqlite OLD.sqlite
"""

from __future__ import annotations

import sqlite3
import sys

STAMPS = {"imported_at", "created_at", "updated_at", "at"}
#: FTS5's own tables: their pages depend on how the batches fell, not on what they index
SHADOW = ("documents_fts_data", "documents_fts_idx", "documents_fts_docsize", "documents_fts_config")


def tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
        "AND name != 'documents_fts' ORDER BY name") if r[0] not in SHADOW]


def rows(conn: sqlite3.Connection, table: str) -> tuple[list[str], list[tuple]]:
    cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] not in STAMPS]
    order = "rowid" if conn.execute("SELECT type FROM sqlite_master WHERE name = ?", [table]).fetchone()[0] == \
        "table" and table != "document_status_counts" else ", ".join(f'"{c}"' for c in cols)
    if table in ("curated_metrics",):
        order = "document_id, metric_id"
    return cols, conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" '
                              f"ORDER BY {order}").fetchall()


def fts_answers(conn: sqlite3.Connection) -> list[tuple]:
    conn.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
    out = []
    for doc_id, body in conn.execute("SELECT id, body FROM documents ORDER BY id LIMIT 300"):
        words = [w for w in body.split() if w.isalpha()][:3]
        query = " ".join(f'"{w}"' for w in words)
        hits = [r[0] for r in conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
                                           "ORDER BY rowid LIMIT 50", [query])] if words else []
        out.append((doc_id, query, doc_id in hits or len(hits) == 50, len(hits)))
    return out


def main() -> int:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    a, b = (sqlite3.connect(p) for p in sys.argv[1:])  # (FTS5 takes integrity-check as an INSERT; it writes nothing)
    differ = 0
    names = tables(a)
    if names != tables(b):
        print(f"different tables: {names} / {tables(b)}")
        return 1
    for table in names:
        cols_a, rows_a = rows(a, table)
        cols_b, rows_b = rows(b, table)
        same = cols_a == cols_b and rows_a == rows_b
        differ += not same
        print(f"{table:28} {len(rows_a):>9,} rows  {'same' if same else 'DIFFERENT'}")
    fa, fb = fts_answers(a), fts_answers(b)
    differ += fa != fb
    print(f"{'full-text index':28} {len(fa):>9,} searches, integrity-check passed  {'same' if fa == fb else 'DIFFERENT'}")
    print("identical (time stamps aside)" if not differ else f"{differ} DIFFER")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
