"""Metrics: categories, qualifiers, lists, per cent signs, not-a-metric contexts, evidence."""

import pytest

from desktop.extractor import extract, extract_span

from .helpers import core, doc, metrics


@pytest.mark.parametrize("body,expected", [
    ("Officers seized 313 knives removed from the streets.", ("knives_seized", 313, "exact")),
    ("He said they arrested more than 750 people in the city.", ("arrests", 750, "at_least")),
    ("This led to the arrest of 75 offenders.", ("arrests", 75, "exact")),
    ("Officers visited 104 addresses.", ("engagements", 104, "exact")),
    ("Nearly 200 officers were deployed.", ("officers", 200, "about")),
    ("Up to 40 warrants were carried out.", ("warrants_executed", 40, "at_most")),
    ("Around 50 weapons were handed in.", ("weapons_seized", 50, "about")),
    ("Twenty-one people were charged.", ("charges", 21, "exact")),
    ("Police recovered 12 firearms and 3 cars were seized.", ("firearms_seized", 12, "exact")),
    ("They conducted 136 stop and searches.", ("stop_searches", 136, "exact")),
    ("It found 1,200 wraps of crack cocaine.", ("drugs_seized", 1200, "exact")),
])
def test_categories_and_qualifiers(body, expected):
    assert expected in metrics(body)


def test_money_units_and_categories():
    found = {(m.category, m.value, m.unit) for m in extract(doc(
        "Officers seized £20,422 in cash and £11,000 worth of cocaine, and cash valued at nearly £186,000.")).metrics}
    assert ("cash_seized", 20422, "GBP") in found
    assert ("drugs_seized", 11000, "GBP") in found
    assert ("cash_seized", 186000, "GBP") in found


def test_qualifier_governs_a_list():
    found = metrics("More than 60 arrests and £20,000 seized in Lancashire.")
    assert ("arrests", 60, "at_least") in found and ("cash_seized", 20000, "at_least") in found


def test_qualifier_does_not_cross_a_verb():
    found = metrics("More than 60 arrests were made and 12 knives were seized.")
    assert ("knives_seized", 12, "exact") in found


@pytest.mark.parametrize("body", [
    "Call Crimestoppers on 0800 555 111 or 101 anytime.",
    "A boy aged 16 was arrested.",
    "A 17-year-old boy was arrested.",
    "The five-week operation ran.",
    "Week one saw arrests.",
    "you remain 100 per cent anonymous",
    "In 2019 officers were busy.",
    "See https://example.org/news/123-arrests for more.",
    "Jan 05, 2021 16:23 GMT",
    "Hundreds of knives were removed.",
    "Section 60 powers were used.",
])
def test_not_metrics(body):
    assert core(body) == []


@pytest.mark.parametrize("body,value", [
    ("Robbery call-outs reduced by 27 per cent in October.", -27),
    ("It achieved a 38 per cent reduction in moped crime.", -38),
    ("Burglary was up 12% on last year.", 12),
    ("Offences rose 58 per cent.", 58),
    ("a 13% fall in serious youth violence", -13),
])
def test_percent_sign_follows_direction(body, value):
    found = [m for m in extract(doc(body)).metrics if m.category == "percent_change"]
    assert [(m.value, m.unit) for m in found] == [(value, "percent")]


def test_a_target_is_other():
    found = metrics("The aim was to execute more than 1,000 warrants across the country.")
    assert found == [("other", 1000, "at_least")]


def test_repeated_figure_is_one_metric_with_body_evidence():
    body = "More than 280 Special Constables join in.\n\nMore than 280 Special Constables were out this weekend."
    ms = extract(doc(body)).metrics
    assert [(m.category, m.value) for m in ms] == [("officers", 280)]
    assert ms[0].offset > body.index("\n")


def test_two_different_counts_with_same_value_are_two_rows():
    body = "Officers arrested three people a week (168 in 2018, 199 in 2019 and 168 between Jan-Oct 2020)."
    assert [m for m in metrics(body) if m[:2] == ("arrests", 168)] == [("arrests", 168, "exact")] * 2


def test_evidence_offsets_point_into_the_body():
    body = "Intro line.\n\nThe operation resulted in 1,825 arrests and 313 knives removed."
    for m in extract(doc(body)).metrics:
        assert body[m.offset:m.offset + m.length] == m.text
        assert m.rule


def test_extract_span_keeps_whole_body_offsets():
    body = "Officers made 12 arrests. Later 5 knives were seized."
    start = body.index("Later")
    ms = extract_span(doc(body), start, len(body))
    assert [(m.category, m.value) for m in ms] == [("knives_seized", 5)]
    assert body[ms[0].offset:ms[0].offset + ms[0].length] == ms[0].text


def test_extract_span_offers_an_unclassified_number_as_other():
    body = "They found 7 widgets."
    (m,) = extract_span(doc(body), 0, len(body))
    assert (m.category, m.value) == ("other", 7)
