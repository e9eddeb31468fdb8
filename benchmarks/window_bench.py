"""Benchmarks 3-6: the window on a large database (QT_QPA_PLATFORM=offscreen).

3. cold start to the first painted document list, against an empty QMainWindow shown in a
   fresh process (the floor), with the file as Blotter's last clean close left it (so the open skips
   ``PRAGMA quick_check``, ADR 0011), and the first start after an outside change (with the check); 4. switching to a random document (text, highlights, form):
   median and 95th percentile of 200 switches; 5. full-text search to the first 100 hits and
   a status filter; 6. peak resident memory after the 200 switches.

    python benchmarks/window_bench.py [DB] [RUNS=3] [--start-only]

DB defaults to the database the import benchmark leaves (import-100000-j2.sqlite:
``import_bench.py 100000 1 2``).
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

from _util import APP_FIRST, ROOT, WORK, machine, report  # noqa: E402

CHILD = r"""
import sys, time, os
sys.path.insert(0, {root!r})
{app_first}
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class FirstPaint(QObject):
    at = loop = None
    def eventFilter(self, obj, event):
        if self.at is None and event.type() == QEvent.Paint:
            self.at = time.time()
            QTimer.singleShot(0, self.done)
        return False
    def done(self):
        if self.at is not None and self.loop is not None:
            print(f"painted {{self.at:.6f}} loop {{self.loop:.6f}}", flush=True)
            app.quit()
first = FirstPaint()
mode, db = sys.argv[1], sys.argv[2]
if mode == "empty":
    app = QApplication([])
    w = QMainWindow(); w.resize(1280, 800)
    w.installEventFilter(first)
    w.show()
else:
    from desktop.ui.app import application, open_window
    from desktop.ui.settings import Settings
    app = application()
    from PySide6.QtCore import QSettings
    q = QSettings(os.path.join({work!r}, "bench-settings.ini"), QSettings.IniFormat)
    w = open_window(db, Settings(q)); w.resize(1280, 800)
    w.document_list.view.viewport().installEventFilter(first)
    w.show()
def turned():
    first.loop = time.time()
    first.done()
QTimer.singleShot(0, turned)
QTimer.singleShot(60000, app.quit)
app.exec()
if mode != "empty":  # closed as desktop.ui.app.run closes it: the clean close stamps the file (ADR 0011)
    w.close()
    w.store.close()
