"""Benchmark 6: the full-text index's ``detail`` option (issue 14, migration 0005).

Builds the same synthetic documents table three times with the index declared as migration 0005
does (``content="documents"``, sqlite-utils' way), once each with ``detail=none`` (before 0005),
``detail=column`` and ``detail=full`` (the default), and prints: the time to insert the documents
with the trigger keeping the index, the index's size, a two-word search and a phrase search.
With ``none`` and ``column`` SQLite refuses phrase and NEAR queries ("phrase queries are not
supported (detail!=full)").

    python benchmarks/fts_bench.py [DOCS=5000] [RUNS=3]
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time

from _util import machine
from corpus import generate

FTS = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT, body TEXT NOT NULL);
CREATE VIRTUAL TABLE documents_fts USING FTS5 (
    "title", "body", tokenize='unicode61 remove_diacritics 2', content="documents", detail={detail});
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
"""
QUERIES = {"words": '"knives" "seized"', "phrase": '"knives were"', "prefix": '"operation" "sce"*'}


def one(detail: str, docs: list[tuple[str, str]]) -> dict:
    db = sqlite3.connect(":memory:")
    db.executescript(FTS.format(detail=detail))
    t = time.perf_counter()
    with db:
        db.executemany("INSERT INTO documents (title, body) VALUES (?, ?)", docs)
    insert_s = time.perf_counter() - t
    pages = db.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'documents_fts%'").fetchone()[0] \
        if _has_dbstat(db) else None
    out = {"insert_s": insert_s, "index_kb": (pages or 0) / 1024}
    for name, q in QUERIES.items():
        try:
            t = time.perf_counter()
            n = db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", [q]).fetchone()[0]
            out[name] = f"{n} hits {1000 * (time.perf_counter() - t):.2f} ms"
        except sqlite3.OperationalError as exc:
            out[name] = f"refused ({exc})"
    db.close()
    return out


def _has_dbstat(db: sqlite3.Connection) -> bool:
    try:
        db.execute("SELECT 1 FROM dbstat LIMIT 1")
        return True
    except sqlite3.OperationalError:
        return False


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    docs = [(text.splitlines()[0][:120], text) for _, text in generate(n, seed=3)]
    print(f"{machine()}; {n} documents, {sum(len(b) for _, b in docs) / 1e6:.1f} MB of text; median of {runs}")
    for detail in ("none", "column", "full"):
        results = [one(detail, docs) for _ in range(runs)]
        insert = statistics.median(r["insert_s"] for r in results)
        last = results[-1]
        size = f"{last['index_kb']:.0f} KB" if last["index_kb"] else "n/a (no dbstat)"
        print(f"detail={detail:6} insert {insert:.2f} s ({n / insert:,.0f} docs/s), index {size}; "
              + "; ".join(f"{k}: {last[k]}" for k in QUERIES))


if __name__ == "__main__":
    main()
