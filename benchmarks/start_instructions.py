"""The window's cold start in instructions under callgrind: deterministic, so a 1% change shows on a
shared, noisy machine where the clock cannot (the clock's figure is ``window_bench.py --start-only``).

Runs ``valgrind --tool=callgrind`` over a fresh process that starts the window on DB to the first turn
of its event loop after ``show()`` (the list painted) and closes it cleanly, and over the floor: an
empty ``QMainWindow`` shown the same way. Prints both, and their ratio. The DB is opened as the last
clean close left it (stamped, ADR 0011), so the open check is skipped: the first run stamps it.

    python benchmarks/start_instructions.py [DB] [--tree TREE] [--floor]

``--tree`` runs another checkout's code (an A/B with the same interpreter); ``--floor`` also measures
the empty window (otherwise only the window).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from _util import APP_FIRST, ROOT, WORK, callgrind_total

CHILD = r"""
import sys, os
sys.path.insert(0, {root!r})
{app_first}
from PySide6.QtCore import QTimer
mode, db = sys.argv[1], sys.argv[2]
if mode == "empty":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    w = QMainWindow(); w.resize(1280, 800)
    w.show()
else:
    from desktop.ui.app import application, open_window
    from desktop.ui.settings import Settings
    app = application()
    from PySide6.QtCore import QSettings
    q = QSettings(os.path.join({work!r}, "bench-settings.ini"), QSettings.IniFormat)
    w = open_window(db, Settings(q)); w.resize(1280, 800)
    w.show()
QTimer.singleShot(0, app.quit)
app.exec()
if mode != "empty":
    w.close()
    w.store.close()
"""


def run(mode: str, db: Path, tree: Path, callgrind: bool = True) -> int:
    """Instructions of one start (``callgrind``), or 0 after a plain run (to stamp the file)."""
    code = CHILD.format(root=str(tree), work=str(WORK), app_first=APP_FIRST)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if not callgrind:
        subprocess.run([sys.executable, "-c", code, mode, str(db)], check=True, env=env, capture_output=True)
        return 0
    return callgrind_total([sys.executable, "-c", code, mode, str(db)], env=env)


def main() -> None:
    args = sys.argv[1:]
    tree = ROOT
    if "--tree" in args:
        i = args.index("--tree")
        tree = Path(args[i + 1]).resolve()
        del args[i:i + 2]
    floor = "--floor" in args
    args = [a for a in args if not a.startswith("--")]
    db = Path(args[0]) if args else WORK / "import-100000-j2.sqlite"
    if not db.exists():
        raise SystemExit(f"{db}: no such database (see benchmarks/README.md)")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):  # as after a person's first start: bytecode cached
        import compileall
        compileall.compile_dir(str(tree / "desktop"), quiet=1)
    run("window", db, tree, callgrind=False)  # stamps the file by a clean close (ADR 0011), compiles bytecode
    window = run("window", db, tree)
    print(f"window start on {db.name} ({tree}): {window / 1e6:,.1f} M instructions", flush=True)
    if floor:
        empty = run("empty", db, tree)
        print(f"floor, an empty QMainWindow: {empty / 1e6:,.1f} M instructions; ratio {window / empty:.3f}x "
              "[target <= 2.5x]")


if __name__ == "__main__":
    main()
