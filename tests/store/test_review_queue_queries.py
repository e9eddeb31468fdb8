"""Queries of desktop.store.ui_queries and the document status a change of figures leads to (issue 11)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "ui"))

import pytest  # noqa: E402

import ui_fixtures  # noqa: E402
from desktop.store import ui_queries  # noqa: E402


@pytest.fixture
def five(tmp_path):
    store = ui_fixtures.build(tmp_path / "five.sqlite")
    yield store
    store.close()


def test_neighbour_in_list_goes_on_from_a_document_the_filter_hides(five):
    order = [r["id"] for r in five.page()]
    five.set_document_status(order[2], "in_review")
    assert ui_queries.neighbour_in_list(five, order[2], status="new") == order[3]
    assert ui_queries.neighbour_in_list(five, order[2], status="new", forward=False) == order[1]
    assert ui_queries.neighbour_in_list(five, order[4], status="new") is None
    assert ui_queries.neighbour_in_list(five, order[0], forward=False) is None
    assert [ui_queries.neighbour_in_list(five, d) for d in order[:4]] == order[1:]


def test_changing_a_figure_of_a_reviewed_document_puts_it_back_in_review(five):
    five.set_document_status(1, "reviewed")
    row = five.metrics(1)[0]["id"]
    five.reject("metric", row)
    assert five.document(1)["status"] == "in_review"
    last = five.history(1)[0]
    assert (last["field"], last["old"], last["new"]) == ("status", "reviewed", "in_review")


def test_checks_are_kept_on_the_document_and_order_the_queue(five):
    from desktop.store import review_checks
    assert ui_queries.attention_count(five) == 0
    assert review_checks.check_unchecked(five) == 5
    assert review_checks.unchecked(five) == []
    # make document 1 fail a check: charges above arrests
    rows = five.metrics(1)
    five.update_metric(rows[0]["id"], category="charges", value=5000)
    report = review_checks.check_document(five, 1)
    assert report.failed == 1
    doc = five.document(1)
    assert doc["failed_checks"] == 1 and "charged" in doc["check_summary"] and doc["attention"] >= 1000
    queue = five.page(attention=True, order="attention")
    assert queue[0]["id"] == 1
    assert five.count(attention=True) == ui_queries.attention_count(five) == len(queue)
    five.update_metric(rows[0]["id"], value=1)
    review_checks.check_document(five, 1)
    assert five.document(1)["failed_checks"] == 0


def test_a_flagged_document_needs_attention(five):
    five.db.execute("UPDATE documents SET flagged = 1 WHERE id = 2")
    assert five.document(2)["attention"] == 100
    assert [d["id"] for d in five.page(attention=True, order="attention")] == [2]