"""


#: CPU seconds (user + system) of each cold-start process, by mode: steadier than the clock under load
CPU: dict[str, list[float]] = {}


def cold(mode: str, db: Path) -> tuple[float, float]:
    """Seconds from the process's start to the first paint (of the document list; of the empty window)
    and to the first turn of the event loop after ``show()``."""
    label = mode
    if mode == "window-changed":  # an outside change (here only its times): the open runs quick_check
        os.utime(db)
        mode = "window"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    code = CHILD.format(root=str(ROOT), work=str(WORK), app_first=APP_FIRST)
    out = subprocess.run([sys.executable, "-c", code, mode, str(db)],
                         capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(label, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    for line in out.stdout.splitlines():
        if line.startswith("painted "):
            words = line.split()
            paint, loop = float(words[1]), float(words[3])
            return paint - start, loop - start
    raise SystemExit(f"cold start ({mode}) failed: {out.stderr[-2000:]}")


def _ms(values) -> str:
    return " ".join(f"{v * 1000:.0f}" for v in values) + " ms"


def median_of(fn, runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    db = Path(args[0]) if args else WORK / "import-100000-j2.sqlite"
    runs = int(args[1]) if len(args) > 1 else 3
    if not db.exists():
        raise SystemExit(f"{db}: run benchmarks/import_bench.py first (or name a database)")
    print(f"window benchmark on {db.name}; {machine()}; load {os.getloadavg()[0]:.2f}")

    if os.environ.get("PYTHONDONTWRITEBYTECODE"):  # as after a person's first start: bytecode cached
        import compileall
        compileall.compile_dir(str(ROOT / "desktop"), quiet=1)
        print("   (PYTHONDONTWRITEBYTECODE is set: desktop/ compiled to bytecode first, as any first start "
              "leaves it; otherwise every start here would compile ~60 modules)")
    cold("window", db)  # leaves the file stamped by a clean close (ADR 0011), as a person's last session does
    floors, starts, changed = [], [], []
    for _ in range(runs):  # alternating, so load falls on all three alike
        floors.append(cold("empty", db))
        starts.append(cold("window", db))
        changed.append(cold("window-changed", db))
    for which, label in ((0, "first paint"), (1, "first turn of the event loop")):
        floor = statistics.median(f[which] for f in floors)
        report(f"3. floor: empty QMainWindow, to its {label}", floor * 1000, "ms")
        report(f"3. cold start, to the list's {label}", statistics.median(s[which] for s in starts) * 1000, "ms",
               floor=floor * 1000, budget="<= 2.5x of the floor")
        report("3. the same, first start after an outside change", statistics.median(c[which] for c in changed) * 1000,
               "ms", floor=floor * 1000)
        print(f"   every run ({label}): floor {_ms(f[which] for f in floors)}; start {_ms(s[which] for s in starts)}; "
              f"after a change {_ms(c[which] for c in changed)}")
    cpu_floor = statistics.median(CPU["empty"][-runs:])
    report("3. CPU of the process to exit: empty window", cpu_floor * 1000, "ms")
    report("3. CPU of the process to exit: window, stamped file", statistics.median(CPU["window"][-runs:]) * 1000,
           "ms", floor=cpu_floor * 1000)
    print(f"   (the file is {db.stat().st_size / 1e6:,.0f} MB; after an outside change PRAGMA quick_check reads "
          "every page of it; unchanged since Blotter closed it, the check is skipped; "
          f"load {os.getloadavg()[0]:.2f})")
    if "--start-only" in sys.argv:
        return

    from PySide6.QtWidgets import QApplication
    from desktop.ui.app import application, open_window
    from desktop.ui.settings import Settings
    app = application()
    from PySide6.QtCore import QSettings
    window = open_window(db, Settings(QSettings(str(WORK / "bench-settings.ini"), QSettings.IniFormat)))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    store = window.store
    print(f"   {store.count():,} documents, "
          f"{store.db.execute('SELECT count(*) FROM metrics').fetchone()[0]:,} metric rows")

    ids = store.db.execute("SELECT id FROM documents ORDER BY random() LIMIT 200").fetchall()

    def switches() -> list[float]:
        out = []
        for (doc_id,) in ids:
            t = time.perf_counter()
            window.show_document(doc_id)
            QApplication.processEvents()
            out.append((time.perf_counter() - t) * 1000)
        return sorted(out)
    checking = window.background_checks.running()
    if checking:  # documents imported by the CLI are checked when the window first opens, off its thread
        busy = switches()
        print(f"   while the window checks never-checked documents in the background: switch median "
              f"{statistics.median(busy):.1f} ms, 95th percentile {busy[int(len(busy) * 0.95) - 1]:.1f} ms")
        window.background_checks.cancel()
        while window.background_checks.running():
            QApplication.processEvents()
            time.sleep(0.05)
    times = switches()
    # the floor: the same bodies set into a plain QPlainTextEdit of the window's size and painted
    from PySide6.QtWidgets import QPlainTextEdit
    plain = QPlainTextEdit()
    plain.resize(1280, 800)
    plain.show()
    floors = []
    for (doc_id,) in ids:
        body = store.document(doc_id)["body"]
        t = time.perf_counter()
        plain.setPlainText(body)
        plain.repaint()
        QApplication.processEvents()
        floors.append((time.perf_counter() - t) * 1000)
    plain.close()
    floors.sort()
    f50, f95 = statistics.median(floors), floors[int(len(floors) * 0.95) - 1]
    report("4. floor: plain QPlainTextEdit set + painted, median", f50, "ms")
    report("4. switch document, median", statistics.median(times), "ms", floor=f50, budget="<= 20 ms")
    report("4. switch document, 95th percentile", times[int(len(times) * 0.95) - 1], "ms", floor=f95,
           budget="<= 40 ms")

    words = ["arrests", "knives", "Operation", "robbery", "warrants", "Sceptre"]
    search = []
    for word in words:
        t = time.perf_counter()
        rows = store.page(search=word, limit=100)
        search.append((time.perf_counter() - t) * 1000)
        assert rows, word
    report("5. full-text search, first 100 hits (median)", statistics.median(search), "ms", budget="< 100 ms")
    report("5. full-text search, slowest word", max(search), "ms", budget="< 100 ms")
    lst = window.list_model
    t = time.perf_counter()
    lst.set_filter(search="knives")
    QApplication.processEvents()
    report("5. search through the list model (count + page)", (time.perf_counter() - t) * 1000, "ms",
           budget="< 100 ms")
    t = time.perf_counter()
    lst.set_filter(status="new")
    QApplication.processEvents()
    report("5. status filter through the list model", (time.perf_counter() - t) * 1000, "ms", budget="< 100 ms")

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report("6. peak resident memory after 200 switches", peak_mb, "MB", budget="< 400 MB")


if __name__ == "__main__":
    main()
