"""Issue 12, item 8: commas in a typed value are thousands separators in groups of three, nothing
else; "12,5", "1.825,50" and "1,2,3" are refused with a message, never read as 125 / 1.8255 / 123."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("typed", ["12,5", "1.825,50", "1,2,3", "1,82", "12,3456", ",100", "1,000,00", "1,,000"])
def test_typed_comma_not_a_thousands_separator_refused(seeded, typed):
    row = seeded.metrics(seeded.doc_id)[0]
    with pytest.raises(ValueError, match="commas"):
        seeded.update_metric(row["id"], value=typed)
    assert seeded.row("metric", row["id"]) == row


@pytest.mark.parametrize("typed,value", [("1,825", 1825), ("£1,825.50", 1825.5), ("1,000,000", 1_000_000),
                                         ("-1,200", -1200), ("12.5", 12.5), ("1825", 1825)])
def test_typed_thousands_separators_accepted(seeded, typed, value):
    row = seeded.metrics(seeded.doc_id)[0]
    assert seeded.update_metric(row["id"], value=typed)["value"] == value
