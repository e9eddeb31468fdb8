"""What a document switch repaints: paint events and painted pixels per switch, widget by widget.

    python benchmarks/switch_paints.py DB [SWITCHES=40] [--root OTHER_TREE] [--all]

Opens the window on DB (a copy: a clean close stamps it), waits for the background checker, makes 5
warm-up switches, then SWITCHES switches to fixed random documents, counting with an event filter on
the application every paint event and the area of its region (the pixels Qt asked the widget to
paint). Both counts are deterministic (load does not move them): a widget repainted that did not change,
or a pane painted beneath a child that changed, shows here. The floor printed beside the total is
what must be painted in any case: the release's text area and the two tables' cells, once each.
``--root`` measures another tree's code (e.g. a worktree of main) for an A/B; ``--all`` lists every
widget, not the 12 largest.
"""

from __future__ import annotations

import os
import sys

from _util import QUIET_WINDOW

CHILD = r"""
import collections, os, random, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
root, db, n, every = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
sys.path.insert(0, root)
from PySide6.QtCore import QEvent, QObject
settings = db + ".paints.ini"
""" + QUIET_WINDOW + r"""
def name(obj):
    parent, chain = obj.parent(), []
    while parent is not None and len(chain) < 2:
        chain.append(type(parent).__name__ + (":" + parent.objectName() if parent.objectName() else ""))
        parent = parent.parent()
    return f"{type(obj).__name__}{':' + obj.objectName() if obj.objectName() else ''} < {' < '.join(chain)}"

class Count(QObject):
    on = False
    events, pixels = collections.Counter(), collections.Counter()
    def eventFilter(self, obj, event):
        if self.on and event.type() == QEvent.Paint:
            key = name(obj)
            self.events[key] += 1
            self.pixels[key] += sum(r.width() * r.height() for r in event.region())
        return False

count = Count()
app.installEventFilter(count)
rng = random.Random(7)
ids = [rng.randint(1, window.store.count()) for _ in range(n + 5)]
for d in ids[:5]:
    window.show_document(d)
    app.processEvents()
count.on = True
for d in ids[5:]:
    window.show_document(d)
    app.processEvents()
count.on = False
tables = (window.form.metrics_view, window.form.operations_view)
floor = (window.release.text.viewport().width() * window.release.text.viewport().height()
         + sum(v.viewport().width() * v.viewport().height() for v in tables))
print(f"TOTAL {sum(count.events.values()) / n:.2f} {sum(count.pixels.values()) / n:.0f} {floor}")
for key, pixels in count.pixels.most_common(None if every else 12):
    print(f"   {count.events[key] / n:5.2f} paints {pixels / n:>10,.0f} px  {key}")
window.close()
window.store.close()
os._exit(0)
"""


def main() -> None:
    import subprocess
    import tempfile
    from pathlib import Path

    from _util import report, root_and_args
    root, args = root_and_args(__doc__)
    db, n = args[0], int(args[1]) if len(args) > 1 else 40
    print(f"paints a switch, {n} switches, code of {root}, database {Path(db).name}; load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as work:
        script = Path(work) / "child.py"
        script.write_text(CHILD)
        out = subprocess.run([sys.executable, str(script), root, db, str(n), "1" if "--all" in sys.argv else "0"],
                             capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    lines = out.stdout.splitlines()
    total = next((line for line in lines if line.startswith("TOTAL ")), None)
    if total is None:
        raise SystemExit(f"the window run failed: {out.stderr[-2000:]}")
    _, events, pixels, floor = total.split()
    report("paint events a switch", float(events), "events")
    report("pixels painted a switch", float(pixels), "px")
    print(f"{'   floor: the release text area + both tables':<44} {float(floor):>12,.2f} px   ratio to floor "
          f"{float(pixels) / float(floor):5.2f}x")
    for line in lines:
        if line.startswith("   "):
            print(line)


if __name__ == "__main__":
    main()
