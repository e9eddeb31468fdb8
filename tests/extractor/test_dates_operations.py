"""Dates, year inference and operations."""

from desktop.extractor import extract, extract_operation_span
from desktop.extractor.dates import find_dates
from desktop.extractor.operations import normalise_key

from .helpers import doc


def _resolve(text, published):
    return [d.resolve(published) for d in find_dates(text) if d.has_day]


def test_range_across_a_year_end():
    assert _resolve("ran from Monday, 30 November to Sunday, 3 January", "2021-01-05") == [
        ("2020-11-30", "2021-01-03")]


def test_range_forms():
    assert _resolve("between October 11 and 17", "2020-10-20") == [("2020-10-11", "2020-10-17")]
    assert _resolve("November 9 to November 15", "2020-11-25") == [("2020-11-09", "2020-11-15")]
    assert _resolve("ran from November 9-15", "2020-11-25") == [("2020-11-09", "2020-11-15")]
    assert _resolve("15-21 May", "2019-06-01") == [("2019-05-15", "2019-05-21")]
    assert _resolve("on Saturday, 18 April", "2020-04-20") == [("2020-04-18", "2020-04-18")]


def test_year_in_text_wins():
    assert _resolve("from Monday 3 October to Sunday 9 October 2022", None) == [("2022-10-03", "2022-10-09")]


def test_no_year_and_no_published_date_gives_no_dates():
    assert _resolve("running from Monday, 23 March to Sunday, 29 March", None) == [None]


def test_operation_names_are_normalised():
    assert normalise_key("Op Kaiser") == normalise_key("Operation Kaiser") == "kaiser"
    body = "Officers ran ‘Op Kaiser’, an ANPR operation.\n\nOperation Kaiser made 8 arrests."
    assert [o.name for o in extract(doc(body)).operations] == ["Operation Kaiser"]


def test_campaigns_and_weeks_are_operations():
    body = ("The Met’s annual Autumn Nights campaign ran.\n\n"
            "Kent joined County Lines Intensification Week, which ran from Monday 3 October to Sunday 9 October 2022.")
    ops = {o.name: o for o in extract(doc(body)).operations}
    assert set(ops) == {"Autumn Nights", "County Lines Intensification Week"}
    assert (ops["County Lines Intensification Week"].start, ops["County Lines Intensification Week"].end) == (
        "2022-10-03", "2022-10-09")


def test_programmes_units_and_powers_are_not_operations():
    body = "Programme Precision and the Project Guardian Taskforce used Section 60 powers. A nationwide campaign ran."
    assert extract(doc(body)).operations == ()


def test_main_operation_gets_dates_and_duration_from_the_operation_sentence():
    body = ("A five-week crackdown ended.\n\nThe latest phase of Operation Winter Nights involved officers.\n\n"
            "In total the operation, which ran from Monday, 30 November to Sunday, 3 January, resulted in 20 arrests.")
    (op,) = extract(doc(body, published="2021-01-05")).operations
    assert (op.start, op.end, op.duration) == ("2020-11-30", "2021-01-03", "five-week")


def test_operation_from_a_selection():
    body = "The week saw Operation Sceptre run from November 9-15 across the county."
    start = body.index("Operation")
    op = extract_operation_span(doc(body, published="2020-11-25"), start, start + len("Operation Sceptre"))
    assert (op.name, op.start, op.end) == ("Operation Sceptre", "2020-11-09", "2020-11-15")
