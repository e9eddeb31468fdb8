"""The seeds' gold as a regression test, and the scoring rules of the spec."""

from pathlib import Path

import pytest

from desktop.evaluate import evaluate, format_misses, format_table

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def report():
    return evaluate(HERE / "gold", SEEDS)


def test_all_seeds_scored(report):
    assert report["documents_scored"] == 5 and not report["errors"]


def test_seed_metrics_f1(report):
    assert report["total"]["f1"] >= 0.95, format_misses(report)


def test_seed_operations_and_dates(report):
    assert report["operations"]["f1"] >= 0.95, format_misses(report)
    assert report["operations"]["date_accuracy"] == 1.0, format_misses(report)


def test_seed_attribution(report):
    assert report["attribution"]["accuracy"] >= 0.9, format_misses(report)


def test_table_and_misses_print(report):
    table = format_table(report)
    assert "TOTAL" in table and "operations" in table and "attribution" in table
    assert isinstance(format_misses(report), str)


def _gold(tmp_path, rows, ops="[]"):
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(
        "Operation Test ran.\n\nIt made 12 arrests. Then 12 arrests again, and 5 knives seized.\n", encoding="utf-8")
    (tmp_path / "gold" / "a.txt.gold.yaml").write_text(
        "document: a.txt\noperations: " + ops + "\nmetrics:\n" + rows, encoding="utf-8")
    return tmp_path / "gold"


def test_scoring_follows_the_spec(tmp_path):
    gold = _gold(tmp_path, "  - {category: arrests, value: 12, operation: Operation Test}\n"
                           "  - {category: other, value: 5}\n", "[{name: Op Test}]")
    r = evaluate(gold)
    # the repeated 12 is ignored; the knives row (not in gold) is a false positive; 'other' gold is ignored
    assert (r["total"]["tp"], r["total"]["fp"], r["total"]["fn"]) == (1, 1, 0)
    assert r["operations"]["f1"] == 1.0 and r["attribution"]["accuracy"] == 1.0


def test_missed_rows_are_listed(tmp_path):
    gold = _gold(tmp_path, "  - {category: charges, value: 3, text: 'three charged'}\n")
    r = evaluate(gold)
    assert r["total"]["fn"] == 1
    assert "three charged" in format_misses(r)
