"""Benchmark 2: ``blotter export --all`` of 1.5 million metric rows to CSV.

Floor: the ``sqlite3`` shell's ``.mode csv`` on the same query, runs interleaved with Blotter's.
Also timed in the same rounds: ``PRAGMA quick_check`` alone (what opening the store adds), so the
export is given both whole and with the check's time taken out.
Budget: within 2x (issue 15).
The database (100,000 documents x 15 metrics) is built once with synthetic
suggestions, so the figure does not depend on the extractor.

    python benchmarks/export_bench.py [DOCS=100000] [RUNS=3] [BASE_TREE]

With BASE_TREE (a checkout of older code, e.g. ``git worktree add /tmp/base main``) its export runs
in the same rounds too, for an A/B comparison in the same minutes.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from _util import ROOT, WORK, machine, report, timed
from corpus import generate

from desktop.domain import Extraction, Metric, Operation
from desktop.export import _QUERY
from desktop.importer import read_document
from desktop.store import Store

METRICS_PER_DOC = 15
CATS = ["arrests", "charges", "knives_seized", "drugs_seized", "cash_seized", "percent_change", "other"]


def build(db: Path, n: int) -> None:
    if db.exists():
        return
    tmp = db.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    store = Store.open(tmp, reviewer="bench")
    rng = random.Random(7)
    batch = []
    scratch = WORK / "scratch.txt"
    for name, text in generate(n, seed=3):
        scratch.write_text(text, encoding="utf-8")
        doc = read_document(scratch)
        doc = type(doc)(**{**doc.__dict__, "name": name, "source_path": name})
        metrics = tuple(Metric(rng.choice(CATS), rng.randint(1, 5000), subject="things seized, said \"police\"",
                               operation="Operation Bench", offset=i * 10, length=8, text=doc.body[i * 10:i * 10 + 8],
                               rule="bench") for i in range(METRICS_PER_DOC))
        batch.append((doc, Extraction(document=name, operations=(Operation("Operation Bench", "2021-01-01",
                                                                           "2021-01-31"),),
                                      metrics=metrics, extractor_version="bench")))
        if len(batch) == 1000:
            store.import_batch(batch)
            batch.clear()
    if batch:
        store.import_batch(batch)
    store.close()
    tmp.rename(db)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    base = Path(sys.argv[3]).resolve() if len(sys.argv) > 3 else None
    db = WORK / f"export-{n}.sqlite"
    build(db, n)
    rows = n * METRICS_PER_DOC
    print(f"export benchmark: {rows:,} metric rows, {runs} runs each; {machine()}")
    shell = shutil.which("sqlite3")
    if not shell:
        raise SystemExit("the floor needs the sqlite3 shell (apt-get install sqlite3)")
    query = " ".join(_QUERY.format(only_reviewed="").split())
    out = WORK / "export.csv"

    def floor() -> None:
        subprocess.run([shell, "-csv", "-header", str(db), query], stdout=out.open("w"), check=True)

    def blotter() -> None:
        subprocess.run([sys.executable, "-m", "desktop.cli", "export", str(out), "--all", "--db", str(db)],
                       check=True, capture_output=True, cwd=ROOT)

    def older() -> None:
        subprocess.run([sys.executable, "-m", "desktop.cli", "export", str(out), "--all", "--db", str(db)],
                       check=True, capture_output=True, cwd=base, env={**os.environ, "PYTHONPATH": str(base)})

    def check() -> None:  # what opening the store adds (ADR 0005), timed apart
        subprocess.run([sys.executable, "-c", "import sqlite3, sys; "
                        "sqlite3.connect(sys.argv[1]).execute('PRAGMA quick_check').fetchall()", str(db)],
                       check=True)

    f_times, b_times, c_times, o_times, loads = [], [], [], [], []
    for _ in range(runs):  # interleaved: a shared machine's load falls on all alike
        loads.append(os.getloadavg()[0])
        f_times.append(timed(floor, 1)[0])
        b_times.append(timed(blotter, 1)[0])
        c_times.append(timed(check, 1)[0])
        if base:
            o_times.append(timed(older, 1)[0])
    f_med, b_med, c_med = statistics.median(f_times), statistics.median(b_times), statistics.median(c_times)
    rest = statistics.median(b - c for b, c in zip(b_times, c_times))
    report("floor: sqlite3 shell .mode csv", f_med, "s")
    report("blotter export --all", b_med, "s", floor=f_med, budget="within 2x of the sqlite3 shell")
    report("  of which the open check (quick_check)", c_med, "s")
    report("  the export without the open check", rest, "s", floor=f_med, budget="within 2x of the sqlite3 shell")
    if base:
        report(f"older code ({base.name})", statistics.median(o_times), "s", floor=f_med)
        print(f"    runs: older code {', '.join(f'{t:.2f}' for t in o_times)} s")
    print(f"    runs: blotter {', '.join(f'{t:.2f}' for t in b_times)} s; "
          f"shell {', '.join(f'{t:.2f}' for t in f_times)} s; check {', '.join(f'{t:.2f}' for t in c_times)} s; "
          f"load {', '.join(f'{x:.2f}' for x in loads)} -> {os.getloadavg()[0]:.2f}")
    print(f"    {rows / b_med:,.0f} rows/s")


if __name__ == "__main__":
    main()
