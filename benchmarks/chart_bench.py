"""Benchmark 9: what opening View ▸ Summary's chart costs, drawn with QPainter or with pyqtgraph.

Each run is a fresh process (QT_QPA_PLATFORM=offscreen) that creates the application, then
times from just before the chart code is imported to the first painted chart of 12 bars:
- floor: a plain QWidget shown and painted (no chart code);
- qpainter: desktop.ui.chart_widget imported, its bars set and painted;
- pyqtgraph: pyqtgraph imported (with numpy), a PlotWidget with a BarGraphItem painted.
Neither touches the window's cold start (both load only when the view opens); this is the
delay a person sees on first opening the summary, and the import weight either way.

    python benchmarks/chart_bench.py [RUNS=5] [PYQTGRAPH_PATH]

PYQTGRAPH_PATH: a folder holding pyqtgraph and numpy (e.g. pip install --target), when the
venv has none; without pyqtgraph its line is skipped.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _util import ROOT, machine, report  # noqa: E402

CHILD = r"""
import sys, time
sys.path.insert(0, {root!r})
if {extra!r}:
    sys.path.append({extra!r})
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtCore import QTimer
app = QApplication([])
mode = sys.argv[1]
t0 = time.perf_counter()
if mode == "floor":
    w = QWidget()
elif mode == "qpainter":
    from desktop.ui.chart_widget import ChartWidget, Point
    w = ChartWidget()
    w.set_points([Point(f"Round {{i}}", 100 + 37 * i, str(100 + 37 * i), {{i: "r"}}) for i in range(12)],
                 "bars", "knives")
else:
    import pyqtgraph as pg
    w = pg.PlotWidget()
    w.addItem(pg.BarGraphItem(x0=0, y=list(range(12)), height=0.7, width=[100 + 37 * i for i in range(12)]))
w.resize(800, 500)
w.show()
def painted():
    print(f"ms {{(time.perf_counter() - t0) * 1000:.3f}}", flush=True)
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


def run(mode: str, extra: str) -> float:
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), extra=extra), mode],
                         capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith("ms "):
            return float(line.split()[1])
    raise RuntimeError(out.stderr[-1500:])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    extra = sys.argv[2] if len(sys.argv) > 2 else ""
    print(machine())
    floor = statistics.median(run("floor", extra) for _ in range(runs))
    report("9. floor: a plain widget shown and painted", floor, "ms")
    ours = statistics.median(run("qpainter", extra) for _ in range(runs))
    report("9. QPainter chart: import, 12 bars, painted", ours, "ms", floor=floor)
    try:
        theirs = statistics.median(run("pyqtgraph", extra) for _ in range(runs))
    except RuntimeError as exc:
        print(f"9. pyqtgraph: not measured ({str(exc).strip().splitlines()[-1]})")
        return
    report("9. pyqtgraph chart: import, 12 bars, painted", theirs, "ms", floor=floor)


if __name__ == "__main__":
    main()
