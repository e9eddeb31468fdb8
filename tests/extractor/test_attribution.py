"""Attribution: the most specific operation in whose scope a figure stands, or none."""

from desktop.extractor import extract

from .helpers import doc

BODY = (
    "More than 1,800 people arrested in a crackdown.\n\n"
    "The latest phase of Operation Winter Nights involved officers.\n\n"
    "Week one was named Operation Pandilla. This work led to the arrest of 75 offenders.\n\n"
    "The second week resulted in 30 arrests.\n\n"
    "In the last quarter of 2020 alone, 73 people were referred to DIVERT.\n"
)


def _ops():
    return {m.value: m.operation for m in extract(doc(BODY)).metrics}


def test_lead_figure_belongs_to_the_main_operation():
    assert _ops()[1800] == "Operation Winter Nights"


def test_anaphor_continues_the_operation_named_before():
    assert _ops()[75] == "Operation Pandilla"


def test_unnamed_part_belongs_to_the_enclosing_operation():
    assert _ops()[30] == "Operation Winter Nights"


def test_wider_period_belongs_to_none():
    assert _ops()[73] is None


def test_operation_named_late_is_not_the_main_one():
    body = ("Officers were out this weekend.\n\nThey did things.\n\nThey did more.\n\n"
            "– 12 arrests were made\n\nSome worked during ‘Op Kaiser’, an ANPR operation.\n\n"
            "This resulted in a further eight arrests.")
    ops = {m.value: m.operation for m in extract(doc(body)).metrics}
    assert ops == {12: None, 8: "Operation Kaiser"}
