"""Benchmark 1: ``blotter import`` of N files, extraction included, against a floor.

Floor: reading the same files and one ``executemany`` of their bodies into a bare
SQLite table. Budget: at least 1,500 documents per second, within 3x of the floor.

    python benchmarks/import_bench.py [N=100000] [RUNS=3]
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from _util import ROOT, WORK, machine, report, timed
from corpus import write_corpus


def floor(files: list[Path], db: Path) -> None:
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (name TEXT, body TEXT)")
    rows = ((p.name, p.read_text(encoding="utf-8")) for p in files)
    with conn:
        conn.executemany("INSERT INTO t VALUES (?, ?)", rows)
    conn.close()


def blotter_import(corpus: Path, db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "import", str(corpus), "--db", str(db), "-q"],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"import failed: {out.stderr or out.stdout}")
    print("   ", out.stdout.strip().splitlines()[-1], flush=True)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    corpus = write_corpus(WORK / f"corpus-{n}", n)
    files = sorted(corpus.rglob("*.txt"))
    print(f"import benchmark: {len(files):,} files, {runs} runs each; {machine()}")
    f_med, _ = timed(lambda: floor(files, WORK / "floor.sqlite"), runs)
    report("floor: read + executemany bodies", len(files) / f_med, "docs/s")
    db = WORK / f"import-{n}.sqlite"
    b_med, _ = timed(lambda: blotter_import(corpus, db), runs)
    report("blotter import (extraction included)", len(files) / b_med, "docs/s", floor=len(files) / f_med,
           budget=">= 1,500 docs/s and within 3x of the floor")
    print(f"    wall: blotter {b_med:.1f} s, floor {f_med:.1f} s, ratio {b_med / f_med:.2f}x")


if __name__ == "__main__":
    main()
