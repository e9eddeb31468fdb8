"""Cold start, A/B: this tree's window and another tree's, interleaved with the floor (an empty
``QMainWindow`` in a fresh process), so load falls on all three alike. Each tree opens its own copy
of the database (a newer schema cannot be opened by older code), stamped by a clean close first
(ADR 0011: the open check is skipped, as on a person's second start).

    python benchmarks/start_ab.py DB_THIS DB_OTHER OTHER_TREE [ROUNDS=5]

Prints the medians to the list's first paint and to the event loop's first turn, each tree's ratio
to the floor, every run, and the CPU time of each process to its exit (user + system: steadier than
the clock when the machine is loaded).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import APP_FIRST, ROOT, WORK, machine  # noqa: E402
from window_bench import CHILD  # noqa: E402


def cold(mode: str, db: Path, tree: Path) -> tuple[float, float, float]:
    """Seconds from the process's start to the first paint and to the event loop's first turn, and the
    process's CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    code = CHILD.format(root=str(tree), work=str(WORK), app_first=APP_FIRST)
    out = subprocess.run([sys.executable, "-c", code, mode, str(db)],
                         capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    for line in out.stdout.splitlines():
        if line.startswith("painted "):
            words = line.split()
            return float(words[1]) - start, float(words[3]) - start, cpu
    raise SystemExit(f"cold start ({mode}, {tree}) failed: {out.stderr[-2000:]}")


def main() -> None:
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    mine, theirs, other = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]).resolve()
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    print(f"cold start A/B; {machine()}; load {os.getloadavg()[0]:.2f}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):  # as after a person's first start: bytecode cached
        import compileall
        for tree in (ROOT, other):
            compileall.compile_dir(str(tree / "desktop"), quiet=1)
    cold("window", mine, ROOT)  # stamps each file by a clean close (ADR 0011)
    cold("window", theirs, other)
    runs: dict[str, list[tuple[float, float, float]]] = {"floor": [], "this": [], "other": []}
    loads = []
    for i in range(rounds):  # rotate the order, so neither tree always runs just after the floor
        order = [("floor", None, ROOT), ("this", mine, ROOT), ("other", theirs, other)]
        order = order[i % 3:] + order[:i % 3]
        for label, db, tree in order:
            runs[label].append(cold("empty" if db is None else "window", db or mine, tree))
        loads.append(os.getloadavg()[0])
    for which, name in ((0, "the list's first paint"), (1, "the event loop's first turn"),
                        (2, "the process's exit, CPU time")):
        floor = statistics.median(r[which] for r in runs["floor"])
        print(f"to {name}: floor (empty window) {floor * 1000:.0f} ms")
        for label, tree in (("this", ROOT), ("other", other)):
            value = statistics.median(r[which] for r in runs[label])
            print(f"   {label} ({tree}): {value * 1000:.0f} ms, {value / floor:.2f}x the floor "
                  f"[target <= 2.5x]; runs {' '.join(f'{r[which] * 1000:.0f}' for r in runs[label])}")
        print(f"   floor runs {' '.join(f'{r[which] * 1000:.0f}' for r in runs['floor'])}")
    print(f"load during the rounds: {min(loads):.2f}-{max(loads):.2f}")


if __name__ == "__main__":
    main()
