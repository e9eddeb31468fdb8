"""desktop.checks: one test a check (issue 11)."""

from __future__ import annotations

from desktop import checks


def row(i, body, text, category, value, qualifier="exact", operation=None, status="suggested"):
    return {"id": i, "offset": body.index(text), "length": len(text), "text": text, "category": category,
            "value": value, "qualifier": qualifier, "operation": operation, "status": status}


def ids(findings, check):
    return [f.rows for f in findings if f.check == check]


def test_charged_over_arrested():
    body = "Police made 12 arrests. 14 people were charged."
    rows = [row(1, body, "12 arrests", "arrests", 12), row(2, body, "14 people were charged", "charges", 14)]
    report = checks.run(body, rows)
    assert ids(report.findings, "charged_over_arrested") == [(2, 1)]
    assert "14 charged is more than 12 arrested" in report.findings[0].message
    rows[1]["value"] = 10
    assert not checks.run(body, rows).findings


def test_subtotal_over_total():
    body = "Officers arrested 12 people, of whom 14 were charged."
    rows = [row(1, body, "12 people", "arrests", 12), row(2, body, "14 were charged", "charges", 14)]
    assert (2, 1) in ids(checks.run(body, rows).findings, "subtotal_over_total")


def test_headline_vs_body_respects_qualifiers():
    body = "Over 1,800 arrested in crackdown\n\nIn total 1,825 arrests were made."
    rows = [row(1, body, "Over 1,800 arrested", "arrests", 1800, "at_least"),
            row(2, body, "1,825 arrests", "arrests", 1825)]
    assert not checks.run(body, rows).findings
    rows[0]["qualifier"] = "exact"
    assert ids(checks.run(body, rows).findings, "headline_vs_body") == [(1, 2)]


def test_percent_without_direction():
    body = "Knife crime changed by 27 per cent this year. Burglary fell 5 per cent."
    rows = [row(1, body, "27 per cent", "percent_change", 27), row(2, body, "5 per cent", "percent_change", 5)]
    assert ids(checks.run(body, rows).findings, "percent_without_direction") == [(1,)]


def test_same_figure_two_categories():
    body = "They seized 20 firearms."
    rows = [row(1, body, "20 firearms", "firearms_seized", 20), row(2, body, "20 firearms", "weapons_seized", 20)]
    assert ids(checks.run(body, rows).findings, "same_figure_two_categories") == [(1, 2)]
    rows[1]["status"] = "rejected"
    assert not checks.run(body, rows).findings


def test_outside_operation_dates():
    body = "On 3 March 2021 officers made 40 arrests."
    rows = [row(1, body, "40 arrests", "arrests", 40, operation="Operation Sceptre")]
    ops = [{"name": "Operation Sceptre", "start": "2021-01-01", "end": "2021-02-01", "status": "suggested"}]
    assert ids(checks.run(body, rows, ops).findings, "outside_operation_dates") == [(1,)]
    ops[0]["end"] = "2021-04-01"
    assert not checks.run(body, rows, ops).findings


def test_uncited_numbers_are_counted():
    body = "They made 12 arrests, seized 3 knives and 7 cars on 3 January 2021."
    rows = [row(1, body, "12 arrests", "arrests", 12)]
    report = checks.run(body, rows)
    assert report.uncited == 2 and not report.findings
    assert not report.needs_attention() and report.needs_attention(flagged=True)


def test_every_check_is_listed_for_help():
    listed = {c[0] for c in checks.CHECKS}
    assert {"charged_over_arrested", "subtotal_over_total", "headline_vs_body", "percent_without_direction",
            "same_figure_two_categories", "outside_operation_dates", "uncited_numbers"} == listed
