"""Issue 12, item 4: a figure too large for a float, or beyond 1e15, is not a metric: it is left out
with a note, never stored as ``inf``, never confirmed, never exported as ``inf``/``Infinity``."""

from __future__ import annotations

import csv
import json

import pytest

from desktop.cli import main
from desktop.domain import Metric
from desktop.export import export
from desktop.ingest import import_paths
from desktop.store import Store
from tests.conftest import make_document, make_extraction

HUGE = "9" * 400


def test_huge_figure_left_out_of_import_with_a_note(store, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(f"Police made {HUGE} arrests. Officers seized 2000000000000000 knives and 12 guns.\n",
                    encoding="utf-8")
    report = import_paths(store, [path])
    assert len(report.imported) == 1
    notes = [what for _, what in report.notes]
    assert any("left out" in n and "1,000,000,000,000,000" in n for n in notes), notes
    values = [m["value"] for m in store.metrics(report.imported[0])]
    assert values and all(abs(v) <= 1e15 for v in values)
    stored = store.db.execute("SELECT value FROM suggested_metrics UNION ALL SELECT value FROM metrics").fetchall()
    assert all(v is None or abs(v) <= 1e15 for (v,) in stored)


def test_huge_figure_in_extract_output_is_a_note(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_text(f"Police made {HUGE} arrests and 5 more arrests.\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    record = json.loads(capsys.readouterr().out, parse_constant=lambda c: pytest.fail(f"{c} in output"))
    assert all(abs(m["value"]) <= 1e15 for m in record["metrics"])
    assert any("left out" in n for n in record["notes"])


def test_store_never_takes_a_non_finite_suggestion_and_export_never_writes_one(tmp_path):
    store = Store.open(tmp_path / "b.sqlite", "ann")
    doc = make_document("Police made many arrests and 3 more.")
    ext = make_extraction(doc, metrics=[Metric("arrests", float("inf"), text="many"),
                                        Metric("arrests", 1e300, text="lots"), Metric("arrests", 3, text="3")])
    [doc_id], _ = store.import_batch([(doc, ext)])
    assert [m["value"] for m in store.metrics(doc_id)] == [3]
    with pytest.raises(ValueError):
        store.update_metric(store.metrics(doc_id)[0]["id"], value="2e15")
    # a row stored as inf by an older Blotter never leaves as inf or Infinity
    store.db.execute("UPDATE metrics SET value = 9e999")
    export(store, tmp_path / "out.csv", include_all=True)
    export(store, tmp_path / "out.jsonl", include_all=True, fmt="jsonl")
    [row] = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8-sig")))
    assert row["value"] == ""
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["value"] is None
    store.close()
