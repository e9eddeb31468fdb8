"""Export: curated rows out as CSV/JSONL, safe to open in a spreadsheet, written atomically."""

import csv
import json

import pytest

from desktop.domain import Metric, Operation
from desktop.export import COLUMNS, export, neutralise
from tests.conftest import make_document, make_extraction


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def hostile(store):
    body = "=HYPERLINK(\"http://x\") made -27 per cent and 12 arrests"
    doc = make_document(body, title="@evil title", publisher="+44 Police", url="http://example.org/a",
                        published="2021-02-01")
    ext = make_extraction(doc, operations=[Operation("Operation Test", "2021-01-01", "2021-01-31")], metrics=[
        Metric("percent_change", -27, unit="percent", subject="-27 per cent", offset=body.index("-27"), length=12,
               text="-27 per cent", operation="Operation Test"),
        Metric("arrests", 12, subject="arrests", offset=body.index("12"), length=10, text="12 arrests"),
        Metric("other", 1.5, subject="\tTab", text="=1+1"),
    ])
    [doc_id], _ = store.import_batch([(doc, ext)])
    store.doc_id = doc_id
    return store


def test_default_exports_reviewed_documents_only(hostile, tmp_path):
    out = tmp_path / "o.csv"
    assert export(hostile, out) == 0
    assert read_csv(out) == []
    hostile.set_document_status(hostile.doc_id, "reviewed")
    assert export(hostile, out) == 3


def test_rejected_rows_never_leave(hostile, tmp_path):
    hostile.reject("metric", hostile.metrics(hostile.doc_id)[1]["id"])
    assert export(hostile, tmp_path / "o.csv", include_all=True) == 2


def test_formula_cells_are_neutralised_and_numbers_stay_numbers(hostile, tmp_path):
    out = tmp_path / "o.csv"
    export(hostile, out, include_all=True)
    rows = read_csv(out)
    assert list(rows[0].keys()) == list(COLUMNS)
    first, _, third = rows
    assert first["value"] == "-27"
    assert first["title"] == "'@evil title" and first["publisher"] == "'+44 Police"
    assert first["subject"] == "'-27 per cent"
    assert third["subject"] == "'\tTab" and third["evidence"] == "'=1+1" and third["value"] == "1.5"
    for row in rows:
        for column in set(COLUMNS) - {"value", "offset", "length"}:
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_round_trip_matches_the_store(hostile, tmp_path):
    hostile.update_metric(hostile.metrics(hostile.doc_id)[1]["id"], value=13)
    out = tmp_path / "o.csv"
    export(hostile, out, include_all=True)
    rows = read_csv(out)
    stored = hostile.metrics(hostile.doc_id)
    doc = hostile.document(hostile.doc_id)
    for row, m in zip(rows, stored):
        unquote = lambda s: s[1:] if s.startswith("'") else s  # noqa: E731
        assert float(row["value"]) == m["value"]
        assert (row["category"], row["status"]) == (m["category"], m["status"])
        assert unquote(row["evidence"]) == (m["text"] or "")
        assert row["document"] == doc["name"] and row["url"] == doc["url"]
    assert rows[0]["operation"] == "Operation Test" and rows[0]["operation_start"] == "2021-01-01"
    assert rows[1]["status"] == "corrected" and rows[1]["reviewer"] == "tester"
    assert out.read_bytes().count(b"\r\n") == 4  # RFC 4180 line ends


def test_jsonl(hostile, tmp_path):
    out = tmp_path / "o.jsonl"
    export(hostile, out, include_all=True, fmt="jsonl")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["value"] == -27 and rows[0]["title"] == "@evil title"


def test_failed_export_leaves_no_partial_file(hostile, tmp_path, monkeypatch):
    import desktop.export as ex
    out = tmp_path / "o.csv"
    out.write_text("previous export")

    def boom(*a, **k):
        yield ["x"] * len(COLUMNS)
        raise RuntimeError("crash mid-export")

    monkeypatch.setattr(ex, "records", boom)
    with pytest.raises(RuntimeError):
        export(hostile, out, include_all=True)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["o.csv"]


@pytest.mark.parametrize("cell,expected", [("=1", "'=1"), ("-x", "'-x"), ("plain", "plain"), ("", "")])
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected
