"""Made-up releases in other styles (bullets, a news story, a week-of-action roundup, street values and
per cents) with hand-written gold in ``releases/gold``: the rules must read them without seeing them first."""

from pathlib import Path

import pytest

from desktop.evaluate import evaluate, format_misses
from desktop.extractor import extract
from desktop.importer import read_document

HERE = Path(__file__).resolve().parent / "releases"
DOCS = sorted(HERE.glob("*.txt"))


@pytest.fixture(scope="module")
def report():
    return evaluate(HERE / "gold", DOCS)


def test_every_release_is_scored(report):
    assert len(DOCS) == 4 and report["documents_scored"] == 4 and not report["errors"]


def test_metrics_match_the_hand_written_gold(report):
    total = report["total"]
    assert (total["fp"], total["fn"]) == (0, 0), format_misses(report)


def test_operations_dates_and_attribution(report):
    assert report["operations"]["f1"] == 1.0, format_misses(report)
    assert report["operations"]["date_accuracy"] == 1.0, format_misses(report)
    assert report["attribution"]["accuracy"] == 1.0, format_misses(report)


def _metrics(name):
    return [(m.category, m.value, m.qualifier, m.unit) for m in extract(read_document(HERE / name)).metrics]


def test_street_value_of_drugs_is_not_cash():
    found = _metrics("street_values_percent.txt")
    assert ("drugs_seized", 250000, "exact", "GBP") in found
    assert not any(c == "cash_seized" and v == 250000 for c, v, _, _ in found)


def test_an_aimed_for_reduction_is_not_a_result():
    found = _metrics("street_values_percent.txt")
    assert ("other", -40, "exact", "percent") in found
    assert ("percent_change", -40, "exact", "percent") not in found


def test_a_saying_is_not_a_count():
    assert not any(c == "knives_seized" and v == 1 for c, v, _, _ in _metrics("week_of_action_roundup.txt"))
