"""Benchmark 1: ``blotter import`` of N files, extraction included, on one and on two cores.

The corpus (``corpus.py``) has front matter in one file of five, like real scraped corpora.
Floor: reading the same files and one ``executemany`` of their bodies into a bare SQLite
table. Runs alternate (floor, ``--jobs 1``, ``--jobs 2``) so that load on a shared machine
falls on all three alike; each figure is the median of RUNS.

Targets (issue 15): at least 2,000 docs/s with two processes, and the second core gives
at least 1.6x.

``--no-extract`` adds, in the same rounds, the **ceiling with a free extractor**: the same
``blotter import`` in a child whose extraction is replaced by a look-up of results computed
before the runs (``extractions-N.pickle`` in the bench folder, loaded before the import starts,
inherited by the forked workers). It is a benchmark-only stub, printed as a ceiling, never a
product path: it shows what the import's own work (listing, reading, front matter, pickling to and
from the workers, the writer, commits) allows once extraction costs nothing.

``--tree DIR`` runs another tree's code (its ``desktop`` package, e.g. a worktree of main) in the same
rounds, each of its imports right after this tree's, for an A/B in the same minutes.

    python benchmarks/import_bench.py [N=20000] [RUNS=3] [JOBS=1,2] [--no-extract] [--tree DIR]
"""

from __future__ import annotations

import os
import pickle
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


def blotter_import(corpus: Path, db: Path, jobs: int, tree: Path = ROOT) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "import", str(corpus), "--db", str(db), "-q",
                          "--jobs", str(jobs)], capture_output=True, text=True, cwd=tree)
    if out.returncode != 0:
        raise SystemExit(f"import failed: {out.stderr or out.stdout}")
    return out.stdout.strip().splitlines()[-1]


#: The child of ``--no-extract``: ``blotter import`` with extraction replaced by a look-up (a ceiling).
FREE_EXTRACTOR = """
import pickle, sys, time
from desktop import ingest
t = time.process_time()
with open(sys.argv[1], "rb") as fh:
    found = pickle.load(fh)
print(f"cache loaded in {time.process_time() - t:.2f} s of CPU", file=sys.stderr)
def free(doc, rules=None):
    extraction, notes = found[doc.sha256]
    return extraction, list(notes)
ingest.bounded_extract = free  # benchmark only: the ceiling with a free extractor
from desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""


def extractions(corpus: Path, n: int) -> Path:
    """Every release's extraction, computed once (two processes) and pickled by SHA-256 of its body."""
    out = WORK / f"extractions-{n}.pickle"
    if not out.exists():
        from desktop.ingest import read_and_extract_all
        found = {r.document.sha256: (e, []) for r, e in read_and_extract_all([corpus], workers=2) if r.ok}
        with open(f"{out}.part", "wb") as fh:
            pickle.dump(found, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f"{out}.part", out)
    return out


def free_import(corpus: Path, db: Path, jobs: int, cache: Path, tree: Path = ROOT) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-c", FREE_EXTRACTOR, str(cache), "import", str(corpus), "--db", str(db),
                          "-q", "--jobs", str(jobs)], capture_output=True, text=True, cwd=tree)
    if out.returncode != 0:
        raise SystemExit(f"import (free extractor) failed: {out.stderr or out.stdout}")
    return out.stdout.strip().splitlines()[-1] + "; " + out.stderr.strip().splitlines()[-1]


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    free = "--no-extract" in sys.argv
    other = Path(sys.argv[sys.argv.index("--tree") + 1]).resolve() if "--tree" in sys.argv else None
    argv = [a for a in sys.argv[1:] if not a.startswith("--") and (other is None or Path(a).resolve() != other)]
    n = int(argv[0]) if len(argv) > 0 else 20_000
    runs = int(argv[1]) if len(argv) > 1 else 3
    jobs = [int(j) for j in (argv[2] if len(argv) > 2 else "1,2").split(",")]
    corpus = write_corpus(WORK / f"corpus-{n}", n)
    files = sorted(corpus.rglob("*.txt"))
    cache = extractions(corpus, n) if free else None
    print(f"import benchmark: {len(files):,} files (front matter in one of five), {runs} runs each, "
          f"jobs {jobs}{', with the free-extractor ceiling' if free else ''}; {machine()}; "
          f"load {os.getloadavg()[0]:.2f}", flush=True)
    kinds = [(f"jobs {j}", j, False) for j in jobs] + ([(f"free jobs {j}", j, True) for j in jobs] if free else [])
    if other:  # each kind again with the other tree's code, right after this tree's
        kinds = [k for kind, j, stub in kinds for k in ((kind, j, stub), (f"{kind} [other]", j, stub))]
    times: dict[str, list[float]] = {"floor": [], **{k: [] for k, _, _ in kinds}}
    cpu: dict[str, list[float]] = {k: [] for k, _, _ in kinds}
    for run in range(runs):
        times["floor"].append(_time(lambda: floor(files, WORK / "floor.sqlite")))
        for kind, j, stub in kinds:
            tree = other if kind.endswith("[other]") else ROOT
            db = WORK / ((f"free-{n}-j{j}" if stub else f"import-{n}-j{j}") + ("-other" if tree != ROOT else "")
                         + ".sqlite")
            summary = ""

            def go() -> None:
                nonlocal summary
                summary = free_import(corpus, db, j, cache, tree) if stub else blotter_import(corpus, db, j, tree)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            times[kind].append(_time(go))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[kind].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            print(f"    run {run + 1}, {kind}: {times[kind][-1]:.1f} s, CPU of all its processes "
                  f"{cpu[kind][-1]:.1f} s ({summary}); load {os.getloadavg()[0]:.2f}", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    f_rate = len(files) / med["floor"]
    report("floor: read + executemany bodies", f_rate, "docs/s")
    for kind, j, stub in kinds:
        label = (f"CEILING, free extractor (benchmark stub), --jobs {j}" if stub else f"blotter import --jobs {j}")
        label += " [other tree]" if kind.endswith("[other]") else ""
        report(label, len(files) / med[kind], "docs/s", floor=f_rate,
               budget=">= 2,000 docs/s on 2 cores" if j == 2 else "")
    for kind, j, stub in kinds:
        c = statistics.median(cpu[kind])
        print(f"    {kind}: {c / len(files) * 1000:.2f} ms of CPU a release (all processes), "
              f"wall/CPU {med[kind] / c:.2f}")
    if 1 in jobs and 2 in jobs:
        print(f"    second core: {med['jobs 1'] / med['jobs 2']:.2f}x (target >= 1.6x)")
        if other:
            print(f"    second core, other tree: {med['jobs 1 [other]'] / med['jobs 2 [other]']:.2f}x")
    print(f"    load after: {os.getloadavg()[0]:.2f}; times: " +
          "; ".join(f"{k} " + ", ".join(f"{t:.1f}" for t in v) for k, v in times.items()))


if __name__ == "__main__":
    main()
