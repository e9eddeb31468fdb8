"""A large database for the window benchmark, quickly: an imported one copied K times.

Every table's rows are copied with ids (and the ids they point to) moved past the originals and a
suffix on each SHA-256, so the copy passes the store's checks; the full-text index is filled with
one statement a copy. Used when importing 100,000 files would take too long on a busy machine.

    python benchmarks/grow_db.py SRC.sqlite DST.sqlite K
"""

from __future__ import annotations

import shutil
import sqlite3
import sys

POINTS = {"document_id": "documents", "run_id": "extraction_runs"}
SUGGESTION = {"operations": "suggested_operations", "metrics": "suggested_metrics"}
ORDER = ("documents", "extraction_runs", "suggested_operations", "suggested_metrics", "operations", "metrics",
         "audit_log")


def main() -> None:
    src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
    shutil.copyfile(src, dst)
    conn = sqlite3.connect(dst, isolation_level=None)
    off = {t: conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] for t in ORDER}
    cols = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in ORDER}
    conn.execute("BEGIN")
    conn.execute("INSERT INTO fts_deferred VALUES (0)")
    for copy in range(1, k):
        for table in ORDER:
            exprs = []
            for c in cols[table]:
                if c == "id":
                    exprs.append(f"id + {copy * off[table]}")
                elif c in POINTS:
                    exprs.append(f"{c} + {copy * off[POINTS[c]]}")
                elif c == "suggestion_id" and table in SUGGESTION:
                    exprs.append(f"{c} + {copy * off[SUGGESTION[table]]}")
                elif c == "sha256":
                    exprs.append(f"sha256 || '-{copy}'")
                else:
                    exprs.append(f'"{c}"')
            names = ", ".join(f'"{c}"' for c in cols[table])
            conn.execute(f"INSERT INTO {table} ({names}) SELECT {', '.join(exprs)} FROM {table} "
                         f"WHERE id <= {off[table]}")
    conn.execute("DELETE FROM fts_deferred")
    conn.execute(f"INSERT INTO documents_fts (rowid, title, body) SELECT id, title, body FROM documents "
                 f"WHERE id > {off['documents']}")
    conn.execute("COMMIT")
    print(dst, conn.execute("SELECT count(*) FROM documents").fetchone()[0], "documents")


if __name__ == "__main__":
    main()
