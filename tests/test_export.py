"""Export: curated rows out as CSV/JSONL, safe to open in a spreadsheet, written atomically."""

import csv
import json

import pytest

from desktop.domain import Metric, Operation
from desktop.export import COLUMNS, export, neutralise
from tests.conftest import make_document, make_extraction


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
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

    monkeypatch.setattr(ex, "safe_records", boom)  # what a CSV is drawn from
    with pytest.raises(RuntimeError):
        export(hostile, out, include_all=True)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["o.csv"]


@pytest.mark.parametrize("cell,expected", [("=1", "'=1"), ("-x", "'-x"), ("plain", "plain"), ("", "")])
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


# Issue 14, section 2: a CSV that opens right in Excel and LibreOffice, with its provenance.

def test_csv_starts_with_the_bom_and_round_trips_the_stored_values(store, tmp_path):
    body = "Officers seized £84,500 in the capital’s largest raid; 32,000 pills and 7 arrests."
    doc = make_document(body, title="The capital’s raid", publisher="Met Police", published="2024-03-01")
    ext = make_extraction(doc, operations=[Operation("Operation Börje", "2024-02-01", "2024-02-29")], metrics=[
        Metric("cash_seized", 84500, unit="GBP", subject="cash", offset=body.index("£"), length=7,
               text="£84,500", operation="Operation Börje", rule="cash.currency"),
        Metric("drugs_seized", 32000, subject="pills", offset=body.index("32,000"), length=12,
               text="32,000 pills", rule="drugs.count"),
        Metric("arrests", 7, subject="arrests", offset=body.index("7 arrests"), length=9, text="7 arrests",
               rule="arrests.plain"),
    ])
    [doc_id], _ = store.import_batch([(doc, ext)])
    cash, pills, arrests = store.metrics(doc_id)
    store.update_metric(pills["id"], value=32001)
    store.update_metric(pills["id"], category="other")
    store.update_metric(pills["id"], note="typo in the release? “32,001” in the PDF")
    store.confirm("metric", cash["id"])
    store.set_document_status(doc_id, "reviewed")
    out = tmp_path / "o.csv"
    assert export(store, out) == 3

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark
    assert raw[3:].startswith(b"document,")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS)
    stored = {m["id"]: m for m in store.metrics(doc_id)}
    for row in rows:
        m = stored[int(row["metric_id"])]
        assert int(row["document_id"]) == m["document_id"] == doc_id
        assert row["evidence"] == m["text"] and row["category"] == m["category"]
        assert float(row["value"]) == m["value"]
        assert (row["origin"], row["rule_id"], row["extractor_version"]) == ("extractor", m["rule"], "test-1")
        assert row["updated_at"] == (m["updated_at"] or "") and row["updated_by"] == (m["updated_by"] or "")
        assert row["note"] == (m["note"] or "")
    by_id = {int(r["metric_id"]): r for r in rows}
    assert by_id[cash["id"]]["evidence"] == "£84,500"  # not Â£84,500
    assert by_id[cash["id"]]["title"] == "The capital’s raid"
    assert by_id[cash["id"]]["operation"] == "Operation Börje"
    assert by_id[cash["id"]]["original_category"] == "" and by_id[cash["id"]]["original_value"] == ""
    corrected = by_id[pills["id"]]
    assert corrected["status"] == "corrected" and corrected["value"] == "32001"
    assert (corrected["original_category"], corrected["original_value"]) == ("drugs_seized", "32000")
    assert corrected["updated_by"] == "tester" and corrected["updated_at"]
    assert corrected["note"] == "typo in the release? “32,001” in the PDF"


def test_a_row_the_reviewer_added_names_no_rule_nor_extractor(hostile, tmp_path):
    new_id = hostile.add_row("metric", hostile.doc_id, category="arrests", value=4)
    [row] = [r for r in export_rows(hostile) if r["metric_id"] == new_id]
    assert row["origin"] == "reviewer" and row["status"] == "added"
    assert row["rule_id"] is None and row["extractor_version"] is None and row["original_value"] is None


def test_no_bom_leaves_it_out_and_jsonl_never_has_one(hostile, tmp_path):
    export(hostile, tmp_path / "o.csv", include_all=True, bom=False)
    assert (tmp_path / "o.csv").read_bytes().startswith(b"document,")
    export(hostile, tmp_path / "o.jsonl", include_all=True, fmt="jsonl")
    assert (tmp_path / "o.jsonl").read_bytes().startswith(b"{")


def test_the_command_line_writes_the_bom_unless_told_no_bom(hostile, tmp_path, monkeypatch):
    from desktop import cli
    monkeypatch.setattr(cli, "_open_store", lambda args: hostile)
    monkeypatch.setattr(hostile, "close", lambda: None)
    assert cli.main(["export", str(tmp_path / "a.csv"), "--all"]) == 0
    assert cli.main(["export", str(tmp_path / "b.csv"), "--all", "--no-bom"]) == 0
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbfdocument,")
    assert (tmp_path / "b.csv").read_bytes().startswith(b"document,")


def export_rows(store):
    from desktop.export import rows
    return list(rows(store, include_all=True))
