"""Behaviour that long releases rely on: the linear-time forms of dedupe, overlap and attribution.

(How fast they are is measured by ``benchmarks/extract_scaling.py``, not here.)
"""

from desktop.extractor import extract
from desktop.extractor.operations import _Taken

from tests.extractor.helpers import doc, metrics


def test_figure_in_headline_lead_and_body_is_one_metric_with_the_last_evidence():
    body = ("Police make 42 arrests\n\nOfficers made 42 arrests in a week.\n\nSo far 42 arrests.\n\n"
            "Later text.\n\nIn all, 42 arrests were made.")
    ms = [m for m in extract(doc(body)).metrics if m.category == "arrests"]
    assert [(m.value, body[m.offset:m.offset + m.length]) for m in ms] == [(42, "42 arrests")]
    assert ms[0].offset == body.rindex("42 arrests")


def test_same_figure_twice_on_one_lead_line_stays_twice():
    body = "Officers made 5 arrests on Monday and 5 arrests on Tuesday."
    assert metrics(body) == [("arrests", 5, "exact"), ("arrests", 5, "exact")]


def test_taken_spans_refuse_a_start_inside_or_a_span_beginning_inside():
    taken = _Taken()
    taken.add(10, 20)
    taken.add(40, 45)
    assert taken.overlaps(15, 18)          # starts inside 10..20
    assert taken.overlaps(5, 12)           # 10..20 begins inside 5..12
    assert taken.overlaps(38, 50)          # 40..45 begins inside
    assert not taken.overlaps(20, 30)      # touching the end is not overlapping
    assert not taken.overlaps(0, 10)
    assert not taken.overlaps(46, 60)


def test_taken_spans_find_a_long_span_behind_short_ones():
    taken = _Taken()
    taken.add(0, 100)
    taken.add(50, 52)
    taken.add(60, 61)
    assert taken.overlaps(70, 71)          # only the long first span holds 70


def test_target_word_far_before_the_figure_in_an_endless_sentence_does_not_make_it_a_target():
    near = "Our aim is 50 arrests."
    far = "Our aim is clear and " + "officers worked hard and " * 12 + "made 50 arrests."
    assert metrics(near) == [("other", 50, "exact")]
    assert metrics(far) == [("arrests", 50, "exact")]


def test_figure_between_two_operations_in_one_sentence_goes_to_the_one_before():
    body = "Operation Alpha made 4 arrests while Operation Beta made 6 arrests."
    ms = extract(doc(body)).metrics
    assert [(m.value, m.operation) for m in ms] == [(4, "Operation Alpha"), (6, "Operation Beta")]


def test_thousands_of_figures_in_one_release_are_all_found():
    figures = range(2100, 5100)  # above the years (1900-2099 are never counted)
    body = "Title\n\n" + " ".join(f"Officers made {i} arrests in Leeds." for i in figures)
    ms = extract(doc(body)).metrics
    assert [m.value for m in ms] == list(figures)


def test_long_lists_under_one_introduction_are_read_whole():
    """Every item of a long tally list, bulleted list or heading block takes its introduction (no reach limit)."""
    from desktop.extractor import extract
    from .helpers import doc
    lead = "Police released the figures today.\nThe work went on all week.\nOfficers were busy.\n\n"
    body = lead + "The breakdown of offences for the arrests is as follows:\n\n" + "".join(
        f"{i + 2} x possession of drugs\n\n" for i in range(300))
    assert sum(m.category == "arrests" for m in extract(doc(body)).metrics) == 300
    body = lead + "Items seized include:\n" + "".join(f"• {i + 2} vehicles;\n" for i in range(300))
    assert sum(m.category == "vehicles_seized" for m in extract(doc(body)).metrics) == 300
