"""Issue 15: reading and extracting in worker processes (desktop.parallel, the import with workers).

Results come back in the files' order; a worker that dies loses only the file that killed it; the
caller's time budget and rules reach the workers; an import on two processes stores what one does.
"""

from __future__ import annotations

import os

from desktop import extract_limits, parallel
from desktop.ingest import import_paths
from desktop.store import Store


def _echo(path: str) -> tuple[str, int, object, float]:
    if path.endswith("kill"):
        os._exit(3)  # a worker killed mid-chunk (out of memory, a crash)
    return path, os.getpid(), parallel.worker_rules(), extract_limits.TIME_BUDGET_S


def _lost(path: str):
    return path, "lost", None, None


def test_results_in_order_from_other_processes_with_rules_and_budget(monkeypatch):
    monkeypatch.setattr(extract_limits, "TIME_BUDGET_S", 7.5)
    paths = [f"f{i}" for i in range(100)]
    out = list(parallel.in_workers(_echo, paths, workers=2, rules={"rules": 1}, chunk=7))
    assert [r[0] for r in out] == paths
    assert os.getpid() not in {r[1] for r in out}
    assert all(r[2] == {"rules": 1} and r[3] == 7.5 for r in out)


def test_a_dead_worker_loses_only_the_file_that_killed_it():
    paths = [f"f{i}" for i in range(30)] + ["f30kill"] + [f"f{i}" for i in range(31, 60)]
    out = list(parallel.in_workers(_echo, paths, workers=2, lost=_lost, chunk=8))
    assert [r[0] for r in out] == paths
    assert [r[0] for r in out if r[1] == "lost"] == ["f30kill"]


def test_closing_early_stops_and_returns():
    gen = parallel.in_workers(_echo, [f"f{i}" for i in range(500)], workers=2, chunk=4)
    assert next(gen)[0] == "f0"
    gen.close()  # a cancelled import: no hang, no error


def _rows(store: Store) -> list:
    return store.db.execute(
        "SELECT d.name, d.sha256, d.title, m.category, m.value, m.text, m.status FROM metrics m "
        "JOIN documents d ON d.id = m.document_id ORDER BY d.name, m.position").fetchall()


def test_import_on_two_processes_stores_what_one_does(tmp_path, monkeypatch):
    from desktop import ingest
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"r{i:02}.txt").write_text(
            f"---\ntitle: Release {i}\n---\nPolice arrested {i + 3} people and seized {i + 10} knives.\n",
            encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(ingest, "POOL_THRESHOLD", 2)  # a pool even for a dozen files
    one, two = Store.open(tmp_path / "one.sqlite", "ana"), Store.open(tmp_path / "two.sqlite", "ana")
    seen = []
    r1 = import_paths(one, [folder], workers=1)
    r2 = import_paths(two, [folder], workers=2, progress=lambda done, path, failed: seen.append(done))
    assert r1.summary() == r2.summary() == "imported 12, duplicates 0, failed 1"
    assert r2.failed[0][0].endswith("empty.txt")
    assert _rows(one) == _rows(two) and len(_rows(two)) >= 24
    assert seen == list(range(1, 14))  # progress from the calling process, a file at a time
    one.close(), two.close()


def test_files_in_flight_beside_the_killer_are_not_lost():
    paths = [f"f{i}" for i in range(40)] + ["f40kill"] + [f"f{i}" for i in range(41, 50)]
    out = list(parallel.in_workers(_echo, paths, workers=2, lost=_lost, chunk=1))  # many chunks in flight
    assert [r[0] for r in out] == paths
    assert [r[0] for r in out if r[1] == "lost"] == ["f40kill"]
