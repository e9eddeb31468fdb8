"""Summary totals against numbers added up by hand on a small store."""

import csv
import io
import json

import pytest

from desktop.cli import main
from desktop.domain import Metric
from desktop.summary import combined_qualifier, format_amount, summarise
from desktop.store import Store
from tests.conftest import make_document, make_extraction

# Three releases. Hand totals, reviewed documents only (A and B; C is not reviewed):
#   Operation Sceptre / knives_seized / count: 1,825 (A, exact) + 1,800 (B, "more than") = ≥ 3,625, 2 releases
#   Operation Sceptre / cash_seized / GBP: £84,500 (A)  -- never added to the knives, nor to EUR
#   Operation Sceptre / cash_seized / EUR: €1,000 (B)
#   Operation Sceptre / percent_change / percent: -27 (A) and 12 (B): not summed, 2 figures
#   (no operation) / arrests / count: 40 (B, confirmed) ; the rejected 99 and the suggested 7 never count
#   C adds 500 knives (Operation Sceptre) only with --all: ≥ 4,125, 3 releases


def _release(store, name, published, publisher, metrics, reviewed=True, keep=None):
    body = " ".join(m.text for m in metrics) + f" ({name})"
    doc = make_document(body, name=name, title=f"Release {name}", published=published, publisher=publisher)
    [doc_id], _ = store.import_batch([(doc, make_extraction(doc, metrics=metrics))])
    for row, decision in zip(store.metrics(doc_id), keep or ["confirm"] * len(metrics)):
        if decision == "confirm":
            store.confirm("metric", row["id"])
        elif decision == "reject":
            store.reject("metric", row["id"])
    if reviewed:
        store.set_document_status(doc_id, "reviewed")
    return doc_id


@pytest.fixture
def small(tmp_path):
    store = Store.open(tmp_path / "s.sqlite", reviewer="tester")
    sceptre = "Operation Sceptre"
    store.a = _release(store, "a", "2024-05-20", "Met Police", [
        Metric("knives_seized", 1825, operation=sceptre, text="1,825 knives"),
        Metric("cash_seized", 84500, unit="GBP", operation=sceptre, text="£84,500"),
        Metric("percent_change", -27, unit="percent", operation=sceptre, text="-27%"),
    ])
    store.b = _release(store, "b", "2024-11-18", "Kent Police", [
        Metric("knives_seized", 1800, qualifier="at_least", operation=sceptre, text="more than 1,800 knives"),
        Metric("cash_seized", 1000, unit="EUR", operation=sceptre, text="€1,000"),
        Metric("percent_change", 12, unit="percent", operation=sceptre, text="12%"),
        Metric("arrests", 40, text="40 arrests"),
        Metric("arrests", 99, text="99 arrests"),
        Metric("arrests", 7, text="7 arrests"),
    ], keep=["confirm"] * 4 + ["reject", "leave"])
    store.c = _release(store, "c", "2024-11-30", "Met Police", [
        Metric("knives_seized", 500, operation=sceptre, text="500 knives")], reviewed=False)
    yield store
    store.close()


def _by_key(totals):
    return {(t.group, t.category, t.unit): t for t in totals}


def test_totals_by_operation_match_the_hand_sums(small):
    totals = _by_key(summarise(small, by="operation"))
    knives = totals[("Operation Sceptre", "knives_seized", "count")]
    assert (knives.value, knives.qualifier, knives.text) == (3625, "at_least", "≥ 3,625")
    assert sorted(knives.document_ids) == sorted([small.a, small.b]) and knives.figures == 2
    assert totals[("Operation Sceptre", "cash_seized", "GBP")].text == "£84,500"
    assert totals[("Operation Sceptre", "cash_seized", "EUR")].text == "€1,000"
    percent = totals[("Operation Sceptre", "percent_change", "percent")]
    assert percent.value is None and percent.figures == 2 and percent.text == "not summed (2 figures)"
    arrests = totals[("(no operation)", "arrests", "count")]
    assert (arrests.value, arrests.text, arrests.figures) == (40, "40", 1)  # rejected 99, undecided 7 left out
    assert len(totals) == 5


def test_all_documents_add_the_unreviewed_release(small):
    knives = _by_key(summarise(small, by="operation", include_all=True))[("Operation Sceptre", "knives_seized",
                                                                           "count")]
    assert (knives.text, len(knives.releases)) == ("≥ 4,125", 3)


def test_by_publisher_month_and_category(small):
    by_month = _by_key(summarise(small, by="month"))
    assert by_month[("2024-05", "knives_seized", "count")].text == "1,825"
    assert by_month[("2024-11", "knives_seized", "count")].text == "≥ 1,800"
    assert [t.group for t in summarise(small, by="month")][0] == "2024-05"  # time order
    by_publisher = _by_key(summarise(small, by="publisher", include_all=True))
    assert by_publisher[("Met Police", "knives_seized", "count")].text == "2,325"
    by_category = _by_key(summarise(small, by="category"))
    assert by_category[("knives_seized", "knives_seized", "count")].text == "≥ 3,625"
    assert by_category[("arrests", "arrests", "count")].text == "40"


def test_qualifiers_and_amounts():
    assert combined_qualifier(["exact", "exact"]) == "exact"
    assert combined_qualifier(["exact", "at_most"]) == "at_most"
    assert combined_qualifier(["at_least", "at_most"]) == "about"
    assert format_amount(1234.5, "GBP") == "£1,234.5"
    assert format_amount(-3, "USD") == "-$3"
    assert format_amount(10, "AUD") == "10 AUD"


def test_command_line_table_csv_and_json(small, capsys):
    db = small.name
    assert main(["summary", "--db", db]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["operation", "category", "total", "releases", "figures"]
    assert any(line.split()[-4:] == ["≥", "3,625", "2", "2"] for line in table)
    assert main(["summary", "--db", db, "--format", "csv", "--by", "category", "--all"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    knives = next(r for r in rows if r["category"] == "knives_seized")
    assert (knives["total"], knives["qualifier"], knives["releases"]) == ("4125", "at_least", "3")
    assert main(["summary", "--db", db, "--format", "json", "--by", "publisher"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {"publisher": "Kent Police", "category": "arrests", "unit": "count", "total": 40}.items() <= \
        next(r for r in records if r["category"] == "arrests").items()


def test_summary_help_describes_every_argument(capsys):
    with pytest.raises(SystemExit):
        main(["summary", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for word in ("--by", "--format", "--all", "FILE", "never added together"):
        assert word in out
