"""Instructions a document switch costs, counted by callgrind (deterministic: load on the machine does not move it).

    python benchmarks/switch_instructions.py DB [SWITCHES=20] [--root OTHER_TREE] [--only-switches]

Runs the window on DB (a copy: the pending check results are not written, but a clean close stamps it)
under ``valgrind --tool=callgrind`` twice: opening and 5 warm-up switches alone, then the same and
SWITCHES switches to fixed random documents. The difference, divided by SWITCHES, is what one switch
costs: all of it, and the part inside the event loop (painting, layout; collection only inside
``QCoreApplication::processEvents``). ``--root`` measures another tree's code (e.g. a worktree of main)
with this tree's Python, for an A/B. Each run takes a few minutes (the window and 100,000 documents
under valgrind). The background checker is cancelled and waited for before switching, and the writes
of check results at a pause are turned off, so that a slow run under valgrind does not time them in.

``--only-switches``: one run instead, instrumented only around the SWITCHES switches (``--instr-atstart=no``,
``callgrind_control -i on/off`` from the child): the figure of ADR 0013's fourth and fifth rounds (52.00 M a
switch on ``f32052c``, 20 switches of ``final.sqlite``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from _util import QUIET_WINDOW, callgrind_total, root_and_args

CHILD = r"""
import os, sys, time, random
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
root, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
settings = os.path.join(sys.argv[4], "settings.ini")
""" + QUIET_WINDOW + r"""rng = random.Random(7)
ids = [rng.randint(1, window.store.count()) for _ in range(n + 5)]
only = sys.argv[5] == "only"
for i, d in enumerate(ids):
    if only and i == 5:
        import subprocess; subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True)
    window.show_document(d)
    app.processEvents()
if only:
    subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], capture_output=True)
window.close()
window.store.close()
os._exit(0)
"""


def instructions(root: str, db: str, n: int, work: str, event_loop: bool, only: bool = False) -> int:
    script = os.path.join(work, "child.py")
    Path(script).write_text(CHILD)
    options = ("--toggle-collect=*QCoreApplication::processEvents*",) if event_loop else ()
    return callgrind_total([sys.executable, script, root, db, str(n), work, "only" if only else "all"],
                           env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                           options=options + (("--instr-atstart=no",) if only else ()))


def main() -> None:
    root, args = root_and_args(__doc__)
    db, n = args[0], int(args[1]) if len(args) > 1 else 20
    print(f"instructions a switch, {n} switches, code of {root}, database {Path(db).name}")
    with tempfile.TemporaryDirectory() as work:
        if "--only-switches" in sys.argv:
            total = instructions(root, db, n, work, False, only=True)
            print(f"   only the switches instrumented: {total / n / 1e6:.2f} M a switch ({total / 1e6:,.0f} M)")
            return
        for event_loop, label in ((False, "all of it"), (True, "inside the event loop")):
            base = instructions(root, db, 0, work, event_loop)
            full = instructions(root, db, n, work, event_loop)
            print(f"   {label}: {(full - base) / n / 1e6:.1f} M a switch (open + warm-up {base / 1e6:,.0f} M, "
                  f"with the switches {full / 1e6:,.0f} M)")


if __name__ == "__main__":
    main()
