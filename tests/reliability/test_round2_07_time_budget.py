"""Issue 12, item 7: each release has a time budget for its extraction. A release over it (here a
tiny budget and a release dense with digits separated by no-break spaces) is imported without
suggestions and named in the report; the rest of the batch is extracted as usual. The budget
holds in the main thread (CLI, pool workers) and in a background thread (the window)."""

from __future__ import annotations

import json
import threading

import pytest

from desktop import extract_limits
from desktop.cli import main
from desktop.ingest import bounded_extract, import_paths
from desktop.timebudget import OverBudget, time_budget
from tests.conftest import make_document

#: an alarm landing in a garbage-collector callback is swallowed (and repeated); pytest reports the swallowed one
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

DENSE = "Police seized " + "\u00a0".join("1234567890" * 10000) + " knives.\n"  # 200 KB, 100,000 digits
GOOD = "Police made 12 arrests during Operation Good on Jan 05, 2021.\n"


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dense.txt").write_text(DENSE, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_release_over_its_time_budget_is_imported_without_suggestions_and_named(store, tmp_path, monkeypatch):
    monkeypatch.setattr(extract_limits, "TIME_BUDGET_S", 0.25)
    folder = _folder(tmp_path)
    report = import_paths(store, [folder])
    assert len(report.imported) == 2 and not report.failed
    named = [line for line in report.lines() if "dense.txt" in line]
    assert len(named) == 1 and "time budget" in named[0], report.lines()
    by_name = {store.document(i)["name"]: i for i in report.imported}
    assert store.metrics(by_name["dense.txt"]) == []
    assert [m["value"] for m in store.metrics(by_name["good.txt"])] == [12]


def test_extract_cli_time_budget_option(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(extract_limits, "TIME_BUDGET_S", extract_limits.TIME_BUDGET_S)  # restored afterwards
    folder = _folder(tmp_path)
    assert main(["extract", str(folder), "--time-budget", "0.25"]) == 0
    records = {r["document"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert "time budget" in records["dense.txt"]["error"]
    assert records["good.txt"]["metrics"]


def test_time_budget_in_a_background_thread(monkeypatch):
    monkeypatch.setattr(extract_limits, "TIME_BUDGET_S", 0.25)
    out = {}
    worker = threading.Thread(target=lambda: out.update(r=bounded_extract(make_document(DENSE))))
    worker.start()
    worker.join(30)
    extraction, _ = out["r"]
    assert extraction.error and "time budget" in extraction.error and not extraction.metrics


def test_time_budget_leaves_no_alarm_behind():
    with time_budget(5):
        pass
    with pytest.raises(OverBudget):
        with time_budget(0.02):
            while True:
                pass
    x = 0
    for i in range(200_000):  # nothing fires afterwards
        x += i
