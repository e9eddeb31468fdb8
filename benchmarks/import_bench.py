"""Benchmark 1: ``blotter import`` of N files, extraction included, on one and on two cores.

The corpus (``corpus.py``) has front matter in one file of five, like real scraped corpora.
Floor: reading the same files and one ``executemany`` of their bodies into a bare SQLite
table. Runs alternate (floor, ``--jobs 1``, ``--jobs 2``) so that load on a shared machine
falls on all three alike; each figure is the median of RUNS.

Targets (issue 15): at least 2,000 docs/s with two processes, and the second core gives
at least 1.6x.

    python benchmarks/import_bench.py [N=20000] [RUNS=3] [JOBS=1,2]
"""

from __future__ import annotations

import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _util import ROOT, WORK, machine, report
from corpus import write_corpus


def floor(files: list[Path], db: Path) -> None:
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (name TEXT, body TEXT)")
    rows = ((p.name, p.read_text(encoding="utf-8")) for p in files)
    with conn:
        conn.executemany("INSERT INTO t VALUES (?, ?)", rows)
    conn.close()


def blotter_import(corpus: Path, db: Path, jobs: int) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "import", str(corpus), "--db", str(db), "-q",
                          "--jobs", str(jobs)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"import failed: {out.stderr or out.stdout}")
    return out.stdout.strip().splitlines()[-1]


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    jobs = [int(j) for j in (sys.argv[3] if len(sys.argv) > 3 else "1,2").split(",")]
    corpus = write_corpus(WORK / f"corpus-{n}", n)
    files = sorted(corpus.rglob("*.txt"))
    print(f"import benchmark: {len(files):,} files (front matter in one of five), {runs} runs each, "
          f"jobs {jobs}; {machine()}; load {os.getloadavg()[0]:.2f}", flush=True)
    times: dict[str, list[float]] = {"floor": [], **{f"jobs {j}": [] for j in jobs}}
    cpu: dict[str, list[float]] = {f"jobs {j}": [] for j in jobs}
    for run in range(runs):
        times["floor"].append(_time(lambda: floor(files, WORK / "floor.sqlite")))
        for j in jobs:
            db = WORK / f"import-{n}-j{j}.sqlite"
            summary = ""

            def go() -> None:
                nonlocal summary
                summary = blotter_import(corpus, db, j)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[f"jobs {j}"].append(_time(go))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[f"jobs {j}"].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            print(f"    run {run + 1}, jobs {j}: {times[f'jobs {j}'][-1]:.1f} s, CPU of all its processes "
                  f"{cpu[f'jobs {j}'][-1]:.1f} s ({summary})", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    f_rate = len(files) / med["floor"]
    report("floor: read + executemany bodies", f_rate, "docs/s")
    for j in jobs:
        report(f"blotter import --jobs {j}", len(files) / med[f"jobs {j}"], "docs/s", floor=f_rate,
               budget=">= 2,000 docs/s on 2 cores" if j == 2 else "")
    for j in jobs:
        c = statistics.median(cpu[f"jobs {j}"])
        print(f"    jobs {j}: {c / len(files) * 1000:.2f} ms of CPU a release (all processes), "
              f"wall/CPU {med[f'jobs {j}'] / c:.2f}")
    if 1 in jobs and 2 in jobs:
        print(f"    second core: {med['jobs 1'] / med['jobs 2']:.2f}x (target >= 1.6x)")
    print(f"    load after: {os.getloadavg()[0]:.2f}; times: " +
          "; ".join(f"{k} " + ", ".join(f"{t:.1f}" for t in v) for k, v in times.items()))


if __name__ == "__main__":
    main()
