"""Shared helpers for the benchmark scripts: medians, the machine, printing figures."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("BLOTTER_BENCH_DIR", "/tmp/blotter-bench"))

#: The first line of the window-start children (window_bench, start_ab, start_instructions): the window's modules
#: are imported as ``blotter`` imports them (desktop/cli.py, ``cmd_gui``: the command's module, the store, then
#: the window's module), before the harness imports anything of Qt for itself. Since 2026-12-02 (ADR 0015):
#: PySide6, once loaded, reads the source of every module imported after it, so a harness that loads Qt first
#: charged the window's start a cost ``blotter`` does not pay. ``BLOTTER_BENCH_HARNESS_FIRST=1`` gives the
#: earlier order (the harness's Qt first), to compare with the figures taken before.
APP_FIRST = ("" if os.environ.get("BLOTTER_BENCH_HARNESS_FIRST") else
             "if sys.argv[1] != 'empty': import desktop.cli, desktop.store, desktop.ui.app  # as blotter does")


#: The switch benchmarks' children (``switch_instructions.py``, ``switch_paints.py``): the window on ``db``
#: with the settings file ``settings``, at 1280x800, shown, its background checker stopped and no check
#: written at a pause, so that only the switches run. The child has imported ``os``, ``sys``, ``time``.
QUIET_WINDOW = r"""
from PySide6.QtCore import QSettings
from desktop.ui.app import application, open_window
from desktop.ui.settings import Settings
app = application()
window = open_window(db, Settings(QSettings(settings, QSettings.IniFormat)))
window.resize(1280, 800)
window.show()
app.processEvents()
window.background_checks.cancel()
while window.background_checks.running():
    app.processEvents()
    time.sleep(0.05)
window.pending_checks.add = lambda *a, **k: None
"""


def root_and_args(usage: str) -> tuple[str, list[str]]:
    """The tree whose code a switch benchmark runs (``--root DIR``, default this one) and the other
    arguments, flags left out; exits with ``usage`` when none is given."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = str(ROOT)
    if "--root" in sys.argv:
        root = sys.argv[sys.argv.index("--root") + 1]
        args.remove(root)
    if not args:
        raise SystemExit(usage)
    return root, args


def machine() -> str:
    """One line naming the machine the figures were taken on."""
    cpu = "unknown cpu"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def timed(fn: Callable[[], object], runs: int = 3) -> tuple[float, list[float]]:
    """Median seconds of ``runs`` calls of ``fn`` and every time."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times


def report(name: str, value: float, unit: str, floor: float | None = None, budget: str = "") -> None:
    """Print one figure, its ratio to the floor, and the budget it answers to."""
    line = f"{name:<44} {value:>12,.2f} {unit}"
    if floor:
        line += f"   ratio to floor {value / floor:5.2f}x" if unit in ("s", "ms") else \
                f"   floor {floor:,.2f} {unit} ({floor / value:4.2f}x slower)"
    if budget:
        line += f"   [budget: {budget}]"
    print(line, flush=True)


def callgrind_total(cmd: list[str], env: dict | None = None, options: tuple[str, ...] = ()) -> int:
    """Instructions ``cmd`` runs under ``valgrind --tool=callgrind`` (deterministic; load does not move it).

    :param options: more callgrind options, e.g. ``("--toggle-collect=*processEvents*",)``
    :raises SystemExit: the command failed (its error's end is shown), or callgrind wrote no totals

    Example::

        >>> callgrind_total([sys.executable, "-c", "pass"])  # doctest: +SKIP
        87712345
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *options, *cmd],
                              env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"callgrind run failed: {done.stderr[-2000:]}")
        text = out.read_text()
        # "totals" first: with instrumentation switched on only part of the run (--instr-atstart=no), the
        # "summary" line says 0
        found = re.search(r"^totals:\s*(\d+)", text, re.M) or re.search(r"^summary:\s*(\d+)", text, re.M)
        if not found:
            raise SystemExit("callgrind wrote no totals")
        return int(found.group(1))
