"""Issue 14, section 2: ``--format xlsx``: the same rows as the CSV, text kept as text, never a formula."""

from __future__ import annotations

import pytest

from desktop.domain import Metric
from desktop.export import COLUMNS, export, records
from tests.conftest import make_document, make_extraction

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def store_with_figures(store):
    body = "=SUM(A1) said police: 32,000 pills, £84,500 and 7 arrests.\x01"
    doc = make_document(body, title="@evil’s title", publisher="-Kent Police", published="2024-03-01")
    ext = make_extraction(doc, metrics=[
        Metric("drugs_seized", 32000, subject="pills", text="32,000 pills", rule="r1"),
        Metric("cash_seized", 84500, unit="GBP", text="£84,500", rule="r2"),
        Metric("other", 1.5, subject="=1+1", text="=SUM(A1)\x01", rule="r3")])
    [doc_id], _ = store.import_batch([(doc, ext)])
    store.set_document_status(doc_id, "reviewed")
    return store


def test_xlsx_holds_the_stored_values_text_as_text(store_with_figures, tmp_path):
    out = tmp_path / "o.xlsx"
    assert export(store_with_figures, out, fmt="xlsx") == 3
    sheet = openpyxl.load_workbook(out)["curated figures"]
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == list(COLUMNS)
    stored = list(records(store_with_figures))
    for cells, record in zip(rows[1:], stored):
        got = [c.value for c in cells] + [None] * (len(COLUMNS) - len(cells))
        for column, value, want in zip(COLUMNS, got, record):
            if isinstance(want, str):
                assert value == want.replace("\x01", ""), column  # control characters Excel refuses are dropped
            else:
                assert value == want, column
        by = dict(zip(COLUMNS, cells))
        assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))  # never a formula ("f")
        assert by["value"].data_type == "n"
    assert rows[1][COLUMNS.index("evidence")].value == "32,000 pills"
    assert rows[3][COLUMNS.index("subject")].value == "=1+1"
    assert sheet.column_dimensions["B"].width == 44  # the title is readable when the file opens


def test_command_line_picks_xlsx_by_ending_and_refuses_standard_output(store_with_figures, tmp_path, monkeypatch,
                                                                       capsys):
    from desktop import cli
    monkeypatch.setattr(cli, "_open_store", lambda args: store_with_figures)
    monkeypatch.setattr(store_with_figures, "close", lambda: None)
    assert cli.main(["export", str(tmp_path / "o.xlsx")]) == 0
    assert (tmp_path / "o.xlsx").read_bytes()[:2] == b"PK"  # a zip: the workbook
    assert cli.main(["export", "-", "--format", "xlsx"]) == 2
    assert "needs a file name" in capsys.readouterr().err
