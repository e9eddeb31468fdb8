"""A scripted child process that edits a Blotter database through the real store.

Run by the reliability tests, never imported by them. Every call that returned is
reported on stdout at once (unbuffered ``os.write``), so the parent knows which
edits a reviewer was told were saved before it kills this process.

Modes::

    crash  DB ROUND DOC_ID METRIC_IDS   edit in a loop until killed (promise 1)
    edit   DB REVIEWER BASE COUNT METRIC_IDS GO_FILE   COUNT value edits, cycling the metrics (promise 2)
    hold   DB SECONDS                   hold a write transaction open, then commit (promise 2)
    export DB OUT                       a slow export, killed halfway by the parent (promise 6)
"""

from __future__ import annotations

import os
import sys
import time


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def crash(db: str, round_no: str, doc_id: str, metric_ids: str) -> None:
    import hashlib

    from desktop.domain import Document, Extraction, Metric
    from desktop.store import Store

    store = Store.open(db, reviewer="crash")
    mids = [int(m) for m in metric_ids.split(",")]
    base = int(round_no) * 1_000_000
    say("ready")
    for k in range(1_000_000):
        token = base + k + 1
        op = k % 5
        if op in (0, 1, 2):
            store.update_metric(mids[k % len(mids)], value=token)
        elif op == 3:
            store.add_row("metric", int(doc_id), category="arrests", value=token, subject=f"s{token}",
                          text=f"t{token}")
        else:
            body = f"Crash release {token}. " + " ".join(f"Seized {i} knives." for i in range(40))
            doc = Document(name=f"crash-{token}.txt", body=body, sha256=hashlib.sha256(body.encode()).hexdigest(),
                           title=f"T{token}")
            metrics = tuple(Metric("knives_seized", token, offset=0, length=5, text=body[:5], rule="c")
                            for _ in range(40))
            store.import_batch([(doc, Extraction(document=doc.name, metrics=metrics, extractor_version="c"))])
        say(str(k))


def edit(db: str, reviewer: str, base: str, count: str, metric_ids: str, go_file: str) -> None:
    from desktop.store import Store

    store = Store.open(db, reviewer=reviewer)
    mids = [int(m) for m in metric_ids.split(",")]
    say("ready")
    while not os.path.exists(go_file):
        time.sleep(0.005)
    for k in range(int(count)):
        token = int(base) + k + 1
        try:
            store.update_metric(mids[k % len(mids)], value=token)
        except Exception as exc:  # the parent fails the test on any error line
            say(f"ERR {type(exc).__name__}: {exc}")
            sys.exit(1)
        say(f"{mids[k % len(mids)]} {token}")
    store.close()
    say("done")


def hold(db: str, seconds: str) -> None:
    from desktop.store import Store

    store = Store.open(db, reviewer="holder")
    with store.write():
        store.db.execute("UPDATE documents SET title = 'held' WHERE id = (SELECT min(id) FROM documents)")
        say("holding")
        time.sleep(float(seconds))
    say("released")
    store.close()


def export(db: str, out: str) -> None:
    import desktop.export as ex
    from desktop.store import Store

    name = "safe_records" if hasattr(ex, "safe_records") else "records"  # what a CSV export draws from
    real_rows = getattr(ex, name)

    def slow_rows(*args, **kw):
        for i, row in enumerate(real_rows(*args, **kw)):
            if i == 5:
                say("halfway")
                time.sleep(30)  # the parent kills us here
            yield row

    setattr(ex, name, slow_rows)
    store = Store.open(db, reviewer="exporter")
    ex.export(store, out, include_all=True)
    say("finished")


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    {"crash": crash, "edit": edit, "hold": hold, "export": export}[mode](*args)
